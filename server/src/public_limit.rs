//! Posts to Patron's public pages (`/p/...`: privacy requests, sign-in links, newsletter
//! confirmations, unsubscribes, a customer's own page) counted per client network in the
//! database, so several servers agree and a script cannot make the shop write or mail
//! without end. Past [`POSTS_PER_WINDOW`] in [`WINDOW_SECONDS`] the answer is 429 and nothing
//! runs; a count at its limit is only read, so a flood past it writes nothing.

use app::db::Db;
use app::server_ctx::ClientIp;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Posts a network may make to public pages in a window: a household asking for a link,
/// confirming, changing its consents is far below it.
pub const POSTS_PER_WINDOW: i64 = 30;
pub const WINDOW_SECONDS: i64 = 10 * 60;

pub async fn limit(State(pool): State<Db>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.uri().path().starts_with("/p/") {
        return next.run(req).await;
    }
    let ip = req.extensions().get::<ClientIp>().map(|c| c.0);
    let bucket = format!("p:{}", app::admin::auth::throttle::network_key(ip));
    let window = app::server_ctx::now() / WINDOW_SECONDS * WINDOW_SECONDS;
    match take(&pool, &bucket, window).await {
        Ok(true) => next.run(req).await,
        Ok(false) => {
            tracing::info!("public post refused: the network's limit is reached");
            let retry = (window + WINDOW_SECONDS - app::server_ctx::now()).max(1).to_string();
            let mut res = (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "Too many requests from your network. Please try again in a few minutes.",
            )
                .into_response();
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_str(&retry).expect("digits"));
            res
        }
        Err(e) => {
            // Counting is a write: with the disk full or the lock held, it is the first to
            // meet the fault, logged once for its episode (see `app::storage`).
            if app::storage::note(&e).is_none() {
                tracing::error!(error = %e, "public post: counting");
            }
            app::storage::retry_later(
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Patron cannot save anything just now. Please try again in a few minutes.",
                )
                    .into_response(),
            )
        }
    }
}

/// Counts one post of `bucket` in `window`; `false` when the window's limit is reached.
async fn take(pool: &Db, bucket: &str, window: i64) -> sqlx::Result<bool> {
    let so_far: Option<i64> = sqlx::query_scalar("SELECT n FROM rate_counts WHERE bucket = $1 AND window_start = $2")
        .bind(bucket)
        .bind(window)
        .fetch_optional(pool)
        .await?;
    if so_far.is_some_and(|n| n >= POSTS_PER_WINDOW) {
        return Ok(false);
    }
    let counted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO rate_counts (bucket, window_start, n) VALUES ($1, $2, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET n = rate_counts.n + 1 WHERE rate_counts.n < $3
         RETURNING n",
    )
    .bind(bucket)
    .bind(window)
    .bind(POSTS_PER_WINDOW)
    .fetch_optional(pool)
    .await?;
    Ok(counted.is_some())
}

/// Forgets the counts of windows that are over (the hourly job).
pub async fn forget_old(pool: &Db) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM rate_counts WHERE window_start < $1")
        .bind(app::server_ctx::now() - WINDOW_SECONDS)
        .execute(pool)
        .await?;
    Ok(())
}
