//! Retention: how long a site keeps page views and events, and after how long without any
//! activity or consent a customer is erased. A job in every server applies the rules
//! hourly (and `patron retention` or the settings page's button at once); it also drops
//! uploads left unfinished for a day and closes self-service requests whose link expired
//! unopened. What it removed is logged.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::Field;
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Writes what a run removed to the server log (counts only).
#[cfg(feature = "ssr")]
pub fn log_run(done: &[(Option<crate::domain::SiteId>, db::Removed)]) {
    for (site, r) in done.iter().filter(|(_, r)| *r != db::Removed::default()) {
        tracing::info!(
            site = site.map(|s| s.0),
            page_views = r.page_views,
            events = r.events,
            customers = r.customers,
            uploads = r.uploads,
            links = r.links,
            "retention applied"
        );
    }
}

/// The retention section's actions and data, made at the top of the settings page for the
/// reason given at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct RetentionState {
    save: ServerAction<SaveRetention>,
    apply: ServerAction<ApplyRetention>,
    data: Resource<Result<RetentionView, AppError>>,
}

impl RetentionState {
    /// Saved rules change the privacy policy, so a save reloads the whole page (`changed`).
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let save = ServerAction::<SaveRetention>::new();
        crate::staff::ui::reload_after(save, changed);
        let apply = ServerAction::<ApplyRetention>::new();
        let data =
            Resource::new(move || (site.get(), changed.get(), apply.version().get()), |(site, _, _)| retention(site));
        Self { save, apply, data }
    }
}

/// The retention section of a site's settings page.
#[component]
pub fn RetentionSettings(site: String, state: RetentionState) -> impl IntoView {
    let RetentionState { save, apply, data: view_data } = state;
    let error = action_error(save);
    let apply_error = action_error(apply);
    let t = crate::staff::texts::t();
    let w = t.privacy();
    view! {
        <h2>{w.retention_title}</h2>
        <p class="hint">{w.retention_hint}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    let data = match view_data.await {
                        Ok(data) => data,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let rules = data.rules;
                    let apply_site = site.clone();
                    view! {
                        <ActionForm action=save attr:class="stacked" attr:id="retention">
                            <input type="hidden" name="site" value=site />
                            <label>{(w.analytics_months)(*ANALYTICS_MONTHS.start(), *ANALYTICS_MONTHS.end())}
                                <input name="analytics_months" inputmode="numeric" value=rules.analytics_months.to_string() required />
                            </label>
                            <FormError error field=Field::AnalyticsMonths />
                            <label>{(w.inactive_months)(*INACTIVE_MONTHS.start(), *INACTIVE_MONTHS.end())}
                                <input name="inactive_months" inputmode="numeric" value=rules.inactive_months.map(|m| m.to_string()).unwrap_or_default() />
                            </label>
                            <FormError error field=Field::InactiveMonths />
                            <FormError error />
                            <button type="submit">{w.save_retention}</button>
                        </ActionForm>
                        <p data-retention-last>
                            {match rules.last_run_at {
                                Some(at) => (w.last_applied)(&short_time(&at)),
                                None => w.not_applied.to_owned(),
                            }}
                        </p>
                        <ActionForm action=apply>
                            <input type="hidden" name="site" value=apply_site />
                            <button type="submit" class="secondary">{w.apply_now}</button>
                        </ActionForm>
                        <RunList runs=data.runs />
                    }.into_any()
                })
            }}
        </Transition>
        {move || apply_error.get().map(|error| view! { <ErrorLine error /> })}
    }
}

#[component]
fn RunList(runs: Vec<RetentionRun>) -> impl IntoView {
    let w = crate::staff::texts::t().privacy();
    if runs.is_empty() {
        return view! { <p class="empty">{w.nothing_removed}</p> }.into_any();
    }
    view! {
        <table class="customers retention-runs">
            <thead><tr>
                <th>{w.when}</th><th class="number">{w.page_views}</th><th class="number">{w.events}</th>
                <th class="number">{w.erased}</th><th class="number">{w.uploads}</th><th class="number">{w.links}</th>
            </tr></thead>
            <tbody>
                {runs.into_iter().map(|r| view! {
                    <tr data-server-wide=r.server_wide.to_string()>
                        <td>{short_time(&r.at)}</td>
                        <td class="number">{r.page_views}</td>
                        <td class="number">{r.events}</td>
                        <td class="number">{r.customers}</td>
                        <td class="number">{r.uploads}</td>
                        <td class="number">{r.links}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
