//! SQL of the how-did-you-hear widget.

use crate::db::Db;
use crate::domain::{CustomerId, FreeText, SiteId};

/// One answer: a site option, or the visitor's own words.
pub enum Heard {
    Option(i64),
    Other(FreeText),
}

pub async fn insert(
    pool: &Db,
    site: SiteId,
    customer: Option<CustomerId>,
    answer: &Heard,
    language: &str,
    page_url: &str,
) -> sqlx::Result<()> {
    let (option, other) = match answer {
        Heard::Option(id) => (Some(*id), None),
        Heard::Other(text) => (None, Some(text.as_str())),
    };
    sqlx::query(
        "INSERT INTO heard_responses (site_id, customer_id, option_id, other_text, language, page_url)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(site)
    .bind(customer)
    .bind(option)
    .bind(other)
    .bind(language)
    .bind(page_url)
    .execute(pool)
    .await?;
    Ok(())
}
