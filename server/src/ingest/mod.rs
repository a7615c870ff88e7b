//! The analytics ingest endpoint, `POST /s/SITEKEY/a`: each accepted event is appended to
//! the analytics inbox (`append`) and answered once that commit is done; the mover
//! (`mover`) takes the inbox's events into the reports' tables in large batches.
//!
//! Nothing acknowledged lives only in memory: the queue holds only requests still waiting
//! for their answer, and a second server needs nothing from this one's.

mod append;
mod mover;

use crate::client_ip::{TrustedProxy, client_ip};
use app::analytics::event::{Event, RawEvent, is_bot};
use app::db::Db;
use app::domain::{Origin, SiteId, SiteKey};
use app::sites::Site;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

/// A tracker event is a few hundred bytes; custom properties are bounded at 1 KB.
const MAX_EVENT: usize = 4 * 1024;
/// Events one request may carry (a JSON array: what the tracker gathered in a moment, such
/// as a leave report and the next page's view), and their bytes in all.
const MAX_EVENTS: usize = 20;
const MAX_BATCH_BODY: usize = 16 * 1024;
/// Requests waiting for the writer at most; beyond it the endpoint answers 503.
const QUEUE: usize = 20_000;

pub struct Ingest {
    pool: Db,
    queue: mpsc::Sender<Job>,
    mover: mover::Mover,
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

/// A request's accepted events waiting for their append.
struct Job {
    site: SiteId,
    /// Each event, and the browser's visitor token sent with it.
    events: Vec<(Event, Option<String>)>,
    /// What identifies the visitor for today's hash; never stored.
    ip: String,
    user_agent: String,
    done: oneshot::Sender<bool>,
}

impl Ingest {
    /// Starts the appender and the mover; they end when the `Ingest` is dropped.
    pub fn start(
        pool: Db,
        proxies: Vec<TrustedProxy>,
        limit: crate::rate_limit::Limit,
        public: app::server_ctx::PublicOrigin,
    ) -> Ingest {
        let (queue, jobs) = mpsc::channel(QUEUE);
        let mover = mover::Mover::start(pool.clone(), queue.downgrade());
        tokio::spawn(append::appender(pool.clone(), jobs, mover.clone()));
        limit.start_forgetting();
        Ingest { pool, queue, mover, proxies: proxies.into(), sites: Arc::default(), limit, public }
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

/// `POST /s/SITEKEY/a` with the tracker's JSON: one event, or an array of up to
/// [`MAX_EVENTS`] (sent as text/plain, so browsers send it without a preflight). 204:
/// stored, or deliberately dropped (Do Not Track, Global Privacy Control, a bot), said in
/// `patron-dropped`. 400 malformed (any event of an array: none is stored), 403 foreign
/// origin, 404 unknown site, 413 too large, 429 over the rate limit of the site and network
/// (each event counts), 503 the events could not be stored (the tracker does not retry).
pub async fn handle(
    // Shared, not cloned per request (its site memory and addresses are behind it).
    State(ingest): State<Arc<Ingest>>,
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
    let raws = match read_events(&body) {
        Ok(raws) => raws,
        Err(refusal) => return refusal,
    };
    // The request was counted once above; each further event it carries counts too.
    if raws.len() > 1 && !ingest.limit.allows_n(site.id.0, Some(ip), raws.len() - 1) {
        return plain(StatusCode::TOO_MANY_REQUESTS, "too many events from this network, events not stored");
    }
    let mut events = Vec::with_capacity(raws.len());
    for raw in raws {
        match Event::parse(&raw, origin.as_str(), &site.kept_query_params) {
            Ok(event) => {
                events.push((event, raw.t.filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))))
            }
            // One bad event refuses the request whole: nothing of it is stored.
            Err(e) => return plain(StatusCode::BAD_REQUEST, e.to_string()),
        }
    }
    if ingest.mover.inbox_full() {
        return unavailable("busy, event not stored");
    }
    let (done, stored) = oneshot::channel();
    let job = Job { site: site.id, events, ip: ip.to_string(), user_agent, done };
    if ingest.queue.try_send(job).is_err() {
        return unavailable("busy, event not stored");
    }
    match stored.await {
        Ok(true) => answer(StatusCode::NO_CONTENT, None),
        _ => unavailable("event not stored"),
    }
}

/// The body's events: one JSON object, or an array of 1 to [`MAX_EVENTS`] of them. The
/// refusal says what is wrong (413 too large, 400 not events).
fn read_events(body: &[u8]) -> Result<Vec<RawEvent>, Response> {
    let batch = body.first() == Some(&b'[');
    if body.len() > if batch { MAX_BATCH_BODY } else { MAX_EVENT } {
        return Err(plain(StatusCode::PAYLOAD_TOO_LARGE, "events too large"));
    }
    if !batch {
        return serde_json::from_slice::<RawEvent>(body)
            .map(|raw| vec![raw])
            .map_err(|_| plain(StatusCode::BAD_REQUEST, "not an event"));
    }
    match serde_json::from_slice::<Vec<RawEvent>>(body) {
        Ok(raws) if (1..=MAX_EVENTS).contains(&raws.len()) => Ok(raws),
        Ok(_) => Err(plain(StatusCode::BAD_REQUEST, format!("from 1 to {MAX_EVENTS} events in one request"))),
        Err(_) => Err(plain(StatusCode::BAD_REQUEST, "not a list of events")),
    }
}

/// 503 with the wait a client should leave before sending again.
fn unavailable(why: &'static str) -> Response {
    app::storage::retry_later(plain(StatusCode::SERVICE_UNAVAILABLE, why))
}

fn plain(status: StatusCode, why: impl Into<String>) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why.into()).into_response()
}
