//! SQL of the audit log.

use super::api::AuditEntry;
use crate::db::{Db, Statement};
use crate::staff::audit::AuditAction;
use sqlx::Row;

/// Up to `limit` entries, newest first, narrowed as asked.
pub async fn page(
    pool: &Db,
    action: Option<AuditAction>,
    customer: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    let mut qb = Statement::new(
        pool.dialect(),
        "SELECT a.id, a.at, a.staff_email, a.action, s.site_key, a.customer_id, a.detail
         FROM audit_log a LEFT JOIN sites s ON s.id = a.site_id WHERE true",
    );
    if let Some(action) = action {
        qb.push(" AND a.action = ").push_bind(action.code());
    }
    if let Some(customer) = customer {
        qb.push(" AND a.customer_id = ").push_bind(customer);
    }
    if let Some(before) = before {
        qb.push(" AND a.id < ").push_bind(before);
    }
    qb.push(" ORDER BY a.id DESC LIMIT ").push_bind(limit);
    let rows = qb.build().fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AuditEntry {
                id: r.get("id"),
                at: r.get("at"),
                staff_email: r.get("staff_email"),
                action: AuditAction::parse(r.get::<&str, _>("action"))?,
                site: r.get("site_key"),
                customer_id: r.get("customer_id"),
                detail: r.get("detail"),
            })
        })
        .collect())
}
