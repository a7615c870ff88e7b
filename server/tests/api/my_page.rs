//! Joining the loyalty programme from the widget and the customer's own page, against the
//! real server: a new address gets its card at once, a known one only a mailed link; the
//! sign-in link works once and not after it expires; the page shows and changes the
//! customer's favourites and consents and leads to their data rights.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::Value;

async fn with_programme() -> TestApp {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@bakery.example").await;
    let form = [
        ("site", "demo"),
        ("id", ""),
        ("form[active]", "on"),
        ("form[name]", "Bun card"),
        ("form[kind]", "stamps"),
        ("form[skus]", "CINNAMON-BUN"),
        ("form[rewards]", "10 Free bun"),
    ];
    let res = app.admin_via(&owner, &app.url, "save_loyalty_programme", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    app
}

async fn join(app: &TestApp, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("form[page_url]", app.url.as_str())];
    if !fields.iter().any(|(k, _)| *k == "form[lang]") {
        form.push(("form[lang]", "en"));
    }
    form.extend_from_slice(fields);
    app.widget("loyalty_join", &form).await
}

async fn mails_to(app: &TestApp, to: &str) -> Vec<(String, String, String)> {
    let mails: Vec<(String, String, String)> =
        sqlx::query_as("SELECT kind, subject, body FROM outbox WHERE to_hash = $1 ORDER BY id")
            .bind(app.hash("email", to))
            .fetch_all(&app.pool)
            .await
            .unwrap();
    mails.into_iter().map(|(kind, subject, body)| (kind, app.open(&subject), app.open(&body))).collect()
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Presses the link page's button; the session cookie (`name=value`) when it worked.
async fn open(link: &str) -> (StatusCode, Option<String>) {
    let res = no_redirects().post(link).send().await.unwrap();
    let cookie = res.headers().get(SET_COOKIE).map(|c| c.to_str().unwrap().to_owned());
    (res.status(), cookie.map(|c| c.split(';').next().unwrap().to_owned()))
}

async fn page(app: &TestApp, cookie: &str) -> String {
    let res = no_redirects().get(format!("{}/p/demo/me", app.url)).header(COOKIE, cookie).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.unwrap()
}

async fn press(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    no_redirects().post(format!("{}/p/demo/me{path}", app.url)).header(COOKIE, cookie).form(form).send().await.unwrap()
}

async fn signed_in(app: &TestApp, email: &str) -> String {
    let res = join(app, &[("form[first_name]", "Mia"), ("form[email]", email), ("form[agree]", "true")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let (status, cookie) = open(&app.mailed_link(email).await).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    cookie.expect("a session cookie")
}

#[tokio::test]
async fn a_customer_corrects_their_details_and_the_history_says_they_did() {
    let app = with_programme().await;
    let cookie = signed_in(&app, "mia@example.com").await;
    let shown = page(&app, &cookie).await;
    assert!(shown.contains("id=\"details\"") && shown.contains("name=\"phone\""), "the form is on the page");
    let details = |phone: &'static str| {
        vec![
            ("first_name", "Mia"),
            ("last_name", "Rossi"),
            ("phone", phone),
            ("street", "Via Roma 1"),
            ("postcode", "1011 AB"),
            ("city", "Utrecht"),
            ("preferred_channel", "sms"),
        ]
    };
    // A phone that does not parse is said beside its field, and nothing is saved.
    let res = press(&app, &cookie, "/details", &details("call me maybe")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("id=\"phone-error\""), "{body}");
    assert!(body.contains("value=\"Rossi\""), "what was typed is kept: {body}");
    let changes: i64 = sqlx::query_scalar("SELECT count(*) FROM customer_changes").fetch_one(&app.pool).await.unwrap();
    assert_eq!(changes, 0);
    // From another site's page, refused even with the cookie.
    let forged = no_redirects()
        .post(format!("{}/p/demo/me/details", app.url))
        .header(COOKIE, &cookie)
        .header(reqwest::header::ORIGIN, "https://evil.example")
        .form(&details("+31 6 12345678"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    // Corrected: the record changes, each field in the history as the customer's own.
    let res = press(&app, &cookie, "/details", &details("+31 6 12345678")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (phone, city, channel): (String, String, String) =
        sqlx::query_as("SELECT phone, city, preferred_channel FROM customers").fetch_one(&app.pool).await.unwrap();
    let phone = app.open(&phone);
    assert_eq!((phone.as_str(), city.as_str(), channel.as_str()), ("+31612345678", "Utrecht", "sms"));
    let sources: Vec<(String, String, Option<i64>)> =
        sqlx::query_as("SELECT field, source, staff_id FROM customer_changes ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let fields: Vec<&str> = sources.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["last_name", "phone", "street", "postcode", "city", "preferred_channel"],
        "the name was the same"
    );
    assert!(sources.iter().all(|(_, s, staff)| s == "customer" && staff.is_none()), "{sources:?}");
    let logged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM privacy_requests WHERE kind = 'rectification' AND channel = 'self_service' AND state = 'done'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(logged, 6);
    // Staff see who made the change on the record.
    let owner = app.signed_in_as(Role::Owner, "boss@bakery.example").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    let record: Value =
        app.admin_via(&owner, &app.url, "customer_record", &[("id", &id.to_string())]).await.json().await.unwrap();
    let history = record["history"].as_array().unwrap();
    assert!(history.iter().any(|h| h["field"] == "phone" && h["by"] == "Customer"), "{record}");
}

#[tokio::test]
async fn a_new_address_joins_with_its_card_shown_and_a_known_one_gets_only_a_link() {
    let app = spawn_app().await;
    let res =
        join(&app, &[("form[first_name]", "Mia"), ("form[email]", "mia@example.com"), ("form[agree]", "true")]).await;
    assert!(!res.status().is_success(), "no programme runs yet, so there is nothing to join");
    let app = with_programme().await;

    let res = join(&app, &[("form[email]", "not an address")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(errors.get("first_name").map(String::as_str), Some("Required"));
    assert_eq!(errors.get("email").map(String::as_str), Some("NotAnEmail"));
    assert_eq!(errors.get("consent").map(String::as_str), Some("MustAgree"), "the box must be ticked: {errors:?}");
    assert_eq!(app.count("customers").await, 0, "nothing half-written");

    let fields = [
        ("form[first_name]", "Mia"),
        ("form[email]", "Mia@Example.com"),
        ("form[agree]", "true"),
        ("form[lang]", "de"),
        ("form[favourites][0]", "RYE"),
    ];
    let res = join(&app, &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let done: Value = res.json().await.unwrap();
    // The answer holds no card (it would tell a new address from a known one): the card is on
    // Mia's page, behind the mailed link.
    assert_eq!(done.as_object().unwrap().keys().collect::<Vec<_>>(), ["visitor"], "{done}");
    let token = done["visitor"].as_str().unwrap().to_owned();
    let linked: i64 = sqlx::query_scalar("SELECT count(*) FROM visitor_links WHERE token_hash = $1")
        .bind(app::tokens::hash(&token))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(linked, 1, "the browser now identifies Mia");
    let code: String = sqlx::query_scalar("SELECT card_code FROM loyalty_members").fetch_one(&app.pool).await.unwrap();
    assert_eq!(code.len(), 8, "a card number was given: {code}");
    let member: (String, String, String, String) = sqlx::query_as(
        "SELECT m.joined_via, m.agreed_language, m.agreed_text, m.agreed_page FROM loyalty_members m
         JOIN customers c ON c.id = m.customer_id WHERE c.email_hash = $1",
    )
    .bind(app.hash("email", "mia@example.com"))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((member.0.as_str(), member.1.as_str()), ("widget", "de"));
    assert!(member.2.starts_with("Ich möchte Mitglied werden"), "the words agreed to, as shown: {}", member.2);
    assert!(member.3.starts_with(&app.url), "{}", member.3);
    assert_eq!(app.count("favourites").await, 1, "what the browser saved came along");
    let mails = mails_to(&app, "mia@example.com").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "my_page_link");
    assert!(mails[0].1.starts_with("Ihre Seite bei"), "in the widget's language: {}", mails[0].1);
    assert!(mails[0].2.contains("/p/demo/me/link/"), "{}", mails[0].2);

    // Someone typing Mia's address does not see her card: she is mailed the link instead, and
    // the answer looks like the one a new address got.
    let again = [("form[first_name]", "Eve"), ("form[email]", "mia@example.com"), ("form[agree]", "true")];
    let res = join(&app, &again).await;
    assert_eq!(res.status(), StatusCode::OK);
    let done: Value = res.json().await.unwrap();
    assert_eq!(done.as_object().unwrap().keys().collect::<Vec<_>>(), ["visitor"], "{done}");
    let linked: i64 = sqlx::query_scalar("SELECT count(*) FROM visitor_links WHERE token_hash = $1")
        .bind(app::tokens::hash(done["visitor"].as_str().unwrap()))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(linked, 0, "the typist's browser identifies nobody");
    assert_eq!(mails_to(&app, "mia@example.com").await.len(), 2);
    let name: String = sqlx::query_scalar("SELECT first_name FROM customers").fetch_one(&app.pool).await.unwrap();
    assert_eq!(app.open(&name), "Mia", "an unproven address changes nothing");
    assert_eq!(app.count("loyalty_members").await, 1);

    // A bot filling the invisible field is answered alike and stores nothing.
    let bot = [
        ("form[first_name]", "Bot"),
        ("form[email]", "bot@example.com"),
        ("form[agree]", "true"),
        ("form[website]", "x"),
    ];
    assert_eq!(join(&app, &bot).await.status(), StatusCode::OK);
    assert_eq!(app.count("customers").await, 1);
}

#[tokio::test]
async fn the_sign_in_link_works_once_and_never_after_it_expires() {
    let app = with_programme().await;
    let cookie = signed_in(&app, "mia@example.com").await;
    assert!(cookie.starts_with("patron_me="));
    let body = page(&app, &cookie).await;
    assert!(body.contains("Hello Mia") && body.contains("data-card=\""), "the card on the page");
    assert!(body.contains("data-balance=\"0\""), "{body}");

    // The same link again: refused, and no session comes of it.
    let link = app.mailed_link("mia@example.com").await;
    let (status, cookie_again) = open(&link).await;
    assert_eq!((status, cookie_again), (StatusCode::GONE, None));
    assert_eq!(reqwest::get(&link).await.unwrap().status(), StatusCode::GONE);

    // A new link, asked for on the page, left to expire.
    let ask = |email: &'static str| {
        let url = format!("{}/p/demo/me", app.url);
        async move { reqwest::Client::new().post(url).form(&[("email", email)]).send().await.unwrap() }
    };
    let res = ask("mia@example.com").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("data-sent"));
    let link = app.mailed_link("mia@example.com").await;
    assert_eq!(reqwest::get(&link).await.unwrap().status(), StatusCode::OK, "the page with the button");
    sqlx::query("UPDATE customer_links SET expires_at = '2020-01-01T00:00:00.000Z' WHERE used_at IS NULL")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(open(&link).await, (StatusCode::GONE, None), "an expired link is refused");

    // An unknown address is answered alike, and nothing is mailed or kept.
    let res = ask("nobody@example.com").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("data-sent"));
    assert!(mails_to(&app, "nobody@example.com").await.is_empty());
    let res = ask("not an address").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("aria-invalid=\"true\""));

    // The form cannot flood an inbox: three links in ten minutes, then no more.
    for _ in 0..3 {
        ask("mia@example.com").await;
    }
    assert_eq!(mails_to(&app, "mia@example.com").await.len(), 3, "the joining mail and two asked for");

    // Signing out ends the session on the server, not only in the browser.
    let res = press(&app, &cookie, "/sign-out", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert!(page(&app, &cookie).await.contains("Send me a link"), "the old cookie signs no one in");
}

#[tokio::test]
async fn the_page_removes_favourites_changes_consents_and_leads_to_the_customers_data() {
    let app = with_programme().await;
    let cookie = signed_in(&app, "mia@example.com").await;
    let customer: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    sqlx::query("INSERT INTO favourites (customer_id, item_id) SELECT $1, id FROM catalogue_items WHERE sku IN ('RYE', 'SOURDOUGH')")
        .bind(customer)
        .execute(&app.pool)
        .await
        .unwrap();
    let body = page(&app, &cookie).await;
    assert!(body.contains("Rye bread") && body.contains("Sourdough loaf"));

    let rye: i64 =
        sqlx::query_scalar("SELECT id FROM catalogue_items WHERE sku = 'RYE'").fetch_one(&app.pool).await.unwrap();
    let res = press(&app, &cookie, "/favourites", &[("item", &rye.to_string())]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let body = page(&app, &cookie).await;
    assert!(!body.contains("Rye bread") && body.contains("Sourdough loaf"));

    // Without the session cookie nothing changes: the form only leads back to signing in.
    let res =
        no_redirects().post(format!("{}/p/demo/me/favourites", app.url)).form(&[("item", "1")]).send().await.unwrap();
    assert_eq!(
        (res.status(), res.headers()[LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/p/demo/me?lang=en")
    );
    assert_eq!(app.count("favourites").await, 1);

    assert!(body.contains("data-consent=\"newsletter\" data-granted=\"no\""), "{body}");
    assert_eq!(
        press(&app, &cookie, "/consents", &[("purpose", "newsletter"), ("granted", "1")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(page(&app, &cookie).await.contains("data-consent=\"newsletter\" data-granted=\"yes\""));
    assert_eq!(
        press(&app, &cookie, "/consents", &[("purpose", "newsletter"), ("granted", "0")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let records: Vec<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT granted, source, consent_text_id FROM consents WHERE customer_id = $1 ORDER BY id")
            .bind(customer)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!((records[0].0, records[0].1.as_str()), (1, "my_page"));
    assert!(records[0].2.is_some(), "giving it records the exact wording agreed to");
    assert_eq!((records[1].0, records[1].1.as_str()), (0, "my_page"));
    let res = press(&app, &cookie, "/consents", &[("purpose", "everything"), ("granted", "1")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Download: the same confirmation page as the privacy form's, without another mail.
    let res = press(&app, &cookie, "/rights", &[("kind", "access")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let confirm = format!("{}{}", app.url, res.headers()[LOCATION].to_str().unwrap());
    assert!(confirm.contains("/p/demo/privacy/confirm/"), "{confirm}");
    let download = reqwest::Client::new().post(&confirm).form(&[("format", "json")]).send().await.unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert!(download.text().await.unwrap().contains("mia@example.com"));
    let kinds: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, state FROM privacy_requests WHERE customer_id = $1")
            .bind(customer)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(kinds, vec![("access".to_owned(), "done".to_owned())]);

    // Erasure from the page takes the customer, their card and their session with them.
    let res = press(&app, &cookie, "/rights", &[("kind", "erasure")]).await;
    let confirm = format!("{}{}", app.url, res.headers()[LOCATION].to_str().unwrap());
    let erased = reqwest::Client::new().post(&confirm).form(&[("format", "")]).send().await.unwrap();
    assert_eq!(erased.status(), StatusCode::OK);
    assert_eq!(app.count("customers").await, 0);
    assert_eq!(app.count("loyalty_members").await, 0);
    assert_eq!(app.count("customer_sessions").await, 0);
    assert!(page(&app, &cookie).await.contains("Send me a link"));
}
