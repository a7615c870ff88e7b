//! Webhooks: a site's endpoints are told of every change they subscribe to, signed in the
//! Standard Webhooks format (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The
//! events are written by triggers in the transaction of each change (migration 0025) and
//! sent by the server's webhook sender (`server/src/webhooks.rs`) from a queue in the
//! database: a request never waits for a delivery, and a restart loses none.

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

/// Every event an endpoint can subscribe to.
pub const EVENT_TYPES: [&str; 9] = [
    "customer.created",
    "customer.updated",
    "customer.erased",
    "consent.changed",
    "purchase.created",
    "reservation.created",
    "reservation.updated",
    "survey.answered",
    "automation.fired",
];

/// An endpoint's address: http(s), at most 2,000 characters, no user or password in it.
pub fn parse_url(raw: &str) -> Result<String, Problem> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(Problem::Required);
    }
    if url.len() > 2_000 {
        return Err(Problem::TooLong);
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or(Problem::NotAUrl)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains('@') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::NotAUrl);
    }
    Ok(url.to_owned())
}

/// The events typed as a comma-separated list: known ones only, at least one, each once.
pub fn parse_events(raw: &str) -> Result<Vec<&'static str>, Problem> {
    crate::domain::parse_choices(raw, &EVENT_TYPES)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub id: i64,
    pub url: String,
    /// Shown to the owner: the receiver needs it to check signatures.
    pub secret: String,
    pub events: Vec<String>,
    /// Another company's: nothing about customers who asked not to be sold or shared goes to it.
    pub shares: bool,
    pub created_at: String,
}

/// One event for one endpoint, as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub url: String,
    pub event_type: String,
    /// The `webhook-id` it is sent with.
    pub message_id: String,
    pub created_at: String,
    pub attempts: i64,
    pub delivered_at: Option<String>,
    pub failed_at: Option<String>,
    pub next_attempt_at: Option<String>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub last_attempt_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksView {
    pub endpoints: Vec<Endpoint>,
    pub deliveries: Vec<Delivery>,
}

/// The webhook section's actions and data, made at the top of the settings page for the
/// reason given at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct WebhookState {
    add: ServerAction<AddWebhook>,
    remove: ServerAction<RemoveWebhook>,
    resend: ServerAction<ResendWebhook>,
    data: Resource<Result<WebhooksView, AppError>>,
}

impl WebhookState {
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let add = ServerAction::<AddWebhook>::new();
        let remove = ServerAction::<RemoveWebhook>::new();
        let resend = ServerAction::<ResendWebhook>::new();
        let saved = RwSignal::new(0u32);
        crate::staff::ui::reload_after(add, saved);
        crate::staff::ui::reload_after(remove, saved);
        crate::staff::ui::reload_after(resend, saved);
        let data = Resource::new(move || (site.get(), changed.get(), saved.get()), |(site, ..)| webhooks(site));
        Self { add, remove, resend, data }
    }
}

