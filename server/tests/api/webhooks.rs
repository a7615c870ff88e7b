//! Webhooks against a real HTTP receiver on loopback: every event type arrives, signed so
//! that the Standard Webhooks reference library (npm `standardwebhooks`, run by Node)
//! verifies it; a 500 is tried again with the same message id; "send again" sends again;
//! and a delivery queued when the real `patron` binary is killed is sent by the next start.

use crate::common;

use app::domain::Role;
use axum::http::HeaderMap;
use common::receiver::receiver;
use common::{Signup, TestApp, spawn_app};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Whether the reference library verifies a request under `secret`.
fn verifies(secret: &str, headers: &HeaderMap, body: &str) -> Result<(), String> {
    use std::io::Write;
    let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let input = serde_json::json!({
        "secret": secret,
        "headers": {
            "webhook-id": header("webhook-id"),
            "webhook-timestamp": header("webhook-timestamp"),
            "webhook-signature": header("webhook-signature"),
        },
        "body": body,
    });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/verify-webhook.mjs");
    let mut node = std::process::Command::new("node")
        .arg(script)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end"))
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node is needed (scripts/setup installs it)");
    node.stdin.take().unwrap().write_all(input.to_string().as_bytes()).unwrap();
    let out = node.wait_with_output().unwrap();
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

async fn add_endpoint(app: &TestApp, owner: &reqwest::Client, url: &str, events: &str) -> String {
    let res =
        app.admin_via(owner, &app.url, "add_webhook", &[("site", "demo"), ("url", url), ("events", events)]).await;
    assert_eq!(res.status(), reqwest::StatusCode::OK, "{}", res.text().await.unwrap());
    let view: Value = app.admin_via(owner, &app.url, "webhooks", &[("site", "demo")]).await.json().await.unwrap();
    view["endpoints"][0]["secret"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_event_reaches_the_endpoint_signed_and_a_failed_one_is_tried_again() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let (url, received) = receiver(0, 1).await;
    let secret = add_endpoint(&app, &owner, &url, &app::webhooks::EVENT_TYPES.join(",")).await;
    assert!(secret.starts_with("whsec_"));

    // A signup: customer.created and consent.changed, in one transaction with the signup.
    let (text_id, _) = app.demo_consent_text().await;
    let signup = Signup {
        first_name: "Ann",
        email: "ann@example.com",
        consent: true,
        consent_text_id: Some(text_id),
        ..Default::default()
    };
    assert!(app.signup(&signup).await.status().is_success());
    let customer: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    let cid = customer.to_string();
    // The first request gets a 500; it comes again 5 seconds later with the same id.
    let first = received.at_least(3).await;
    assert!(first.len() >= 3, "{} requests", first.len());

    let form = [("id", cid.as_str()), ("field", "city"), ("value", "Utrecht")];
    assert!(app.admin_via(&owner, &app.url, "update_customer", &form).await.status().is_success());
    let purchase = [("form[customer]", cid.as_str()), ("form[payment_method]", "card"), ("form[lines][0][sku]", "RYE")];
    assert!(app.admin_via(&owner, &app.url, "add_purchase", &purchase).await.status().is_success());
    let reservation = [
        ("form[sku]", "PANETTONE"),
        ("form[first_name]", "Ann"),
        ("form[last_name]", "Lee"),
        ("form[email]", "ann@example.com"),
        ("form[phone]", "+351 912 345 678"),
        ("form[quantity]", "2"),
        ("form[note]", ""),
        ("form[page_url]", ""),
    ];
    let res = app.widget("reserve", &reservation).await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let nps = [("score", "9"), ("reason", "Good bread"), ("lang", "en"), ("page_url", ""), ("visitor", "")];
    assert!(app.widget("nps", &nps).await.status().is_success());
    let arrived = |want: &[&str]| {
        let received = received.clone();
        let want: Vec<String> = want.iter().map(|t| t.to_string()).collect();
        async move {
            let started = Instant::now();
            loop {
                let types: Vec<String> =
                    received.bodies().iter().map(|b| b["type"].as_str().unwrap().to_owned()).collect();
                let missing: Vec<&String> = want.iter().filter(|t| !types.contains(t)).collect();
                if missing.is_empty() {
                    return;
                }
                assert!(started.elapsed() < Duration::from_secs(20), "{missing:?} missing from {types:?}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    };
    arrived(&[
        "customer.created",
        "consent.changed",
        "customer.updated",
        "purchase.created",
        "reservation.created",
        "survey.answered",
    ])
    .await;
    // The log: every delivery delivered; the first after two tries.
    let started = Instant::now();
    let log = loop {
        let view: Value = app.admin_via(&owner, &app.url, "webhooks", &[("site", "demo")]).await.json().await.unwrap();
        let log = view["deliveries"].as_array().unwrap().clone();
        if log.iter().all(|d| d["delivered_at"].is_string()) {
            break log;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "not all delivered: {log:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let oldest = log.last().unwrap();
    assert_eq!((oldest["event_type"].as_str(), oldest["attempts"].as_i64()), (Some("customer.created"), Some(2)));

    // "Send again" sends it once more, same id.
    let before = received.all().len();
    let delivery = oldest["id"].to_string();
    let res = app.admin_via(&owner, &app.url, "resend_webhook", &[("site", "demo"), ("id", &delivery)]).await;
    assert!(res.status().is_success());
    let again = received.at_least(before + 1).await;
    assert_eq!(again.last().unwrap().0["webhook-id"].to_str().unwrap(), oldest["message_id"].as_str().unwrap());
    // An erasure takes the customer's events not yet sent with it (a receiver hears only
    // that they are gone), so it comes last here.
    assert!(app.admin_via(&owner, &app.url, "erase_customer", &[("id", &cid)]).await.status().is_success());
    arrived(&["customer.erased"]).await;

    for (headers, body) in received.all() {
        verifies(&secret, &headers, &body).unwrap_or_else(|e| panic!("{e}: {body}"));
    }
    // A request with its body changed does not verify.
    let (headers, body) = received.all().remove(0);
    assert!(verifies(&secret, &headers, &body.replace("ann@", "eve@")).is_err());

    let ids: Vec<String> = received.all().iter().map(|(h, _)| h["webhook-id"].to_str().unwrap().to_owned()).collect();
    assert!(ids.iter().filter(|i| **i == ids[0]).count() >= 2, "the 500 came again with its id: {ids:?}");
    let bodies = received.bodies();
    let created = bodies.iter().find(|b| b["type"] == "customer.created").unwrap();
    assert_eq!(created["data"]["id"], customer);
    let purchase = bodies.iter().find(|b| b["type"] == "purchase.created").unwrap();
    assert_eq!(purchase["data"]["lines"][0]["sku"], "RYE");
    let erased = bodies.iter().find(|b| b["type"] == "customer.erased").unwrap();
    assert_eq!(erased["data"], serde_json::json!({ "id": customer }), "nothing but the id of an erased customer");
}

#[tokio::test]
async fn only_subscribed_events_are_queued_and_a_bad_endpoint_is_refused_at_its_field() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let res = app
        .admin_via(&owner, &app.url, "add_webhook", &[("site", "demo"), ("url", "ftp://x"), ("events", "order.paid")])
        .await;
    assert_eq!(res.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    let errors = common::field_errors(&res.json().await.unwrap());
    assert_eq!((errors["url"].as_str(), errors["events"].as_str()), ("NotAUrl", "UnknownOption"));
    let pool = app.pool.clone();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("SELECT count(*) FROM webhook_endpoints").await, 0);

    // Nobody listens: a signup writes no event at all.
    let signup = Signup { email: "quiet@example.com", ..Default::default() };
    assert!(app.signup(&signup).await.status().is_success());
    assert_eq!(count("SELECT count(*) FROM webhook_events").await, 0);

    add_endpoint(&app, &owner, "http://127.0.0.1:9/hooks", "consent.changed").await;
    let signup = Signup { email: "loud@example.com", ..Default::default() };
    assert!(app.signup(&signup).await.status().is_success());
    assert_eq!(
        count("SELECT count(*) FROM webhook_events").await,
        0,
        "no consent was given: nothing subscribed happened"
    );
}

#[test]
fn a_delivery_queued_before_the_server_was_killed_is_sent_after_it_starts_again() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_patron"))
            .env("PATRON_DATABASE_URL", format!("sqlite://{}", dir.path().join("patron.db").display()))
            .env("PATRON_ADDR", "127.0.0.1:0")
            .env("PATRON_SITE_ROOT", dir.path())
            .env("PATRON_DEMO", "true")
            // The receiver listens on loopback.
            .env("PATRON_WEBHOOKS_TO_PRIVATE_NETWORKS", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // The first server runs and is killed with the endpoint down: its delivery waits in the queue.
    let mut first = start();
    std::thread::sleep(Duration::from_secs(2));
    let key = patron::pii::key::load(None, None, &dir.path().join("patron.key")).unwrap();
    let url = format!("sqlite://{}", dir.path().join("patron.db").display());
    let pool = runtime.block_on(patron::db::connect(&url, &key.key, std::time::Duration::from_secs(10))).unwrap();
    runtime.block_on(async {
        sqlx::query("INSERT INTO webhook_endpoints (site_id, url, secret, events) VALUES (1, $1, 'whsec_c2VjcmV0', 'customer.created')")
            .bind(format!("http://127.0.0.1:{port}/hooks"))
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO customers (site_id, email) VALUES (1, 'kept@example.com')").execute(&pool).await.unwrap();
        patron::pii::settle(&pool).await.unwrap();
    });
    let attempts = || -> (i64, Option<String>) {
        runtime
            .block_on(sqlx::query_as("SELECT attempts, delivered_at FROM webhook_deliveries").fetch_one(&pool))
            .unwrap()
    };
    let started = Instant::now();
    while attempts().0 == 0 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    first.kill().unwrap();
    first.wait().unwrap();
    let waiting = attempts();
    assert!(waiting.0 >= 1 && waiting.1.is_none(), "tried and failed while the endpoint was down: {waiting:?}");
    runtime
        .block_on(sqlx::query("UPDATE webhook_deliveries SET next_attempt_at = $1").bind(app::db::now()).execute(&pool))
        .unwrap();

    // The endpoint comes up, then a new server: the queued delivery arrives.
    let received = runtime.block_on(receiver(port, 0)).1;
    let mut second = start();
    let got = runtime.block_on(received.at_least(1));
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(got.len(), 1, "the delivery survived the restart");
    let body: Value = serde_json::from_str(&got[0].1).unwrap();
    assert_eq!(body["data"]["email"], "kept@example.com");
}

#[tokio::test]
async fn by_default_webhooks_reach_no_loopback_private_or_metadata_address() {
    let app = common::spawn_app_with(|c| c.webhooks_to_private_networks = false).await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let (url, received) = receiver(0, 0).await;
    for target in [url.as_str(), "http://169.254.169.254/latest/meta-data", "http://localhost:9/hooks"] {
        add_endpoint(&app, &owner, target, "customer.created").await;
    }
    app.signup(&Signup { email: "new@example.com", ..Default::default() }).await;
    let started = std::time::Instant::now();
    let errors = loop {
        let errors: Vec<Option<String>> =
            sqlx::query_scalar("SELECT last_error FROM webhook_deliveries WHERE failed_at IS NOT NULL ORDER BY id")
                .fetch_all(&app.pool)
                .await
                .unwrap();
        if errors.len() == 3 || started.elapsed() > Duration::from_secs(15) {
            break errors;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(errors.len(), 3, "each refused and given up at once: {errors:?}");
    assert!(
        errors.iter().all(|e| e.as_deref().is_some_and(|e| e.contains("private or reserved network"))),
        "{errors:?}"
    );
    assert!(received.all().is_empty(), "nothing reached the loopback receiver");
}
