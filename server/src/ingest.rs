//! The analytics ingest endpoint, `POST /s/SITEKEY/a`, and its group-commit writer.
//!
//! Each request waits until its event is committed but does not commit alone: one
//! background writer takes every event waiting at that moment and writes them in one
//! transaction. The queue only holds requests still waiting for their answer: nothing
//! acknowledged lives only in memory, and a second server needs nothing from this one's.
//!
//! The writer commits on a connection of its own with `synchronous = NORMAL`: its commits
//! do not wait for the disk, so a 204 means the page view is in the database and survives
//! Patron stopping or crashing, but the last moments of page views before a power cut may be
//! lost (until the next fsync: any commit of what a person typed, which stays `FULL`, or a
//! checkpoint). Statistics can lose that; a signup cannot. With `FULL` each batch waited for
//! an fsync (~2 ms on the benchmark machine), which capped 64 waiting trackers at about
//! 64 / 2 ms whatever the server did.

use crate::client_ip::{TrustedProxy, client_ip};
use app::analytics::db::{self as analytics_db, Stored};
use app::analytics::event::{Event, RawEvent, is_bot};
use app::db::{Conn, Db, Dialect};
use app::domain::{Origin, SiteId, SiteKey};
use app::sites::Site;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sqlx::Connection;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

/// A tracker event is a few hundred bytes; custom properties are bounded at 1 KB.
const MAX_BODY: usize = 4 * 1024;
/// Events written per transaction at most.
const MAX_BATCH: usize = 1000;
/// Requests waiting for the writer at most; beyond it the endpoint answers 503.
const QUEUE: usize = 20_000;

#[derive(Clone)]
pub struct Ingest {
    pool: Db,
    queue: mpsc::Sender<Job>,
    proxies: Arc<[TrustedProxy]>,
    sites: Arc<Mutex<HashMap<String, SiteRead>>>,
    limit: crate::rate_limit::Limit,
    /// What `self` stands for among a site's allowed origins.
    public: app::server_ctx::PublicOrigin,
}

/// A site (or `None`: no such site) and when it was read.
type SiteRead = (Instant, Option<Arc<Site>>);

/// How long a site's settings (origins, kept parameters) are reused before they are read
/// again: a burst of page views then costs no lookup each, and a change in the admin
/// reaches the ingest within this time, on every server alike.
const SITE_TTL: Duration = Duration::from_secs(5);
/// Sites remembered at most; beyond it the memory starts afresh (unknown keys are
/// remembered too, so a flood of made-up keys must not grow it without end).
const SITES_REMEMBERED: usize = 10_000;

struct Job {
    site: SiteId,
    event: Event,
    /// What identifies the visitor for today's hash; never stored.
    ip: String,
    user_agent: String,
    token: Option<String>,
    done: oneshot::Sender<bool>,
}

impl Ingest {
    /// Starts the writer; it ends when the last `Ingest` clone is dropped.
    pub fn start(
        pool: Db,
        proxies: Vec<TrustedProxy>,
        limit: crate::rate_limit::Limit,
        public: app::server_ctx::PublicOrigin,
    ) -> Ingest {
        let (queue, jobs) = mpsc::channel(QUEUE);
        tokio::spawn(writer(pool.clone(), jobs));
        limit.start_forgetting();
        Ingest { pool, queue, proxies: proxies.into(), sites: Arc::default(), limit, public }
    }
}

impl Ingest {
    /// The site, read at most every [`SITE_TTL`] unless `fresh`.
    async fn site(&self, key: &SiteKey, fresh: bool) -> sqlx::Result<Option<Arc<Site>>> {
        let now = Instant::now();
        if let Some((read, site)) = self.sites.lock().expect("site memory").get(key.as_str())
            && now.duration_since(*read) < SITE_TTL
            && !fresh
        {
            return Ok(site.clone());
        }
        let site = app::sites::db::find_by_key(&self.pool, key).await?.map(Arc::new);
        let mut sites = self.sites.lock().expect("site memory");
        if sites.len() >= SITES_REMEMBERED {
            sites.clear();
        }
        sites.insert(key.as_str().to_owned(), (now, site.clone()));
        Ok(site)
    }
}

async fn writer(pool: Db, mut jobs: mpsc::Receiver<Job>) {
    // The writer's own connection, opened again after an error.
    let mut conn: Option<Conn> = None;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(job) = jobs.recv().await {
        batch.push(job);
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let stored = match write_batch(&pool, &mut conn, &batch).await {
            Ok(()) => {
                app::storage::committed();
                true
            }
            Err(e) => {
                // A storage fault is logged once for its episode, not once per batch.
                if app::storage::note(&e).is_none() {
                    tracing::error!(error = %e, events = batch.len(), "analytics: writing a batch");
                }
                conn = None;
                false
            }
        };
        for job in batch.drain(..) {
            let _ = job.done.send(stored);
        }
    }
}

/// A connection of the pool, taken out of it for good, whose commits (on SQLite) do not
/// wait for the disk.
async fn relaxed_connection(pool: &Db) -> Result<Conn, sqlx::Error> {
    let mut conn = pool.acquire().await?.detach();
    if pool.dialect() == Dialect::Sqlite {
        sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut conn).await?;
    }
    Ok(conn)
}

