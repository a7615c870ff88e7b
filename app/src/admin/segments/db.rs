//! SQL of segments: counting and listing the customers a filter matches, tagging them,
//! the rows of an export, and saved segments.

use super::api::{SavedSegment, SegmentRow, Sort, SortColumn};
use crate::db::{Db, Dialect, Flag, Statement};
use crate::domain::{SiteId, StaffId};
use crate::segment_rules::filter::Filter;
use crate::segment_rules::sealed::{Answers, answer};
use crate::segment_rules::sql::{push_filter, windows_count};
use crate::segment_rules::windows;
use sqlx::Row;

/// The customers of `site` that `filter` matches, as `SELECT <columns> FROM customers c
/// [LEFT JOIN purchase_windows w ...] WHERE ...`, joined only when `columns` use `w`: SQLite
/// keeps an unused LEFT JOIN and probes it per row. The site's windows must be up to date
/// ([`windows::bring_up_to`]), and `sealed` answers the filter's tests of sealed fields.
fn matching(dialect: Dialect, columns: &str, site: SiteId, filter: &Filter, sealed: &Answers, now: i64) -> Statement {
    let join = if columns.contains("w.") { " LEFT JOIN purchase_windows w ON w.customer_id = c.id" } else { "" };
    let mut qb = Statement::new(dialect, format!("SELECT {columns} FROM customers c{join} WHERE c.site_id = "));
    qb.push_bind(site).push(" AND ");
    push_filter(&mut qb, site.0, filter, sealed, now);
    qb
}

pub async fn count(pool: &Db, site: SiteId, filter: &Filter, now: i64) -> sqlx::Result<i64> {
    windows::bring_up_to(pool, site, now).await?;
    let qb = match windows_count(pool.dialect(), site.0, filter, now) {
        Some(qb) => qb,
        None => matching(pool.dialect(), "count(*)", site, filter, &answer(pool, site, filter).await?, now),
    };
    qb.build_query_scalar().fetch_one(pool).await
}

/// A customer's name, email and phone, sealed (see `crate::sealed`): opened in Rust.
const CONTACT: &str = "c.first_name, c.last_name, c.email, c.phone";

/// Spend and purchases ever and the last purchase, from the purchase windows.
const TOTALS: &str =
    "coalesce(w.spent_ever, 0) AS spent, coalesce(w.bought_ever, 0) AS purchases, w.last_at AS last_purchase";

/// One page of the matching customers in `sort` order (ties by id, so pages never overlap);
/// for a third party (`shared`), without those who asked not to be sold or shared.
#[allow(clippy::too_many_arguments)] // each is one part of the question; a struct would only rename them
pub async fn page(
    pool: &Db,
    site: SiteId,
    filter: &Filter,
    now: i64,
    sort: Sort,
    offset: i64,
    limit: i64,
    shared: bool,
) -> sqlx::Result<Vec<SegmentRow>> {
    windows::bring_up_to(pool, site, now).await?;
    let sealed = answer(pool, site, filter).await?;
    let columns = format!("c.id, {CONTACT}, c.city, c.postcode, c.created_at, {TOTALS}");
    let mut qb = matching(pool.dialect(), &columns, site, filter, &sealed, now);
    if shared {
        qb.push(" AND c.do_not_sell_at IS NULL");
    }
    // Customers without the value (no purchase yet) first going up, last going down: SQLite's
    // order, said so that PostgreSQL (which sorts them the other way) keeps it.
    let direction = if sort.descending { "DESC NULLS LAST" } else { "ASC NULLS FIRST" };
    // Column expressions from a fixed list, never from the request. Names and emails are
    // sealed: every matching row is read and sorted in Rust.
    let key = match sort.column {
        SortColumn::Name | SortColumn::Email => None,
        SortColumn::City => Some(pool.dialect().ignoring_case("c.city")),
        SortColumn::Postcode => Some("c.postcode".to_owned()),
        SortColumn::Joined => Some("c.created_at".to_owned()),
        SortColumn::Spent => Some("spent".to_owned()),
        SortColumn::Purchases => Some("purchases".to_owned()),
        SortColumn::LastPurchase => Some("last_purchase".to_owned()),
    };
    if let Some(key) = &key {
        qb.push(format!(" ORDER BY {key} {direction}, c.id {direction} LIMIT "))
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
    }
    let mut rows = Vec::new();
    for r in qb.build().fetch_all(pool).await? {
        rows.push(SegmentRow {
            id: r.get("id"),
            first_name: pool.opened_text(&r, "first_name")?,
            last_name: pool.opened_text(&r, "last_name")?,
            email: pool.opened(&r, "email")?,
            phone: pool.opened(&r, "phone")?,
            city: r.get("city"),
            postcode: r.get("postcode"),
            joined: r.get("created_at"),
            spent: crate::domain::Minor(r.get("spent")),
            purchases: r.get("purchases"),
            last_purchase: r.get("last_purchase"),
        });
    }
    if key.is_some() {
        return Ok(rows);
    }
    if sort.column == SortColumn::Name {
        rows.sort_by_cached_key(|r| (r.last_name.to_lowercase(), r.first_name.to_lowercase(), r.id));
    } else {
        rows.sort_by(|a, b| a.email.cmp(&b.email).then(a.id.cmp(&b.id)));
    }
    if sort.descending {
        rows.reverse();
    }
    let skip = usize::try_from(offset).unwrap_or(0);
    Ok(rows.into_iter().skip(skip).take(usize::try_from(limit).unwrap_or(0)).collect())
}

