//! `GET /admin/purchases.csv?site=&from=&to=`: a period's purchases as CSV (managers and
//! the owner; noted in the audit log), one line per purchase line, written while it is read.

use crate::csv_cells::csv_line;
use crate::db::Db;
use crate::domain::{DateRange, Minor};
use crate::extract::Query;
use crate::staff::audit::AuditAction;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::Row;

/// Purchases read per query while the file is written.
const CHUNK: i64 = 1_000;

#[derive(Deserialize)]
pub struct PeriodQuery {
    site: String,
    from: String,
    to: String,
}

fn refuse(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response()
}

pub async fn handler(State(pool): State<Db>, headers: HeaderMap, Query(q): Query<PeriodQuery>) -> Response {
    // Its words in the language of whoever downloads it: the header, and why it is refused.
    let t = crate::staff::texts::of_headers(&headers);
    let (staff, site) = match crate::staff::guard::manager_download(&pool, &headers, &q.site).await {
        Ok(found) => found,
        Err((status, text)) => return refuse(status, text),
    };
    let zone = match crate::sites::clock::of_site(&pool, site).await {
        Ok(zone) => zone,
        Err(e) => {
            tracing::error!(error = %e, "the site's clock");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal);
        }
    };
    let Ok(range) = DateRange::parse(&q.from, &q.to, &crate::sites::clock::today(&zone)) else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, t.refusals().bad_period);
    };
    let detail = format!("purchases {} to {}", range.from.as_str(), range.to.as_str());
    if let Err(e) = crate::staff::audit::record(&pool, &staff, AuditAction::Exported, Some(site), None, &detail).await {
        tracing::error!(error = %e, "audit log");
        return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.errors().internal);
    }
    let (from, until) = crate::sites::periods::bounds(&zone, &range);
    let header_line = csv_line(t.insight().purchases_csv.iter().map(|h| (*h).into()));
    // State: the id of the last purchase written; None once the last chunk is out.
    let stream = futures_util::stream::unfold(Some(0i64), move |after| {
        let (pool, from, until) = (pool.clone(), from.clone(), until.clone());
        async move {
            let after = after?;
            match chunk(&pool, site, &from, &until, after).await {
                Ok((text, last)) => Some((Ok::<_, std::io::Error>(Bytes::from(text)), last)),
                Err(e) => {
                    // The download ends broken rather than looking complete.
                    tracing::error!(error = %e, "purchases export");
                    Some((Err(std::io::Error::other("reading purchases")), None))
                }
            }
        }
    });
    let head = futures_util::stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(header_line)) });
    let name = format!("purchases-{}-{}-{}.csv", q.site, range.from.as_str(), range.to.as_str());
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(futures_util::StreamExt::chain(head, stream)),
    )
        .into_response()
}

/// The lines of up to [`CHUNK`] purchases after `after`, and the id to go on from (None
/// after the last).
async fn chunk(
    pool: &Db,
    site: crate::domain::SiteId,
    from: &str,
    until: &str,
    after: i64,
) -> sqlx::Result<(String, Option<i64>)> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM purchases WHERE site_id = $1 AND created_at >= $2 AND created_at < $3 AND id > $4 ORDER BY id LIMIT $5",
    )
    .bind(site)
    .bind(from)
    .bind(until)
    .bind(after)
    .bind(CHUNK)
    .fetch_all(pool)
    .await?;
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else { return Ok((String::new(), None)) };
    let rows = sqlx::query(
        "SELECT p.id, p.external_id, p.created_at, p.customer_id, c.email, p.payment_method,
                p.currency, p.total_minor, p.refunded_minor, p.voided_at, l.line, i.sku, l.description, l.quantity,
                coalesce((SELECT quantity FROM purchase_line_returns
                          WHERE purchase_id = p.id AND line = l.line), 0) AS returned,
                l.line_total_minor
         FROM purchases p JOIN customers c ON c.id = p.customer_id
         JOIN purchase_items l ON l.purchase_id = p.id LEFT JOIN catalogue_items i ON i.id = l.item_id
         WHERE p.site_id = $1 AND p.created_at >= $2 AND p.created_at < $3 AND p.id BETWEEN $4 AND $5
         ORDER BY p.id, l.line",
    )
    .bind(site)
    .bind(from)
    .bind(until)
    .bind(first)
    .bind(last)
    .fetch_all(pool)
    .await?;
    let mut text = String::new();
    for r in rows {
        let money = |column: &str| Minor(r.get(column)).plain();
        let cells: [String; 16] = [
            r.get::<i64, _>("id").to_string(),
            r.get::<Option<String>, _>("external_id").unwrap_or_default(),
            r.get("created_at"),
            r.get::<i64, _>("customer_id").to_string(),
            pool.pii().open_opt(r.get::<Option<String>, _>("email").as_deref())?.unwrap_or_default(),
            r.get("payment_method"),
            r.get("currency"),
            money("total_minor"),
            money("refunded_minor"),
            r.get::<Option<String>, _>("voided_at").unwrap_or_default(),
            r.get::<i64, _>("line").to_string(),
            r.get::<Option<String>, _>("sku").unwrap_or_default(),
            r.get("description"),
            r.get::<i64, _>("quantity").to_string(),
            r.get::<i64, _>("returned").to_string(),
            money("line_total_minor"),
        ];
        text.push_str(&csv_line(cells.iter().map(|c| c.as_str().into())));
    }
    let next = (ids.len() as i64 == CHUNK).then_some(*last);
    Ok((text, next))
}
