//! Rate limits on the public endpoints: past its allowance a network gets 429 and nothing
//! is stored, while another network (told apart through a trusted proxy's
//! X-Forwarded-For) still gets through.

use crate::common;

use common::{Signup, spawn_app_with};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, ORIGIN, USER_AGENT};
use serde_json::json;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

#[tokio::test]
async fn signups_past_the_limit_are_refused_and_store_nothing() {
    let app = spawn_app_with(|c| c.widget_rate = 3).await;
    let (text, _) = app.demo_consent_text().await;
    let mut answers = Vec::new();
    for n in 0..5 {
        let email = format!("flood{n}@example.org");
        let signup = Signup { email: &email, consent: true, consent_text_id: Some(text), ..Default::default() };
        answers.push(app.signup(&signup).await.status());
    }
    assert_eq!(answers[..3], [StatusCode::OK; 3]);
    assert_eq!(answers[3..], [StatusCode::TOO_MANY_REQUESTS; 2]);
    assert_eq!(app.count("customers").await, 3);
    assert_eq!(app.count("consents").await, 3);
}

#[tokio::test]
async fn page_views_past_the_limit_are_refused_per_network() {
    let app = spawn_app_with(|c| {
        c.ingest_rate = 4;
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let send = |n: usize, client_ip: &'static str| {
        let url = app.url.clone();
        async move {
            let event = json!({"k": "v", "i": format!("view-{}-{n}", client_ip.replace('.', "")), "u": format!("{url}/demo"), "r": "", "w": 1280, "l": "en"});
            reqwest::Client::new()
                .post(format!("{url}/s/demo/a"))
                .header(ORIGIN, &url)
                .header(USER_AGENT, FIREFOX)
                .header(CONTENT_TYPE, "text/plain;charset=UTF-8")
                .header("x-forwarded-for", client_ip)
                .body(event.to_string())
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let mut first = Vec::new();
    for n in 0..6 {
        first.push(send(n, "192.0.2.1").await);
    }
    assert_eq!(first[..4], [StatusCode::NO_CONTENT; 4]);
    assert_eq!(first[4..], [StatusCode::TOO_MANY_REQUESTS; 2]);
    assert_eq!(send(0, "198.51.100.9").await, StatusCode::NO_CONTENT, "another network has its own allowance");
    app.analytics_moved().await;
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 5);
}

#[tokio::test]
async fn each_event_of_a_list_counts_against_the_limit() {
    let app = spawn_app_with(|c| c.ingest_rate = 4).await;
    let list = |ids: &[&str]| {
        let events: Vec<_> = ids
            .iter()
            .map(|id| json!({"k": "v", "i": id, "u": format!("{}/demo", app.url), "r": "", "w": 1280, "l": "en"}))
            .collect();
        reqwest::Client::new()
            .post(format!("{}/s/demo/a", app.url))
            .header(ORIGIN, &app.url)
            .header(USER_AGENT, FIREFOX)
            .header(CONTENT_TYPE, "text/plain;charset=UTF-8")
            .body(json!(events).to_string())
            .send()
    };
    assert_eq!(list(&["listed-1", "listed-2", "listed-3"]).await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(list(&["listed-4", "listed-5"]).await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS, "5 of 4");
    app.analytics_moved().await;
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT view_id FROM page_views ORDER BY view_id").fetch_all(&app.pool).await.unwrap();
    assert_eq!(stored, ["listed-1", "listed-2", "listed-3"], "nothing of the refused list");
}

/// A public page's form posted from `ip` (the test server trusts 127.0.0.1 as its proxy).
async fn post_public(app: &common::TestApp, path: &str, form: &[(&str, &str)], ip: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}{path}", app.url))
        .header("x-forwarded-for", ip)
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_flood_of_requests_for_one_address_mails_it_at_most_three_times_an_hour() {
    let app = spawn_app_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    app.signup(&Signup { email: "mia@example.com", ..Default::default() }).await;
    // Twelve networks ask for every kind of link to one address: each is answered as usual.
    for n in 0..12 {
        let ip = format!("198.51.100.{n}");
        let (path, form): (&str, Vec<(&str, &str)>) = match n % 3 {
            0 => ("/p/demo/privacy/request", vec![("email", "mia@example.com"), ("kind", "access")]),
            1 => ("/p/demo/privacy/request", vec![("email", "mia@example.com"), ("kind", "erasure")]),
            _ => ("/p/demo/me", vec![("email", "mia@example.com")]),
        };
        let res = post_public(&app, path, &form, &ip).await;
        assert!(res.status().is_success(), "{path}: {}", res.status());
    }
    let mails: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox WHERE to_hash = $1")
        .bind(app.hash("email", "mia@example.com"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, 3);
}

#[tokio::test]
async fn one_network_posting_to_public_pages_past_its_limit_is_refused_before_anything_runs() {
    let app = spawn_app_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let mut statuses = Vec::new();
    for n in 0..35 {
        let email = format!("nobody{n}@example.com");
        let res =
            post_public(&app, "/p/demo/privacy/request", &[("email", &email), ("kind", "access")], "203.0.113.9").await;
        statuses.push(res.status());
    }
    assert!(statuses[..30].iter().all(|s| s.is_success()), "{statuses:?}");
    assert!(statuses[30..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    // Another network is not held up; the refused network's count stopped at the limit.
    let res = post_public(&app, "/p/demo/me", &[("email", "x@example.com")], "203.0.113.10").await;
    assert!(res.status().is_success());
    let counted: i64 = sqlx::query_scalar("SELECT max(n) FROM rate_counts").fetch_one(&app.pool).await.unwrap();
    assert_eq!(counted, 30);
}
