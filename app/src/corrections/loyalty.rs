//! What a correction takes back from the loyalty ledger: for each programme the purchase
//! earned in, what it would earn now (its net, the lines still kept, nothing once voided)
//! under the programme's rules, and a new `adjust` entry for the difference. Never more
//! than was earned, never an edit of the entry that earned it.

use crate::db::Conn;
use sqlx::Row;

pub(super) async fn take_back(tx: &mut Conn, purchase: i64, staff: Option<i64>, why: &str) -> sqlx::Result<()> {
    let Some(sale) = super::db::sale(tx, purchase, None).await? else { return Ok(()) };
    let earned = sqlx::query(
        "SELECT p.id AS programme_id, l.customer_id, CAST(sum(l.amount) AS BIGINT) AS earned, p.kind,
                p.min_total_minor, p.skus, p.points_per_unit
         FROM loyalty_ledger l JOIN loyalty_programmes p ON p.id = l.programme_id
         WHERE l.purchase_id = $1 GROUP BY p.id, l.customer_id",
    )
    .bind(purchase)
    .fetch_all(&mut *tx)
    .await?;
    if earned.is_empty() {
        return Ok(());
    }
    // What is still kept of each line: bought less returned.
    let kept = super::db::lines(tx, purchase).await?;
    let net = sale.total - sale.refunded;
    for row in earned {
        let earned: i64 = row.try_get("earned")?;
        let skus: String = row.try_get("skus")?;
        let listed = |sku: Option<&str>| sku.is_some_and(|s| skus.split(',').any(|k| k == s));
        let now = if sale.voided || net < row.try_get::<i64, _>("min_total_minor")? {
            0
        } else if row.try_get::<String, _>("kind")? == "points" {
            (net / 100) * row.try_get::<i64, _>("points_per_unit")?
        } else if skus.is_empty() {
            i64::from(kept.iter().any(|l| l.left > 0))
        } else {
            kept.iter().filter(|l| listed(l.sku.as_deref())).map(|l| l.left).sum()
        };
        if now < earned {
            sqlx::query(
                "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, purchase_id, staff_id, reason)
                 VALUES ($1, $2, 'adjust', $3, $4, $5, $6)",
            )
            .bind(row.try_get::<i64, _>("programme_id")?)
            .bind(row.try_get::<i64, _>("customer_id")?)
            .bind(now - earned)
            .bind(purchase)
            .bind(staff)
            .bind(why)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}
