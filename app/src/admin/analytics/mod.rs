//! The analytics pages of the admin: where visitors come from, which pages they see, how
//! long they stay, where they go next and where they leave. Charts are SVG and HTML drawn
//! by the page itself (no CDN).

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::Field;
use crate::error::AppError;
use crate::staff::chart::{Column, ColumnChart};
use crate::staff::ui::{ErrorLine, query_value, short_time};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the page's address says: site and period (`days`, or `from` and `to`).
#[derive(Debug, Clone, PartialEq)]
struct Filter {
    site: String,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
}

impl Filter {
    /// The query string of this filter, for links that keep it.
    fn query(&self) -> String {
        let mut q = format!("site={}", query_value(&self.site));
        match (&self.from, &self.to) {
            (Some(from), Some(to)) => q.push_str(&format!("&from={}&to={}", query_value(from), query_value(to))),
            _ => q.push_str(&format!("&days={}", self.days.unwrap_or(30))),
        }
        q
    }
}

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let text = |k: &str| q.get(k).filter(|v| !v.is_empty());
        Filter {
            site: text("site").unwrap_or_default(),
            days: text("days").and_then(|d| d.parse().ok()),
            from: text("from"),
            to: text("to"),
        }
    });
    let start = move || query.read().get("start").unwrap_or_default();
    let overview = Resource::new(move || filter.get(), |f| analytics_overview(f.site, f.days, f.from, f.to));
    let paths = Resource::new(
        move || (filter.get(), start()),
        |(f, start)| analytics_paths(f.site, f.days, f.from, f.to, start),
    );
    let t = crate::staff::texts::t();
    let w = t.insight();
    let presets = move || {
        let site = query_value(&filter.read().site);
        [1u32, 7, 30, 90, 365]
            .into_iter()
            .map(|d| {
                let label = if d == 1 { w.today.to_owned() } else { (w.days)(d) };
                view! { <a href=format!("?site={site}&days={d}") class="preset">{label}</a> }
            })
            .collect_view()
    };
    view! {
        <section class="analytics">
            <h1>{t.frame().analytics}</h1>
            <form method="GET" class="row">
                <label>{w.from} " " <input type="date" name="from" aria-label=w.from_label
                    prop:value=move || overview_day(overview, true) /></label>
                <label>{w.to} " " <input type="date" name="to" aria-label=w.to_label
                    prop:value=move || overview_day(overview, false) /></label>
                <button type="submit">{w.show}</button>
            </form>
            <p class="presets">{presets}</p>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => view! { <OverviewView o query=filter.get_untracked().query() /> }.into_any(),
                        Err(AppError::Invalid(errors)) => {
                            let why = errors.get(Field::Period).map(|p| t.problem(p)).unwrap_or_default();
                            view! { <p class="form-error" role="alert">{(w.period_error)(&why)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{w.paths}</h2>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match paths.await {
                        Ok(tree) => view! { <PathExplorer tree filter=filter.get_untracked() /> }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The period's first or last day as the server resolved it, for the date inputs.
fn overview_day(overview: Resource<Result<Overview, AppError>>, first: bool) -> String {
    overview.get().and_then(|o| o.ok()).map(|o| if first { o.from } else { o.to }).unwrap_or_default()
}

#[component]
fn OverviewView(o: Overview, query: String) -> impl IntoView {
    let paths_link = move |path: &str| format!("?{query}&start={}#paths", query_value(path));
    let w = crate::staff::texts::t().insight();
    view! {
        <dl class="stats">
            <div><dt>{w.page_views}</dt><dd data-stat="views">{o.views}</dd></div>
            <div><dt>{w.visitors_summed}</dt><dd data-stat="visitors">{o.visitors}</dd></div>
            <div><dt>{w.visits}</dt><dd data-stat="visits">{o.visits}</dd></div>
        </dl>
        <h2>{w.views_per_day}</h2>
        <ColumnChart
            columns=o.daily.iter().map(|d| {
                let day = short_time(&d.day);
                Column { title: (w.day_value)(&day, d.views, d.visitors), label: day, value: d.views }
            }).collect()
            name=w.views_per_day x_name=w.day y_name=w.page_views />
        <h2>{w.pages}</h2>
        <table class="customers pages">
            <thead><tr><th>{w.page}</th><th>{w.views}</th><th>{w.visitors}</th><th>{w.avg_time}</th><th>{w.entries}</th><th>{w.exits}</th><th>{w.exit_rate}</th></tr></thead>
            <tbody>
                {o.pages.into_iter().map(|p| view! {
                    <tr data-path=p.path.clone()>
                        <td><a href=paths_link(&p.path) title=w.went_next><code>{p.path.clone()}</code></a></td>
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
        <div class="report-grid">
            <div><h2>{w.entry_pages}</h2><CountList items=o.entry_pages empty=w.no_visits name="entries" /></div>
            <div>
                <h2>{w.exit_pages}</h2>
                <CountList
                    items=o.exit_pages.into_iter().map(|p| Count { label: format!("{} ({} %)", p.path, p.exit_rate), count: p.exits }).collect()
                    empty=w.no_visits name="exits" />
            </div>
            <div><h2>{w.referrers}</h2><CountList items=o.referrers empty=w.no_referrers name="referrers" /></div>
            <div><h2>{w.campaigns}</h2><CountList items=o.campaigns empty=w.no_campaigns name="campaigns" /></div>
            <div><h2>{w.screens}</h2><CountList items=o.screens empty=w.no_visits name="screens" /></div>
            <div><h2>{w.languages}</h2><CountList items=o.languages empty=w.no_visits name="languages" /></div>
        </div>
        <h2>{w.goals}</h2>
        {if o.goals.is_empty() {
            view! { <p class="empty">{w.no_goals} " " <code>"patron.track(\"name\")"</code> " " {w.no_goals_after}</p> }.into_any()
        } else {
            view! {
                <table class="customers goals">
                    <thead><tr><th>{w.goal}</th><th>{w.events}</th><th>{w.visitors}</th><th>{w.conversion}</th></tr></thead>
                    <tbody>
                        {o.goals.into_iter().map(|g| view! {
                            <tr data-goal=g.name.clone()>
                                <td>{g.name.clone()}</td><td>{g.events}</td><td>{g.visitors}</td><td>{format!("{} %", g.rate)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn CountList(items: Vec<Count>, empty: &'static str, name: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    let max = items.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    view! {
        <table class="customers counts" data-list=name>
            <tbody>
                {items.into_iter().map(|c| view! {
                    <tr>
                        <td><span class="bar" style=format!("width: {}%", c.count * 100 / max)></span>{c.label}</td>
                        <td>{c.count}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Where visits went after one page, three steps deep, as a tree of bars: each node's bar
/// is its share of its parent. Each page re-roots the tree on itself.
#[component]
fn PathExplorer(tree: PathTree, filter: Filter) -> impl IntoView {
    let query = filter.query();
    let w = crate::staff::texts::t().insight();
    let hidden = move |name: &'static str, value: Option<String>| {
        value.map(|value| view! { <input type="hidden" name=name value=value /> })
    };
    let form = view! {
        <form method="GET" class="row" id="paths">
            {hidden("site", Some(filter.site.clone()))}
            {hidden("days", filter.days.map(|d| d.to_string()))}
            {hidden("from", filter.from.clone())}
            {hidden("to", filter.to.clone())}
            <label>{w.after_page} " " <input name="start" aria-label=w.start_page value=tree.start.clone() /></label>
            <button type="submit">{w.show_paths}</button>
        </form>
    };
    if tree.views == 0 {
        return view! { {form} <p class="empty">{w.no_views}</p> }.into_any();
    }
    view! {
        {form}
        <p>{w.views_of} " " <code>{tree.start.clone()}</code>{(w.then)(tree.views)}</p>
        <ul class="tree" aria-label=w.paths_label>{path_nodes(tree.next, tree.views, &query)}</ul>
    }
    .into_any()
}

fn path_nodes(nodes: Vec<PathNode>, parent: i64, query: &str) -> AnyView {
    let w = crate::staff::texts::t().insight();
    nodes
        .into_iter()
        .map(|node| {
            let share = if parent == 0 { 0 } else { (node.count * 100 + parent / 2) / parent };
            let label = match (&node.path, node.other) {
                (Some(path), _) => view! {
                    <a href=format!("?{query}&start={}#paths", query_value(path))><code>{path.clone()}</code></a>
                }
                .into_any(),
                (None, true) => view! { <em>{w.other_pages}</em> }.into_any(),
                (None, false) => view! { <em>{w.left_site}</em> }.into_any(),
            };
            let children =
                (!node.next.is_empty()).then(|| view! { <ul>{path_nodes(node.next, node.count, query)}</ul> });
            view! {
                <li data-path=node.path.clone().unwrap_or_default() data-count=node.count>
                    <span class="step">
                        <span class="bar" style=format!("width: {share}%")></span>
                        {label}" "<span class="figure">{format!("{} · {share} %", node.count)}</span>
                    </span>
                    {children}
                </li>
            }
        })
        .collect_view()
        .into_any()
}
