//! Several Patron servers on one database (docs/postgres.md): the work done on a timer runs
//! on one of them per period, and another takes it over when the one doing it stops.

use crate::common;

use common::{TestApp, config_in, spawn_app};

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
