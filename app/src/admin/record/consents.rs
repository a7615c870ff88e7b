//! The record's consents: what is in force for each purpose, a consent given or withdrawn
//! through staff, and every consent event with the wording the customer saw.

use super::{CustomerRecord, RecordConsent, source_name};
use crate::domain::Field;
use crate::segment_rules::filter::CONSENT_PURPOSES;
use crate::staff::form_error::FormError;
use crate::staff::texts::{AdminTexts, or_code};
use crate::staff::ui::{action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// A purpose by its name; one Patron does not know by its code.
fn purpose_name(t: &AdminTexts, code: &str) -> String {
    or_code((t.record().purpose)(code), code)
}

#[component]
pub(super) fn Consents(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.record();
    let action = ServerAction::<RecordConsent>::new();
    reload_after(action, changed);
    let error = action_error(action);
    let policy = format!("/p/{}/privacy", r.site_key);
    // The newest record of each purpose is the one in force.
    let in_force: Vec<(&str, Option<bool>)> = CONSENT_PURPOSES
        .into_iter()
        .map(|p| (p, r.consents.iter().find(|c| c.purpose == p).map(|c| c.granted)))
        .collect();
    view! {
        <h2>{w.consents}</h2>
        <ul class="consent-state">
            {in_force.into_iter().map(|(purpose, granted)| view! {
                <li data-consent=purpose>
                    {purpose_name(t, purpose)} ": "
                    {match granted {
                        Some(true) => view! { <span class="badge granted">{w.given}</span> }.into_any(),
                        Some(false) => view! { <span class="badge withdrawn">{w.withdrawn}</span> }.into_any(),
                        None => view! { <span class="badge none">{w.never_asked}</span> }.into_any(),
                    }}
                </li>
            }).collect_view()}
        </ul>
        <ActionForm action attr:class="stacked consent-form">
            <input type="hidden" name="id" value=r.id />
            <label>{w.purpose_label}
                <select name="purpose">
                    {CONSENT_PURPOSES.into_iter().map(|p| view! { <option value=p>{purpose_name(t, p)}</option> }).collect_view()}
                </select>
            </label>
            <FormError error field=Field::Consent />
            <fieldset class="inline">
                <label class="inline"><input type="radio" name="granted" value="true" checked /> {w.given}</label>
                <label class="inline"><input type="radio" name="granted" value="false" /> {w.withdrawn}</label>
            </fieldset>
            <label>{w.how}
                <input name="note" placeholder=w.how_placeholder required />
            </label>
            <FormError error field=Field::Note />
            <FormError error />
            <button type="submit" class="small">{w.record_consent}</button>
        </ActionForm>
        {r.consents.is_empty().then(|| view! { <p class="empty">{w.no_consents}</p> })}
        <ul class="timeline">
            {r.consents.into_iter().map(|c| {
                let policy = c.policy_version.map(|v| view! {
                    " · " <a href=format!("{policy}?version={v}") target="_blank" rel="noopener">{(w.policy_version)(v)}</a>
                });
                let state = if c.granted { w.given } else { w.withdrawn };
                view! {
                    <li>
                        <span class=if c.granted { "badge granted" } else { "badge withdrawn" }>
                            {format!("{} {state}", purpose_name(t, &c.purpose))}
                        </span>
                        " " {short_time(&c.at)} " · " {source_name(t, &c.source)}
                        {(!c.page_url.is_empty() && c.page_url != "admin").then(|| format!(" · {}", c.page_url))}
                        {c.staff.map(|s| format!(" · {}", (w.by)(&s)))}
                        {c.requested_at.map(|at| format!(" · {}", (w.confirmed_by_link)(&short_time(&at))))}
                        {policy}
                        <blockquote>{(w.wording)(&c.body, c.version, &c.language)}</blockquote>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
