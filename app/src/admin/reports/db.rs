//! SQL of the customer reports. Every figure is counted in SQLite from the answer and
//! order rows of the period; nothing is stored pre-counted.

use super::api::{ItemTally, NpsWeek, ReasonRow, Reports, SegmentSpend, Seller, TOP_ITEMS, Tally};
use crate::db::{Db, Statement};
use crate::domain::{DateRange, Minor, SiteId};
use crate::sites::periods;
use sqlx::Row;

/// `created_at` within the period: from its first day's first moment on the site's clock
/// (`$2`) to the first moment after its last day (`$3`), as `sites::periods::bounds` says.
const IN_PERIOD: &str = "created_at >= $2 AND created_at < $3";

pub async fn reports(pool: &Db, site: SiteId, range: &DateRange) -> sqlx::Result<Reports> {
    let zone = crate::sites::clock::of_site(pool, site).await?;
    let (from, until) = periods::bounds(&zone, range);
    let weeks = periods::weeks(&zone, range);
    let week = periods::week_of(pool.dialect(), "created_at", "$4");
    let money = crate::sites::money_style::for_site(pool, site).await?;

    let nps_rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {week} AS week, count(*) FILTER (WHERE score >= 9) AS p,
                count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS n, count(*) FILTER (WHERE score <= 6) AS d
         FROM nps_responses WHERE site_id = $1 AND {IN_PERIOD} GROUP BY week ORDER BY week"
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .bind(&weeks)
    .fetch_all(pool)
    .await?;
    let nps_weeks: Vec<NpsWeek> = nps_rows
        .into_iter()
        .map(|r| NpsWeek { week: r.get("week"), promoters: r.get("p"), passives: r.get("n"), detractors: r.get("d") })
        .collect();
    let nps_total = NpsWeek {
        week: String::new(),
        promoters: nps_weeks.iter().map(|w| w.promoters).sum(),
        passives: nps_weeks.iter().map(|w| w.passives).sum(),
        detractors: nps_weeks.iter().map(|w| w.detractors).sum(),
    };

    let rankings: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM reason_rankings WHERE site_id = $1 AND {IN_PERIOD}"
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .fetch_one(pool)
    .await?;
    // Every option of the site in its order, ranked or not in the period.
    let reasons = sqlx::query(
        "SELECT o.code, count(i.rank) AS n, CAST(coalesce(sum(i.rank), 0) AS BIGINT) AS ranks,
                count(*) FILTER (WHERE i.rank = 1) AS firsts
         FROM question_options o
         LEFT JOIN (SELECT i.option_id, i.rank FROM reason_ranking_items i JOIN reason_rankings r ON r.id = i.ranking_id
                    WHERE r.site_id = $1 AND r.created_at >= $2 AND r.created_at < $3) i ON i.option_id = o.id
         WHERE o.site_id = $1 AND o.question = 'reasons'
         GROUP BY o.id ORDER BY o.position",
    )
    .bind(site)
    .bind(&from)
    .bind(&until)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        let n: i64 = r.get("n");
        let ranks: i64 = r.get("ranks");
        let firsts: i64 = r.get("firsts");
        ReasonRow {
            code: r.get("code"),
            rankings: n,
            avg_rank_x100: if n > 0 { (ranks * 100 * 2 + n) / (2 * n) } else { 0 },
            first_share: if rankings > 0 { (firsts * 100 * 2 + rankings) / (2 * rankings) } else { 0 },
        }
    })
    .collect();

    let heard = tallies(
        pool,
        "SELECT coalesce(o.code, 'other') AS label, count(*) AS n
         FROM heard_responses h LEFT JOIN question_options o ON o.id = h.option_id
         WHERE h.site_id = $1 AND h.created_at >= $2 AND h.created_at < $3
         GROUP BY label ORDER BY n DESC, label",
        site,
        &from,
        &until,
    )
    .await?;
    let favourited = items(
        pool,
        "SELECT i.sku, i.name, count(*) AS n FROM favourites f JOIN catalogue_items i ON i.id = f.item_id
         WHERE i.site_id = $1 AND f.created_at >= $2 AND f.created_at < $3
         GROUP BY i.id ORDER BY n DESC, i.name LIMIT $4",
        site,
        &from,
        &until,
    )
    .await?;
    let reserved = items(
        pool,
        "SELECT i.sku, i.name, CAST(sum(r.quantity) AS BIGINT) AS n FROM reservations r JOIN catalogue_items i ON i.id = r.item_id
         WHERE r.site_id = $1 AND r.created_at >= $2 AND r.created_at < $3
         GROUP BY i.id ORDER BY n DESC, i.name LIMIT $4",
        site,
        &from,
        &until,
    )
    .await?;
    let by_quantity = sellers(pool, site, &from, &until, "units DESC, revenue DESC").await?;
    let by_revenue = sellers(pool, site, &from, &until, "revenue DESC, units DESC").await?;
    let joined: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {week} AS label, count(*) AS n FROM customers WHERE site_id = $1 AND {IN_PERIOD}
         GROUP BY label ORDER BY label"
    )))
    .bind(site)
    .bind(&from)
    .bind(&until)
    .bind(&weeks)
    .fetch_all(pool)
    .await?;
    let new_customers = range
        .mondays()
        .into_iter()
        .map(|week| {
            let count = joined.iter().find(|(label, _)| *label == week).map_or(0, |(_, n)| *n);
            Tally { label: week, count }
        })
        .collect();

    let mut spend = vec![segment_spend(pool, site, "All customers", None, &from, &until).await?];
    for saved in crate::admin::segments::db::saved(pool, site).await? {
        match saved.filter.parse() {
            Ok(filter) => spend.push(segment_spend(pool, site, &saved.name, Some(&filter), &from, &until).await?),
            Err(_) => spend.push(SegmentSpend { name: saved.name, customers: 0, spent: Minor(0), broken: true }),
        }
    }

    Ok(Reports {
        site: String::new(),
        from: range.from.as_str().to_owned(),
        to: range.to.as_str().to_owned(),
        money,
        nps_total,
        nps_weeks,
        rankings,
        reasons,
        heard,
        favourited,
        reserved,
        by_quantity,
        by_revenue,
        new_customers,
        spend,
    })
}

