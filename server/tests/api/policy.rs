//! The privacy policy page: written from the settings (enabled widgets, retention), a new
//! version for every change of them or of the owner's words, earlier versions still
//! readable, the owner's words escaped, and every consent — from the widget, the
//! unsubscribe link or staff — keeping the version in force.

use crate::common;

use app::domain::Role;
use common::{Signup, TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

async fn policy(app: &TestApp, query: &str) -> (StatusCode, String) {
    let res = reqwest::get(format!("{}/p/demo/privacy{query}", app.url)).await.unwrap();
    let status = res.status();
    if status == StatusCode::OK {
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
    }
    (status, res.text().await.unwrap())
}

async fn ok(app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let res = app.admin(endpoint, form).await;
    assert_eq!(res.status(), StatusCode::OK, "{endpoint}");
    res
}

async fn versions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM privacy_policies WHERE site_id = 1").fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn the_policy_follows_the_settings_version_by_version_and_consents_keep_theirs() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;

    let (status, page) = policy(&app, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Privacy at Demo Bakery") && page.contains("data-version=\"1\""), "{page}");
    assert!(page.contains("Joining our email list") && page.contains("Rating us from 0 to 10"));
    assert!(page.contains("13 months") && page.contains("After 36 months"));
    assert!(page.contains("href=\"/p/demo/privacy/request?lang=en\""));
    policy(&app, "").await;
    assert_eq!(versions(&app).await, 1, "reading it publishes nothing new");

    // A widget switched off: version 2 no longer describes it; version 1 still does.
    ok(&app, "set_widget", &[("site", "demo"), ("widget", "nps"), ("on", "false")]).await;
    let (_, page) = policy(&app, "").await;
    assert!(page.contains("data-version=\"2\"") && !page.contains("Rating us from 0 to 10"));
    let (_, old) = policy(&app, "?version=1").await;
    assert!(old.contains("no longer in force") && old.contains("Rating us from 0 to 10"));

    // The owner's words, with markup that must stay text.
    let words = "Demo Bakery Ltd, 1 Mill Lane <script>alert(1)</script>\n\nWrite to hello@bakery.example";
    let res = ok(&app, "save_privacy_policy", &[("site", "demo"), ("owner_text", words)]).await;
    assert_eq!(res.json::<i64>().await.unwrap(), 3);
    let (_, page) = policy(&app, "").await;
    assert!(page.contains("1 Mill Lane &lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>"));
    assert!(page.contains("<p>Write to hello@bakery.example</p>"));

    // A signup now keeps version 3.
    let (text, _) = app.demo_consent_text().await;
    let signup = Signup { email: "ada@example.org", consent: true, consent_text_id: Some(text), ..Default::default() };
    assert_eq!(app.signup(&signup).await.status(), StatusCode::OK);
    let kept: Option<i64> = sqlx::query_scalar("SELECT policy_version FROM consents ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, Some(3));

    // Retention changed: version 4 says so.
    ok(&app, "save_retention", &[("site", "demo"), ("analytics_months", "6"), ("inactive_months", "")]).await;
    let (_, page) = policy(&app, "").await;
    assert!(
        page.contains("data-version=\"4\"")
            && page.contains("6 months")
            && page.contains("until you ask us to erase it")
    );
    let view: Value = ok(&app, "privacy_policy", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(view["current"]["version"], 4);
    assert_eq!(view["versions"].as_array().unwrap().len(), 4);
    assert_eq!(view["versions"][1]["staff"], "owner@shop.example", "version 3 was the owner's");

    for bad in ["?version=99", "?version=abc"] {
        assert_eq!(policy(&app, bad).await.0, StatusCode::NOT_FOUND, "{bad}");
    }
    let res = reqwest::get(format!("{}/p/nosuchsite/privacy", app.url)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_policys_day_is_written_as_the_readers_language_writes_it_on_the_sites_clock() {
    let app = spawn_app().await;
    policy(&app, "").await;
    // Half past midnight on 29 March in Amsterdam (the demo bakery's country), still the
    // 28th in UTC.
    sqlx::query("UPDATE privacy_policies SET published_at = '2026-03-28T23:30:00.000Z' WHERE site_id = 1")
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, dutch) = policy(&app, "?lang=nl").await;
    assert!(dutch.contains("geldig sinds 29 mrt 2026."), "{dutch}");
    let (_, english) = policy(&app, "?lang=en").await;
    assert!(english.contains("in force since Mar 29, 2026."), "{english}");
}

#[tokio::test]
async fn staff_record_consents_given_in_person_with_who_and_the_policy_in_force() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let id: i64 =
        sqlx::query_scalar("INSERT INTO customers (site_id, email) VALUES (1, 'bo@example.org') RETURNING id")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.seal().await;
    let cid = id.to_string();
    let call = |form: Vec<(&'static str, String)>| {
        let till = till.clone();
        let url = app.url.clone();
        async move {
            till.post(format!("{url}/api/admin/record_consent"))
                .header("origin", &url)
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };

    let res = call(vec![
        ("id", cid.clone()),
        ("purpose", "carrier pigeon".into()),
        ("granted", "true".into()),
        ("note", "  ".into()),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!((errors["consent"].as_str(), errors["note"].as_str()), ("UnknownOption", "Required"), "{errors:?}");

    for (granted, note) in [("true", "Said yes at the till to letters by post"), ("false", "Phoned: no more letters")] {
        let res = call(vec![
            ("id", cid.clone()),
            ("purpose", "post".into()),
            ("granted", granted.into()),
            ("note", note.into()),
        ])
        .await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    }
    let res = call(vec![
        ("id", "999999".into()),
        ("purpose", "post".into()),
        ("granted", "true".into()),
        ("note", "x".into()),
    ])
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let record: Value = ok(&app, "customer_record", &[("id", &cid)]).await.json().await.unwrap();
    let consents = record["consents"].as_array().unwrap();
    assert_eq!(consents.len(), 2);
    assert_eq!(consents[0]["granted"], false, "newest first: the withdrawal is in force");
    assert_eq!(consents[0]["body"], "Phoned: no more letters");
    assert_eq!(consents[0]["staff"], "till@shop.example");
    assert_eq!(consents[0]["source"], "admin");
    assert_eq!(consents[0]["policy_version"], 1);
}
