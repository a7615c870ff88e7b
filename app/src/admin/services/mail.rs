//! The staff's view of the mail settings and the outbox (the service itself is `crate::mail`).

use crate::domain::Field;
use crate::error::AppError;
use crate::mail::*;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The mail section's actions and data, made at the top of the settings page for the
/// reason given at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct MailState {
    opt_in: ServerAction<SaveDoubleOptIn>,
    wording: ServerAction<SaveMailWording>,
    data: Resource<Result<MailSettingsView, AppError>>,
}

impl MailState {
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let opt_in = ServerAction::<SaveDoubleOptIn>::new();
        let wording = ServerAction::<SaveMailWording>::new();
        // Reloaded after a save that worked only: a refused one keeps what the owner typed.
        let saved = RwSignal::new(0u32);
        crate::staff::ui::reload_after(opt_in, saved);
        crate::staff::ui::reload_after(wording, saved);
        let data = Resource::new(move || (site.get(), changed.get(), saved.get()), |(site, ..)| mail_settings(site));
        Self { opt_in, wording, data }
    }
}

/// The email section of a site's settings page: double opt-in and the mails' wordings.
#[component]
pub fn MailSettings(site: String, state: MailState) -> impl IntoView {
    let MailState { opt_in, wording, data } = state;
    let opt_in_error = action_error(opt_in);
    let wording_error = action_error(wording);
    let t = crate::staff::texts::t();
    let m = t.mail();
    view! {
        <h2>{m.title}</h2>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    let data = match data.await {
                        Ok(data) => data,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let n = data.newsletter;
                    let opt_in_site = site.clone();
                    let wordings = data.wordings.into_iter().map(|w| wording_form(w, site.clone(), wording)).collect_view();
                    view! {
                        <p class="hint" data-mail-server>{match data.mail_server {
                            Some(server) => (m.sent_through)(&server),
                            None => m.no_server.to_owned(),
                        }}</p>
                        <ActionForm action=opt_in attr:class="stacked" attr:id="double-opt-in">
                            <input type="hidden" name="site" value=opt_in_site />
                            <label class="check">
                                <input type="checkbox" name="on" value="on" checked=n.double_opt_in />
                                {m.double_opt_in}
                            </label>
                            <label>{(m.confirm_hours)(*CONFIRM_HOURS.start(), *CONFIRM_HOURS.end())}
                                <input name="confirm_hours" inputmode="numeric" value=n.confirm_hours.to_string() required />
                            </label>
                            <FormError error=opt_in_error field=Field::ConfirmHours />
                            <FormError error=opt_in_error />
                            <button type="submit">{m.save_opt_in}</button>
                        </ActionForm>
                        {wordings}
                        <FormError error=wording_error field=Field::MailSubject />
                        <FormError error=wording_error field=Field::MailBody />
                        <FormError error=wording_error />
                    }.into_any()
                })
            }}
        </Transition>
    }
}

/// The form of one mail's wording in one language, folded: a site has about 35.
fn wording_form(w: WordingView, site: String, action: ServerAction<SaveMailWording>) -> impl IntoView {
    let m = crate::staff::texts::t().mail();
    let origin = if w.own { m.site_wording } else { m.patrons_wording };
    let title = format!("{} · {} ({origin})", m.kind(&w.kind), w.language_name);
    let id = format!("{}:{}", w.kind, w.language);
    let placeholders = (m.body)(&w.placeholders);
    view! {
        <details class="wording">
        <summary>{title}</summary>
        <ActionForm action attr:class="stacked" attr:data-wording=id>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="kind" value=w.kind />
            <input type="hidden" name="language" value=w.language />
            <label>{m.subject} " " <input name="subject" value=w.subject /></label>
            <label>{placeholders}
                <textarea name="body" rows="8">{w.body}</textarea>
            </label>
            <p class="row">
                <button type="submit">{m.save_wording}</button>
                {w.own.then(|| view! {
                    <button type="submit" class="secondary" name="reset" value="reset">{m.use_patrons}</button>
                })}
            </p>
        </ActionForm>
        </details>
    }
}

/// Every mail Patron wrote, newest first: what was sent, what waits, what failed and why.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let mails = Resource::new(|| (), |_| outbox());
    let t = crate::staff::texts::t();
    let m = t.mail();
    view! {
        <section class="outbox">
            <h1>{t.frame().outbox}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let view = match mails.await {
                        Ok(view) => view,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let sending = view.mail_server.is_some();
                    view! {
                        <p class="hint">{match view.mail_server {
                            Some(server) => (m.outbox_sending)(&server),
                            None => m.outbox_no_server.to_owned(),
                        }}</p>
                        {if view.mails.is_empty() {
                            view! { <p class="empty">{m.no_mail}</p> }.into_any()
                        } else {
                            view! {
                                <table class="customers outbox-mails">
                                    <thead><tr>
                                        <th>{m.written}</th><th>{t.common().site}</th><th>{m.to}</th><th>{m.subject}</th><th>{m.state}</th>
                                    </tr></thead>
                                    <tbody>
                                        {view.mails.into_iter().map(|m| mail_row(m, sending)).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

fn mail_state(m: &OutboxMail, sending: bool) -> String {
    let w = crate::staff::texts::t().mail();
    match (&m.sent_at, &m.failed_at, &m.last_error) {
        (Some(at), _, _) => (w.sent)(&short_time(at)),
        (None, Some(at), error) => (w.failed)(&short_time(at), error.as_deref().unwrap_or("")),
        (None, None, Some(error)) => (w.retrying)(m.attempts, error),
        _ if m.by_hand || !sending => w.by_hand.to_owned(),
        _ => w.waiting.to_owned(),
    }
}

fn mail_row(m: OutboxMail, sending: bool) -> impl IntoView {
    let state = mail_state(&m, sending);
    view! {
        <tr data-mail=m.id data-kind=m.kind.clone()>
            <td>{short_time(&m.created_at)}</td>
            <td>{m.site_name}</td>
            <td>{m.to}</td>
            <td>
                <details class="mail">
                    <summary>{m.subject}</summary>
                    <pre>{m.body}</pre>
                </details>
            </td>
            <td class="mail-state">{state}</td>
        </tr>
    }
}
