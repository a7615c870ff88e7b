//! SQL of duplicates: the people to compare, dismissed pairs, and merging one customer into
//! another in one transaction that logs everything it changed, so it can be undone.

use super::api::{MergeRow, Side};
use super::matching::Person;
use super::merge_log as log;
use crate::customer_changes::record_change as change;
use crate::db::Db;
use crate::db::{Conn, Dialect, Flag};
use crate::domain::{CustomerId, SiteId, StaffId};
use crate::pii::PiiKey;
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashSet;

/// Every column of `customers`, in table order, but the blind indexes (triggers rebuild
/// them from the sealed values). A merge keeps the source row whole in its log, sealed
/// values sealed; a test compares this list with the table, so a new column cannot be
/// forgotten.
pub const CUSTOMER_COLUMNS: [&str; 25] = [
    "id",
    "site_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "street",
    "city",
    "region",
    "postcode",
    "country",
    "created_at",
    "updated_at",
    "birthday",
    "household_size",
    "income_range",
    "occupation",
    "preferred_channel",
    "job_title",
    "company",
    "gender",
    "interests",
    "source",
    "notes",
    "do_not_sell_at",
];

/// Columns a merge fills on the kept customer when it has nothing and the other has a value.
/// A "do not sell" either of them asked for stays with the merged customer.
const FILLABLE: [&str; 20] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "street",
    "city",
    "region",
    "postcode",
    "country",
    "birthday",
    "household_size",
    "income_range",
    "occupation",
    "preferred_channel",
    "job_title",
    "company",
    "gender",
    "interests",
    "notes",
    "do_not_sell_at",
];

/// Tables whose rows belong to a customer by `customer_id`; a merge moves them all.
/// `favourites` and `customer_tags` are keyed by customer, so rows the kept customer has
/// already are dropped (and logged) instead. Their data requests go with them.
pub const OWNED: [&str; 19] = [
    "consents",
    "nps_responses",
    "reason_rankings",
    "heard_responses",
    "reservations",
    "favourites",
    "visitor_links",
    "warranty_registrations",
    "customer_changes",
    "customer_tags",
    "purchases",
    "interactions",
    "page_views",
    "analytics_events",
    "privacy_requests",
    // Mails and webhook events not sent yet would go with the customer merged away.
    "outbox",
    "webhook_events",
    // The stamps and points of both cards add up on the record kept.
    "loyalty_ledger",
    // A card moves to the record kept unless it has one (then the merged one's goes, above).
    "loyalty_members",
];

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("no such customer on this site")]
    NotFound,
    #[error("a customer cannot be merged into itself")]
    Same,
    #[error("the merge was undone already")]
    Undone,
    #[error("a later merge involves this customer: undo that first")]
    Later,
    #[error("the merged customer's id has been used again")]
    IdTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn people(pool: &Db, site: SiteId) -> sqlx::Result<Vec<Person>> {
    let rows = sqlx::query(
        "SELECT id, first_name, last_name, email, phone, street, postcode FROM customers WHERE site_id = $1",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Person {
                id: r.get("id"),
                first_name: pool.opened_text(&r, "first_name")?,
                last_name: pool.opened_text(&r, "last_name")?,
                email: pool.opened(&r, "email")?,
                phone: pool.opened(&r, "phone")?,
                street: pool.opened_text(&r, "street")?,
                postcode: r.get("postcode"),
            })
        })
        .collect()
}

pub async fn dismissed(pool: &Db, site: SiteId) -> sqlx::Result<HashSet<(i64, i64)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT low_id, high_id FROM duplicate_dismissals WHERE site_id = $1")
        .bind(site)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().collect())
}

pub async fn dismiss(pool: &Db, site: SiteId, a: i64, b: i64, staff: StaffId) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO duplicate_dismissals (site_id, low_id, high_id, staff_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
        .bind(site)
        .bind(a.min(b))
        .bind(a.max(b))
        .bind(staff)
        .execute(pool)
        .await?;
    Ok(())
}

/// What the review shows of one side of a pair.
pub async fn side(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<Side>> {
    let row = sqlx::query(
        "SELECT id, first_name, last_name, email, phone, street, postcode, city, created_at,
                (SELECT count(*) FROM purchases WHERE customer_id = c.id AND voided_at IS NULL) AS purchases,
                (SELECT CAST(coalesce(sum(total_minor - refunded_minor), 0) AS BIGINT) FROM purchases
                 WHERE customer_id = c.id AND voided_at IS NULL) AS spent
         FROM customers c WHERE id = $1 AND site_id = $2",
    )
    .bind(id)
    .bind(site)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Side {
            id: r.get("id"),
            first_name: pool.opened_text(&r, "first_name")?,
            last_name: pool.opened_text(&r, "last_name")?,
            email: pool.opened(&r, "email")?,
            phone: pool.opened(&r, "phone")?,
            street: pool.opened_text(&r, "street")?,
            postcode: r.get("postcode"),
            city: r.get("city"),
            joined: r.get("created_at"),
            purchases: r.get("purchases"),
            spent: crate::domain::Minor(r.get("spent")),
        })
    })
    .transpose()
}