/// Gives every matching customer `tag` (those who have it keep it); how many got it now.
pub async fn tag_all(pool: &Db, site: SiteId, filter: &Filter, now: i64, tag: &str) -> sqlx::Result<u64> {
    windows::bring_up_to(pool, site, now).await?;
    let sealed = answer(pool, site, filter).await?;
    let mut qb = Statement::new(pool.dialect(), "INSERT INTO customer_tags (customer_id, tag) SELECT c.id, ");
    qb.push_bind(tag.to_owned()).push(" FROM customers c WHERE c.site_id = ").push_bind(site).push(" AND ");
    push_filter(&mut qb, site.0, filter, &sealed, now);
    qb.push(" ON CONFLICT DO NOTHING");
    Ok(qb.build().execute(pool).await?.rows_affected())
}

/// The site's currency and dormant rule.
pub async fn set_dormant_days(pool: &Db, site: SiteId, days: u32) -> sqlx::Result<()> {
    sqlx::query("UPDATE sites SET dormant_days = $1 WHERE id = $2")
        .bind(i64::from(days))
        .bind(site)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn saved(pool: &Db, site: SiteId) -> sqlx::Result<Vec<SavedSegment>> {
    let rows = sqlx::query("SELECT id, name, filter, updated_at FROM segments WHERE site_id = $1 ORDER BY lower(name)")
        .bind(site)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| SavedSegment {
            id: r.get("id"),
            name: r.get("name"),
            // A filter that no longer reads as one shows as empty; using it reports why.
            filter: serde_json::from_str(r.get("filter")).unwrap_or_default(),
            updated_at: r.get("updated_at"),
        })
        .collect())
}

/// Saves under `name`, replacing the site's segment of that name. Its id.
pub async fn save(pool: &Db, site: SiteId, name: &str, filter_json: &str, staff: StaffId) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO segments (site_id, name, filter, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (site_id, name) DO UPDATE
            SET filter = excluded.filter, updated_at = $5
         RETURNING id",
    )
    .bind(site)
    .bind(name)
    .bind(filter_json)
    .bind(staff)
    .bind(crate::db::now())
    .fetch_one(pool)
    .await
}

pub async fn delete(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<bool> {
    let done =
        sqlx::query("DELETE FROM segments WHERE id = $1 AND site_id = $2").bind(id).bind(site).execute(pool).await?;
    Ok(done.rows_affected() > 0)
}

/// What the builder offers as values for the site: reason and heard codes, item SKUs with
/// names, tags in use.
pub async fn choices(pool: &Db, site: SiteId) -> sqlx::Result<super::api::Choices> {
    let codes = |question: &'static str| {
        sqlx::query_scalar::<_, String>(
            "SELECT code FROM question_options WHERE site_id = $1 AND question = $2 ORDER BY position",
        )
        .bind(site)
        .bind(question)
        .fetch_all(pool)
    };
    let reasons = codes("reasons").await?;
    let heard = codes("heard").await?;
    let mut items: Vec<(String, String)> =
        sqlx::query("SELECT sku, name FROM catalogue_items WHERE site_id = $1 ORDER BY name, id LIMIT $2")
            .bind(site)
            .bind(super::api::LISTED_ITEMS + 1)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|r| (r.get("sku"), r.get("name")))
            .collect();
    let items_more = items.len() as i64 > super::api::LISTED_ITEMS;
    items.truncate(super::api::LISTED_ITEMS as usize);
    let tags = sqlx::query_scalar(
        "SELECT DISTINCT t.tag FROM customer_tags t JOIN customers c ON c.id = t.customer_id
         WHERE c.site_id = $1 ORDER BY t.tag LIMIT 200",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    Ok(super::api::Choices { reasons, heard, items, items_more, tags })
}

/// Everything an export can hold about one customer.
pub struct ExportRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub region: String,
    pub country: String,
    pub company: String,
    pub gender: Option<String>,
    pub birthday: Option<String>,
    pub joined: String,
    pub spent: crate::domain::Minor,
    pub purchases: i64,
    pub last_purchase: Option<String>,
    /// The newest newsletter consent: granted, withdrawn, or never given.
    pub newsletter: Option<bool>,
    /// Comma-separated.
    pub tags: String,
    /// Asked not to have their data sold or shared.
    pub do_not_sell: bool,
}

