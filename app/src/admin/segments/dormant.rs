//! Dormant customers: who bought before but not within the site's rule ("no purchase in
//! 30 days"), most valuable first, to tag or export for a win-back offer.

use super::{Results, SetDormantDays, get_dormant_rule, site_from_query};
use crate::error::AppError;
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;

#[component]
pub fn DormantPage() -> impl IntoView {
    let site = site_from_query();
    let save = ServerAction::<SetDormantDays>::new();
    let rule = Resource::new(move || (site.get(), save.version().get()), |(s, _)| get_dormant_rule(s));
    view! {
        <section class="dormant">
            <h1>"Dormant customers"</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match rule.await {
                        Ok(rule) => {
                            let filter = RwSignal::new(rule.filter.clone());
                            let days = RwSignal::new(rule.days.to_string());
                            // The list follows the number as it is typed (a preview until the
                            // rule is saved), so the count beside the box is always its count.
                            let follow = move |typed: String| {
                                if let Ok(n @ 1..=3650) = typed.trim().parse::<u32>() {
                                    filter.set(crate::segment_rules::DormantRule::filter(n));
                                }
                                days.set(typed);
                            };
                            view! {
                                <form class="row" on:submit=move |ev| {
                                    ev.prevent_default();
                                    save.dispatch(SetDormantDays { site: site.get_untracked(), days: days.get_untracked() });
                                }>
                                    <label>"Dormant after "
                                        <input name="days" type="number" min="1" max="3650" class="short" aria-label="Days without a purchase"
                                            prop:value=move || days.get() on:input=move |ev| follow(event_target_value(&ev)) />
                                        " days without a purchase"</label>
                                    <button type="submit">"Save rule"</button>
                                    {move || match save.value().get() {
                                        Some(Err(AppError::Invalid(e))) => {
                                            let why = e.iter().map(|(_, p)| p.to_string()).collect::<Vec<_>>().join(" ");
                                            view! { <span class="form-error" role="alert">{why}</span> }.into_any()
                                        }
                                        Some(Err(error)) => view! { <ErrorLine error /> }.into_any(),
                                        _ => ().into_any(),
                                    }}
                                </form>
                                <p class="muted">
                                    "Customers who bought before, but not in the last " {move || days.get()} " days; the biggest spenders first."
                                    {move || (days.get().trim() != rule.days.to_string()).then(|| view! { " " <strong>"Not saved yet."</strong> })}
                                </p>
                                <Results site filter sort_by=("spent", true) />
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