/// A value of `column` as the record's history shows it: opened when the column is sealed.
fn opened(pii: &PiiKey, column: &str, value: Option<&str>) -> sqlx::Result<Option<String>> {
    match value {
        Some(v) if crate::sealed::is_sealed("customers", column) => Ok(Some(pii.open(v)?)),
        _ => Ok(value.map(str::to_owned)),
    }
}

async fn site_of(conn: &mut Conn, id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT site_id FROM customers WHERE id = $1").bind(id).fetch_optional(conn).await
}

/// Merges `source` into `target` (both of `site`): every row of the source moves to the
/// target, the target's empty fields take the source's values, the source row goes. The
/// log row keeps what undo needs. Returns the merge's id.
pub async fn merge(pool: &Db, site: SiteId, target: i64, source: i64, staff: StaffId) -> Result<i64, MergeError> {
    if target == source {
        return Err(MergeError::Same);
    }
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    for id in [target, source] {
        if site_of(&mut tx, id).await? != Some(site.0) {
            return Err(MergeError::NotFound);
        }
    }
    let source_row = log::customer_row(&mut tx, source).await?;

    // Rows the target has already: logged, then dropped.
    let dropped = log::dropping(&mut tx, source, target).await?;
    sqlx::query("DELETE FROM favourites WHERE customer_id = $1 AND item_id IN (SELECT item_id FROM favourites WHERE customer_id = $2)")
        .bind(source)
        .bind(target)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM customer_tags WHERE customer_id = $1 AND tag IN (SELECT tag FROM customer_tags WHERE customer_id = $2)")
        .bind(source)
        .bind(target)
        .execute(&mut *tx)
        .await?;

    // One card per customer: the kept record's card stays valid; the other's number stops
    // finding anyone (staff give the customer the kept one).
    sqlx::query("DELETE FROM loyalty_members WHERE customer_id = $1 AND EXISTS (SELECT 1 FROM loyalty_members WHERE customer_id = $2)")
        .bind(source)
        .bind(target)
        .execute(&mut *tx)
        .await?;
    let mut moved = serde_json::Map::new();
    for table in OWNED {
        let (entry, keys) = log::moving(&mut tx, table, source).await?;
        sqlx::query(AssertSqlSafe(format!("UPDATE {table} SET customer_id = $1 WHERE customer_id = $2")))
            .bind(target)
            .bind(source)
            .execute(&mut *tx)
            .await?;
        moved.insert(entry, keys);
    }
    // Older merges into the source now point at the target (they can no longer be undone:
    // this merge is later), so deleting the source keeps their log.
    let repointed: Vec<i64> = sqlx::query_scalar("SELECT id FROM customer_merges WHERE target_id = $1 ORDER BY id")
        .bind(source)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("UPDATE customer_merges SET target_id = $1 WHERE target_id = $2")
        .bind(target)
        .bind(source)
        .execute(&mut *tx)
        .await?;
    // The automation rules that told the source are not to tell the target again.
    crate::automation::db::copy_runs(&mut tx, CustomerId(source), CustomerId(target)).await?;
    sqlx::query("DELETE FROM customers WHERE id = $1").bind(source).execute(&mut *tx).await?;

    let mut filled = serde_json::Map::new();
    for column in FILLABLE {
        // Empty means NULL or ''; values are compared as text for the log, which keeps sealed
        // ones sealed; the history gets them opened.
        let before: Option<String> =
            sqlx::query_scalar(AssertSqlSafe(format!("SELECT CAST({column} AS TEXT) FROM customers WHERE id = $1")))
                .bind(target)
                .fetch_one(&mut *tx)
                .await?;
        let after = source_row.get(column).and_then(log::text);
        let empty = |v: &Option<String>| v.as_deref().is_none_or(str::is_empty);
        if empty(&before) && !empty(&after) {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE customers SET {column} = {}, updated_at = $3 WHERE id = $2",
                log::typed(column, "$1")
            )))
            .bind(&after)
            .bind(target)
            .bind(crate::db::now())
            .execute(&mut *tx)
            .await?;
            let (shown_before, shown_after) =
                (opened(pool.pii(), column, before.as_deref())?, opened(pool.pii(), column, after.as_deref())?);
            change(
                &mut tx,
                pool.pii(),
                CustomerId(target),
                staff,
                column,
                shown_before.as_deref(),
                shown_after.as_deref(),
            )
            .await?;
            filled.insert(column.into(), serde_json::json!([before, after]));
        }
    }
    if !filled.is_empty() {
        crate::pii::blind::refresh(&mut tx, pool.pii(), CustomerId(target)).await?;
    }
    change(&mut tx, pool.pii(), CustomerId(target), staff, "merged", None, Some(&format!("customer #{source}")))
        .await?;

    let id: i64 = sqlx::query_scalar(
        "INSERT INTO customer_merges (site_id, target_id, source_id, staff_id, source_row, filled, moved, dropped, repointed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(site)
    .bind(target)
    .bind(source)
    .bind(staff)
    .bind(serde_json::Value::Object(source_row).to_string())
    .bind(serde_json::Value::Object(filled).to_string())
    .bind(serde_json::Value::Object(moved).to_string())
    .bind(dropped.to_string())
    .bind(serde_json::to_string(&repointed).unwrap_or_default())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Undoes a merge: the source customer comes back with its id, its rows go back to it,
/// the fields the merge filled on the target are emptied again (unless staff changed them
/// since), and dropped favourites and tags return.
pub async fn undo(pool: &Db, site: SiteId, merge: i64, staff: StaffId) -> Result<(), MergeError> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let row = sqlx::query(
        "SELECT target_id, source_id, source_row, filled, moved, dropped, repointed, undone_at FROM customer_merges
         WHERE id = $1 AND site_id = $2",
    )
    .bind(merge)
    .bind(site)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(MergeError::NotFound)?;
    if row.get::<Option<String>, _>("undone_at").is_some() {
        return Err(MergeError::Undone);
    }
    let (target, source): (i64, i64) = (row.get("target_id"), row.get("source_id"));
    let Flag(later) = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM customer_merges WHERE id > $1 AND undone_at IS NULL
                        AND (target_id IN ($2, $3) OR source_id IN ($2, $3)))",
    )
    .bind(merge)
    .bind(target)
    .bind(source)
    .fetch_one(&mut *tx)
    .await?;
    if later {
        return Err(MergeError::Later);
    }
    if site_of(&mut tx, source).await?.is_some() {
        return Err(MergeError::IdTaken);
    }
    let filled: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(row.get("filled")).unwrap_or_default();
    for (column, values) in &filled {
        let Some(column) = FILLABLE.into_iter().find(|c| c == column) else { continue };
        let (before, after) = (values[0].as_str(), values[1].as_str());
        let done = sqlx::query(AssertSqlSafe(format!(
            "UPDATE customers SET {column} = {}, updated_at = $4
             WHERE id = $2 AND CAST({column} AS TEXT) IS NOT DISTINCT FROM $3",
            log::typed(column, "$1")
        )))
        .bind(before)
        .bind(target)
        .bind(after)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() > 0 {
            let (shown_after, shown_before) = (opened(pool.pii(), column, after)?, opened(pool.pii(), column, before)?);
            change(
                &mut tx,
                pool.pii(),
                CustomerId(target),
                staff,
                column,
                shown_after.as_deref(),
                shown_before.as_deref(),
            )
            .await?;
        }
    }
    let source_row: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(row.get("source_row")).unwrap_or_default();
    log::restore_customer(&mut tx, &source_row).await?;
    // Both customers' blind indexes from their values as they are now.
    crate::pii::blind::refresh(&mut tx, pool.pii(), CustomerId(target)).await?;
    crate::pii::blind::refresh(&mut tx, pool.pii(), CustomerId(source)).await?;
    let repointed = Dialect::of(&tx).ids_in("$2");
    sqlx::query(AssertSqlSafe(format!("UPDATE customer_merges SET target_id = $1 WHERE id IN {repointed}")))
        .bind(source)
        .bind(row.get::<String, _>("repointed"))
        .execute(&mut *tx)
        .await?;
    let moved: serde_json::Map<String, serde_json::Value> = serde_json::from_str(row.get("moved")).unwrap_or_default();
    for table in OWNED {
        log::move_back(&mut tx, &moved, table, source, target).await?;
    }
    let dropped: serde_json::Value = serde_json::from_str(row.get("dropped")).unwrap_or_default();
    log::restore_dropped(&mut tx, &dropped, source).await?;
    change(&mut tx, pool.pii(), CustomerId(target), staff, "merge undone", Some(&format!("customer #{source}")), None)
        .await?;
    sqlx::query("UPDATE customer_merges SET undone_at = $2 WHERE id = $1")
        .bind(merge)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The site's merges, newest first.
pub async fn merges(pool: &Db, site: SiteId, limit: i64) -> sqlx::Result<Vec<MergeRow>> {
    let rows = sqlx::query(
        "SELECT m.id, m.target_id, m.source_id, m.created_at, m.undone_at, m.source_row,
                c.first_name, c.last_name, u.email AS staff
         FROM customer_merges m LEFT JOIN customers c ON c.id = m.target_id LEFT JOIN staff_users u ON u.id = m.staff_id
         WHERE m.site_id = $1 ORDER BY m.id DESC LIMIT $2",
    )
    .bind(site)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let pii = pool.pii();
    rows.into_iter()
        .map(|r| {
            Ok(MergeRow {
                id: r.get("id"),
                target_id: r.get("target_id"),
                source_id: r.get("source_id"),
                target_name: pii.full_name(r.get("first_name"), r.get("last_name"))?,
                source_name: {
                    let source: serde_json::Value = serde_json::from_str(r.get("source_row")).unwrap_or_default();
                    pii.full_name(source["first_name"].as_str(), source["last_name"].as_str())?
                },
                staff: r.get("staff"),
                created_at: r.get("created_at"),
                undone_at: r.get("undone_at"),
            })
        })
        .collect()
}
