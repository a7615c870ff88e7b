//! The audit log: what staff viewed, exported, merged and changed is written where it
//! happens, and only the owner reads it, newest first, narrowed by action or customer.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn log(app: &TestApp, owner: &reqwest::Client, action: &str, customer: &str, before: &str) -> Value {
    let res = app
        .admin_via(owner, &app.url, "audit_log", &[("action", action), ("customer", customer), ("before", before)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn actions(page: &Value) -> Vec<String> {
    page["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn views_exports_merges_and_settings_are_logged_for_the_owner_only() {
    let app = spawn_app().await;
    app.fixture(
        "INSERT INTO customers (id, site_id, first_name, last_name, email) VALUES
           (1, 1, 'Robert', 'Meier', 'robert@example.com'),
           (2, 1, 'Rob', 'Meier', 'rob.meier@example.com');",
    )
    .await;
    app.seal().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;

    assert_eq!(app.admin_via(&manager, &app.url, "customer_record", &[("id", "1")]).await.status(), StatusCode::OK);
    let filter = json!({"all": true, "groups": []}).to_string();
    let export = manager
        .get(format!("{}/admin/export.csv", app.url))
        .query(&[("site", "demo"), ("filter", filter.as_str()), ("columns", "email,city")])
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    let merged =
        app.admin_via(&manager, &app.url, "merge_customers", &[("site", "demo"), ("keep", "1"), ("merge", "2")]).await;
    assert_eq!(merged.status(), StatusCode::OK);
    let set = app.admin_via(&manager, &app.url, "set_dormant_days", &[("site", "demo"), ("days", "45")]).await;
    assert_eq!(set.status(), StatusCode::OK);
    let widget =
        app.admin_via(&owner, &app.url, "set_widget", &[("site", "demo"), ("widget", "nps"), ("on", "false")]).await;
    assert_eq!(widget.status(), StatusCode::OK);

    let page = log(&app, &owner, "", "", "").await;
    assert_eq!(
        actions(&page),
        ["ChangedSettings", "ChangedSettings", "Merged", "Exported", "ViewedCustomer"],
        "newest first: {page}"
    );
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries[0]["staff_email"], "owner@shop.example");
    assert_eq!(entries[1]["detail"], "dormant after 45 days");
    assert_eq!(entries[2]["customer_id"], 1);
    assert_eq!(entries[3]["detail"], "columns: email, city");
    assert_eq!(entries[3]["site"], "demo");
    assert_eq!(entries[4]["staff_email"], "manager@shop.example");
    assert_eq!(page["more"], false);

    assert_eq!(actions(&log(&app, &owner, "exported", "", "").await), ["Exported"]);
    assert_eq!(actions(&log(&app, &owner, "", "1", "").await), ["Merged", "ViewedCustomer"]);
    let bad =
        app.admin_via(&owner, &app.url, "audit_log", &[("action", "nope"), ("customer", "x"), ("before", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // No contact data in the log, and staff below owner cannot read it.
    let with_at: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE detail LIKE '%@%'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(with_at, 0);
    let refused =
        app.admin_via(&manager, &app.url, "audit_log", &[("action", ""), ("customer", ""), ("before", "")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_log_pages_back_fifty_at_a_time() {
    let app = spawn_app().await;
    app.fixture("INSERT INTO customers (id, site_id, first_name) VALUES (7, 1, 'Ada')").await;
    app.seal().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    for _ in 0..60 {
        app.admin_via(&owner, &app.url, "customer_record", &[("id", "7")]).await;
    }
    let first = log(&app, &owner, "", "", "").await;
    assert_eq!(first["entries"].as_array().unwrap().len(), 50);
    assert_eq!(first["more"], true);
    let oldest = first["entries"][49]["id"].as_i64().unwrap().to_string();
    let second = log(&app, &owner, "", "", &oldest).await;
    assert_eq!(second["entries"].as_array().unwrap().len(), 10);
    assert_eq!(second["more"], false);
}

#[tokio::test]
async fn the_log_is_append_only_yet_a_removed_members_entries_stay() {
    let app = spawn_app().await;
    app.signed_in_as(Role::Staff, "till@shop.example").await;
    let entries: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&app.pool).await.unwrap();
    sqlx::query("INSERT INTO audit_log (staff_id, staff_email, action, detail) SELECT id, email, 'changed_staff', 'x' FROM staff_users WHERE email = 'till@shop.example'")
        .execute(&app.pool)
        .await
        .unwrap();
    for sql in [
        "UPDATE audit_log SET detail = 'nothing happened'",
        "UPDATE audit_log SET staff_email = 'someone@else.example'",
        "DELETE FROM audit_log",
    ] {
        let refused = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&app.pool).await.unwrap_err();
        assert!(refused.to_string().contains("append-only"), "{sql}: {refused}");
    }
    // Removing a member empties the link to their account; their entry and email stay.
    sqlx::query("DELETE FROM staff_users WHERE email = 'till@shop.example'").execute(&app.pool).await.unwrap();
    let kept: (Option<i64>, String) = sqlx::query_as("SELECT staff_id, staff_email FROM audit_log WHERE detail = 'x'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, (None, "till@shop.example".to_owned()));
    let now: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&app.pool).await.unwrap();
    assert_eq!(now, entries + 1);
}
