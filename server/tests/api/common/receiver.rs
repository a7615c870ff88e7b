//! A real HTTP receiver of webhooks on loopback, keeping every request it gets.

use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the receiver got: headers and body of each request.
#[derive(Clone, Default)]
pub struct Received(pub Arc<Mutex<Vec<(HeaderMap, String)>>>);

impl Received {
    pub fn all(&self) -> Vec<(HeaderMap, String)> {
        self.0.lock().unwrap().clone()
    }

    /// Waits up to 20 s until `want` requests came.
    pub async fn at_least(&self, want: usize) -> Vec<(HeaderMap, String)> {
        let started = Instant::now();
        while self.all().len() < want && started.elapsed() < Duration::from_secs(20) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.all()
    }

    pub fn bodies(&self) -> Vec<Value> {
        self.all().iter().map(|(_, b)| serde_json::from_str(b).unwrap()).collect()
    }
}

/// A receiver on `port` (0: any) answering 500 to its first `failures` requests, then 204.
pub async fn receiver(port: u16, failures: usize) -> (String, Received) {
    let received = Received::default();
    let log = received.clone();
    let app = axum::Router::new().route(
        "/hooks",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let log = log.clone();
            async move {
                let mut all = log.0.lock().unwrap();
                all.push((headers, body));
                if all.len() <= failures { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::NO_CONTENT }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}
