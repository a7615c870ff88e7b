//! Security headers: the admin's Content-Security-Policy allows only Patron's own scripts
//! and the inline hydration script carrying this response's nonce, forbids framing; every
//! answer says nosniff and a referrer policy; admin calls from another origin are refused.
//! And the request's `Host` and `X-Forwarded-*` are believed for nothing: mailed links,
//! `self` among a site's origins and the admin's own origin come from the public address.

use crate::common;

use common::{Signup, TestApp, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use reqwest::header::{HOST, ORIGIN};

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

/// Asks for a privacy link and a my-page link for `email` with a forged Host and scheme;
/// the two links mailed.
async fn forged_host_links(app: &TestApp, email: &str) -> Vec<String> {
    let mut links = Vec::new();
    for (path, form) in [
        ("/p/demo/privacy/request", vec![("email", email), ("kind", "access")]),
        ("/p/demo/me", vec![("email", email)]),
    ] {
        let res = reqwest::Client::new()
            .post(format!("{}{path}", app.url))
            .header(HOST, "evil.example")
            .header("x-forwarded-proto", "https")
            .header("x-forwarded-host", "evil.example")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success() || res.status().is_redirection(), "{path}: {}", res.status());
        links.push(app.mailed_link(email).await);
    }
    links
}

#[tokio::test]
async fn a_forged_host_never_reaches_a_mailed_link() {
    // Without a configured address, a loopback server's links name the loopback address.
    let app = spawn_app().await;
    app.signup(&Signup { email: "mia@example.com", ..Default::default() }).await;
    for link in forged_host_links(&app, "mia@example.com").await {
        assert!(link.starts_with(&format!("{}/p/demo/", app.url)), "{link}");
    }
    // With one, they start with it, whatever the request named.
    let app = spawn_app_with(|c| c.public_url = Some("https://crm.shop.example".into())).await;
    app.signup_from("demo", "https://crm.shop.example", &Signup { email: "mia@example.com", ..Default::default() })
        .await;
    for link in forged_host_links(&app, "mia@example.com").await {
        assert!(link.starts_with("https://crm.shop.example/p/demo/"), "{link}");
    }
}

#[tokio::test]
async fn a_server_reachable_from_the_network_will_not_start_without_its_public_address() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = common::config_in(dir.path());
    config.addr = "0.0.0.0:0".parse().unwrap();
    let refused = patron::startup::Application::build(&config).await.err().expect("refused to start");
    assert!(refused.to_string().contains("--public-url"), "{refused}");
    config.public_url = Some("https://crm.shop.example".into());
    assert!(patron::startup::Application::build(&config).await.is_ok());
}

#[tokio::test]
async fn self_and_the_admins_origin_are_the_public_address_not_the_requests_host() {
    let app = spawn_app().await;
    // A page on evil.example, sending Host: evil.example, is not Patron's own page.
    let res = reqwest::Client::new()
        .post(format!("{}/s/demo/w/signup", app.url))
        .header(HOST, "evil.example")
        .header(ORIGIN, "http://evil.example")
        .form(&[("form[email]", "x@example.com"), ("form[consent]", "false")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = reqwest::Client::new()
        .post(format!("{}/api/admin/setup_owner", app.url))
        .header(HOST, "evil.example")
        .header(ORIGIN, "http://evil.example")
        .form(&[("email", "intruder@evil.example"), ("password", "a long owner passphrase")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!((app.count("customers").await, app.count("staff_users").await), (0, 0));
    // A form on another site cannot act on a customer's own page.
    let res = reqwest::Client::new()
        .post(format!("{}/p/demo/me/sign-out", app.url))
        .header(ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn over_https_cookies_are_secure_and_browsers_are_told_to_stay() {
    let app = spawn_app_with(|c| c.public_url = Some("https://crm.shop.example".into())).await;
    let code = app.setup_code.clone().unwrap();
    let res = reqwest::Client::new()
        .post(format!("{}/api/admin/setup_owner", app.url))
        .header(ORIGIN, "https://crm.shop.example")
        .form(&[("email", "owner@shop.example"), ("password", "a long owner passphrase"), ("token", &code)])
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000");
    // Plain http on loopback: neither (a forged X-Forwarded-Proto changes nothing).
    let local = spawn_app().await;
    let res = reqwest::Client::new()
        .get(format!("{}/healthz", local.url))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("strict-transport-security").is_none());
}
