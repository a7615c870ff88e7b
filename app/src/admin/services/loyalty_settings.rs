//! The loyalty section of a site's settings page: each programme's rules, and a new one.

use crate::domain::Field;
use crate::error::AppError;
use crate::loyalty::{Kind, Programme, SaveLoyaltyProgramme, loyalty_programmes};
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The section's action and data, made at the top of the settings page for the reason given
/// at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct LoyaltyState {
    save: ServerAction<SaveLoyaltyProgramme>,
    data: Resource<Result<Vec<Programme>, AppError>>,
}

impl LoyaltyState {
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let save = ServerAction::<SaveLoyaltyProgramme>::new();
        let saved = RwSignal::new(0u32);
        crate::staff::ui::reload_after(save, saved);
        let data =
            Resource::new(move || (site.get(), changed.get(), saved.get()), |(site, ..)| loyalty_programmes(site));
        Self { save, data }
    }
}

#[component]
pub fn LoyaltySettings(site: String, state: LoyaltyState) -> impl IntoView {
    let LoyaltyState { save, data } = state;
    let error = action_error(save);
    let t = crate::staff::texts::t();
    view! {
        <h2>{t.loyalty().title}</h2>
        <p class="hint">{t.loyalty().hint}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(programmes) => {
                            let forms = programmes.into_iter().map(|p| programme_form(Some(p), site.clone(), save, error)).collect_view();
                            view! { {forms} {programme_form(None, site.clone(), save, error)} }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

fn programme_form(
    p: Option<Programme>,
    site: String,
    save: ServerAction<SaveLoyaltyProgramme>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = p.as_ref().map_or(String::new(), |p| p.id.to_string());
    let marker = if id.is_empty() { "new".to_owned() } else { id.clone() };
    // Only the form last submitted shows the error.
    let mine = {
        let id = id.clone();
        move || save.input().get().is_none_or(|i| i.id == id)
    };
    let error = Signal::derive(move || if mine() { error.get() } else { None });
    let w = crate::staff::texts::t().loyalty();
    let title = p.as_ref().map_or(w.new_programme.to_owned(), |p| (w.members)(&p.name, p.members));
    let kind = p.as_ref().map_or(Kind::Stamps, |p| p.kind);
    let value = |f: fn(&Programme) -> String| p.as_ref().map(f).unwrap_or_default();
    let rewards = value(|p| p.rewards.iter().map(|r| format!("{} {}", r.cost, r.name)).collect::<Vec<_>>().join("\n"));
    let name = value(|p| p.name.clone());
    let min_total = value(|p| if p.min_total.0 == 0 { String::new() } else { p.min_total.plain() });
    let skus = value(|p| p.skus.join(", "));
    let points = value(|p| if p.points_per_unit == 0 { String::new() } else { p.points_per_unit.to_string() });
    let expiry = value(|p| p.expiry_days.map(|d| d.to_string()).unwrap_or_default());
    let birthday = value(|p| p.birthday_reward.clone());
    let running = p.as_ref().is_none_or(|p| p.active);
    let words = p.as_ref().map(programme_words).unwrap_or_default();
    let button = if p.is_some() { w.save } else { w.create };
    view! {
        <ActionForm action=save attr:class="stacked loyalty-programme" attr:data-programme=marker>
            <h3>{title}</h3>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="id" value=id />
            <label>{w.name} " " <input name="form[name]" value=name maxlength="80" /></label>
            <FormError error field=Field::ProgrammeName />
            <label>{w.kind}
                <select name="form[kind]">
                    <option value="stamps" selected=kind == Kind::Stamps>{w.stamp_card}</option>
                    <option value="points" selected=kind == Kind::Points>{w.points}</option>
                </select>
            </label>
            <label>{w.min_total} " " <input name="form[min_total]" inputmode="decimal" value=min_total /></label>
            <FormError error field=Field::MinTotal />
            <label>{w.skus} " " <input name="form[skus]" value=skus /></label>
            <FormError error field=Field::Skus />
            <label>{w.points_per_unit} " " <input name="form[points_per_unit]" inputmode="numeric" value=points /></label>
            <FormError error field=Field::PointsPerUnit />
            <label>{w.expiry} " " <input name="form[expiry_days]" inputmode="numeric" value=expiry /></label>
            <FormError error field=Field::ExpiryDays />
            <label>{w.birthday} " " <input name="form[birthday_reward]" value=birthday maxlength="80" /></label>
            <FormError error field=Field::BirthdayReward />
            <label>{w.rewards} " " <textarea name="form[rewards]" rows="3" placeholder=w.rewards_example>{rewards}</textarea></label>
            <FormError error field=Field::Rewards />
            {words}
            <FormError error field=Field::ProgrammeWords />
            <label class="check"><input type="checkbox" name="form[active]" checked=running />" " {w.running}</label>
            <FormError error />
            <button type="submit">{button}</button>
        </ActionForm>
    }
}

/// The programme's words in each of its site's other languages, one folded block each: its
/// name, birthday gift and every reward's name, with its own words as the placeholders.
fn programme_words(p: &Programme) -> Vec<AnyView> {
    let w = crate::staff::texts::t().loyalty();
    p.words
        .iter()
        .enumerate()
        .map(|(k, words)| {
            let field = |name: &str| format!("form[words][{k}][{name}]");
            let reward_field = move |j: usize, name: &str| format!("form[words][{k}][rewards][{j}][{name}]");
            let language = crate::admin::products::language_name(&words.language);
            let rewards = words.rewards.iter().enumerate().map(|(j, (id, name))| {
                let own = p.rewards.iter().find(|r| r.id == *id);
                let label = own.map(|r| format!("{} · {}", r.cost, r.name)).unwrap_or_default();
                let placeholder = own.map(|r| r.name.clone()).unwrap_or_default();
                view! {
                    <input type="hidden" name=reward_field(j, "id") value=*id />
                    <label>{label} " " <input name=reward_field(j, "name") value=name.clone()
                        placeholder=placeholder maxlength="80" /></label>
                }
            }).collect_view();
            view! {
                <details class="programme-words" data-words=words.language.clone()>
                    <summary>{(w.words_in)(&language)}</summary>
                    <p class="hint">{w.words_hint}</p>
                    <input type="hidden" name=field("language") value=words.language.clone() />
                    <label>{w.name} " " <input name=field("name") value=words.name.clone() placeholder=p.name.clone() maxlength="80" /></label>
                    <label>{w.birthday} " " <input name=field("birthday_reward") value=words.birthday_reward.clone()
                        placeholder=p.birthday_reward.clone() maxlength="80" /></label>
                    {rewards}
                </details>
            }
            .into_any()
        })
        .collect()
}