/// The webhooks section of a site's settings page: endpoints, a new one, the delivery log.
#[component]
pub fn WebhookSettings(site: String, state: WebhookState) -> impl IntoView {
    let WebhookState { add, remove, resend, data } = state;
    let add_error = action_error(add);
    let other_error = Signal::derive(move || action_error(remove).get().or_else(|| action_error(resend).get()));
    let all_events = EVENT_TYPES.join(", ");
    view! {
        <h2>"Webhooks"</h2>
        <p class="hint">"Endpoints are told of each change they subscribe to, signed in the Standard Webhooks format (headers webhook-id, webhook-timestamp, webhook-signature) with the endpoint's secret. A delivery that does not get a 2xx answer is tried again after 5 seconds, 5 minutes, 30 minutes, 2, 5 and 10 hours."</p>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let site = site.clone();
                let all_events = all_events.clone();
                Suspend::new(async move {
                    let data = match data.await {
                        Ok(data) => data,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let endpoints = data.endpoints.into_iter().map(|e| endpoint_row(e, site.clone(), remove)).collect_view();
                    let deliveries = data.deliveries.into_iter().map(|d| delivery_row(d, site.clone(), resend)).collect_view();
                    view! {
                        <ul class="webhooks">{endpoints}</ul>
                        <ActionForm action=add attr:class="stacked" attr:id="add-webhook">
                            <input type="hidden" name="site" value=site.clone() />
                            <label>"Endpoint URL" <input name="url" type="url" placeholder="https://shop.example/hooks/patron" required /></label>
                            <FormError error=add_error field=Field::Url />
                            <label>"Events (comma-separated)" <input name="events" value=all_events /></label>
                            <FormError error=add_error field=Field::Events />
                            <label class="check"><input type="checkbox" name="shares" value="on" />
                                " Another company's (a marketing tool, a partner): events about customers who asked not to have their data sold or shared are withheld"</label>
                            <FormError error=add_error />
                            <button type="submit">"Add endpoint"</button>
                        </ActionForm>
                        <h3>"Deliveries"</h3>
                        <table class="customers webhook-log">
                            <thead><tr><th>"Event"</th><th>"Endpoint"</th><th>"State"</th><th></th></tr></thead>
                            <tbody>{deliveries}</tbody>
                        </table>
                    }.into_any()
                })
            }}
        </Transition>
        {move || other_error.get().map(|error| view! { <ErrorLine error /> })}
    }
}

fn endpoint_row(e: Endpoint, site: String, remove: ServerAction<RemoveWebhook>) -> impl IntoView {
    let id = e.id;
    view! {
        <li data-endpoint=e.id>
            <code>{e.url}</code>
            <p class="hint">{e.events.join(", ")}{e.shares.then_some(" · third party")}</p>
            <p class="hint">"Secret: " <code class="secret">{e.secret}</code></p>
            <button type="button" class="secondary danger"
                on:click=move |_| { remove.dispatch(RemoveWebhook { site: site.clone(), id }); }>"Remove"</button>
        </li>
    }
}

fn delivery_state(d: &Delivery) -> String {
    let answer = match (d.last_status, &d.last_error) {
        (Some(status), _) => format!("HTTP {status}"),
        (None, Some(error)) => error.clone(),
        (None, None) => String::new(),
    };
    match (&d.delivered_at, &d.failed_at) {
        (Some(at), _) => format!("delivered {} ({answer})", short_time(at)),
        (None, Some(at)) => format!("given up {} after {} tries ({answer})", short_time(at), d.attempts),
        _ if d.attempts == 0 => "waiting".to_owned(),
        _ => format!(
            "try {} failed ({answer}); next {}",
            d.attempts,
            d.next_attempt_at.as_deref().map(short_time).unwrap_or_default()
        ),
    }
}

fn delivery_row(d: Delivery, site: String, resend: ServerAction<ResendWebhook>) -> impl IntoView {
    let state = delivery_state(&d);
    let id = d.id;
    let event = d.event_type.clone();
    view! {
        <tr data-delivery=d.id data-event=event>
            <td>{d.event_type} " " <small>{d.message_id} " · " {short_time(&d.created_at)}</small></td>
            <td><code>{d.url}</code></td>
            <td class="delivery-state">{state}</td>
            <td><button type="button" class="secondary"
                on:click=move |_| { resend.dispatch(ResendWebhook { site: site.clone(), id }); }>"Send again"</button></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_http_addresses_without_credentials() {
        assert_eq!(parse_url(" https://shop.example/hooks "), Ok("https://shop.example/hooks".to_owned()));
        assert_eq!(parse_url("http://127.0.0.1:8080"), Ok("http://127.0.0.1:8080".to_owned()));
        assert_eq!(parse_url(""), Err(Problem::Required));
        assert_eq!(parse_url("ftp://shop.example"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https://user:pw@shop.example"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https:///path"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https://shop.example/a b"), Err(Problem::NotAUrl));
    }

    #[test]
    fn events_are_known_types_each_once() {
        assert_eq!(
            parse_events("customer.created, consent.changed,customer.created"),
            Ok(vec!["customer.created", "consent.changed"])
        );
        assert_eq!(parse_events(" , "), Err(Problem::Required));
        assert_eq!(parse_events("customer.created, order.paid"), Err(Problem::UnknownOption));
    }
}
