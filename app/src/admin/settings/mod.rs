//! Sites and their settings: which widgets a site uses, where it may run, its languages,
//! consent wording, questions, options and texts, and the snippet that embeds each widget.
//! Owner only.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod form;
mod general;

pub use api::{
    AddOption, AddOrigin, ConsentWording, CreateSite, GetSiteSettings, ListSites, MoveOption, OptionSetting,
    QuestionSettings, RemoveOrigin, SaveConsentText, SaveProfileFields, SaveSite, SaveTexts, SetAddressMode, SetOption,
    SetWidget, SiteSettings, SiteSummary, SiteText, TimeZoneChoice, get_site_settings, list_sites,
};

use crate::domain::{Field, ProfileField};
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, reload_after};
use crate::widgets::question::QuestionKind;
use crate::widgets::texts::Lang;
use form::ProfileFieldsForm;
use general::{General, Origins, Widgets};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn SitesPage() -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.settings();
    let create = ServerAction::<CreateSite>::new();
    let sites = Resource::new(move || create.version().get(), |_| list_sites());
    let error = action_error(create);
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(key)) = create.value().get() {
            navigate(&format!("/admin/sites/{key}"), Default::default());
        }
    });
    view! {
        <section class="settings">
            <h1>{t.frame().sites}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match sites.await {
                        Ok(sites) => view! {
                            <table class="customers">
                                <thead><tr>
                                    <th>{t.common().site}</th><th>{w.key}</th><th>{w.allowed_origins}</th><th>{w.customers}</th>
                                </tr></thead>
                                <tbody>
                                    {sites.into_iter().map(|s| view! {
                                        <tr>
                                            <td><A href=format!("/admin/sites/{}", s.key)>{s.name}</A></td>
                                            <td><code>{s.key}</code></td>
                                            <td>{s.origins}</td>
                                            <td>{s.customers}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{w.add_site}</h2>
            <ActionForm action=create attr:class="stacked">
                <label>{w.name} " " <input name="form[name]" required /></label>
                <FormError error field=Field::SiteName />
                <label>{w.key_hint} " " <input name="form[key]" required /></label>
                <FormError error field=Field::SiteKey />
                <label>{w.policy_url} " " <input name="form[privacy_policy_url]" placeholder="/privacy" required /></label>
                <FormError error field=Field::PolicyUrl />
                <label>{w.default_language} " " <LanguageSelect name="form[default_language]" selected="en".to_owned() /></label>
                <FormError error field=Field::Language />
                <label>{w.consent_wording_hint}
                    <textarea name="form[consent_text]" rows="3" required></textarea>
                </label>
                <FormError error field=Field::ConsentText />
                <FormError error />
                <button type="submit">{w.create_site}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn LanguageSelect(name: &'static str, selected: String) -> impl IntoView {
    view! {
        <select name=name>
            {Lang::ALL.into_iter().map(|l| view! {
                <option value=l.code() selected=l.code() == selected>{l.name()}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn SiteSettingsPage() -> impl IntoView {
    let params = use_params_map();
    let key = Memo::new(move |_| params.read().get("key").unwrap_or_default());
    let changed = RwSignal::new(0u32);
    let settings = Resource::new(move || (key.get(), changed.get()), |(key, _)| get_site_settings(key));
    // Sections with data of their own get it here, outside the Suspend below (see PolicyState).
    let policy = crate::admin::policy::PolicyState::new(key, changed);
    let retention = crate::admin::retention::RetentionState::new(key, changed);
    let mail = crate::admin::services::mail::MailState::new(key, changed);
    let webhooks = crate::admin::services::webhooks::WebhookState::new(key, changed);
    let automation = crate::admin::services::automation::AutomationState::new(key, changed);
    let loyalty = crate::admin::services::loyalty_settings::LoyaltyState::new(key, changed);
    let api_keys = crate::admin::api_keys::ApiKeyState::new(key, changed);
    view! {
        <section class="settings">
            <p><A href="/admin/sites">{crate::staff::texts::t().settings().all_sites}</A></p>
            <Transition fallback=move || view! { <p>{crate::staff::texts::t().common().loading}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(s) => view! { <SettingsView s changed policy retention mail webhooks automation loyalty api_keys /> }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The parts of a site's settings, each on its own page (`?section=`), so no part is
/// found 20,000 px down a single page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    General,
    Wording,
    Privacy,
    Mail,
    Loyalty,
    Connections,
}

impl Section {
    const ALL: [Section; 6] =
        [Section::General, Section::Wording, Section::Privacy, Section::Mail, Section::Loyalty, Section::Connections];

    fn code(self) -> &'static str {
        match self {
            Section::General => "general",
            Section::Wording => "wording",
            Section::Privacy => "privacy",
            Section::Mail => "mail",
            Section::Loyalty => "loyalty",
            Section::Connections => "connections",
        }
    }

    /// The section an address names; the general one when it names none (or no known one).
    fn from_code(code: &str) -> Section {
        Section::ALL.into_iter().find(|s| s.code() == code).unwrap_or(Section::General)
    }

    fn name(self, t: &'static crate::staff::texts::AdminTexts) -> &'static str {
        let w = t.settings();
        match self {
            Section::General => w.general,
            Section::Wording => w.wording,
            Section::Privacy => w.privacy,
            Section::Mail => w.mail,
            Section::Loyalty => w.loyalty,
            Section::Connections => w.connections,
        }
    }
}

#[component]
fn SettingsView(
    s: SiteSettings,
    changed: RwSignal<u32>,
    policy: crate::admin::policy::PolicyState,
    retention: crate::admin::retention::RetentionState,
    mail: crate::admin::services::mail::MailState,
    webhooks: crate::admin::services::webhooks::WebhookState,
    automation: crate::admin::services::automation::AutomationState,
    loyalty: crate::admin::services::loyalty_settings::LoyaltyState,
    api_keys: crate::admin::api_keys::ApiKeyState,
) -> impl IntoView {
    let t = crate::staff::texts::t();
    let query = use_query_map();
    let section = Memo::new(move |_| Section::from_code(&query.read().get("section").unwrap_or_default()));
    let key = s.key.clone();
    let title = view! { <h1>{s.name.clone()} " "<small><code>{s.key.clone()}</code></small></h1> };
    let tabs = Section::ALL
        .into_iter()
        .map(|sec| {
            let href = format!("/admin/sites/{}?section={}", key, sec.code());
            view! {
                <a href=href aria-current=move || (section.get() == sec).then_some("page")>{sec.name(t)}</a>
            }
        })
        .collect_view();
    let shown = move || {
        let (s, site) = (s.clone(), s.key.clone());
        match section.get() {
            Section::General => view! {
                <General s=s.clone() changed />
                <Origins site=site.clone() origins=s.origins.clone() changed />
                <Widgets site enabled=s.widgets.clone() address_modes=s.address_modes.clone()
                    server=s.embed_server.clone() changed />
            }
            .into_any(),
            Section::Wording => view! {
                <ConsentTexts s=s.clone() changed />
                <Questions s=s.clone() changed />
                <Texts s=s.clone() changed />
                <ProfileFields site profile_fields=s.profile_fields.clone() changed />
            }
            .into_any(),
            Section::Privacy => view! {
                <crate::admin::policy::PolicySettings site=site.clone() state=policy />
                <crate::admin::retention::RetentionSettings site state=retention />
            }
            .into_any(),
            Section::Mail => view! {
                <crate::admin::services::mail::MailSettings site=site.clone() state=mail />
                <crate::admin::services::automation::AutomationSettings site state=automation />
            }
            .into_any(),
            Section::Loyalty => {
                view! { <crate::admin::services::loyalty_settings::LoyaltySettings site state=loyalty /> }.into_any()
            }
            Section::Connections => view! {
                <crate::admin::services::webhooks::WebhookSettings site=site.clone() state=webhooks />
                <crate::admin::api_keys::ApiKeySettings site state=api_keys />
            }
            .into_any(),
        }
    };
    view! {
        {title}
        <nav class="tabs settings-sections" aria-label=t.settings().sections>{tabs}</nav>
        {shown}
    }
}

#[component]
fn ConsentTexts(s: SiteSettings, changed: RwSignal<u32>) -> impl IntoView {
    let w = crate::staff::texts::t().settings();
    let action = ServerAction::<SaveConsentText>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>{w.consent_title}</h2>
        <p class="hint">{w.consent_hint}</p>
        {s.languages.iter().filter_map(|code| Lang::from_code(code)).map(|lang| {
            let site = s.key.clone();
            let current = s.consent_texts.iter().find(|c| c.language == lang.code()).cloned();
            let version = current.as_ref().map_or(w.none_yet.to_owned(), |c| (w.version)(c.version));
            view! {
                <ActionForm action attr:class="stacked" attr:data-consent=lang.code()>
                    <input type="hidden" name="site" value=site />
                    <input type="hidden" name="language" value=lang.code() />
                    <label>{format!("{} ({version})", lang.name())}
                        <textarea name="body" rows="2">{current.map(|c| c.body).unwrap_or_default()}</textarea>
                    </label>
                    <button type="submit">{w.save_wording}</button>
                </ActionForm>
            }
        }).collect_view()}
        <FormError error field=Field::ConsentText />
    }
}

#[component]
fn Questions(s: SiteSettings, changed: RwSignal<u32>) -> impl IntoView {
    let w = crate::staff::texts::t().settings();
    let add = ServerAction::<AddOption>::new();
    let switch = ServerAction::<SetOption>::new();
    let shift = ServerAction::<MoveOption>::new();
    reload_after(add, changed);
    reload_after(switch, changed);
    reload_after(shift, changed);
    let error = action_error(add);
    let with_options = s.questions.into_iter().filter(|q| q.kind != QuestionKind::Nps);
    view! {
        <h2>{w.options_title}</h2>
        {with_options.map(|q| {
            let site = s.key.clone();
            let last = q.options.len().saturating_sub(1);
            view! {
                <h3>{question_title(w, q.kind)}</h3>
                <ol class="options" data-question=q.kind.key()>
                    {q.options.into_iter().enumerate().map(|(i, o)| {
                        let (s1, s2, s3) = (site.clone(), site.clone(), site.clone());
                        view! {
                            <li class:off=!o.active>
                                <code>{o.code.clone()}</code>
                                <button type="button" class="secondary" disabled=i == 0 aria-label=(w.move_up)(&o.code)
                                    on:click=move |_| { shift.dispatch(MoveOption { site: s1.clone(), option: o.id, up: true }); }>"↑"</button>
                                <button type="button" class="secondary" disabled=i == last aria-label=(w.move_down)(&o.code)
                                    on:click=move |_| { shift.dispatch(MoveOption { site: s2.clone(), option: o.id, up: false }); }>"↓"</button>
                                <button type="button" class="secondary"
                                    on:click=move |_| { switch.dispatch(SetOption { site: s3.clone(), option: o.id, active: !o.active }); }>
                                    {if o.active { w.switch_off } else { w.switch_on }}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <ActionForm action=add attr:class="row">
                    <input type="hidden" name="site" value=site />
                    <input type="hidden" name="question" value=format!("{:?}", q.kind) />
                    <input name="code" placeholder=w.code_placeholder aria-label=w.new_code required />
                    <input name="label" placeholder=w.label_placeholder aria-label=w.new_label />
                    <button type="submit">{w.add_option}</button>
                </ActionForm>
            }
        }).collect_view()}
        <FormError error field=Field::Code />
        <FormError error field=Field::Label />
    }
}

fn question_title(w: &'static crate::staff::texts::Settings, kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Reasons => w.reasons,
        QuestionKind::Nps => w.nps,
        QuestionKind::Heard => w.heard,
    }
}

/// The site's own wording per language, with the catalogue's wording as placeholder.
#[component]
fn Texts(s: SiteSettings, changed: RwSignal<u32>) -> impl IntoView {
    let w = crate::staff::texts::t().settings();
    let action = ServerAction::<SaveTexts>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>{w.texts_title}</h2>
        <p class="hint">{w.texts_hint}</p>
        {s.languages.iter().filter_map(|code| Lang::from_code(code)).map(|lang| {
            let t = lang.texts();
            let mut rows: Vec<(String, String, String)> = Vec::new();
            for q in &s.questions {
                let catalogue = match q.kind {
                    QuestionKind::Reasons => t.surveys().reasons_question,
                    QuestionKind::Nps => t.surveys().nps_question,
                    QuestionKind::Heard => t.surveys().heard_question,
                };
                rows.push((format!("{}.question", q.kind.key()), question_title(w, q.kind).to_owned(), catalogue.to_owned()));
                for o in &q.options {
                    let placeholder = (t.surveys().option)(&o.code).unwrap_or("").to_owned();
                    rows.push((format!("{}.option.{}", q.kind.key(), o.code), format!("· {}", o.code), placeholder));
                }
            }
            let rows: Vec<_> = rows
                .into_iter()
                .map(|(key, title, placeholder)| {
                    let current = s.texts.iter().find(|x| x.key == key && x.language == lang.code());
                    let current = current.map(|x| x.body.clone()).unwrap_or_default();
                    (key, title, placeholder, current)
                })
                .collect();
            let site = s.key.clone();
            view! {
                <details>
                    <summary>{lang.name()}</summary>
                    <ActionForm action attr:class="stacked texts" attr:data-texts=lang.code()>
                        <input type="hidden" name="form[site]" value=site />
                        <input type="hidden" name="form[language]" value=lang.code() />
                        {rows.into_iter().enumerate().map(|(i, (key, title, placeholder, current))| {
                            view! {
                                <label>{title}
                                    <input type="hidden" name=format!("form[texts][{i}][key]") value=key.clone() />
                                    <input name=format!("form[texts][{i}][body]") value=current placeholder=placeholder data-key=key />
                                </label>
                            }
                        }).collect_view()}
                        <button type="submit">{(w.save_texts)(lang.name())}</button>
                    </ActionForm>
                </details>
            }
        }).collect_view()}
        <FormError error />
    }
}

#[component]
fn ProfileFields(site: String, profile_fields: Vec<ProfileField>, changed: RwSignal<u32>) -> impl IntoView {
    let w = crate::staff::texts::t().settings();
    // Each question as the widget asks it, in the reader's language.
    let asked = use_context::<Lang>().unwrap_or(Lang::En).profile().profile_field;
    let save = ServerAction::<SaveProfileFields>::new();
    reload_after(save, changed);
    let send = move |fields: Vec<ProfileField>, site: String| {
        let fields = fields.iter().map(|f| f.code().to_owned()).collect();
        save.dispatch(SaveProfileFields { form: ProfileFieldsForm { site, fields } });
    };
    let missing: Vec<ProfileField> = ProfileField::ALL.into_iter().filter(|f| !profile_fields.contains(f)).collect();
    let last = profile_fields.len().saturating_sub(1);
    view! {
        <h2>{w.profile}</h2>
        <p class="hint">{w.profile_hint}</p>
        <ol class="options" data-question="profile">
            {profile_fields.iter().enumerate().map(|(i, field)| {
                let (list, site) = (profile_fields.clone(), site.clone());
                let moved = move |to: usize| {
                    let mut l = list.clone();
                    l.swap(i, to);
                    l
                };
                let (up, down) = (moved(i.saturating_sub(1)), moved((i + 1).min(last)));
                let mut without = profile_fields.clone();
                without.remove(i);
                let (s1, s2, s3) = (site.clone(), site.clone(), site);
                view! {
                    <li>
                        <span data-field=field.code()>{asked(field.code())}</span>
                        <button type="button" class="secondary" disabled=i == 0 on:click=move |_| send(up.clone(), s1.clone())>"↑"</button>
                        <button type="button" class="secondary" disabled=i == last on:click=move |_| send(down.clone(), s2.clone())>"↓"</button>
                        <button type="button" class="secondary" on:click=move |_| send(without.clone(), s3.clone())>{w.dont_ask}</button>
                    </li>
                }
            }).collect_view()}
        </ol>
        {missing.into_iter().map(|field| {
            let mut with = profile_fields.clone();
            with.push(field);
            let site = site.clone();
            view! {
                <button type="button" class="secondary" on:click=move |_| send(with.clone(), site.clone())>
                    {(w.ask)(asked(field.code()))}
                </button>
            }
        }).collect_view()}
    }
}
