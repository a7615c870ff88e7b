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
use crate::staff::ui::{ErrorLine, TallyList, query_value, short_time};
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
    let t = crate::staff::texts::t();
    let w = t.insight();
    let presets = move || {
        let site = query_value(&args.read().0);
        [30u32, 90, 365]
            .into_iter()
            .map(|d| view! { <a href=format!("?site={site}&days={d}") class="preset">{(w.days)(d)}</a> })
            .collect_view()
    };
    view! {
        <section class="reports">
            <h1>{t.frame().reports}</h1>
            <form method="GET" class="row">
                <label>{w.from} " " <input type="date" name="from" aria-label=w.from_label prop:value=move || shown(true) /></label>
                <label>{w.to} " " <input type="date" name="to" aria-label=w.to_label prop:value=move || shown(false) /></label>
                <button type="submit">{w.show}</button>
            </form>
            <p class="presets">{presets}</p>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Ok(r) => view! { <ReportsView r /> }.into_any(),
                        Err(AppError::Invalid(errors)) => {
                            let why = errors.get(Field::Period).map(|p| t.problem(p)).unwrap_or_default();
                            view! { <p class="form-error" role="alert">{(w.period_error)(&why)}</p> }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <crate::admin::services::loyalty_report::LoyaltyReportView report=loyalty />
        </section>
    }
}

/// A survey option in the reader's language (the catalogue's name of a standard code).
fn label(code: &str) -> String {
    let lang = crate::staff::texts::lang();
    (lang.surveys().option)(code).map(str::to_owned).unwrap_or_else(|| code.replace('_', " "))
}

/// `150` → `1.50`.
fn hundredths(x: i64) -> String {
    format!("{}.{:02}", x / 100, x % 100)
}

#[component]
fn ReportsView(r: Reports) -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.insight();
    let total = r.nps_total.clone();
    let score = total.score().map_or_else(|| "–".to_owned(), |s| s.to_string());
    let nps_points: Vec<Column> = r
        .nps_weeks
        .iter()
        .filter_map(|w| {
            let score = w.score()?;
            let week = short_time(&w.week);
            let title = (t.insight().nps_week)(&week, score, w.answers());
            Some(Column { label: week, value: score, title })
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
        <h2>{w.nps_title}</h2>
        <dl class="stats">
            <div><dt>{w.nps}</dt><dd data-stat="nps">{score}</dd></div>
            <div><dt>{w.promoters_range}</dt><dd data-stat="promoters">{total.promoters}</dd></div>
            <div><dt>{w.passives_range}</dt><dd data-stat="passives">{total.passives}</dd></div>
            <div><dt>{w.detractors_range}</dt><dd data-stat="detractors">{total.detractors}</dd></div>
        </dl>
        {if nps_points.is_empty() {
            view! { <p class="empty">{w.no_nps}</p> }.into_any()
        } else {
            view! {
                <ColumnChart columns=nps_points name=w.nps_per_week x_name=w.week_of y_name=w.nps />
                <details>
                <summary>{w.figures_per_week}</summary>
                <table class="customers nps-weeks">
                    <thead><tr><th>{w.week_of}</th><th>{w.answers}</th><th>{w.promoters}</th><th>{w.passives}</th><th>{w.detractors}</th><th>{w.nps}</th></tr></thead>
                    <tbody>
                        {r.nps_weeks.into_iter().map(|w| view! {
                            <tr data-week=w.week.clone()>
                                <td>{short_time(&w.week)}</td><td>{w.answers()}</td><td>{w.promoters}</td><td>{w.passives}</td>
                                <td>{w.detractors}</td><td>{w.score().map(|s| s.to_string())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </details>
            }.into_any()
        }}
        <h2>{w.why_buy}</h2>
        <p class="muted">{(w.rankings)(r.rankings)}</p>
        <table class="customers reasons">
            <thead><tr><th>{w.reason}</th><th>{w.average_rank}</th><th>{w.ranked_first}</th></tr></thead>
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
                <h2>{w.heard_from}</h2>
                <TallyList items=r.heard.into_iter().map(|t| (label(&t.label), t.count)).collect() empty=w.no_answers name="heard" />
            </div>
            <div>
                <h2>{w.most_favourited}</h2>
                <TallyList items=r.favourited.into_iter().map(|t| (t.name, t.count)).collect() empty=w.nothing_saved name="favourited" />
            </div>
            <div>
                <h2>{w.most_reserved}</h2>
                <TallyList items=r.reserved.into_iter().map(|t| (t.name, t.count)).collect() empty=w.no_reservations name="reserved" />
            </div>
        </div>
        <div class="report-grid">
            <div><h2>{w.top_units}</h2><Sellers rows=r.by_quantity money=money.clone() name="by_quantity" /></div>
            <div><h2>{w.top_revenue}</h2><Sellers rows=r.by_revenue money=money.clone() name="by_revenue" /></div>
        </div>
        <p><a href=purchases_csv download="">{w.download_purchases}</a></p>
        <h2>{w.new_customers_per_week}</h2>
        <ColumnChart
            columns=r.new_customers.iter().map(|t| {
                let week = short_time(&t.label);
                Column { title: (w.week_value)(&week, t.count), label: week, value: t.count }
            }).collect()
            name=w.new_customers_per_week x_name=w.week_of y_name=w.new_customers />
        <details>
            <summary>{w.figures_per_week}</summary>
            <TallyList items=r.new_customers.into_iter().map(|t| (short_time(&t.label), t.count)).collect() empty="" name="new_customers" />
        </details>
        <h2>{w.spend_per_segment}</h2>
        <table class="customers spend">
            <thead><tr><th>{w.segment}</th><th>{w.customers_now}</th><th>{w.spent_in_period}</th></tr></thead>
            <tbody>
                {r.spend.into_iter().map(|s| view! {
                    <tr data-segment=s.name.clone()>
                        <td>{s.name.clone()}</td>
                        <td>{if s.broken { w.rules_need_correcting.to_owned() } else { s.customers.to_string() }}</td>
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
    let w = crate::staff::texts::t().insight();
    if rows.is_empty() {
        return view! { <p class="empty">{w.nothing_sold}</p> }.into_any();
    }
    view! {
        <table class="customers sellers" data-sellers=name>
            <thead><tr><th>{w.product}</th><th>{w.units}</th><th>{w.revenue}</th></tr></thead>
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