/// The next `limit` matching customers after id `after`, in id order; those who asked not
/// to have their data sold or shared only when `with_do_not_sell` (they are marked).
pub async fn export_chunk(
    pool: &Db,
    site: SiteId,
    filter: &Filter,
    now: i64,
    after: i64,
    limit: i64,
    with_do_not_sell: bool,
) -> sqlx::Result<Vec<ExportRow>> {
    windows::bring_up_to(pool, site, now).await?;
    let sealed = answer(pool, site, filter).await?;
    let tags = pool.dialect().joined("tag", "','");
    let columns = format!(
        "c.id, {CONTACT}, c.street, c.postcode, c.city, c.region, c.country,
         c.company, c.gender, c.birthday, c.created_at, {TOTALS},
         (SELECT granted FROM consents WHERE customer_id = c.id AND purpose = 'newsletter' ORDER BY id DESC LIMIT 1) AS newsletter,
         (SELECT {tags} FROM customer_tags WHERE customer_id = c.id) AS tags,
         c.do_not_sell_at IS NOT NULL AS do_not_sell"
    );
    let mut qb = matching(pool.dialect(), &columns, site, filter, &sealed, now);
    if !with_do_not_sell {
        qb.push(" AND c.do_not_sell_at IS NULL");
    }
    qb.push(" AND c.id > ").push_bind(after).push(" ORDER BY c.id LIMIT ").push_bind(limit);
    let rows = qb.build().fetch_all(pool).await?;
    rows.into_iter()
        .map(|r| {
            Ok(ExportRow {
                id: r.get("id"),
                first_name: pool.opened_text(&r, "first_name")?,
                last_name: pool.opened_text(&r, "last_name")?,
                email: pool.opened(&r, "email")?,
                phone: pool.opened(&r, "phone")?,
                street: pool.opened_text(&r, "street")?,
                postcode: r.get("postcode"),
                city: r.get("city"),
                region: r.get("region"),
                country: r.get("country"),
                company: r.get("company"),
                gender: r.get("gender"),
                birthday: r.get("birthday"),
                joined: r.get("created_at"),
                spent: crate::domain::Minor(r.get("spent")),
                purchases: r.get("purchases"),
                last_purchase: r.get("last_purchase"),
                newsletter: r.get::<Option<i64>, _>("newsletter").map(|g| g == 1),
                tags: r.get::<Option<String>, _>("tags").unwrap_or_default(),
                do_not_sell: r.get::<Flag, _>("do_not_sell").0,
            })
        })
        .collect()
}

/// The address lines of up to `limit` matching customers (name, company, street, postcode
/// and city, country) in name order, and how many matching customers were left out: no
/// street or city, or a newest consent to post that is a withdrawal.
pub async fn label_addresses(
    pool: &Db,
    site: SiteId,
    filter: &Filter,
    now: i64,
    limit: i64,
) -> sqlx::Result<(Vec<Vec<String>>, i64)> {
    windows::bring_up_to(pool, site, now).await?;
    let sealed = answer(pool, site, filter).await?;
    let qb = matching(
        pool.dialect(),
        "c.id, c.first_name, c.last_name, c.company, c.street, c.postcode, c.city, c.country,
         (c.street <> '' AND c.city <> ''
          AND coalesce((SELECT granted FROM consents WHERE customer_id = c.id AND purpose = 'post'
                        ORDER BY id DESC LIMIT 1), 1) = 1) AS printable",
        site,
        filter,
        &sealed,
        now,
    );
    let rows = qb.build().fetch_all(pool).await?;
    // In name order: opened, so sorted here.
    let mut names = Vec::with_capacity(rows.len());
    for r in &rows {
        names.push((pool.opened_text(r, "last_name")?, pool.opened_text(r, "first_name")?, r.get::<i64, _>("id")));
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_cached_key(|&i| (names[i].0.to_lowercase(), names[i].1.to_lowercase(), names[i].2));
    let mut labels = Vec::new();
    let mut skipped = 0;
    for i in order {
        let r = &rows[i];
        if !r.get::<Flag, _>("printable").0 || labels.len() as i64 >= limit {
            skipped += 1;
            continue;
        }
        let (last, first, _) = &names[i];
        let name = format!("{first} {last}");
        let place = format!("{} {}", r.get::<String, _>("postcode"), r.get::<String, _>("city"));
        let lines = [name, r.get("company"), pool.opened_text(r, "street")?, place, r.get("country")];
        labels.push(lines.into_iter().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect());
    }
    Ok((labels, skipped))
}
