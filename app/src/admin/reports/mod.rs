//! Customer reports with charts: what the surveys say (NPS, reasons, heard-about), what
//! customers want (favourited and reserved items), how the list grows (new customers per
//! week), what each saved segment spends, and the loyalty programmes (`crate::loyalty`).
//! Charts are SVG drawn by the page.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod purchases_csv;

pub use api::*;

use crate::domain::Field;
use crate::error::AppError;
use crate::staff::chart::{Column, ColumnChart};
use crate::staff::ui::{ErrorLine, TallyList, query_value};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let query = use_query_map();
    let args = Memo::new(move |_| {
        let q = query.read();
        let text = |k: &str| q.get(k).filter(|v| !v.is_empty());
        (text("site").unwrap_or_default(), text("days").and_then(|d| d.parse::<u32>().ok()), text("from"), text("to"))
    });
    let reports = Resource::new(move || args.get(), |(site, days, from, to)| customer_reports(site, days, from, to));
    let loyalty = Resource::new(
        move || args.get(),
        |(site, days, from, to)| crate::admin::services::loyalty_report::loyalty_report(site, days, from, to),
    );
    let shown = move |first: bool| {
        reports.get().and_then(Result::ok).map(|r| if first { r.from } else { r.to }).unwrap_or_default()
    };
    let presets = move || {
        let site = query_value(&args.read().0);
        [(30u32, "30 days"), (90, "90 days"), (365, "365 days")]
            .into_iter()
            .map(|(d, label)| view! { <a href=format!("?site={site}&days={d}") class="preset">{label}</a> })
            .collect_view()
    };
    view! {
        <section class="reports">
            <h1>"Reports"</h1>
            <form method="GET" class="row">
                <label>"From " <input type="date" name="from" aria-label="From" prop:value=move || shown(true) /></label>
                <label>"to " <input type="date" name="to" aria-label="To" prop:value=move || shown(false) /></label>
                <button type="submit">"Show"</button>
            </form>
            <p class="presets">{presets}</p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Ok(r) => view! { <ReportsView r /> }.into_any(),
                        Err(AppError::Invalid(errors)) => {
                            let why = errors.get(Field::Period).map(|p| p.to_string()).unwrap_or_default();
                            view! { <p class="form-error" role="alert">{format!("Period: {why}")}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <crate::admin::services::loyalty_report::LoyaltyReportView report=loyalty />
        </section>
    }
}

fn label(code: &str) -> String {
    code.replace('_', " ")
}

/// `150` → `1.50`.
fn hundredths(x: i64) -> String {
    format!("{}.{:02}", x / 100, x % 100)
}

#[component]
fn ReportsView(r: Reports) -> impl IntoView {
    let total = r.nps_total.clone();
    let score = total.score().map_or_else(|| "–".to_owned(), |s| s.to_string());
    let nps_points: Vec<Column> = r
        .nps_weeks
        .iter()
        .filter_map(|w| {
            let score = w.score()?;
            let title = format!("week of {}: NPS {score} ({} answers)", w.week, w.answers());
            Some(Column { label: w.week.clone(), value: score, title })
        })
        .collect();
    let money = r.money.clone();
    let purchases_csv = format!(
        "/admin/purchases.csv?site={}&from={}&to={}",
        query_value(&r.site),
        query_value(&r.from),
        query_value(&r.to)
    );
    view! {
        <h2>"Net Promoter Score"</h2>
        <dl class="stats">
            <div><dt>"NPS"</dt><dd data-stat="nps">{score}</dd></div>
            <div><dt>"Promoters (9–10)"</dt><dd data-stat="promoters">{total.promoters}</dd></div>
            <div><dt>"Passives (7–8)"</dt><dd data-stat="passives">{total.passives}</dd></div>
            <div><dt>"Detractors (0–6)"</dt><dd data-stat="detractors">{total.detractors}</dd></div>
        </dl>
        {if nps_points.is_empty() {
            view! { <p class="empty">"No NPS answers in this period."</p> }.into_any()
        } else {
            view! {
                <ColumnChart columns=nps_points name="NPS per week" x_name="Week of" y_name="NPS" />
                <details>
                <summary>"Figures per week"</summary>
                <table class="customers nps-weeks">
                    <thead><tr><th>"Week of"</th><th>"Answers"</th><th>"Promoters"</th><th>"Passives"</th><th>"Detractors"</th><th>"NPS"</th></tr></thead>
                    <tbody>
                        {r.nps_weeks.into_iter().map(|w| view! {
                            <tr data-week=w.week.clone()>
                                <td>{w.week.clone()}</td><td>{w.answers()}</td><td>{w.promoters}</td><td>{w.passives}</td>
                                <td>{w.detractors}</td><td>{w.score().map(|s| s.to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </details>
            }.into_any()
        }}
        <h2>"Why customers buy"</h2>
        <p class="muted">{format!("{} rankings in this period; rank 1 is the most important.", r.rankings)}</p>
        <table class="customers reasons">
            <thead><tr><th>"Reason"</th><th>"Average rank"</th><th>"Ranked first"</th></tr></thead>
            <tbody>
                {r.reasons.into_iter().map(|row| view! {
                    <tr data-reason=row.code.clone()>
                        <td>{label(&row.code)}</td>
                        <td>{if row.rankings > 0 { hundredths(row.avg_rank_x100) } else { "–".into() }}</td>
                        <td><span class="bar" style=format!("width: {}%", row.first_share)></span>{format!("{} %", row.first_share)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <div class="report-grid">
            <div>
                <h2>"Heard about us from"</h2>
                <TallyList items=r.heard.into_iter().map(|t| (label(&t.label), t.count)).collect() empty="No answers in this period." name="heard" />
            </div>
            <div>
                <h2>"Most favourited"</h2>
                <TallyList items=r.favourited.into_iter().map(|t| (t.name, t.count)).collect() empty="Nothing saved in this period." name="favourited" />
            </div>
            <div>
                <h2>"Most reserved (quantity)"</h2>
                <TallyList items=r.reserved.into_iter().map(|t| (t.name, t.count)).collect() empty="No reservations in this period." name="reserved" />
            </div>
        </div>
        <div class="report-grid">
            <div><h2>"Top sellers (units)"</h2><Sellers rows=r.by_quantity money=money.clone() name="by_quantity" /></div>
            <div><h2>"Top sellers (revenue)"</h2><Sellers rows=r.by_revenue money=money.clone() name="by_revenue" /></div>
        </div>
        <p><a href=purchases_csv download="">"Download the period's purchases (CSV)"</a></p>
        <h2>"New customers per week"</h2>
        <ColumnChart
            columns=r.new_customers.iter().map(|t| Column { label: t.label.clone(), value: t.count, title: format!("week of {}: {}", t.label, t.count) }).collect()
            name="New customers per week" x_name="Week of" y_name="New customers" />
        <details>
            <summary>"Figures per week"</summary>
            <TallyList items=r.new_customers.into_iter().map(|t| (t.label, t.count)).collect() empty="" name="new_customers" />
        </details>
        <h2>"Spend per segment"</h2>
        <table class="customers spend">
            <thead><tr><th>"Segment"</th><th>"Customers now"</th><th>"Spent in the period"</th></tr></thead>
            <tbody>
                {r.spend.into_iter().map(|s| view! {
                    <tr data-segment=s.name.clone()>
                        <td>{s.name.clone()}</td>
                        <td>{if s.broken { "rules need correcting".to_owned() } else { s.customers.to_string() }}</td>
                        <td>{money.format(s.spent)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The period's best sellers: units and revenue, net of returns.
#[component]
fn Sellers(rows: Vec<Seller>, money: crate::domain::MoneyStyle, name: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"Nothing sold in this period."</p> }.into_any();
    }
    view! {
        <table class="customers sellers" data-sellers=name>
            <thead><tr><th>"Product"</th><th>"Units"</th><th>"Revenue"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|s| view! {
                    <tr data-sku=s.sku.clone()>
                        <td>{s.name}</td>
                        <td class="number">{s.quantity}</td>
                        <td class="number">{money.format(s.revenue)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
