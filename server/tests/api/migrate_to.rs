//! `patron migrate-to postgres://…`: a SQLite install copied into PostgreSQL serves the
//! same shop, sealed values opened with the same key, every count the same.

use crate::common;

use app::domain::Role;
use common::{Signup, spawn_app_with};
use serde_json::Value;

async fn count(pool: &app::db::Db, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}"))).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn a_sqlite_install_moves_to_postgres_and_goes_on_there() {
    if common::postgres_only("copies a SQLite install into PostgreSQL") {
        return;
    }
    // The install: a SQLite file with its key beside it, a seeded shop, a staff user and a
    // customer who signed up through the widget.
    let install = spawn_app_with(|c| {
        // The tests' folder, where the suite on PostgreSQL names the key file.
        let dir = c.key_file.take().expect("a key file on PostgreSQL").parent().unwrap().to_path_buf();
        c.database_url = format!("sqlite://{}", dir.join("patron.db").display());
    })
    .await;
    assert_eq!(install.pool.dialect(), app::db::Dialect::Sqlite);
    patron::seed::run(&install.pool, patron::seed::Amounts { customers: 120, purchases: 400, events: 300, seed: 3 })
        .await
        .unwrap();
    install.signed_in_as(Role::Owner, "owner@shop.example").await;
    assert!(install.signup(&Signup { email: "leena@example.fi", ..Default::default() }).await.status().is_success());

    // An empty PostgreSQL database, its schema made as a server starting on it makes it.
    let place = tempfile::tempdir().unwrap();
    let target_url = common::config_in(place.path()).database_url;
    let key = patron::pii::key::load(None, None, &install.database_dir().join("patron.key")).unwrap().key;
    let target = patron::db::connect(&target_url, &key, std::time::Duration::from_secs(5)).await.unwrap();
    let copied = patron::migrate_to::migrate(&install.pool, &target).await.unwrap();
    let rows = |table: &str| copied.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
    assert_eq!(rows("customers"), Some(count(&install.pool, "customers").await));
    assert_eq!(rows("purchases"), Some(count(&install.pool, "purchases").await));
    for table in ["customers", "purchases", "purchase_windows", "webhook_events", "customer_changes", "audit_log"] {
        assert_eq!(
            count(&target, table).await,
            count(&install.pool, table).await,
            "{table}: the copy's triggers were off"
        );
    }

    // A second run refuses: the database holds a shop now.
    let again = patron::migrate_to::migrate(&install.pool, &target).await.unwrap_err();
    assert!(again.to_string().contains("holds a shop already"), "{again}");

    // A server on PostgreSQL with the same key: the customers open and are found, and new
    // rows get new ids.
    let moved = spawn_app_with(|c| {
        c.database_url = target_url.clone();
        c.key_file = Some(install.database_dir().join("patron.key"));
    })
    .await;
    let owner = moved.signed_in_as(Role::Owner, "second.owner@shop.example").await;
    let found: Value =
        moved.admin_via(&owner, &moved.url, "lookup", &[("query", "leena@example.fi")]).await.json().await.unwrap();
    assert_eq!(found["found"][0]["email"], "leena@example.fi", "{found}");
    let before = moved.count("customers").await;
    assert!(moved.signup(&Signup { email: "aino@example.fi", ..Default::default() }).await.status().is_success());
    assert_eq!(moved.count("customers").await, before + 1);
}
