//! Mail: double opt-in end to end against a real SMTP server on loopback (Python's aiosmtpd,
//! as Debian packages it: `scripts/setup --browser` installs it), the outbox when no mail
//! server is set up, retries, and the owner's settings.

use crate::common;

use app::domain::Role;
use common::smtp::{SmtpServer, body, free_port, header, smtp_url};
use common::{Signup, TestApp, field_errors, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use std::time::{Duration, Instant};

/// The confirmation link in a mail's text.
fn link_in(text: &str) -> String {
    let start = text.find("http://").expect("a link in the mail");
    text[start..].split_whitespace().next().unwrap().to_owned()
}

async fn double_opt_in(app: &TestApp, owner: &reqwest::Client, on: bool) {
    let mut form = vec![("site", "demo"), ("confirm_hours", "48")];
    if on {
        form.push(("on", "on"));
    }
    let res = app.admin_via(owner, &app.url, "save_double_opt_in", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

async fn sign_up(app: &TestApp, email: &str, text_id: i64) -> serde_json::Value {
    let page = format!("{}/demo", app.url);
    let res = app
        .signup(&Signup {
            first_name: "Ann",
            email,
            consent: true,
            consent_text_id: Some(text_id),
            page_url: &page,
            ..Default::default()
        })
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn double_opt_in_mails_a_link_and_only_pressing_its_button_stores_the_signup() {
    let port = free_port();
    let smtp = SmtpServer::start_on(port).await;
    let app = spawn_app_with(|c| c.smtp_url = Some(smtp_url(port))).await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    double_opt_in(&app, &owner, true).await;
    let (text_id, _) = app.demo_consent_text().await;

    let done = sign_up(&app, "ann@example.com", text_id).await;
    assert_eq!(done["outcome"], "Pending");
    let visitor = done["visitor"].as_str().unwrap().to_owned();
    assert_eq!(visitor.len(), 64);
    assert_eq!(app.count("customers").await, 0, "nothing is a customer before the address confirms");
    assert_eq!(app.count("consents").await, 0);
    assert!(app.found_in_files("ann@example.com").is_empty(), "the held signup is sealed");

    let mails = smtp.mails(1).await;
    assert_eq!(mails.len(), 1, "the confirmation mail reached the SMTP server");
    let mail = &mails[0];
    assert!(header(mail, "To").unwrap().contains("ann@example.com"));
    assert!(header(mail, "From").unwrap().contains("patron@localhost"));
    assert!(header(mail, "Subject").unwrap().contains("Demo Bakery"), "{mail}");
    let text = body(mail);
    assert!(text.contains("Hello Ann,"), "{text}");
    assert!(text.contains("48 hours"), "{text}");
    let link = link_in(&text);
    assert!(link.starts_with(&format!("{}/p/demo/newsletter/confirm/", app.url)), "{link}");

    // Opening the link (as a mail scanner would) only shows the button.
    let page = app.client.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Yes, subscribe me"));
    assert_eq!(app.count("customers").await, 0);

    // A link with a changed tag confirms nothing.
    let flipped = if link.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{flipped}", &link[..link.len() - 1]);
    let res = app.client.post(&forged).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("customers").await, 0);

    let res = app.client.post(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("data-confirmed"));
    let (email, granted, requested_at, confirmed_at, ip_hash, expected): (String, i64, String, String, String, String) =
        sqlx::query_as(
            "SELECT c.email, s.granted, s.requested_at, s.created_at, s.confirm_ip_hash, ''
             FROM customers c JOIN consents s ON s.customer_id = c.id",
        )
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (email, expected) = (app.open(&email), expected + &hex::encode_upper(app.hash("ip", "127.0.0.1")));
    assert_eq!((email.as_str(), granted), ("ann@example.com", 1));
    assert!(requested_at < confirmed_at, "both times are kept: {requested_at} then {confirmed_at}");
    assert_eq!(ip_hash, expected, "the keyed hash of the confirming address");
    let linked: i64 = sqlx::query_scalar("SELECT count(*) FROM visitor_links WHERE token_hash = $1")
        .bind(app::tokens::hash(&visitor))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(linked, 1, "the browser that signed up now belongs to the customer");
    assert_eq!(count(&app, "SELECT count(*) FROM pending_signups").await, 0);

    // The link works once.
    let again = app.client.post(&link).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("consents").await, 1);
}

#[tokio::test]
async fn an_expired_link_stores_nothing_and_the_retention_job_forgets_the_held_signup() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    double_opt_in(&app, &owner, true).await;
    let (text_id, _) = app.demo_consent_text().await;
    assert_eq!(sign_up(&app, "late@example.com", text_id).await["outcome"], "Pending");
    let text: String = sqlx::query_scalar("SELECT body FROM outbox").fetch_one(&app.pool).await.unwrap();
    let link = link_in(&app.open(&text));

    sqlx::query("UPDATE pending_signups SET expires_at = $1")
        .bind(app::db::now_plus(-60))
        .execute(&app.pool)
        .await
        .unwrap();
    let res = app.client.post(&link).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(res.text().await.unwrap().contains("expired"));
    assert_eq!(app.count("customers").await, 0);

    let res = app.admin_via(&owner, &app.url, "apply_retention", &[("site", "demo")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(count(&app, "SELECT count(*) FROM pending_signups").await, 0);
    assert_eq!(count(&app, "SELECT count(*) FROM outbox").await, 0, "the mail with the address goes too");
}

#[tokio::test]
async fn without_double_opt_in_a_signup_is_stored_at_once_and_no_mail_is_written() {
    let app = spawn_app().await;
    let (text_id, _) = app.demo_consent_text().await;
    assert_eq!(sign_up(&app, "now@example.com", text_id).await["outcome"], "Stored");
    assert_eq!(app.count("consents").await, 1);
    assert_eq!(count(&app, "SELECT count(*) FROM outbox").await, 0);
    let requested: Option<String> =
        sqlx::query_scalar("SELECT requested_at FROM consents").fetch_one(&app.pool).await.unwrap();
    assert_eq!(requested, None);
}

#[tokio::test]
async fn without_a_mail_server_mails_wait_in_the_outbox_that_managers_read() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    double_opt_in(&app, &owner, true).await;
    let (text_id, _) = app.demo_consent_text().await;
    sign_up(&app, "wait@example.com", text_id).await;

    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let res = app.admin_via(&manager, &app.url, "outbox", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: serde_json::Value = res.json().await.unwrap();
    assert_eq!(view["mail_server"], serde_json::Value::Null);
    let mail = &view["mails"][0];
    assert_eq!(mail["to"], "wait@example.com");
    assert_eq!(mail["kind"], "confirm_newsletter");
    assert_eq!(mail["sent_at"], serde_json::Value::Null);
    assert!(mail["body"].as_str().unwrap().contains("/p/demo/newsletter/confirm/"));

    let staff = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let res = app.admin_via(&staff, &app.url, "outbox", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "the outbox's links act for customers");
    let res =
        app.admin_via(&manager, &app.url, "save_double_opt_in", &[("site", "demo"), ("confirm_hours", "5")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "only the owner changes it");
}

#[tokio::test]
async fn a_mail_the_server_cannot_take_is_tried_again_and_sent_once_it_can() {
    let port = free_port();
    let app = spawn_app_with(|c| c.smtp_url = Some(smtp_url(port))).await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    double_opt_in(&app, &owner, true).await;
    let (text_id, _) = app.demo_consent_text().await;
    sign_up(&app, "retry@example.com", text_id).await;

    // Nothing listens on the port: the first try fails and the next is a minute away.
    let started = Instant::now();
    let (attempts, error, wait_secs) = loop {
        let row: (i64, Option<String>, String) =
            sqlx::query_as("SELECT attempts, last_error, next_attempt_at FROM outbox")
                .fetch_one(&app.pool)
                .await
                .unwrap();
        let row = (row.0, row.1, common::seconds_from_now(&row.2));
        if row.1.is_some() || started.elapsed() > Duration::from_secs(15) {
            break row;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(attempts, 1);
    assert!(error.is_some(), "the failure is recorded");
    assert!((30.0..=61.0).contains(&wait_secs), "tried again in about a minute, not {wait_secs}");

    let smtp = SmtpServer::start_on(port).await;
    sqlx::query("UPDATE outbox SET next_attempt_at = $1").bind(app::db::now()).execute(&app.pool).await.unwrap();
    assert_eq!(smtp.mails(1).await.len(), 1);
    let (attempts, sent): (i64, Option<String>) =
        sqlx::query_as("SELECT attempts, sent_at FROM outbox").fetch_one(&app.pool).await.unwrap();
    assert_eq!(attempts, 2);
    assert!(sent.is_some());
}

#[tokio::test]
async fn the_owner_words_the_confirmation_mail_per_language_and_it_must_keep_the_link() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    double_opt_in(&app, &owner, true).await;
    let save = |subject: &'static str, body: &'static str| {
        let (app, owner) = (&app, &owner);
        async move {
            let form = [
                ("site", "demo"),
                ("kind", "confirm_newsletter"),
                ("language", "de"),
                ("subject", subject),
                ("body", body),
            ];
            app.admin_via(owner, &app.url, "save_mail_wording", &form).await
        }
    };
    let res = save("Bitte bestätigen", "Hallo {name}, bitte bestätigen.").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&res.json().await.unwrap())["mail_body"], "NeedsLink");
    let res = save("", "{link}").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["mail_subject"], "Required");

    let res = save("Willkommen bei {site}", "Hallo {name}, hier bestätigen: {link}").await;
    assert_eq!(res.status(), StatusCode::OK);
    let (german, _): (i64, String) = sqlx::query_as(
        "SELECT id, body FROM consent_texts WHERE site_id = 1 AND purpose = 'newsletter' AND language = 'de'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sign_up(&app, "hans@example.com", german).await;
    let (subject, text): (String, String) =
        sqlx::query_as("SELECT subject, body FROM outbox").fetch_one(&app.pool).await.unwrap();
    let (subject, text) = (app.open(&subject), app.open(&text));
    assert_eq!(subject, "Willkommen bei Demo Bakery");
    assert!(text.starts_with("Hallo Ann, hier bestätigen: http"), "{text}");

    // Back to Patron's German wording.
    let form = [("site", "demo"), ("kind", "confirm_newsletter"), ("language", "de"), ("reset", "reset")];
    assert_eq!(app.admin_via(&owner, &app.url, "save_mail_wording", &form).await.status(), StatusCode::OK);
    let res = app.admin_via(&owner, &app.url, "mail_settings", &[("site", "demo")]).await;
    let view: serde_json::Value = res.json().await.unwrap();
    let de = view["wordings"].as_array().unwrap().iter().find(|w| w["language"] == "de").unwrap();
    assert_eq!(de["own"], false);
    assert!(de["subject"].as_str().unwrap().starts_with("Bitte bestätigen Sie"));
}
