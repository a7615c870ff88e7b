//! Retention: the job (started from the settings page's button, as the hourly run would)
//! deletes old analytics, erases customers inactive past the rule who hold no consent in
//! force — and keeps every look-alike that still counts as active — drops stale uploads,
//! closes self-service requests whose link expired, and logs what it removed.

use crate::common;

use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

fn ago_4y() -> String {
    common::at("-4 years")
}

fn ago_1y() -> String {
    common::at("-1 years")
}

async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).execute(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A customer of the demo site created (and last changed) four years ago; their id.
async fn old_customer(app: &TestApp, email: &str) -> i64 {
    let id: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "INSERT INTO customers (site_id, first_name, email, created_at, updated_at)
         VALUES (1, 'Old', '{email}', {when}, {when}) RETURNING id",
        when = ago_4y()
    )))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    app.seal().await;
    id
}

async fn consent(app: &TestApp, customer: i64, granted: bool, at: &str) {
    exec(
        app,
        &format!(
            "INSERT INTO consents (customer_id, purpose, granted, body, text_version, language, page_url, source, created_at)
             VALUES ({customer}, 'newsletter', {}, 'Yes, mail me', 1, 'en', '/', 'signup', {at})",
            granted as i64
        ),
    )
    .await;
}

async fn exists(app: &TestApp, customer: i64) -> bool {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    n > 0
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.pool).await.unwrap()
}