async fn tallies(pool: &Db, sql: &str, site: SiteId, from: &str, until: &str) -> sqlx::Result<Vec<Tally>> {
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(site)
        .bind(from)
        .bind(until)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| Tally { label: r.get("label"), count: r.get("n") })
        .collect())
}

async fn items(pool: &Db, sql: &'static str, site: SiteId, from: &str, until: &str) -> sqlx::Result<Vec<ItemTally>> {
    Ok(sqlx::query(sql)
        .bind(site)
        .bind(from)
        .bind(until)
        .bind(TOP_ITEMS)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| ItemTally { sku: r.get("sku"), name: r.get("name"), count: r.get("n") })
        .collect())
}

/// The period's best sellers in `order` (one of two fixed orders): a catalogue product by
/// its id, a free line by its description; units and revenue net of returns (each line's
/// share of its purchase's total, less what its returns gave back).
async fn sellers(pool: &Db, site: SiteId, from: &str, until: &str, order: &'static str) -> sqlx::Result<Vec<Seller>> {
    // A group is one product (all its lines have its SKU and name) or one description.
    let units = "sum(l.quantity - coalesce(r.quantity, 0))";
    let sql = format!(
        "SELECT coalesce(max(i.sku), '') AS sku, coalesce(max(i.name), max(l.description)) AS label,
                CAST({units} AS BIGINT) AS units,
                CAST(sum(l.line_total_minor * p.total_minor / CASE WHEN p.subtotal_minor > 1 THEN p.subtotal_minor ELSE 1 END
                         - coalesce(r.amount_minor, 0)) AS BIGINT) AS revenue
         FROM purchases p
         JOIN purchase_items l ON l.purchase_id = p.id
         LEFT JOIN catalogue_items i ON i.id = l.item_id
         LEFT JOIN purchase_line_returns r ON r.purchase_id = l.purchase_id AND r.line = l.line
         WHERE p.site_id = $1 AND p.voided_at IS NULL AND p.created_at >= $2 AND p.created_at < $3
         GROUP BY coalesce('#' || i.id, l.description)
         HAVING {units} > 0
         ORDER BY {order}, label LIMIT $4"
    );
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(site)
        .bind(from)
        .bind(until)
        .bind(TOP_ITEMS)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| Seller {
            sku: r.get("sku"),
            name: r.get("label"),
            quantity: r.get("units"),
            revenue: Minor(r.get("revenue")),
        })
        .collect())
}

/// How many customers a segment holds now, and what they spent in the period.
async fn segment_spend(
    pool: &Db,
    site: SiteId,
    name: &str,
    filter: Option<&crate::segment_rules::filter::Filter>,
    from: &str,
    until: &str,
) -> sqlx::Result<SegmentSpend> {
    let now = crate::server_ctx::now();
    crate::segment_rules::windows::bring_up_to(pool, site, now).await?;
    let mut qb = Statement::new(
        pool.dialect(),
        "SELECT count(*) AS customers,
                CAST(coalesce(sum((SELECT sum(total_minor - refunded_minor) FROM purchases p
                              WHERE p.customer_id = c.id AND p.voided_at IS NULL AND p.created_at >= ",
    );
    qb.push_bind(from.to_owned())
        .push(" AND p.created_at < ")
        .push_bind(until.to_owned())
        .push(")), 0) AS BIGINT) AS spent FROM customers c WHERE c.site_id = ")
        .push_bind(site);
    if let Some(filter) = filter {
        let sealed = crate::segment_rules::sealed::answer(pool, site, filter).await?;
        qb.push(" AND ");
        crate::segment_rules::sql::push_filter(&mut qb, site.0, filter, &sealed, now);
    }
    let row = qb.build().fetch_one(pool).await?;
    Ok(SegmentSpend {
        name: name.to_owned(),
        customers: row.get("customers"),
        spent: Minor(row.get("spent")),
        broken: false,
    })
}
