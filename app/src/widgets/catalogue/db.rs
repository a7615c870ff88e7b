//! SQL of the catalogue.

use super::ItemView;
use crate::db::Db;
use crate::db::{DbRow, Dialect};
use crate::domain::{CustomerId, Minor, Sku};
use crate::sites::Site;
use crate::widgets::texts::Lang;
use sqlx::{AssertSqlSafe, Row};

/// An item's names in the site's other languages, as a JSON array of [language, name]:
/// `item` the alias of `catalogue_items`.
fn names(dialect: Dialect, item: &str) -> String {
    let pairs = dialect.json_list(&dialect.json_pair("n.language", "n.name"), "n.language");
    format!("(SELECT {pairs} FROM catalogue_item_names n WHERE n.item_id = {item}.id) AS names")
}

/// `item` with its price as each of the site's languages (the default first) writes it in
/// the site's country, and the day it is expected as each writes a day.
fn priced(site: &Site, mut item: ItemView) -> ItemView {
    let mut langs: Vec<Lang> = Vec::new();
    for code in std::iter::once(&site.default_language).chain(&site.languages) {
        if let Some(lang) = Lang::from_code(code).filter(|l| !langs.contains(l)) {
            langs.push(lang);
        }
    }
    let amount = Minor(item.price_minor);
    if let Some(day) = &item.stock_expected {
        item.expected = langs
            .iter()
            .map(|lang| (lang.code().to_owned(), crate::sites::date_style::style(*lang).write(day)))
            .collect();
    }
    item.prices = langs
        .into_iter()
        .map(|lang| {
            let style = crate::sites::money_style::style(lang, site.country.as_ref(), &item.currency);
            (lang.code().to_owned(), style.format(amount))
        })
        .collect();
    item
}

fn item(row: DbRow) -> (i64, ItemView) {
    (
        row.get("id"),
        ItemView {
            sku: row.get("sku"),
            name: row.get("name"),
            names: serde_json::from_str(row.get::<&str, _>("names")).unwrap_or_default(),
            price_minor: row.get("price_minor"),
            currency: row.get("currency"),
            stock_expected: row.get("stock_expected"),
            prices: Vec::new(),
            expected: Vec::new(),
        },
    )
}

/// An active item of the site, with its id.
pub async fn find(pool: &Db, site: &Site, sku: &Sku) -> sqlx::Result<Option<(i64, ItemView)>> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT id, sku, name, price_minor, currency, stock_expected, {}
         FROM catalogue_items WHERE site_id = $1 AND sku = $2 AND active = 1",
        names(pool.dialect(), "catalogue_items")
    )))
    .bind(site.id)
    .bind(sku.as_str())
    .fetch_optional(pool)
    .await?;
    Ok(row.map(item).map(|(id, found)| (id, priced(site, found))))
}

/// An active item of the site by the SKU as a browser sent it; a malformed one finds nothing.
pub async fn find_sent(pool: &Db, site: &Site, sku: &str) -> sqlx::Result<Option<(i64, ItemView)>> {
    match Sku::parse(sku) {
        Ok(sku) => find(pool, site, &sku).await,
        Err(_) => Ok(None),
    }
}

/// The first `limit` active items of the site by name, and whether it has more: a widget
/// that offers a choice lists a small catalogue whole and searches a large one.
pub async fn first(pool: &Db, site: &Site, limit: i64) -> sqlx::Result<(Vec<ItemView>, bool)> {
    let mut items = search(pool, site, "", limit + 1).await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    Ok((items, more))
}

/// At most `limit` active items of the site that a search finds (a SKU starting with it, a
/// name or category holding it, in any of the site's languages), by name: the products
/// page's filter.
pub async fn search(pool: &Db, site: &Site, query: &str, limit: i64) -> sqlx::Result<Vec<ItemView>> {
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT i.id, i.sku, i.name, i.price_minor, i.currency, i.stock_expected, {}
         FROM catalogue_items i WHERE {} ORDER BY i.name, i.id LIMIT $5",
        names(pool.dialect(), "i"),
        crate::products::db::filter(pool.dialect())
    )))
    .bind(site.id)
    .bind(1_i64)
    .bind(query)
    .bind(crate::like::containing(query))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| priced(site, item(r).1)).collect())
}

/// The site's active items among `skus` plus those the customer saved, in catalogue order.
pub async fn saved(pool: &Db, site: &Site, skus: &[Sku], customer: Option<CustomerId>) -> sqlx::Result<Vec<ItemView>> {
    // The browser's list travels as JSON: one bound parameter however long it is.
    let skus = serde_json::to_string(&skus.iter().map(Sku::as_str).collect::<Vec<_>>()).unwrap_or_default();
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT id, sku, name, price_minor, currency, stock_expected, {}
         FROM catalogue_items
         WHERE site_id = $1 AND active = 1 AND (
             sku IN {} OR id IN (SELECT item_id FROM favourites WHERE customer_id = $3))
         ORDER BY id",
        names(pool.dialect(), "catalogue_items"),
        pool.dialect().texts_in("$2")
    )))
    .bind(site.id)
    .bind(skus)
    .bind(customer)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| priced(site, item(r).1)).collect())
}

/// Saves or un-saves an item for a known customer.
pub async fn set_favourite(pool: &Db, customer: CustomerId, item_id: i64, saved: bool) -> sqlx::Result<()> {
    let sql = if saved {
        "INSERT INTO favourites (customer_id, item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM favourites WHERE customer_id = $1 AND item_id = $2"
    };
    sqlx::query(sql).bind(customer).bind(item_id).execute(pool).await?;
    Ok(())
}
