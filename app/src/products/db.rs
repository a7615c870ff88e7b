//! SQL of the products (`catalogue_items`, their names in other languages in
//! `catalogue_item_names`, migration 0044).

use super::{Product, Shown, ValidProduct};
use crate::db::Db;
use crate::db::{Conn, DbRow, Dialect};
use crate::domain::{Minor, SiteId};
use sqlx::Row;

fn columns(dialect: Dialect) -> String {
    let names = dialect.json_list(&dialect.json_pair("n.language", "n.name"), "n.language");
    format!(
        "i.id, i.sku, i.name, i.price_minor, i.currency, i.category, i.image_url, i.stock_expected, i.active,
         (SELECT {names} FROM catalogue_item_names n WHERE n.item_id = i.id) AS names"
    )
}

fn product(r: &DbRow) -> sqlx::Result<Product> {
    let names: String = r.try_get("names")?;
    Ok(Product {
        id: r.try_get("id")?,
        sku: r.try_get("sku")?,
        name: r.try_get("name")?,
        names: serde_json::from_str(&names).unwrap_or_default(),
        price: Minor(r.try_get("price_minor")?),
        currency: r.try_get("currency")?,
        category: r.try_get("category")?,
        image_url: r.try_get("image_url")?,
        stock_expected: r.try_get("stock_expected")?,
        archived: r.try_get::<i64, _>("active")? == 0,
    })
}

/// The condition shared by the count and the page: $1 site, $2 active, $3 the search as
/// typed (a SKU starts with it, which the UNIQUE (site_id, sku) index ranges over), $4 the
/// same as a LIKE pattern for names and categories. The warranty widget's search uses it too.
pub(crate) fn filter(dialect: Dialect) -> String {
    let (sku, like) = (dialect.starts_with("i.sku", "$3"), dialect.like());
    format!(
        "i.site_id = $1 AND i.active = $2 AND ($3 = '' OR {sku}
         OR i.name {like} $4 ESCAPE '\\' OR i.category {like} $4 ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM catalogue_item_names n WHERE n.item_id = i.id AND n.name {like} $4 ESCAPE '\\'))"
    )
}

/// One page of a site's products by name, and how many match in all.
pub async fn page(
    pool: &Db,
    site: SiteId,
    shown: Shown,
    query: &str,
    offset: i64,
    limit: i64,
) -> sqlx::Result<(Vec<Product>, i64)> {
    let active = i64::from(shown == Shown::Offered);
    let pattern = crate::like::containing(query);
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM catalogue_items i WHERE {}",
        filter(pool.dialect())
    )))
    .bind(site)
    .bind(active)
    .bind(query)
    .bind(&pattern)
    .fetch_one(pool)
    .await?;
    Ok((list(pool, site, active, query, offset, limit).await?, total))
}

/// The site's offered products a search finds, at most `limit`: what the till suggests as
/// staff type a SKU or a name.
pub async fn search(pool: &Db, site: SiteId, query: &str, limit: i64) -> sqlx::Result<Vec<Product>> {
    list(pool, site, 1, query, 0, limit).await
}

async fn list(
    pool: &Db,
    site: SiteId,
    active: i64,
    query: &str,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Vec<Product>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM catalogue_items i WHERE {} ORDER BY i.name, i.id LIMIT $5 OFFSET $6",
        columns(pool.dialect()),
        filter(pool.dialect())
    )))
    .bind(site)
    .bind(active)
    .bind(query)
    .bind(crate::like::containing(query))
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    rows.iter().map(product).collect()
}

/// A site's products by id, archived ones included, from `after` on: the API's list.
pub async fn after(pool: &Db, site: SiteId, after: i64, limit: i64) -> sqlx::Result<Vec<Product>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM catalogue_items i WHERE i.site_id = $1 AND i.id > $2 ORDER BY i.id LIMIT $3",
        columns(pool.dialect())
    )))
    .bind(site)
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(product).collect()
}

/// The site's product with this SKU, archived or not.
pub async fn by_sku(conn: &mut Conn, site: SiteId, sku: &str) -> sqlx::Result<Option<Product>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM catalogue_items i WHERE i.site_id = $1 AND i.sku = $2",
        columns(Dialect::of(conn))
    )))
    .bind(site)
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(product).transpose()
}

