//! API keys: the owner makes a key per site for a web shop or a mail tool, with the scopes
//! it needs, sees it once, and revokes it when it leaks or is no longer used. The REST API
//! itself is in `crate::api`.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::{Field, Problem};
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a key may do. Reading and writing are separate, so a mail tool that only pulls its
/// list cannot change anything.
pub const SCOPES: [&str; 9] = [
    "customers:read",
    "customers:write",
    "consents:read",
    "purchases:read",
    "purchases:write",
    "reservations:read",
    "products:read",
    "products:write",
    "segments:read",
];

/// Scopes typed as a comma-separated list: known ones, at least one, each once.
pub fn parse_scopes(raw: &str) -> Result<Vec<&'static str>, Problem> {
    crate::domain::parse_choices(raw, &SCOPES)
}

/// A key's name: what it is for, 1 to 80 characters on one line.
pub fn parse_name(raw: &str) -> Result<String, Problem> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err(Problem::Required),
        81.. => Err(Problem::TooLong),
        _ if name.chars().any(char::is_control) => Err(Problem::BadCharacters),
        _ => Ok(name.to_owned()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyView {
    pub id: i64,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    pub prefix: String,
    pub scopes: Vec<String>,
    /// Given to a third party: sees no customer who asked not to be sold or shared.
    pub shares: bool,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// The API-key section's actions and data, made at the top of the settings page for the
/// reason given at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct ApiKeyState {
    create: ServerAction<CreateApiKey>,
    revoke: ServerAction<RevokeApiKey>,
    data: Resource<Result<Vec<ApiKeyView>, AppError>>,
}

impl ApiKeyState {
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let create = ServerAction::<CreateApiKey>::new();
        let revoke = ServerAction::<RevokeApiKey>::new();
        let saved = RwSignal::new(0u32);
        crate::staff::ui::reload_after(create, saved);
        crate::staff::ui::reload_after(revoke, saved);
        let data = Resource::new(move || (site.get(), changed.get(), saved.get()), |(site, ..)| api_keys(site));
        Self { create, revoke, data }
    }
}

#[component]
pub fn ApiKeySettings(site: String, state: ApiKeyState) -> impl IntoView {
    let ApiKeyState { create, revoke, data } = state;
    let create_error = action_error(create);
    let revoke_error = action_error(revoke);
    let new_key = move || create.value().get().and_then(Result::ok);
    let t = crate::staff::texts::t();
    let c = t.connections();
    view! {
        <h2>{c.api_keys}</h2>
        <p class="hint">{c.api_hint_before} " " <a href="/api/docs">"/api/docs"</a> {c.api_hint_after} " " <code>"Authorization: Bearer KEY"</code>"."</p>
        {move || new_key().map(|key| view! {
            <p class="notice" role="status">{c.new_key} " " <code data-new-key>{key}</code></p>
        })}
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    let keys = match data.await {
                        Ok(keys) => keys,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let rows = keys.into_iter().map(|k| key_row(k, site.clone(), revoke)).collect_view();
                    view! {
                        <table class="customers api-keys">
                            <thead><tr><th>{c.name}</th><th>{c.key}</th><th>{c.scopes}</th><th>{c.last_used}</th><th></th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <ActionForm action=create attr:class="stacked" attr:id="new-api-key">
                            <input type="hidden" name="site" value=site />
                            <label>{c.what_for} " " <input name="name" placeholder=c.what_for_example required /></label>
                            <FormError error=create_error field=Field::KeyName />
                            <label>{c.scopes_label} " " <input name="scopes" value="customers:read, customers:write, purchases:write" /></label>
                            <p class="hint">{SCOPES.join(", ")}</p>
                            <FormError error=create_error field=Field::Scopes />
                            <label class="check"><input type="checkbox" name="shares" value="on" />
                                " " {c.third_party_key}</label>
                            <FormError error=create_error />
                            <button type="submit">{c.make_key}</button>
                        </ActionForm>
                    }.into_any()
                })
            }}
        </Transition>
        {move || revoke_error.get().map(|error| view! { <ErrorLine error /> })}
    }
}

fn key_row(k: ApiKeyView, site: String, revoke: ServerAction<RevokeApiKey>) -> impl IntoView {
    let c = crate::staff::texts::t().connections();
    let id = k.id;
    let revoked = k.revoked_at.clone();
    let off = revoked.is_some();
    view! {
        <tr data-api-key=k.id class:off=off>
            <td>{k.name}</td>
            <td><code>{format!("{}…", k.prefix)}</code></td>
            <td>{k.scopes.join(", ")}{k.shares.then(|| format!(" · {}", c.third_party))}</td>
            <td>{k.last_used_at.as_deref().map(short_time).unwrap_or_else(|| c.never.to_owned())}</td>
            <td>{match revoked {
                Some(at) => (c.revoked)(&short_time(&at)).into_any(),
                None => view! {
                    <button type="button" class="secondary danger"
                        on:click=move |_| { revoke.dispatch(RevokeApiKey { site: site.clone(), id }); }>{c.revoke}</button>
                }.into_any(),
            }}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_known_each_once_and_at_least_one() {
        assert_eq!(
            parse_scopes("customers:read, purchases:write customers:read"),
            Ok(vec!["customers:read", "purchases:write"])
        );
        assert_eq!(parse_scopes(""), Err(Problem::Required));
        assert_eq!(parse_scopes("customers:delete"), Err(Problem::UnknownOption));
    }
}
