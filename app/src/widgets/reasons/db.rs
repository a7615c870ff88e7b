//! SQL of the rank-your-reasons widget.

use crate::db::Db;
use crate::domain::{CustomerId, Ranking, SiteId};

/// Stores one ranking and its items in one transaction.
pub async fn insert(
    pool: &Db,
    site: SiteId,
    customer: Option<CustomerId>,
    ranking: &Ranking,
    language: &str,
    page_url: &str,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reason_rankings (site_id, customer_id, language, page_url) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(site)
    .bind(customer)
    .bind(language)
    .bind(page_url)
    .fetch_one(&mut *tx)
    .await?;
    for (option, rank) in ranking.ranks() {
        sqlx::query("INSERT INTO reason_ranking_items (ranking_id, option_id, rank) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(option)
            .bind(rank)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
