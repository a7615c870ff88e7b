//! The loyalty report on the reports page: members, active members, new members per week,
//! what each programme issued and redeemed per week (charts), and the share of the period's
//! revenue that came from members.

use crate::error::AppError;
use crate::loyalty::Kind;
use crate::loyalty::report::LoyaltyFigures;
use crate::staff::chart::{Column, ColumnChart};
use crate::staff::ui::ErrorLine;
use leptos::prelude::*;

/// A programme's week (Monday): what its cards were given and what was spent on rewards.
#[server(prefix = "/api/admin", endpoint = "loyalty_report")]
pub async fn loyalty_report(
    site: String,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
) -> Result<LoyaltyFigures, AppError> {
    crate::server_ctx::answer(
        async move {
            let (id, range) =
                crate::admin::analytics::site_and_range(&site, days, from, to, crate::admin::analytics::DaysOf::Site)
                    .await?;
            let pool = crate::server_ctx::pool()?;
            Ok(crate::loyalty::db::report(&pool, id, &range).await?)
        }
        .await,
    )
}

/// The report's section; `report` is created at the page's top (never inside a Suspend).
#[component]
pub fn LoyaltyReportView(report: Resource<Result<LoyaltyFigures, AppError>>) -> impl IntoView {
    let t = crate::staff::texts::t();
    view! {
        <h2>{t.insight().loyalty}</h2>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) if r.programmes.is_empty() => {
                        view! { <p class="empty">{t.insight().no_programme}</p> }.into_any()
                    }
                    Ok(r) => figures(r).into_any(),
                    // The period's error is shown once, above, by the customer reports.
                    Err(AppError::Invalid(_)) => ().into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn figures(r: LoyaltyFigures) -> impl IntoView {
    let share = r.member_share().map_or_else(|| "–".to_owned(), |s| format!("{s} %"));
    let member_revenue = r.money.format(r.member_revenue);
    let revenue = r.money.format(r.revenue);
    let w = crate::staff::texts::t().insight();
    view! {
        <dl class="stats loyalty-stats">
            <div><dt>{w.members}</dt><dd data-stat="members">{r.members}</dd></div>
            <div><dt>{w.active}</dt><dd data-stat="active">{r.active}</dd></div>
            <div><dt>{w.joined}</dt><dd data-stat="joined">{r.joined}</dd></div>
            <div><dt>{w.joined_themselves}</dt><dd data-stat="joined_themselves">{r.joined_themselves}</dd></div>
            <div><dt>{w.member_revenue}</dt><dd data-stat="member_share" title=(w.part_of)(&member_revenue, &revenue)>{share}</dd></div>
        </dl>
        <p class="muted">{(w.members_spent)(&member_revenue, &revenue)}</p>
        <h3>{w.new_cards_per_week}</h3>
        <ColumnChart columns=weekly(&r.new_members) name=w.new_cards_per_week x_name=w.week_of y_name=w.new_cards />
        {r.programmes.into_iter().map(|p| {
            let stamps = matches!(p.kind, Kind::Stamps);
            let unit = if stamps { w.stamps } else { w.points };
            let issued: Vec<Column> = p.weeks.iter().map(|w| week(&w.week, w.issued)).collect();
            let redeemed: Vec<Column> = p.weeks.iter().map(|w| week(&w.week, w.redeemed)).collect();
            view! {
                <section class="loyalty-programme-report" data-programme=p.name.clone()>
                    <h3>{p.name.clone()}</h3>
                    <p>
                        <span data-stat="issued">{p.issued()}</span>{format!(" {} {} ", (w.unit)(stamps, p.issued()), w.issued)}
                        <span data-stat="redeemed">{p.redeemed()}</span>{format!(" {} {} ", (w.unit)(stamps, p.redeemed()), w.redeemed_for)}
                        <span data-stat="rewards">{p.rewards}</span>" " {(w.rewards)(p.rewards)}
                    </p>
                    <div class="report-grid">
                        <div><h4>{w.issued_per_week}</h4><ColumnChart columns=issued name=w.issued_per_week x_name=w.week_of y_name=unit /></div>
                        <div><h4>{w.redeemed_per_week}</h4><ColumnChart columns=redeemed name=w.redeemed_per_week x_name=w.week_of y_name=unit /></div>
                    </div>
                </section>
            }
        }).collect_view()}
    }
}

/// A week's column: the week's first day under it, "week of …: n" on hover.
fn week(first_day: &str, n: i64) -> Column {
    let w = crate::staff::texts::t().insight();
    let day = crate::staff::ui::short_time(first_day);
    Column { title: (w.week_value)(&day, n), label: day, value: n }
}

fn weekly(weeks: &[(String, i64)]) -> Vec<Column> {
    weeks.iter().map(|(w, n)| week(w, *n)).collect()
}
