//! Data-subject rights from the customer's record: the download holds every row planted
//! about the customer, "do not sell" is kept with its history, and erasure leaves no
//! personal data in the database file — the file's bytes are searched, for plain text and
//! for the sealed values — only a tombstone.

use crate::common;

use app::domain::Role;
use app::rights::db::{NOT_EXPORTED, TABLES};
use common::{Signup, TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;

const OWNER: &str = "owner@shop.example";
const EMAIL: &str = "zebulon.quartermaine@example.org";
const LAST_NAME: &str = "Quartermaine";
const STREET: &str = "Wisteriaweg 42";
const NPS_WHY: &str = "Zebulon thinks the rye is perfect";
const MERGED_EMAIL: &str = "zeb.q.duplicate@example.org";

async fn owner_app() -> TestApp {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    app
}

async fn exec(app: &TestApp, sql: &str, id: i64) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A customer with rows in every table that can hold something about them: the widget's
/// signup (customer, consent, favourite, browser link), the till (purchase and its lines),
/// the record (a tag, an edit, an interaction, do-not-sell), and the rest planted directly.
async fn plant(app: &TestApp) -> i64 {
    let (text, _) = app.demo_consent_text().await;
    let signup = Signup {
        first_name: "Zebulon",
        last_name: LAST_NAME,
        email: EMAIL,
        phone: "0171 5550199",
        consent: true,
        consent_text_id: Some(text),
        page_url: "https://bakery.example/join",
        favourites: &["RYE"],
        ..Default::default()
    };
    assert_eq!(app.signup(&signup).await.status(), StatusCode::OK);
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email_hash = $1")
        .bind(app.hash("email", EMAIL))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let cid = id.to_string();
    let calls: [(&str, Vec<(&str, &str)>); 5] = [
        ("update_customer", vec![("id", &cid), ("field", "street"), ("value", STREET)]),
        ("tag_customer", vec![("id", &cid), ("tag", "regular"), ("on", "true")]),
        ("log_interaction", vec![("id", &cid), ("kind", "call"), ("summary", "Asked about rye"), ("outcome", "")]),
        (
            "add_purchase",
            vec![("form[customer]", &cid), ("form[payment_method]", "card"), ("form[lines][0][sku]", "RYE")],
        ),
        ("set_do_not_sell", vec![("id", &cid), ("on", "true")]),
    ];
    for (endpoint, form) in calls {
        let res = app.admin(endpoint, &form).await;
        assert_eq!(res.status(), StatusCode::OK, "{endpoint}: {}", res.text().await.unwrap());
    }
    let item = "(SELECT id FROM catalogue_items WHERE site_id = 1 ORDER BY id LIMIT 1)";
    let option = "(SELECT id FROM question_options WHERE site_id = 1 AND question = 'reasons' ORDER BY id LIMIT 1)";
    let sealed = |plain: &str| app.pool.pii().seal(plain);
    for sql in [
        format!("INSERT INTO nps_responses (site_id, customer_id, score, reason, language, page_url) VALUES (1, $1, 9, '{NPS_WHY}', 'en', '/')"),
        "INSERT INTO reason_rankings (site_id, customer_id, language, page_url) VALUES (1, $1, 'en', '/')".into(),
        format!("INSERT INTO reason_ranking_items (ranking_id, option_id, rank) SELECT id, {option}, 1 FROM reason_rankings WHERE customer_id = $1"),
        "INSERT INTO heard_responses (site_id, customer_id, other_text, language, page_url) VALUES (1, $1, 'a friend', 'en', '/')".into(),
        format!("INSERT INTO reservations (site_id, customer_id, item_id, quantity, page_url) VALUES (1, $1, {item}, 2, '/')"),
        format!("INSERT INTO warranty_registrations (site_id, customer_id, item_id, serial_number, purchase_date, page_url) VALUES (1, $1, {item}, 'SN-1', '2026-01-02', '/')"),
        "INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, screen) VALUES (1, 'v1', 'h', $1, '/bread', 'mobile')".into(),
        "INSERT INTO analytics_events (site_id, view_id, visitor, customer_id, name) VALUES (1, 'v1', 'h', $1, 'share')".into(),
        // A duplicate merged into them earlier, and an upload not yet imported naming them.
        // Sealed, as Patron writes them.
        format!(r#"INSERT INTO customer_merges (site_id, target_id, source_id, source_row, filled, moved, dropped, repointed) VALUES (1, $1, 999, '{{"email": "{}"}}', '{{}}', '{{}}', '{{}}', '[]')"#, sealed(MERGED_EMAIL)),
        format!("INSERT INTO outbox (site_id, customer_id, to_address, subject, body) VALUES (1, $1, '{}', '{}', '{}')", sealed(EMAIL), sealed("Hello"), sealed("A mail")),
        "INSERT INTO automation_rules (site_id, trigger, active) VALUES (1, 'detractor', 1)".into(),
        "INSERT INTO automation_runs (rule_id, customer_id, mailed) SELECT id, $1, 1 FROM automation_rules".into(),
        "INSERT INTO loyalty_programmes (site_id, name, kind) VALUES (1, 'Card', 'stamps')".into(),
        "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount) SELECT id, $1, 'earn', 1 FROM loyalty_programmes".into(),
        "INSERT INTO loyalty_members (customer_id, site_id, card_code) VALUES ($1, 1, '7K3M9QXD')".into(),
        format!("INSERT INTO imports (site_id, file_name, content) SELECT 1, 'list.csv', '{}' WHERE $1 > 0", sealed(&format!("email\n{EMAIL}\nother@example.org"))),
    ] {
        exec(app, &sql, id).await;
    }
    id
}

async fn download(app: &TestApp, client: &reqwest::Client, id: i64, format: &str) -> reqwest::Response {
    client.get(format!("{}/admin/customer-data?id={id}&format={format}", app.url)).send().await.unwrap()
}

#[tokio::test]
async fn every_table_that_points_at_a_customer_is_exported_or_said_why_not() {
    let app = spawn_app().await;
    let sql = if app.on_postgres() {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'customer_id'
         UNION SELECT CAST(k.table_name AS TEXT) FROM information_schema.referential_constraints r
         JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name
         JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name
         WHERE u.table_name = 'customers'"
    } else {
        "SELECT DISTINCT m.name FROM sqlite_master m
         WHERE m.type = 'table' AND (
             EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f.\"table\" = 'customers')
             OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'customer_id'))"
    };
    let pointing: Vec<String> = sqlx::query_scalar(sql).fetch_all(&app.pool).await.unwrap();
    let known: BTreeSet<&str> = TABLES.iter().chain(NOT_EXPORTED.iter()).map(|(t, _)| *t).collect();
    for table in &pointing {
        assert!(known.contains(table.as_str()), "{table} holds customer rows: export it or say why not");
    }
    assert!(pointing.len() >= 18, "{pointing:?}");
}

#[tokio::test]
async fn the_download_holds_every_row_planted_about_the_customer() {
    let app = owner_app().await;
    let id = plant(&app).await;
    let other = app.signup(&Signup { email: "someone.else@example.org", ..Default::default() }).await;
    assert_eq!(other.status(), StatusCode::OK);

    let mut held = Vec::new();
    for (table, condition) in TABLES {
        let sql = format!("SELECT count(*) FROM {table} WHERE {condition}");
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(&app.pool).await.unwrap();
        assert!(n > 0, "nothing planted in {table}");
        held.push((table, n));
    }

    let res = download(&app, &app.client, id, "json").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains(&format!("customer-{id}.json")));
    let doc: Value = res.json().await.unwrap();
    let tables = doc["tables"].as_object().unwrap();
    for (table, n) in held {
        assert_eq!(tables[table].as_array().unwrap().len() as i64, n, "{table}");
    }
    let me = &tables["customers"][0];
    assert_eq!(me["email"], EMAIL);
    assert_eq!(me["street"], STREET);
    assert!(me["do_not_sell_at"].is_string());
    assert_eq!(tables["nps_responses"][0]["reason"], NPS_WHY);
    assert!(!doc.to_string().contains("someone.else"), "another customer's data");

    let csv = download(&app, &app.client, id, "csv").await.text().await.unwrap();
    assert!(csv.starts_with("\"table\",\"row\",\"field\",\"value\"\r\n"));
    assert!(csv.contains(&format!("\"customers\",\"1\",\"email\",\"{EMAIL}\"")));
    assert!(csv.contains(&format!("\"nps_responses\",\"1\",\"reason\",\"{NPS_WHY}\"")));

    // Staff at the till may mark do-not-sell but not take a customer's whole file.
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    assert_eq!(download(&app, &till, id, "json").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(download(&app, &reqwest::Client::new(), id, "json").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(download(&app, &app.client, id + 1000, "json").await.status(), StatusCode::NOT_FOUND);

    // Both downloads are in the audit log and answer an access request in the log.
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'exported_customer_data' AND customer_id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 2);
    let requests: Value = app.admin("privacy_requests", &[]).await.json().await.unwrap();
    let kinds: Vec<&str> = requests.as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "access").count(), 2, "{kinds:?}");
    assert!(kinds.contains(&"do_not_sell"));
    assert!(requests.as_array().unwrap().iter().all(|r| r["state"] == "done" && r["due_at"].is_string()));
}