async fn apply(app: &TestApp) {
    let res = app.admin("apply_retention", &[("site", "demo")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

#[tokio::test]
async fn the_job_removes_what_the_rules_say_and_keeps_everyone_still_active() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;

    // Gone: quiet for four years, their consent withdrawn long ago.
    let quiet = old_customer(&app, "quiet@example.org").await;
    consent(&app, quiet, true, &ago_4y()).await;
    consent(&app, quiet, false, &ago_4y()).await;
    // Also gone: never consented, never did anything.
    let never = old_customer(&app, "never@example.org").await;
    // Kept: a consent from four years ago is still in force.
    let consenting = old_customer(&app, "consenting@example.org").await;
    consent(&app, consenting, true, &ago_4y()).await;
    // Kept: bought a year ago.
    let buyer = old_customer(&app, "buyer@example.org").await;
    exec(
        &app,
        &format!(
        "INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method, created_at)
         VALUES (1, {buyer}, 'EUR', 500, 500, 'cash', {when})",
        when = ago_1y()
    ),
    )
    .await;
    // Kept: a reservation still open, however old.
    let reserving = old_customer(&app, "reserving@example.org").await;
    exec(
        &app,
        &format!(
            "INSERT INTO reservations (site_id, customer_id, item_id, quantity, page_url, created_at, updated_at)
         VALUES (1, {reserving}, (SELECT id FROM catalogue_items WHERE site_id = 1 LIMIT 1), 1, '/', {when}, {when})",
            when = ago_4y()
        ),
    )
    .await;
    // Kept: a visit a year ago.
    let visitor = old_customer(&app, "visitor@example.org").await;
    // Kept: new.
    let fresh: i64 =
        scalar(&app, "INSERT INTO customers (site_id, email) VALUES (1, 'new@example.org') RETURNING id").await;

    for (view, at, customer) in [
        ("v-old", "-14 months", "NULL".to_owned()),
        ("v-new", "-2 months", "NULL".into()),
        ("v-visit", "-1 years", visitor.to_string()),
    ] {
        exec(
            &app,
            &format!(
                "INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, screen, created_at)
             VALUES (1, '{view}', 'x', {customer}, '/', 'desktop', {when})",
                when = common::at(at)
            ),
        )
        .await;
    }
    for at in ["-14 months", "-2 months"] {
        exec(
            &app,
            &format!(
                "INSERT INTO analytics_events (site_id, view_id, visitor, name, created_at)
             VALUES (1, 'v', 'x', 'share', {when})",
                when = common::at(at)
            ),
        )
        .await;
    }
    // An upload abandoned two days ago, and one under way.
    for (name, age) in [("stale.csv", "-2 days"), ("busy.csv", "-1 minutes")] {
        exec(
            &app,
            &format!(
                "INSERT INTO imports (site_id, file_name, content, updated_at)
             VALUES (1, '{name}', 'email\nsomeone@example.org', {when})",
                when = common::at(age)
            ),
        )
        .await;
    }
    // An import running (it reads its file from the pieces as it goes), and one left
    // running two days ago by a server that was killed.
    for (name, age) in [("running.csv", "-1 minutes"), ("killed.csv", "-2 days")] {
        exec(
            &app,
            &format!(
                "INSERT INTO imports (site_id, file_name, status, updated_at) VALUES (1, '{name}', 'running', {when})",
                when = common::at(age)
            ),
        )
        .await;
        exec(
            &app,
            &format!(
                "INSERT INTO import_pieces (import_id, n, content)
                 SELECT id, 1, 'email
someone@example.org' FROM imports WHERE file_name = '{name}'"
            ),
        )
        .await;
    }
    // A self-service request whose link expired unopened (with its mail), one still valid.
    for (hash, expires) in [("expired", "-1 hours"), ("valid", "+5 hours")] {
        exec(
            &app,
            &format!(
                "INSERT INTO privacy_requests (site_id, customer_id, kind, channel, state, link_hash, link_expires_at)
             VALUES (1, {fresh}, 'access', 'self_service', 'open', '{hash}', {when})",
                when = common::at(expires)
            ),
        )
        .await;
        exec(&app, &format!(
            "INSERT INTO outbox (site_id, customer_id, request_id, to_address, subject, body)
             SELECT 1, {fresh}, id, 'new@example.org', 'Your link', 'a link' FROM privacy_requests WHERE link_hash = '{hash}'"
        ))
        .await;
    }
    // Sealed, as Patron writes them.
    app.seal().await;
    // The daily sums of those days, as the hourly job makes them.
    app::admin::analytics::db::sum_all_sites(&app.pool).await.unwrap();
    let cutoff = &app::db::months_ago(13)[..10];
    let summed_before = scalar(&app, &format!("SELECT count(*) FROM analytics_days WHERE day < '{cutoff}'")).await;
    assert!(summed_before > 0, "the old days were summed");

    apply(&app).await;

    assert!(!exists(&app, quiet).await && !exists(&app, never).await, "the inactive are erased");
    for kept in [consenting, buyer, reserving, visitor, fresh] {
        assert!(exists(&app, kept).await, "customer {kept} still counts as active");
    }
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT count(*) FROM erasures WHERE customer_id IN ({quiet}, {never}) AND staff_id IS NULL")
        )
        .await,
        2,
        "tombstones"
    );
    assert_eq!(scalar(&app, &format!("SELECT count(*) FROM consents WHERE customer_id = {quiet}")).await, 0);
    assert_eq!(scalar(&app, "SELECT count(*) FROM page_views").await, 2, "the 14-month-old view goes");
    assert_eq!(scalar(&app, "SELECT count(*) FROM page_views WHERE view_id = 'v-old'").await, 0);
    assert_eq!(scalar(&app, "SELECT count(*) FROM analytics_events").await, 1);
    for table in ["analytics_days", "analytics_day_pages", "analytics_day_counts"] {
        let old = format!("SELECT count(*) FROM {table} WHERE day < '{cutoff}'");
        assert_eq!(scalar(&app, &old).await, 0, "the daily sums of deleted views go with them ({table})");
    }
    assert_eq!(
        scalar(&app, &format!("SELECT CAST(sum(views) AS BIGINT) FROM analytics_days WHERE day >= '{cutoff}'")).await,
        2,
        "the sums of the days kept stay"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM imports WHERE status = 'failed' AND content = '' AND file_name = 'stale.csv'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM imports WHERE status = 'uploading' AND content <> ''").await,
        1,
        "the busy upload stays"
    );
    let pieces_of = |name: &str| {
        format!(
            "SELECT count(*) FROM import_pieces WHERE import_id = (SELECT id FROM imports WHERE file_name = '{name}')"
        )
    };
    assert_eq!(scalar(&app, &pieces_of("running.csv")).await, 1, "a running import keeps the pieces it reads");
    assert_eq!(scalar(&app, &pieces_of("killed.csv")).await, 0, "one its server left goes");
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM imports WHERE file_name = 'killed.csv' AND status = 'failed'").await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM privacy_requests WHERE state = 'refused' AND link_hash IS NULL").await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT count(*) FROM privacy_requests WHERE state = 'open' AND link_hash = 'valid'").await,
        1
    );
    assert_eq!(scalar(&app, "SELECT count(*) FROM outbox").await, 1, "the dead link's mail leaves the outbox");

    // The settings page shows what went, per site and server-wide.
    let res = app.admin("retention", &[("site", "demo")]).await;
    let view: Value = res.json().await.unwrap();
    assert!(view["rules"]["last_run_at"].is_string(), "{view}");
    let runs = view["runs"].as_array().unwrap();
    let site_run = runs.iter().find(|r| r["server_wide"] == false).expect("the site's run");
    assert_eq!(
        (site_run["page_views"].as_i64(), site_run["events"].as_i64(), site_run["customers"].as_i64()),
        (Some(1), Some(1), Some(2))
    );
    let server_run = runs.iter().find(|r| r["server_wide"] == true).expect("the server-wide run");
    // The stale upload and the import its server left.
    assert_eq!((server_run["uploads"].as_i64(), server_run["links"].as_i64()), (Some(2), Some(1)));

    // A second run finds nothing more and logs nothing.
    apply(&app).await;
    assert_eq!(scalar(&app, "SELECT count(*) FROM retention_runs").await, 2);
}

