//! Security headers: the admin's Content-Security-Policy allows only Patron's own scripts
//! and the inline hydration script carrying this response's nonce, forbids framing; every
//! answer says nosniff and a referrer policy; admin calls from another origin are refused.

mod common;

use common::spawn_app;
use reqwest::StatusCode;
use reqwest::header::ORIGIN;

/// The nonce in a CSP header value.
fn nonce_of(policy: &str) -> String {
    let start = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    policy[start..].split('\'').next().unwrap().to_owned()
}

#[tokio::test]
async fn the_admin_page_allows_only_its_own_scripts_and_cannot_be_framed() {
    let app = spawn_app().await;
    let res = app.client.get(format!("{}/admin/login", app.url)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let headers = res.headers().clone();
    let policy = headers["content-security-policy"].to_str().unwrap().to_owned();
    for part in ["default-src 'self'", "frame-ancestors 'none'", "'wasm-unsafe-eval'", "object-src 'none'"] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    let script_src = policy.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
    assert!(!script_src.contains("unsafe-inline"), "{script_src}");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");

    // Every inline script of the page carries the header's nonce, and it changes each time.
    let nonce = nonce_of(&policy);
    assert!(nonce.len() >= 16, "{nonce}");
    let body = res.text().await.unwrap();
    let inline_scripts = body.matches("<script").count();
    assert!(inline_scripts > 0);
    assert_eq!(body.matches(&format!("nonce=\"{nonce}\"")).count(), inline_scripts, "{body}");
    let again = app.client.get(format!("{}/admin/login", app.url)).send().await.unwrap();
    assert_ne!(nonce_of(again.headers()["content-security-policy"].to_str().unwrap()), nonce);
}

#[tokio::test]
async fn admin_calls_from_another_origin_are_refused() {
    let app = spawn_app().await;
    let res = reqwest::Client::new()
        .post(format!("{}/api/admin/setup_owner", app.url))
        .header(ORIGIN, "https://evil.example")
        .form(&[("email", "owner@shop.example"), ("password", "a long owner passphrase")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("staff_users").await, 0);
}
