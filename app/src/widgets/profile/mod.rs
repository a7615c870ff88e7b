//! Progressive profiling: `data-patron="profile"` asks a visitor already known on this
//! browser the next one or two unanswered questions of the site's list; an unknown visitor
//! sees nothing at all.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{NextProfileFields, ProfileAnswers, SaveProfile, next_profile_fields, save_profile};

use crate::domain::{Field, FieldErrors, ProfileField};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, fetched, submit_error, take_server_errors};
use crate::widgets::visitor;
use leptos::prelude::*;

#[component]
pub fn ProfileWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let token = visitor::token(site);
    let fields = fetched(move || {
        let token = token.clone();
        async move {
            match token {
                // Unknown here: nothing to ask, no request made.
                None => Ok(Vec::new()),
                Some(token) => next_profile_fields(token).await,
            }
        }
    });
    move || match fields.get() {
        Some(Ok(fields)) if !fields.is_empty() => view! { <ProfileForm fields site t /> }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn ProfileForm(fields: Vec<ProfileField>, site: &'static str, t: &'static Texts) -> impl IntoView {
    let values: Vec<(ProfileField, RwSignal<String>)> =
        fields.iter().map(|f| (*f, RwSignal::new(String::new()))).collect();
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |answers: &Vec<(ProfileField, String)>| {
        save_profile(ProfileAnswers { visitor: visitor::token(site).unwrap_or_default(), answers: answers.clone() })
    });
    take_server_errors(move || send.value().get(), errors);
    let on_submit = {
        let values = values.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = FieldErrors::new();
            let answers: Vec<(ProfileField, String)> =
                values.iter().map(|(f, v)| (*f, v.get_untracked())).filter(|(_, v)| !v.trim().is_empty()).collect();
            for (f, v) in &answers {
                found.check(Field::Profile(*f), f.parse(v));
            }
            if answers.is_empty() {
                found.add(Field::Profile(values[0].0), crate::domain::Problem::Required);
            }
            errors.set(found.clone());
            if found.is_empty() {
                send.dispatch_local(answers);
            }
        }
    };
    let done = move || matches!(send.value().get(), Some(Ok(())));
    view! {
        <Show when=done fallback=move || {
            let values = values.clone();
            let on_submit = on_submit.clone();
            view! {
                <form class="patron-form" novalidate on:submit=on_submit>
                    <p class="patron-question">{t.profile().profile_intro}</p>
                    {values.into_iter().map(|(field, value)| view! { <ProfileInput field value errors t /> }).collect_view()}
                    <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.save t />
                </form>
            }
        }>
            <p class="patron-thanks" role="status">{t.thanks_answer}</p>
        </Show>
    }
}

#[component]
fn ProfileInput(
    field: ProfileField,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    t: &'static Texts,
) -> impl IntoView {
    let id = field.code();
    let error_id = format!("{id}-error");
    let label = (t.profile().profile_field)(id);
    let on_input = move |ev| {
        value.set(event_target_value(&ev));
        errors.update(|e| e.remove(Field::Profile(field)));
    };
    let control = match field {
        ProfileField::IncomeRange | ProfileField::PreferredChannel => view! {
            <select id=id aria-describedby=error_id.clone() on:change=on_input>
                <option value="" selected>"—"</option>
                {field.choices().iter().map(|c| view! { <option value=*c>{(t.profile().profile_choice)(c)}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        _ => {
            let (kind, autocomplete) = match field {
                ProfileField::Birthday => ("date", "bday"),
                ProfileField::Postcode => ("text", "postal-code"),
                ProfileField::HouseholdSize => ("number", "off"),
                _ => ("text", "organization-title"),
            };
            view! {
                <input id=id type=kind autocomplete=autocomplete aria-describedby=error_id.clone()
                    prop:value=value on:input=on_input />
            }
            .into_any()
        }
    };
    view! {
        <div class="patron-field">
            <label for=id>{label}</label>
            {control}
            <FieldError id=error_id field=Field::Profile(field) errors t />
        </div>
    }
}
