//! Sign-in throttling: a guessing run against one account, or from one network, is
//! refused before any password is checked, and the refusal passes with time.

use crate::common;

use app::domain::Role;
use common::TestApp;
use reqwest::StatusCode;
use reqwest::header::ORIGIN;

const PASSWORD: &str = "a staff passphrase 123";

/// A sign-in from `ip` (the test server trusts 127.0.0.1 as its proxy).
async fn sign_in(app: &TestApp, email: &str, password: &str, ip: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/api/admin/login", app.url))
        .header(ORIGIN, &app.url)
        .header("x-forwarded-for", ip)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

async fn proxied_app() -> TestApp {
    common::spawn_app_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await
}

fn signed_in(res: &reqwest::Response) -> bool {
    res.headers().get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("patron_session="))
}

/// Makes the recorded failures a quarter of an hour old.
async fn time_passes(app: &TestApp) {
    sqlx::query("UPDATE login_failures SET at = $1")
        .bind(app::db::now_plus(-16 * 60))
        .execute(&app.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_on_that_network_not_elsewhere_nor_its_colleagues() {
    let app = proxied_app().await;
    app.signed_in_as(Role::Owner, "owner@shop.example").await;
    app.signed_in_as(Role::Staff, "till@shop.example").await;
    for _ in 0..5 {
        let res = sign_in(&app, "owner@shop.example", "wrong guess 0000", "203.0.113.5").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // Now even the right password is refused from that network, without a session.
    let res = sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.5").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(!signed_in(&res));
    assert!(res.text().await.unwrap().contains("TooManyAttempts"));
    // Case and spaces do not make another account.
    let res = sign_in(&app, " Owner@Shop.Example ", PASSWORD, "203.0.113.5").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // A colleague on the same network signs in.
    let res = sign_in(&app, "till@shop.example", PASSWORD, "203.0.113.5").await;
    assert!(signed_in(&res), "{}", res.status());
    // The guesser's network is not the owner's: from the shop, the owner signs in.
    let res = sign_in(&app, "owner@shop.example", PASSWORD, "198.51.100.9").await;
    assert!(signed_in(&res), "{}", res.status());

    time_passes(&app).await;
    let res = sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.5").await;
    assert!(signed_in(&res), "{}", res.status());
    // Signing in cleared the account's failures there: four more mistakes do not lock it.
    for _ in 0..4 {
        sign_in(&app, "owner@shop.example", "wrong guess 0000", "203.0.113.5").await;
    }
    assert!(signed_in(&sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.5").await));
}

#[tokio::test]
async fn parallel_wrong_sign_ins_are_counted_before_any_password_is_checked() {
    let app = proxied_app().await;
    app.signed_in_as(Role::Owner, "owner@shop.example").await;
    // 60 guesses at once from one network: each is counted as it arrives, so no more than
    // the account's allowance reach the password check (401); the rest are refused (429)
    // or told Patron is busy (503), which counts too.
    let guesses = (0..60).map(|i| {
        let app = &app;
        async move { sign_in(app, "owner@shop.example", &format!("wrong guess {i:04}"), "203.0.113.5").await.status() }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(checked <= 5, "{checked} passwords checked: {statuses:?}");
    assert!(statuses.iter().all(|s| [401, 429, 503].contains(&s.as_u16())), "{statuses:?}");
    let counted: i64 = sqlx::query_scalar("SELECT count(*) FROM login_failures").fetch_one(&app.pool).await.unwrap();
    assert!(counted <= 5, "{counted}");
}

#[tokio::test]
async fn strangers_on_many_networks_slow_guessing_but_cannot_lock_the_owner_out() {
    let app = proxied_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    // The owner's browser was given a device cookie when it signed in.
    let devices: i64 = sqlx::query_scalar("SELECT count(*) FROM staff_devices").fetch_one(&app.pool).await.unwrap();
    assert_eq!(devices, 1);
    // Guesses from 25 networks, a few each: past 20 the account refuses unknown browsers.
    let mut refused = 0;
    for i in 0..25 {
        let res = sign_in(&app, "owner@shop.example", "wrong guess 0000", &format!("198.51.100.{i}")).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    assert_eq!(refused, 5);
    let res = sign_in(&app, "owner@shop.example", PASSWORD, "192.0.2.77").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "an unknown browser waits");
    // The owner's own browser signs in, even from a network it never used.
    let res = owner
        .post(format!("{}/api/admin/login", app.url))
        .header(ORIGIN, &app.url)
        .header("x-forwarded-for", "192.0.2.78")
        .form(&[("email", "owner@shop.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(signed_in(&res), "{}", res.status());
}

#[tokio::test]
async fn many_failures_from_one_network_lock_it_whatever_the_accounts() {
    let app = proxied_app().await;
    app.signed_in_as(Role::Owner, "owner@shop.example").await;
    // Unknown accounts count too: 30 guesses spread over ten made-up emails.
    for i in 0..30 {
        let res = sign_in(&app, &format!("guess{}@shop.example", i % 10), "wrong guess 0000", "203.0.113.5").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "guess {i}");
    }
    let res = sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.5").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // The same household's other IPv4 neighbour is another network.
    assert!(signed_in(&sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.6").await));
    // Nothing kept says who typed what from where.
    let kept: Vec<(String, String)> =
        sqlx::query_as("SELECT account, network FROM login_failures").fetch_all(&app.pool).await.unwrap();
    assert_eq!(kept.len(), 30);
    assert!(kept.iter().all(|(a, n)| !a.contains('@') && !n.contains("203.")));
    time_passes(&app).await;
    assert!(signed_in(&sign_in(&app, "owner@shop.example", PASSWORD, "203.0.113.5").await));
}
