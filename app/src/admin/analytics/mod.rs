//! The analytics pages of the admin: where visitors come from, which pages they see, how
//! long they stay and where they leave. Charts are SVG drawn by the page itself (no CDN).

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::admin::ui::ErrorLine;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let query = use_query_map();
    let site = move || query.read().get("site").unwrap_or_else(|| "demo".into());
    let days = move || query.read().get("days").and_then(|d| d.parse::<u32>().ok()).unwrap_or(30);
    let overview = Resource::new(move || (site(), days()), |(s, d)| analytics_overview(s, d));
    view! {
        <section class="analytics">
            <h1>"Analytics"</h1>
            <form method="GET" class="row">
                <input name="site" aria-label="Site key" prop:value=site />
                <select name="days" aria-label="Period">
                    {[1u32, 7, 30, 90, 365].into_iter().map(|d| view! {
                        <option value=d selected=move || days() == d>{if d == 1 { "Today".to_owned() } else { format!("Last {d} days") }}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Show"</button>
            </form>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => view! { <OverviewView o /> }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OverviewView(o: Overview) -> impl IntoView {
    view! {
        <dl class="stats">
            <div><dt>"Page views"</dt><dd data-stat="views">{o.views}</dd></div>
            <div><dt>"Visitors (per day, summed)"</dt><dd data-stat="visitors">{o.visitors}</dd></div>
            <div><dt>"Visits"</dt><dd data-stat="visits">{o.visits}</dd></div>
        </dl>
        <h2>"Page views per day"</h2>
        <BarChart days=o.daily.clone() />
        <h2>"Pages"</h2>
        <table class="customers pages">
            <thead><tr><th>"Page"</th><th>"Views"</th><th>"Visitors"</th><th>"Avg. time"</th><th>"Entries"</th><th>"Exits"</th><th>"Exit rate"</th></tr></thead>
            <tbody>
                {o.pages.into_iter().map(|p| view! {
                    <tr data-path=p.path.clone()>
                        <td><code>{p.path.clone()}</code></td>
                        <td>{p.views}</td>
                        <td>{p.visitors}</td>
                        <td>{p.avg_seconds.map(|s| format!("{s} s")).unwrap_or_else(|| "–".into())}</td>
                        <td>{p.entries}</td>
                        <td>{p.exits}</td>
                        <td>{format!("{} %", p.exit_rate)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <div class="record-grid">
            <div><h2>"Referrers"</h2><CountList items=o.referrers empty="No visits from other sites yet." /></div>
            <div><h2>"Campaigns (utm)"</h2><CountList items=o.campaigns empty="No campaign visits yet." /></div>
        </div>
    }
}

#[component]
fn CountList(items: Vec<Count>, empty: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table class="customers counts">
            <tbody>
                {items.into_iter().map(|c| view! { <tr><td>{c.label}</td><td>{c.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Views per day as SVG bars with the day's figure in each bar's title (hover) and an
/// accessible table beside it for screen readers.
#[component]
fn BarChart(days: Vec<Day>) -> impl IntoView {
    const HEIGHT: i64 = 120;
    let max = days.iter().map(|d| d.views).max().unwrap_or(0).max(1);
    let width = (days.len() as i64 * 14).max(14);
    view! {
        <svg class="chart" viewBox=format!("0 0 {width} {}", HEIGHT + 14) role="img" aria-label="Page views per day">
            {days.iter().enumerate().map(|(i, d)| {
                let h = d.views * HEIGHT / max;
                view! {
                    <rect x=i as i64 * 14 + 1 y=HEIGHT - h width="12" height=h>
                        <title>{format!("{}: {} views, {} visitors", d.day, d.views, d.visitors)}</title>
                    </rect>
                }
            }).collect_view()}
            <text x="0" y=HEIGHT + 12>{days.first().map(|d| d.day.clone()).unwrap_or_default()}</text>
        </svg>
        <table class="sr-only">
            <tbody>
                {days.into_iter().map(|d| view! { <tr><td>{d.day}</td><td>{d.views}</td><td>{d.visitors}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}
