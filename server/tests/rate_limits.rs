//! Rate limits on the public endpoints: past its allowance a network gets 429 and nothing
//! is stored, while another network (told apart through a trusted proxy's
//! X-Forwarded-For) still gets through.

mod common;

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
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 5);
}
