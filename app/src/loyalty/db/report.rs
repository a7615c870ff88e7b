//! SQL of the loyalty report: members, active members, what was issued and redeemed week by
//! week, and the members' share of the revenue. Counted from the ledger, the cards and the
//! purchases of the period; nothing is kept pre-counted.

use crate::db::Db;
use crate::domain::{DateRange, Minor, SiteId};
use crate::loyalty::report::{LoyaltyFigures, ProgrammeWeeks, Week};
use crate::sites::periods;
use sqlx::Row;

/// Who counts as a member at the period's end (`$1` site, `$3` the end): a card holder, or a
/// customer who has earned or been given something in a programme.
const MEMBERS: &str = "SELECT customer_id FROM loyalty_members WHERE site_id = $1 AND joined_at < $3
     UNION SELECT l.customer_id FROM loyalty_ledger l JOIN loyalty_programmes p ON p.id = l.programme_id
           WHERE p.site_id = $1 AND l.created_at < $3";

pub async fn report(pool: &Db, site: SiteId, range: &DateRange) -> sqlx::Result<LoyaltyFigures> {
    // The period and its weeks on the site's clock.
    let zone = crate::sites::clock::of_site(pool, site).await?;
    let (from, until) = periods::bounds(&zone, range);
    let weeks = periods::weeks(&zone, range);
    let money = crate::sites::money_style::for_site(pool, site).await?;
    let figures = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT (SELECT count(*) FROM ({MEMBERS}) AS m) AS members,
                (SELECT count(DISTINCT l.customer_id) FROM loyalty_ledger l
                 JOIN loyalty_programmes p ON p.id = l.programme_id
                 WHERE p.site_id = $1 AND l.created_at >= $2 AND l.created_at < $3) AS active,
                (SELECT count(*) FROM loyalty_members WHERE site_id = $1 AND joined_at >= $2 AND joined_at < $3) AS joined,
                (SELECT count(*) FROM loyalty_members WHERE site_id = $1 AND joined_at >= $2 AND joined_at < $3
                   AND joined_via <> 'staff') AS joined_themselves,
                (SELECT CAST(coalesce(sum(total_minor - refunded_minor), 0) AS BIGINT) FROM purchases
                 WHERE site_id = $1 AND voided_at IS NULL AND created_at >= $2 AND created_at < $3) AS revenue,
                (SELECT CAST(coalesce(sum(total_minor - refunded_minor), 0) AS BIGINT) FROM purchases
                 WHERE site_id = $1 AND voided_at IS NULL AND created_at >= $2 AND created_at < $3
                   AND customer_id IN ({MEMBERS})) AS member_revenue"
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .fetch_one(pool)
    .await?;

    let joined_weeks: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} AS week, count(*) FROM loyalty_members
         WHERE site_id = $1 AND joined_at >= $2 AND joined_at < $3 GROUP BY week",
        periods::week_of(pool.dialect(), "joined_at", "$4")
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .bind(&weeks)
    .fetch_all(pool)
    .await?;
    let mondays = range.mondays();
    let new_members = mondays
        .iter()
        .map(|w| (w.clone(), joined_weeks.iter().find(|(week, _)| week == w).map_or(0, |(_, n)| *n)))
        .collect();

    let programmes: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, kind FROM loyalty_programmes WHERE site_id = $1 ORDER BY id")
            .bind(site)
            .fetch_all(pool)
            .await?;
    // What was earned or given counts as issued; only redemptions count as redeemed (a
    // removal by staff is a correction, neither).
    let moves = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT l.programme_id, {} AS week,
                CAST(sum(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS BIGINT) AS issued,
                CAST(sum(CASE WHEN l.kind = 'redeem' THEN -l.amount ELSE 0 END) AS BIGINT) AS redeemed,
                count(*) FILTER (WHERE l.kind = 'redeem') AS rewards
         FROM loyalty_ledger l JOIN loyalty_programmes p ON p.id = l.programme_id
         WHERE p.site_id = $1 AND l.created_at >= $2 AND l.created_at < $3
         GROUP BY l.programme_id, week",
        periods::week_of(pool.dialect(), "l.created_at", "$4")
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .bind(&weeks)
    .fetch_all(pool)
    .await?;
    let programmes = programmes
        .into_iter()
        .map(|(id, name, kind)| {
            let mine: Vec<&crate::db::DbRow> = moves.iter().filter(|r| r.get::<i64, _>("programme_id") == id).collect();
            let weeks = mondays
                .iter()
                .map(|w| {
                    let row = mine.iter().find(|r| r.get::<String, _>("week") == *w);
                    Week {
                        week: w.clone(),
                        issued: row.map_or(0, |r| r.get("issued")),
                        redeemed: row.map_or(0, |r| r.get("redeemed")),
                    }
                })
                .collect();
            ProgrammeWeeks {
                name,
                kind: crate::loyalty::Kind::parse(&kind).unwrap_or(crate::loyalty::Kind::Stamps),
                rewards: mine.iter().map(|r| r.get::<i64, _>("rewards")).sum(),
                weeks,
            }
        })
        .collect();

    Ok(LoyaltyFigures {
        from: range.from.as_str().to_owned(),
        to: range.to.as_str().to_owned(),
        money,
        members: figures.try_get("members")?,
        active: figures.try_get("active")?,
        joined: figures.try_get("joined")?,
        joined_themselves: figures.try_get("joined_themselves")?,
        revenue: Minor(figures.try_get("revenue")?),
        member_revenue: Minor(figures.try_get("member_revenue")?),
        new_members,
        programmes,
    })
}
