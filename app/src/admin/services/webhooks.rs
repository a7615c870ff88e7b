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
    let t = crate::staff::texts::t();
    let c = t.connections();
    view! {
        <h2>{c.webhooks}</h2>
        <p class="hint">{c.webhooks_hint}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
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
                            <label>{c.url} " " <input name="url" type="url" placeholder="https://shop.example/hooks/patron" required /></label>
                            <FormError error=add_error field=Field::Url />
                            <label>{c.events} " " <input name="events" value=all_events /></label>
                            <FormError error=add_error field=Field::Events />
                            <label class="check"><input type="checkbox" name="shares" value="on" />
                                " " {c.third_party_webhook}</label>
                            <FormError error=add_error />
                            <button type="submit">{c.add_endpoint}</button>
                        </ActionForm>
                        <h3>{c.deliveries}</h3>
                        <table class="customers webhook-log">
                            <thead><tr><th>{c.event}</th><th>{c.endpoint}</th><th>{c.state}</th><th></th></tr></thead>
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
    let c = crate::staff::texts::t().connections();
    let id = e.id;
    view! {
        <li data-endpoint=e.id>
            <code>{e.url}</code>
            <p class="hint">{e.events.join(", ")}{e.shares.then(|| format!(" · {}", c.third_party))}</p>
            <p class="hint">{c.secret} " " <code class="secret">{e.secret}</code></p>
            <button type="button" class="secondary danger"
                on:click=move |_| { remove.dispatch(RemoveWebhook { site: site.clone(), id }); }>{c.remove}</button>
        </li>
    }
}

fn delivery_state(d: &Delivery) -> String {
    let c = crate::staff::texts::t().connections();
    let answer = match (d.last_status, &d.last_error) {
        (Some(status), _) => format!("HTTP {status}"),
        (None, Some(error)) => error.clone(),
        (None, None) => String::new(),
    };
    match (&d.delivered_at, &d.failed_at) {
        (Some(at), _) => (c.delivered)(&short_time(at), &answer),
        (None, Some(at)) => (c.given_up)(&short_time(at), d.attempts, &answer),
        _ if d.attempts == 0 => c.waiting.to_owned(),
        _ => (c.retrying)(d.attempts, &answer, &d.next_attempt_at.as_deref().map(short_time).unwrap_or_default()),
    }
}

fn delivery_row(d: Delivery, site: String, resend: ServerAction<ResendWebhook>) -> impl IntoView {
    let c = crate::staff::texts::t().connections();
    let state = delivery_state(&d);
    let id = d.id;
    let event = d.event_type.clone();
    view! {
        <tr data-delivery=d.id data-event=event>
            <td>{d.event_type} " " <small>{d.message_id} " · " {short_time(&d.created_at)}</small></td>
            <td><code>{d.url}</code></td>
            <td class="delivery-state">{state}</td>
            <td><button type="button" class="secondary"
                on:click=move |_| { resend.dispatch(ResendWebhook { site: site.clone(), id }); }>{c.send_again}</button></td>
        </tr>
    }
}