#[tokio::test]
async fn do_not_sell_is_kept_with_its_history_and_can_be_lifted() {
    let app = owner_app().await;
    let id = plant(&app).await;
    let cid = id.to_string();
    let record = |client: reqwest::Client| {
        let cid = cid.clone();
        let app = &app;
        async move {
            app.admin_via(&client, &app.url, "customer_record", &[("id", &cid)]).await.json::<Value>().await.unwrap()
        }
    };
    assert!(record(app.client.clone()).await["do_not_sell_at"].is_string());
    // Asking twice changes nothing more.
    assert_eq!(app.admin("set_do_not_sell", &[("id", &cid), ("on", "true")]).await.status(), StatusCode::OK);
    assert_eq!(app.admin("set_do_not_sell", &[("id", &cid), ("on", "false")]).await.status(), StatusCode::OK);
    assert!(record(app.client.clone()).await["do_not_sell_at"].is_null());
    let history: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT old_value, new_value FROM customer_changes WHERE customer_id = $1 AND field = 'do_not_sell' ORDER BY id",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(history[0].0.is_none() && history[0].1.is_some());
    assert!(history[1].0.is_some() && history[1].1.is_none());
    // Any staff member may mark it: a customer may ask at the till.
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let res = app.admin_via(&till, &app.url, "set_do_not_sell", &[("id", &cid), ("on", "true")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(record(till).await["do_not_sell_at"].is_string());
}

#[tokio::test]
async fn erasure_leaves_no_personal_data_in_the_database_file_only_a_tombstone() {
    let app = owner_app().await;
    let id = plant(&app).await;
    let phone: String =
        sqlx::query_scalar("SELECT phone FROM customers WHERE id = $1").bind(id).fetch_one(&app.pool).await.unwrap();
    let phone = app.open(&phone);
    app.checkpoint().await;
    // On SQLite the database is files this test can read; PostgreSQL's are the server's
    // (its old row versions stay until its vacuum: docs/postgres.md), so there the test
    // checks the rows alone.
    let files = !app.on_postgres();
    // Names, emails, phones and streets are sealed: never in the files as plain text.
    for needle in [EMAIL, LAST_NAME, phone.as_str(), STREET, MERGED_EMAIL] {
        assert_eq!(app.found_in_files(needle), Vec::<String>::new(), "{needle} is in the files as plain text");
    }
    // What is kept plain, and the sealed values themselves, must go with the erasure.
    let mut sealed: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM customers WHERE id = $1 UNION ALL SELECT last_name FROM customers WHERE id = $1
         UNION ALL SELECT street FROM customers WHERE id = $1 UNION ALL SELECT to_address FROM outbox WHERE customer_id = $1
         UNION ALL SELECT content FROM imports",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let merged: String = sqlx::query_scalar("SELECT source_row FROM customer_merges WHERE target_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    sealed.push(serde_json::from_str::<Value>(&merged).unwrap()["email"].as_str().unwrap().to_owned());
    assert_eq!(sealed.len(), 6);
    let planted: Vec<&str> =
        [NPS_WHY, "Asked about rye"].into_iter().chain(sealed.iter().map(String::as_str)).collect();
    // The test can fail: before the erasure each of them is in the files.
    for needle in planted.iter().filter(|_| files) {
        assert!(!app.found_in_files(needle).is_empty(), "{needle} not planted");
    }

    let cid = id.to_string();
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    assert_eq!(app.admin_via(&till, &app.url, "erase_customer", &[("id", &cid)]).await.status(), StatusCode::FORBIDDEN);
    let res = app.admin("erase_customer", &[("id", &cid)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let done: Value = res.json().await.unwrap();
    assert!(done["rows"].as_i64().unwrap() >= 18, "{done}");

    for needle in planted {
        assert_eq!(app.found_in_files(needle), Vec::<String>::new(), "{needle} is still in the files");
    }
    for (table, condition) in TABLES.into_iter().filter(|(t, _)| *t != "privacy_requests") {
        let sql = format!("SELECT count(*) FROM {table} WHERE {condition}");
        let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(&app.pool).await.unwrap();
        assert_eq!(left, 0, "{table}");
    }
    let (removed, request): (String, i64) =
        sqlx::query_as("SELECT removed, request_id FROM erasures WHERE customer_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let removed: Value = serde_json::from_str(&removed).unwrap();
    assert_eq!(removed["customers"], 1);
    assert_eq!(removed["purchases"], 1);
    let kind: String = sqlx::query_scalar("SELECT kind FROM privacy_requests WHERE id = $1")
        .bind(request)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kind, "erasure");
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'erased_customer' AND customer_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
    let upload: (String, String) =
        sqlx::query_as("SELECT status, content FROM imports").fetch_one(&app.pool).await.unwrap();
    assert_eq!(upload, ("failed".to_owned(), String::new()));

    // Gone means gone: a second erasure finds nothing, and they may sign up afresh.
    assert_eq!(app.admin("erase_customer", &[("id", &cid)]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.signup(&Signup { email: EMAIL, ..Default::default() }).await.status(), StatusCode::OK);
}

/// The customer's side: asks on the site's privacy page, gets a link by mail (the outbox,
/// with no mail server), and carries the request out from it.
async fn ask(app: &TestApp, email: &str, kind: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/p/demo/privacy/request", app.url))
        .form(&[("email", email), ("kind", kind)])
        .send()
        .await
        .unwrap()
}

/// The button on the link's page, as a browser submits its form.
async fn press(link: &str, format: &str) -> reqwest::Response {
    let form: &[(&str, &str)] = if format.is_empty() { &[] } else { &[("format", format)] };
    reqwest::Client::new().post(link).form(form).send().await.unwrap()
}

async fn request_state(app: &TestApp, id: i64) -> Vec<(String, String, String)> {
    sqlx::query_as("SELECT kind, channel, state FROM privacy_requests WHERE customer_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_customer_downloads_their_data_from_a_one_time_link_mailed_to_them() {
    let app = owner_app().await;
    let id = plant(&app).await;
    let page = reqwest::get(format!("{}/p/demo/privacy/request", app.url)).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.headers()["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    assert!(page.text().await.unwrap().contains("Your data at Demo Bakery"));

    let bad = ask(&app, "zebulon at example", "access").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("Please enter a valid email address") && bad.contains("value=\"zebulon at example\""));

    // A stranger's address gets the same answer, and nothing is stored or sent.
    let stranger = ask(&app, "nobody@example.org", "access").await.text().await.unwrap();
    assert!(stranger.contains("Check your inbox"));
    let mails: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&app.pool).await.unwrap();

    assert!(ask(&app, &EMAIL.to_uppercase(), "access").await.text().await.unwrap().contains("Check your inbox"));
    let now: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&app.pool).await.unwrap();
    assert_eq!(now, mails + 1);
    let link = app.mailed_link(EMAIL).await;
    assert!(link.starts_with(&format!("{}/p/demo/privacy/confirm/", app.url)), "{link}");
    assert!(request_state(&app, id).await.contains(&("access".into(), "self_service".into(), "open".into())));

    // Opening the link (a mail scanner does too) changes nothing; its button does.
    let shown = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(shown.contains("Download (JSON)"));
    let download = press(&link, "json").await;
    assert_eq!(download.status(), StatusCode::OK);
    let doc: Value = download.json().await.unwrap();
    assert_eq!(doc["tables"]["customers"][0]["email"], EMAIL);
    assert!(request_state(&app, id).await.contains(&("access".into(), "self_service".into(), "done".into())));

    // Once only.
    let again = press(&link, "csv").await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert_eq!(reqwest::get(&link).await.unwrap().status(), StatusCode::GONE);
}

#[tokio::test]
async fn an_expired_link_does_nothing_and_a_fresh_one_erases() {
    let app = owner_app().await;
    let id = plant(&app).await;
    ask(&app, EMAIL, "erasure").await;
    let old = app.mailed_link(EMAIL).await;
    sqlx::query("UPDATE privacy_requests SET link_expires_at = '2020-01-01T00:00:00.000Z'")
        .execute(&app.pool)
        .await
        .unwrap();
    let refused = press(&old, "").await;
    assert_eq!(refused.status(), StatusCode::GONE);
    assert!(refused.text().await.unwrap().contains("no longer works"));
    let still: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE id = $1").bind(id).fetch_one(&app.pool).await.unwrap();
    assert_eq!(still, 1);

    ask(&app, EMAIL, "do_not_sell").await;
    let link = app.mailed_link(EMAIL).await;
    assert!(press(&link, "").await.text().await.unwrap().contains("will not be sold"));

    ask(&app, EMAIL, "erasure").await;
    let link = app.mailed_link(EMAIL).await;
    let done = press(&link, "").await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("has been erased"));
    let (staff, request): (Option<i64>, i64) =
        sqlx::query_as("SELECT staff_id, request_id FROM erasures WHERE customer_id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(staff, None);
    let (channel, state): (String, String) =
        sqlx::query_as("SELECT channel, state FROM privacy_requests WHERE id = $1")
            .bind(request)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((channel.as_str(), state.as_str()), ("self_service", "done"));
    let mails: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox WHERE to_hash = $1")
        .bind(app.hash("email", EMAIL))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, 0, "the mails to an erased customer go with them");
    let kinds: Vec<String> = request_state(&app, id).await.into_iter().map(|(k, _, s)| format!("{k} {s}")).collect();
    assert!(kinds.contains(&"do_not_sell done".to_owned()), "{kinds:?}");
}

#[tokio::test]
async fn the_unsubscribe_link_in_the_export_withdraws_the_newsletter_in_one_click() {
    let app = owner_app().await;
    let id = plant(&app).await;
    let everyone = serde_json::json!({"all": true, "groups": []});
    let csv = app
        .client
        .get(format!("{}/admin/export.csv", app.url))
        .query(&[
            ("site", "demo"),
            ("filter", &everyone.to_string()),
            ("columns", "email,newsletter,unsubscribe_url"),
            // The planted customer asked not to be sold or shared: kept here, marked.
            ("do_not_sell", "flag"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let line = csv.lines().find(|l| l.contains(EMAIL)).expect("the customer's row");
    assert!(line.contains("\"granted\""), "{line}");
    let link = line.rsplit(",\"").next().unwrap().trim_end_matches('"').to_owned();
    assert!(link.starts_with(&format!("{}/p/demo/unsubscribe/{id}-newsletter-", app.url)), "{link}");
    // A request naming another Host does not move the links (they start with the public address).
    let forged = app
        .client
        .get(format!("{}/admin/export.csv", app.url))
        .header(reqwest::header::HOST, "evil.example")
        .query(&[
            ("site", "demo"),
            ("filter", &everyone.to_string()),
            ("columns", "email,unsubscribe_url"),
            ("do_not_sell", "flag"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!forged.contains("evil.example"), "{forged}");
    assert!(forged.contains(&format!("{}/p/demo/unsubscribe/{id}-newsletter-", app.url)), "{forged}");

    let newest = || async {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT granted, source FROM consents WHERE customer_id = $1 AND purpose = 'newsletter' ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
    };
    // Opening the link asks; it does not unsubscribe (mail scanners open links).
    let shown = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(shown.contains("news and offers by email") && shown.contains("Unsubscribe"));
    assert_eq!(newest().await.0, 1);
    // A forged or altered link does nothing.
    // The last hex digit changed (to 1 where it was 0: replacing it by a fixed digit was the
    // real link one time in sixteen).
    let last = if link.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &link[..link.len() - 1]);
    let refused = reqwest::Client::new().post(&forged).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let other = link.replace(&format!("/{id}-"), &format!("/{}-", id + 1));
    assert_eq!(reqwest::Client::new().post(&other).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(newest().await.0, 1);

    // RFC 8058 one-click: what a mail provider posts.
    let res = reqwest::Client::new().post(&link).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("You are unsubscribed"));
    assert_eq!(newest().await, (0, "unsubscribe_link".to_owned()));
    // Twice is harmless: no second withdrawal.
    reqwest::Client::new().post(&link).send().await.unwrap();
    let withdrawals: i64 = sqlx::query_scalar("SELECT count(*) FROM consents WHERE customer_id = $1 AND granted = 0")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(withdrawals, 1);
}

/// The customer with this email, as planted by a signup.
async fn id_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM customers WHERE email_hash = $1")
        .bind(app.hash("email", email))
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn do_not_sell_customers_stay_out_of_exports_third_party_keys_and_sharing_webhooks() {
    let app = owner_app().await;
    for email in ["open@example.org", "private@example.org"] {
        assert_eq!(app.signup(&Signup { email, ..Default::default() }).await.status(), StatusCode::OK);
    }
    let (open, private) = (id_of(&app, "open@example.org").await, id_of(&app, "private@example.org").await);
    let res = app.admin("set_do_not_sell", &[("id", &private.to_string()), ("on", "true")]).await;
    assert_eq!(res.status(), StatusCode::OK);

    // The segment export leaves them out unless the owner keeps them, marked.
    let everyone = serde_json::json!({"all": true, "groups": []}).to_string();
    let export = |flag: &'static str| {
        let everyone = everyone.clone();
        let app = &app;
        async move {
            let mut query = vec![("site", "demo"), ("filter", everyone.as_str()), ("columns", "email")];
            if !flag.is_empty() {
                query.push(("do_not_sell", flag));
            }
            let res = app.client.get(format!("{}/admin/export.csv", app.url)).query(&query).send().await.unwrap();
            res.text().await.unwrap()
        }
    };
    let file = export("").await;
    assert!(file.contains("open@example.org") && !file.contains("private@example.org"), "{file}");
    let kept = export("flag").await;
    assert!(kept.lines().any(|l| l.contains("private@example.org") && l.starts_with("\"yes\"")), "{kept}");
    assert!(kept.lines().any(|l| l.contains("open@example.org") && l.starts_with("\"\"")), "{kept}");

    // A segment can ask for them.
    let filter = app::segment_rules::filter::RawFilter::one("do_not_sell", "set", "", "").parse().unwrap();
    let now = app::server_ctx::now();
    let count = app::admin::segments::db::count(&app.pool, app::domain::SiteId(1), &filter, now).await.unwrap();
    assert_eq!(count, 1);

    // An API key for another company does not see them; the shop's own key does.
    let key = |shares: &'static str| {
        let app = &app;
        async move {
            let mut form = vec![("site", "demo"), ("name", "Partner"), ("scopes", "customers:read")];
            if !shares.is_empty() {
                form.push(("shares", shares));
            }
            let res = app.admin("create_api_key", &form).await;
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<String>().await.unwrap()
        }
    };
    let (partner, own) = (key("on").await, key("").await);
    let list = |key: String| {
        let app = &app;
        async move {
            let res = reqwest::Client::new()
                .get(format!("{}/api/v1/customers", app.url))
                .bearer_auth(key)
                .send()
                .await
                .unwrap();
            let page: Value = res.json().await.unwrap();
            page["data"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect::<Vec<_>>()
        }
    };
    assert_eq!(list(partner.clone()).await, [open]);
    assert_eq!(list(own).await, [open, private]);
    let one = reqwest::Client::new()
        .get(format!("{}/api/v1/customers/{private}", app.url))
        .bearer_auth(&partner)
        .send()
        .await
        .unwrap();
    assert_eq!(one.status(), StatusCode::NOT_FOUND);

    // A webhook endpoint of another company hears of the open customer only.
    let (shared_url, shared) = common::receiver::receiver(0, 0).await;
    let (own_url, own_hooks) = common::receiver::receiver(0, 0).await;
    for (url, shares) in [(shared_url.as_str(), "on"), (own_url.as_str(), "")] {
        let mut form = vec![("site", "demo"), ("url", url), ("events", "customer.updated")];
        if !shares.is_empty() {
            form.push(("shares", shares));
        }
        assert_eq!(app.admin("add_webhook", &form).await.status(), StatusCode::OK);
    }
    for id in [private, open] {
        let res = app.admin("update_customer", &[("id", &id.to_string()), ("field", "city"), ("value", "Porto")]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let heard = |bodies: Vec<Value>| {
        let mut ids = bodies.iter().map(|b| b["data"]["id"].as_i64().unwrap()).collect::<Vec<_>>();
        ids.sort();
        ids
    };
    own_hooks.at_least(2).await;
    assert_eq!(heard(own_hooks.bodies()), [open, private]);
    shared.at_least(1).await;
    let mut withheld = 0;
    for _ in 0..100 {
        withheld = sqlx::query_scalar("SELECT count(*) FROM webhook_deliveries WHERE last_error LIKE 'withheld%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
        if withheld == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(withheld, 1);
    assert_eq!(heard(shared.bodies()), [open]);
}
