//! Serving connections: HTTP/1.1 with timeouts, and a limit on connections per client
//! network, so a few hundred slow or silent clients cannot hold the shop's widgets hostage.
//!
//! `axum::serve` has neither: a client sending its headers a byte a minute, or opening a
//! connection and saying nothing, kept it open for good (seen open after 45 s, issue 27).
//! hyper has the header timeout (which also closes idle kept-alive connections, since
//! waiting for the next request is waiting for its headers); the body timeout is a layer
//! on the router (`tower_http::timeout`). Only HTTP/1.1 is served: browsers speak HTTP/2
//! only over TLS, which the reverse proxy in front ends, and cleartext HTTP/2 would bring
//! streams that escape the header timeout.

use crate::client_ip::{TrustedProxy, trusted};
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long requests under way get to finish after a shutdown signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct Limits {
    /// For a request's headers, and for an idle connection.
    pub header_timeout: Duration,
    /// Open connections per client network at once.
    pub per_network: u32,
    /// Proxies bring many clients' connections: they are not limited here.
    pub proxies: Arc<Vec<TrustedProxy>>,
}

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests under
/// way finish (for at most [`SHUTDOWN_GRACE`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let open = OpenConnections::default();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken:
                    // wait a moment rather than spin (as axum::serve does).
                    tracing::warn!(error = %e, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let slot = if trusted(peer.ip(), &limits.proxies) {
            None
        } else {
            match open.take(peer.ip(), limits.per_network) {
                Some(slot) => Some(slot),
                None => {
                    refused();
                    continue;
                }
            }
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let mut req = req.map(axum::body::Body::new);
            // The peer address feeds the client address, the analytics visitor hash (never
            // stored) and the rate limits.
            req.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(req)
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => tracing::warn!("requests still under way at shutdown were cut off"),
    }
    Ok(())
}

/// Refused connections are logged at most once a minute, with how many there were.
fn refused() {
    static REFUSED: AtomicU64 = AtomicU64::new(0);
    static LAST_LOG: AtomicU64 = AtomicU64::new(0);
    let refused = REFUSED.fetch_add(1, Ordering::Relaxed) + 1;
    let now = app::server_ctx::now() as u64;
    let last = LAST_LOG.load(Ordering::Relaxed);
    if now >= last + 60 && LAST_LOG.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
        // The network itself is not logged: an address is personal data.
        tracing::warn!(refused_so_far = refused, "too many open connections from one network; new ones closed");
    }
}

/// Open connections per client network.
#[derive(Clone, Default)]
struct OpenConnections(Arc<Mutex<HashMap<String, u32>>>);

impl OpenConnections {
    fn take(&self, ip: IpAddr, limit: u32) -> Option<Slot> {
        // An IPv4 address or an IPv6 /64, as the other per-network limits count.
        let network = app::admin::auth::throttle::network_key(Some(ip));
        let mut open = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let count = open.entry(network.clone()).or_insert(0);
        if *count >= limit {
            return None;
        }
        *count += 1;
        Some(Slot { open: self.clone(), network })
    }
}

/// One open connection, counted until it is dropped.
struct Slot {
    open: OpenConnections,
    network: String,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.open.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = open.get_mut(&self.network) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.network);
            }
        }
    }
}
