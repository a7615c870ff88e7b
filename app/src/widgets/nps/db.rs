//! SQL of the NPS widget.

use crate::db::Db;
use crate::domain::{CustomerId, FreeText, NpsScore, SiteId};

pub async fn insert(
    pool: &Db,
    site: SiteId,
    customer: Option<CustomerId>,
    score: NpsScore,
    reason: &FreeText,
    language: &str,
    page_url: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO nps_responses (site_id, customer_id, score, reason, language, page_url) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(site)
    .bind(customer)
    .bind(i64::from(score))
    .bind(reason.as_str())
    .bind(language)
    .bind(page_url)
    .execute(pool)
    .await?;
    Ok(())
}