async fn write_batch(pool: &Db, conn: &mut Option<Conn>, batch: &[Job]) -> Result<(), sqlx::Error> {
    let fresh = app::tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("random salt: {e}")))?;
    let conn = match conn {
        Some(conn) => conn,
        None => conn.insert(relaxed_connection(pool).await?),
    };
    let _turn = app::writer::turn().await;
    // On SQLite the write lock at once (see `Db::begin_write`).
    let mut tx = match pool.dialect() {
        Dialect::Sqlite => conn.begin_with("BEGIN IMMEDIATE").await?,
        Dialect::Postgres => {
            let mut tx = conn.begin().await?;
            app::db::writer_lock(&mut tx).await?;
            tx
        }
    };
    let salt = analytics_db::todays_salt(&mut tx, &fresh).await?;
    let visitors: Vec<String> = batch.iter().map(|j| visitor_hash(&salt, j.site, &j.ip, &j.user_agent)).collect();
    let mut customers = Vec::with_capacity(batch.len());
    for job in batch {
        customers.push(match &job.token {
            Some(token) => analytics_db::customer_for_token(&mut tx, job.site, &app::tokens::hash(token)).await?,
            None => None,
        });
    }
    let events: Vec<Stored> = batch
        .iter()
        .zip(&visitors)
        .zip(customers)
        .map(|((job, visitor), customer)| Stored { site: job.site, visitor, customer, event: &job.event })
        .collect();
    analytics_db::write_batch(&mut tx, &events).await?;
    tx.commit().await
}

/// The day's visitor key: SHA-256 of salt, site, IP and user agent, cut to 128 bits.
fn visitor_hash(salt: &str, site: SiteId, ip: &str, user_agent: &str) -> String {
    let joined = [salt, &site.0.to_string(), ip, user_agent].join("\0");
    app::tokens::hash(&joined)[..32].to_owned()
}

/// `POST /s/SITEKEY/a` with the tracker's JSON (sent as text/plain, so browsers send it
/// without a preflight). 204: stored, or deliberately dropped (Do Not Track, Global Privacy
/// Control, a bot), said in `patron-dropped`. 400 malformed, 403 foreign origin, 404 unknown
/// site, 413 too large, 429 over the rate limit of the site and network, 503 the writer
/// could not commit (the tracker does not retry).
pub async fn handle(
    State(ingest): State<Ingest>,
    Path(key): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(key) = SiteKey::parse(&key) else {
        return plain(StatusCode::NOT_FOUND, "unknown site");
    };
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let public = &ingest.public;
    let origin = Origin::parse(text(header::ORIGIN)).ok();
    let allowed =
        |site: &Option<Arc<Site>>| origin.as_ref().is_some_and(|o| site.as_ref().is_some_and(|s| s.allows(o, public)));
    // A refusal is never made from memory: a site or origin the owner has just added
    // counts at once (only a removal may take up to SITE_TTL to count).
    let mut site = ingest.site(&key, false).await;
    if site.as_ref().is_ok_and(|s| !allowed(s)) {
        site = ingest.site(&key, true).await;
    }
    let site = match site {
        Ok(Some(site)) => site,
        Ok(None) => return plain(StatusCode::NOT_FOUND, "unknown site"),
        Err(e) => {
            if app::storage::note(&e).is_none() {
                tracing::error!(error = %e, "analytics: looking up the site");
            }
            return unavailable("try again");
        }
    };
    let Some(origin) = origin.filter(|o| site.allows(o, public)) else {
        return plain(StatusCode::FORBIDDEN, "origin not allowed for this site");
    };
    let ip = client_ip(peer.ip(), &headers, &ingest.proxies);
    if !ingest.limit.allows(site.id.0, Some(ip)) {
        return plain(StatusCode::TOO_MANY_REQUESTS, "too many events from this network, event not stored");
    }
    let allow = HeaderValue::from_str(origin.as_str()).expect("a parsed origin is a valid header value");
    let answer = |status: StatusCode, dropped: Option<&'static str>| {
        let mut res = status.into_response();
        res.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow.clone());
        if let Some(why) = dropped {
            res.headers_mut().insert("patron-dropped", HeaderValue::from_static(why));
        }
        res
    };
    if headers.get("dnt").is_some_and(|v| v == "1") || headers.get("sec-gpc").is_some_and(|v| v == "1") {
        return answer(StatusCode::NO_CONTENT, Some("do-not-track"));
    }
    let user_agent = text(header::USER_AGENT).chars().take(512).collect::<String>();
    if is_bot(&user_agent) {
        return answer(StatusCode::NO_CONTENT, Some("bot"));
    }
    if body.len() > MAX_BODY {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "event too large");
    }
    let Ok(raw) = serde_json::from_slice::<RawEvent>(&body) else {
        return plain(StatusCode::BAD_REQUEST, "not an event");
    };
    let event = match Event::parse(&raw, origin.as_str(), &site.kept_query_params) {
        Ok(event) => event,
        Err(e) => return plain(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let token = raw.t.filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()));
    let (done, stored) = oneshot::channel();
    let job = Job { site: site.id, event, ip: ip.to_string(), user_agent, token, done };
    if ingest.queue.try_send(job).is_err() {
        return unavailable("busy, event not stored");
    }
    match stored.await {
        Ok(true) => answer(StatusCode::NO_CONTENT, None),
        _ => unavailable("event not stored"),
    }
}

/// 503 with the wait a client should leave before sending again.
fn unavailable(why: &'static str) -> Response {
    app::storage::retry_later(plain(StatusCode::SERVICE_UNAVAILABLE, why))
}

fn plain(status: StatusCode, why: impl Into<String>) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why.into()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visitor_key_depends_on_salt_site_ip_and_agent() {
        let a = visitor_hash("salt1", SiteId(1), "10.0.0.1", "Firefox");
        assert_eq!(a.len(), 32);
        assert_eq!(a, visitor_hash("salt1", SiteId(1), "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor_hash("salt2", SiteId(1), "10.0.0.1", "Firefox"), "a new day, a new visitor");
        assert_ne!(a, visitor_hash("salt1", SiteId(2), "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor_hash("salt1", SiteId(1), "10.0.0.2", "Firefox"));
    }
}
