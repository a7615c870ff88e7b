//! The staff's view of the webhook endpoints and deliveries (the service itself is `crate::webhooks`).

use crate::domain::Field;
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use crate::webhooks::*;
use leptos::form::ActionForm;
use leptos::prelude::*;

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