/// The site's currency and the languages it writes in besides its default: what a
/// product of it is priced in and named in.
pub async fn site_terms(pool: &Db, site: SiteId) -> sqlx::Result<(String, Vec<String>)> {
    let currency: String =
        sqlx::query_scalar("SELECT currency FROM sites WHERE id = $1").bind(site).fetch_one(pool).await?;
    let languages = sqlx::query_scalar(
        "SELECT l.language FROM site_languages l JOIN sites s ON s.id = l.site_id
         WHERE l.site_id = $1 AND l.language <> s.default_language ORDER BY l.language",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    Ok((currency, languages))
}

/// What saving a product did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Created(i64),
    Updated(i64),
    Unchanged(i64),
    /// A new product's SKU is taken (by an archived product, perhaps).
    SkuTaken,
    /// No product of the site has the SKU to change.
    NotFound,
}

/// Creates the product (`create`) or changes the one with its SKU, in one transaction
/// with its names. The SKU itself never changes: loyalty rules and the shop's systems name
/// products by it.
pub async fn save(pool: &Db, site: SiteId, p: &ValidProduct, create: bool) -> sqlx::Result<Saved> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let saved = save_in(&mut tx, site, p, create).await?;
    if matches!(saved, Saved::Created(_) | Saved::Updated(_)) {
        tx.commit().await?;
    }
    Ok(saved)
}

/// [`save`] inside a caller's transaction (the import saves many in one).
pub async fn save_in(conn: &mut Conn, site: SiteId, p: &ValidProduct, create: bool) -> sqlx::Result<Saved> {
    let existing = by_sku(conn, site, p.sku.as_str()).await?;
    let id = match (existing, create) {
        (Some(_), true) => return Ok(Saved::SkuTaken),
        (None, false) => return Ok(Saved::NotFound),
        (Some(old), false) => {
            if same(&old, p) {
                return Ok(Saved::Unchanged(old.id));
            }
            sqlx::query(
                "UPDATE catalogue_items SET name = $1, price_minor = $2, category = $3, image_url = $4, stock_expected = $5,
                     updated_at = $7
                 WHERE id = $6",
            )
            .bind(&p.name)
            .bind(p.price.0)
            .bind(&p.category)
            .bind(&p.image_url)
            .bind(&p.stock_expected)
            .bind(old.id)
            .bind(crate::db::now()).execute(&mut *conn)
            .await?;
            old.id
        }
        (None, true) => {
            sqlx::query_scalar(
                "INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency, category, image_url, stock_expected, updated_at)
                 SELECT id, $1, $2, $3, currency, $4, $5, $6, $8 FROM sites WHERE id = $7
                 RETURNING id",
            )
            .bind(p.sku.as_str())
            .bind(&p.name)
            .bind(p.price.0)
            .bind(&p.category)
            .bind(&p.image_url)
            .bind(&p.stock_expected)
            .bind(site)
            .bind(crate::db::now()).fetch_one(&mut *conn)
            .await?
        }
    };
    sqlx::query("DELETE FROM catalogue_item_names WHERE item_id = $1").bind(id).execute(&mut *conn).await?;
    for (language, name) in &p.names {
        sqlx::query("INSERT INTO catalogue_item_names (item_id, language, name) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(language)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(if create { Saved::Created(id) } else { Saved::Updated(id) })
}

fn same(old: &Product, p: &ValidProduct) -> bool {
    old.name == p.name
        && old.names == p.names
        && old.price == p.price
        && old.category == p.category
        && old.image_url == p.image_url
        && old.stock_expected == p.stock_expected
}

/// Archives or offers again the site's product with this SKU; `false` when it has none.
pub async fn set_archived(pool: &Db, site: SiteId, sku: &str, archived: bool) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE catalogue_items SET active = $1, updated_at = $4
         WHERE site_id = $2 AND sku = $3",
    )
    .bind(i64::from(!archived))
    .bind(site)
    .bind(sku)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The site's product with this id, archived or not (a webhook's data).
pub async fn by_id(conn: &mut Conn, site: SiteId, id: i64) -> sqlx::Result<Option<Product>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM catalogue_items i WHERE i.site_id = $1 AND i.id = $2",
        columns(Dialect::of(conn))
    )))
    .bind(site)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(product).transpose()
}