#[tokio::test]
async fn the_owner_sets_the_rules_and_bad_numbers_are_refused_at_their_field() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;

    let res =
        app.admin("save_retention", &[("site", "demo"), ("analytics_months", "0"), ("inactive_months", "three")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(errors.get("analytics_months").map(String::as_str), Some("OutOfRange"), "{errors:?}");
    assert_eq!(errors.get("inactive_months").map(String::as_str), Some("NotANumber"), "{errors:?}");

    // Keeping inactive customers: the quiet one stays; analytics of 14 months stay under 24.
    let res =
        app.admin("save_retention", &[("site", "demo"), ("analytics_months", "24"), ("inactive_months", "")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let quiet = old_customer(&app, "quiet@example.org").await;
    exec(
        &app,
        &format!(
            "INSERT INTO page_views (site_id, view_id, visitor, path, screen, created_at)
             VALUES (1, 'v', 'x', '/', 'desktop', {})",
            common::at("-14 months")
        ),
    )
    .await;
    apply(&app).await;
    assert!(exists(&app, quiet).await);
    assert_eq!(scalar(&app, "SELECT count(*) FROM page_views").await, 1);
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'changed_settings' AND detail LIKE 'retention:%kept'"
        )
        .await,
        1
    );

    // Staff who are not the owner cannot change them.
    let manager = app.signed_in_as(app::domain::Role::Manager, "manager@shop.example").await;
    let res = app
        .admin_via(
            &manager,
            &app.url,
            "save_retention",
            &[("site", "demo"), ("analytics_months", "1"), ("inactive_months", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn mails_and_webhook_events_that_did_their_work_go_after_a_month() {
    let app = spawn_app().await;
    let ago = |days: i64| common::at(&format!("-{days} days"));
    for (sent, failed) in [(Some(31), None), (None, Some(40)), (Some(2), None), (None, None)] {
        let sql = format!(
            "INSERT INTO outbox (site_id, to_address, subject, body, sent_at, failed_at) VALUES (1, 'a@b.example', 's', 'b', {}, {})",
            sent.map_or("NULL".to_owned(), ago),
            failed.map_or("NULL".to_owned(), ago)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&app.pool).await.unwrap();
    }
    app.seal().await;
    sqlx::query("INSERT INTO webhook_endpoints (id, site_id, url, secret, events) VALUES (1, 1, 'http://127.0.0.1:9', 'whsec_eA==', 'customer.created')")
        .execute(&app.pool)
        .await
        .unwrap();
    for (id, days, delivered) in [(1, 40, true), (2, 40, false), (3, 2, true)] {
        let sql = format!(
            "INSERT INTO webhook_events (id, site_id, type, subject_id, created_at) VALUES ({id}, 1, 'x', 1, {})",
            ago(days)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&app.pool).await.unwrap();
        let done = if delivered { ago(days) } else { "NULL".to_owned() };
        let sql = format!(
            "INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at, delivered_at) VALUES ({id}, 1, {}, {done})",
            ago(days)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&app.pool).await.unwrap();
    }
    app::admin::retention::db::apply(&app.pool).await.unwrap();
    let mails: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&app.pool).await.unwrap();
    assert_eq!(mails, 2, "the recent and the waiting mail stay");
    let events: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM webhook_events ORDER BY id").fetch_all(&app.pool).await.unwrap();
    assert_eq!(events, [2, 3], "an old event still being tried stays, as does a recent one");
}
