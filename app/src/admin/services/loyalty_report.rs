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
            let (id, range) = crate::admin::analytics::site_and_range(&site, days, from, to).await?;
            let pool = crate::server_ctx::pool()?;
            Ok(crate::loyalty::db::report(&pool, id, &range).await?)
        }
        .await,
    )
}

fn unit(kind: Kind) -> &'static str {
    match kind {
        Kind::Stamps => "stamps",
        Kind::Points => "points",
    }
}

/// The report's section; `report` is created at the page's top (never inside a Suspend).
#[component]
pub fn LoyaltyReportView(report: Resource<Result<LoyaltyFigures, AppError>>) -> impl IntoView {
    view! {
        <h2>"Loyalty"</h2>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(r) if r.programmes.is_empty() => {
                        view! { <p class="empty">"This site runs no loyalty programme."</p> }.into_any()
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
    view! {
        <dl class="stats loyalty-stats">
            <div><dt>"Members"</dt><dd data-stat="members">{r.members}</dd></div>
            <div><dt>"Active in the period"</dt><dd data-stat="active">{r.active}</dd></div>
            <div><dt>"Joined in the period"</dt><dd data-stat="joined">{r.joined}</dd></div>
            <div><dt>"…of them by themselves"</dt><dd data-stat="joined_themselves">{r.joined_themselves}</dd></div>
            <div><dt>"Revenue from members"</dt><dd data-stat="member_share" title=format!("{member_revenue} of {revenue}")>{share}</dd></div>
        </dl>
        <p class="muted">{format!("Members spent {member_revenue} of the {revenue} taken in the period.")}</p>
        <h3>"New cards per week"</h3>
        <ColumnChart columns=weekly(&r.new_members) name="New cards per week" x_name="Week of" y_name="New cards" />
        {r.programmes.into_iter().map(|p| {
            let unit = unit(p.kind);
            let issued: Vec<Column> = p.weeks.iter().map(|w| week(&w.week, w.issued)).collect();
            let redeemed: Vec<Column> = p.weeks.iter().map(|w| week(&w.week, w.redeemed)).collect();
            view! {
                <section class="loyalty-programme-report" data-programme=p.name.clone()>
                    <h3>{p.name.clone()}</h3>
                    <p>
                        <span data-stat="issued">{p.issued()}</span>{format!(" {unit} issued, ")}
                        <span data-stat="redeemed">{p.redeemed()}</span>{format!(" {unit} redeemed for ")}
                        <span data-stat="rewards">{p.rewards}</span>" rewards."
                    </p>
                    <div class="report-grid">
                        <div><h4>"Issued per week"</h4><ColumnChart columns=issued name="Issued per week" x_name="Week of" y_name=unit /></div>
                        <div><h4>"Redeemed per week"</h4><ColumnChart columns=redeemed name="Redeemed per week" x_name="Week of" y_name=unit /></div>
                    </div>
                </section>
            }
        }).collect_view()}
    }
}

/// A week's column: the week's first day under it, "week of …: n" on hover.
fn week(first_day: &str, n: i64) -> Column {
    Column { label: first_day.to_owned(), value: n, title: format!("week of {first_day}: {n}") }
}

fn weekly(weeks: &[(String, i64)]) -> Vec<Column> {
    weeks.iter().map(|(w, n)| week(w, *n)).collect()
}
