//! SQL of the requests page.

use super::api::PrivacyRequest;
use crate::db::Db;
use sqlx::Row;

/// The latest requests, open ones first (soonest due first), then the rest newest first.
pub async fn requests(pool: &Db, limit: i64) -> sqlx::Result<Vec<PrivacyRequest>> {
    let rows = sqlx::query(
        "SELECT r.id, s.site_key, r.customer_id, r.kind, r.channel, r.state, r.received_at, r.due_at, r.done_at,
                u.email, r.outcome,
                (SELECT o.body FROM outbox o WHERE o.request_id = r.id AND r.state = 'open' AND o.sent_at IS NULL
                 ORDER BY o.id DESC LIMIT 1) AS mail
         FROM privacy_requests r JOIN sites s ON s.id = r.site_id LEFT JOIN staff_users u ON u.id = r.staff_id
         ORDER BY r.state = 'open' DESC, CASE WHEN r.state = 'open' THEN r.due_at END, r.id DESC
         LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| -> sqlx::Result<PrivacyRequest> {
            Ok(PrivacyRequest {
                id: r.get("id"),
                site: r.get("site_key"),
                customer_id: r.get("customer_id"),
                kind: r.get("kind"),
                channel: r.get("channel"),
                state: r.get("state"),
                received_at: r.get("received_at"),
                due_at: r.get("due_at"),
                done_at: r.get("done_at"),
                staff: r.get("email"),
                outcome: r.get("outcome"),
                mail: pool.pii().open_opt(r.get("mail"))?,
            })
        })
        .collect()
}
