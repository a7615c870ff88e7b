//! Several Patron servers on one database (docs/postgres.md): the work done on a timer runs
//! on one of them per period, and another takes it over when the one doing it stops; a
//! customer's whole journey goes across two servers without anything lost or doubled.

use crate::common;

use app::domain::Role;
use common::receiver::receiver;
use common::{Signup, TestApp, config_in, spawn_app};
use serde_json::Value;
use std::time::Duration;

/// A sign-in link to the customer's page that expired yesterday: the hourly work deletes it.
async fn expired_link(app: &TestApp, customer: i64, hash: &str) {
    sqlx::query(
        "INSERT INTO customer_links (link_hash, site_id, customer_id, expires_at)
         VALUES ($1, 1, $2, $3)",
    )
    .bind(hash)
    .bind(customer)
    .bind(app::db::now_plus(-86_400))
    .execute(&app.pool)
    .await
    .unwrap();
}

async fn links(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM customer_links").fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn the_hourly_work_runs_on_one_server_per_hour_and_another_takes_over() {
    let app = spawn_app().await;
    let other = patron::startup::Application::build(&config_in(&app.database_dir())).await.expect("a second server");
    let customer: i64 =
        sqlx::query_scalar("INSERT INTO customers (site_id, email) VALUES (1, 'mia@example.org') RETURNING id")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.seal().await;

    expired_link(&app, customer, "first").await;
    assert!(patron::jobs::hourly(&app.pool).await, "the first server to tick takes the hour");
    assert_eq!(links(&app).await, 0);

    expired_link(&app, customer, "second").await;
    assert!(!patron::jobs::hourly(&other.pool).await, "the other server finds the hour taken");
    assert!(!patron::jobs::hourly(&app.pool).await, "and the first does not do it twice in one hour");
    assert_eq!(links(&app).await, 1, "nothing ran");

    // The server that took it stopped; its lease ends, and the next tick elsewhere takes over.
    sqlx::query("UPDATE job_leases SET until = '2000-01-01T00:00:00.000Z' WHERE name = 'hourly'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(patron::jobs::hourly(&other.pool).await);
    assert_eq!(links(&app).await, 0);
    // Automation has a lease of its own.
    assert!(patron::jobs::automation(&other.pool, &app.url).await);
    assert!(!patron::jobs::automation(&app.pool, &app.url).await);
}

/// Signup on one server, the record edited on the other with the same session, both
/// servers delivering webhooks from the one queue: each event reaches the endpoint once,
/// and the hourly work runs on one of them.
#[tokio::test]
async fn a_customers_journey_across_two_servers_loses_and_doubles_nothing() {
    let first = spawn_app().await;
    let second = first.second_server().await;
    let owner = first.signed_in_as(Role::Owner, "owner@shop.example").await;
    let (hook, received) = receiver(0, 0).await;
    let events = "customer.created,customer.updated";
    let res = first
        .admin_via(&owner, &first.url, "add_webhook", &[("site", "demo"), ("url", &hook), ("events", events)])
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());

    // The signup on the first server, the edit on the second, with the session from the first.
    assert!(
        first
            .signup(&Signup { first_name: "Ines", email: "ines@example.pt", ..Default::default() })
            .await
            .status()
            .is_success()
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&second.pool).await.unwrap();
    let edit = [("id", id.to_string()), ("field", "city".into()), ("value", "Porto".into())];
    let edit: Vec<(&str, &str)> = edit.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = second.admin_via(&owner, &second.url, "update_customer", &edit).await;
    assert!(res.status().is_success(), "the first server's session is valid on the second: {}", res.status());
    for server in [&first, &second] {
        let record: Value = server
            .admin_via(&owner, &server.url, "customer_record", &[("id", &id.to_string())])
            .await
            .json()
            .await
            .unwrap();
        let fields = record["fields"].as_array().unwrap();
        let city = &fields.iter().find(|f| f[0] == "city").unwrap()[1];
        assert_eq!(city, "Porto", "{record}");
    }

    // Two events, each delivered once though two servers work the queue.
    let arrived = received.at_least(2).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let all = received.bodies();
    assert_eq!(all.len(), 2, "{arrived:?}");
    let mut types: Vec<&str> = all.iter().map(|b| b["type"].as_str().unwrap()).collect();
    types.sort();
    assert_eq!(types, ["customer.created", "customer.updated"]);

    // The hourly work: one server takes the hour, the other finds it taken.
    let ran = [patron::jobs::hourly(&first.pool).await, patron::jobs::hourly(&second.pool).await];
    assert_eq!(ran.iter().filter(|r| **r).count(), 1, "{ran:?}");
}
