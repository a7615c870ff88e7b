//! Dormant customers: who bought before but not within the site's rule ("no purchase in
//! 30 days"), most valuable first, to tag or export for a win-back offer.

use super::results::{Matches, Paging, Results, SegmentActions};
use super::{DormantRule, SetDormantDays, get_dormant_rule, run_segment, site_from_query, to_json};
use crate::error::AppError;
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;

#[component]
pub fn DormantPage() -> impl IntoView {
    let site = site_from_query();
    let save = ServerAction::<SetDormantDays>::new();
    let rule = Resource::new(move || (site.get(), save.version().get()), |(s, _)| get_dormant_rule(s));
    // The box's text once typed, and the last number in it that can be a rule: the list
    // follows the number as it is typed (a preview until the rule is saved), so the count
    // beside the box is always its count.
    let typed = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<u32>);
    let paging = Paging::new("spent", true);
    // Made here, not inside the rule's `Suspend` (see `results`): it waits for the rule itself.
    let matches: Matches = Resource::new(
        move || (site.get(), preview.get(), paging.sort.get(), paging.page.get()),
        move |(site, preview, (sort, descending), page)| async move {
            let days = match preview {
                Some(days) => days,
                None => rule.await?.days,
            };
            run_segment(site, to_json(&DormantRule::filter(days)), sort, descending, page).await.map(Some)
        },
    );
    let follow = move |text: String| {
        if let Ok(days @ 1..=3650) = text.trim().parse::<u32>() {
            preview.set(Some(days));
            paging.page.set(1);
        }
        typed.set(Some(text));
    };
    let t = crate::staff::texts::t();
    let w = t.segments();
    view! {
        <section class="dormant">
            <h1>{w.dormant_title}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match rule.await {
                        Ok(rule) => {
                            let saved = rule.days;
                            let days = move || typed.get().unwrap_or_else(|| saved.to_string());
                            view! {
                                <form class="row" on:submit=move |ev| {
                                    ev.prevent_default();
                                    save.dispatch(SetDormantDays { site: site.get_untracked(), days: days() });
                                }>
                                    <label>{w.dormant_after} " "
                                        <input name="days" type="number" min="1" max="3650" class="short" aria-label=w.days_without_label
                                            prop:value=days on:input=move |ev| follow(event_target_value(&ev)) />
                                        " " {w.days_without}</label>
                                    <button type="submit">{w.save_rule}</button>
                                    {move || match save.value().get() {
                                        Some(Err(AppError::Invalid(e))) => {
                                            let why = e.iter().map(|(_, p)| t.problem(*p)).collect::<Vec<_>>().join(" ");
                                            view! { <span class="form-error" role="alert">{why}</span> }.into_any()
                                        }
                                        Some(Err(error)) => view! { <ErrorLine error /> }.into_any(),
                                        _ => ().into_any(),
                                    }}
                                </form>
                                <p class="muted">
                                    {move || (w.dormant_explain)(days().trim())}
                                    {move || (days().trim() != saved.to_string()).then(|| view! { " " <strong>{w.not_saved}</strong> })}
                                </p>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <Results matches paging />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    rule.await.ok().map(|rule| {
                        let json = to_json(&DormantRule::filter(preview.get().unwrap_or(rule.days)));
                        view! { <SegmentActions site=site.get() json /> }
                    })
                })}
            </Transition>
        </section>
    }
}
