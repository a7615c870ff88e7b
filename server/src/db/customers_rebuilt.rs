//! Migration 0057 builds SQLite's `customers` table again, without the unique index over
//! sealed emails: every customer and everything that hangs on them by a foreign key with
//! `ON DELETE CASCADE` must come through, and the connection's foreign keys be on again.

use super::migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{SqlitePool, query, query_scalar};

async fn count(pool: &SqlitePool, sql: &'static str) -> i64 {
    query_scalar(sql).fetch_one(pool).await.unwrap()
}

async fn counts(pool: &SqlitePool) -> [i64; 4] {
    [
        count(pool, "SELECT count(*) FROM customers").await,
        count(pool, "SELECT count(*) FROM purchases").await,
        count(pool, "SELECT count(*) FROM consents").await,
        count(pool, "SELECT count(*) FROM customer_tags").await,
    ]
}

#[tokio::test]
async fn building_customers_again_keeps_every_customer_and_what_hangs_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let options =
        SqliteConnectOptions::new().filename(dir.path().join("patron.db")).create_if_missing(true).foreign_keys(true);
    // One connection: the pragmas the migration switches are the connection's.
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    let mut before = migrator();
    before.migrations = before.migrations.iter().filter(|m| m.version < 57).cloned().collect::<Vec<_>>().into();
    before.run(&pool).await.unwrap();
    sqlx::raw_sql(
        "INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (9, 'shop-rebuilt', 'Shop', 'https://shop.example/privacy');
         INSERT INTO customers (id, site_id, email, email_hash, gender) VALUES
             (1, 9, 'pii1.sealed-one', x'01', 'female'), (2, 9, 'pii1.sealed-two', x'02', NULL);
         INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method) VALUES
             (9, 1, 'EUR', 500, 500, 'cash'), (9, 2, 'EUR', 700, 700, 'card');
         INSERT INTO consents (customer_id, purpose, granted, body, text_version, language, page_url, source) VALUES
             (1, 'newsletter', 1, 'Yes', 1, 'en', 'admin', 'admin'), (2, 'post', 1, 'Yes', 1, 'en', 'admin', 'admin');
         INSERT INTO customer_tags (customer_id, tag) VALUES (1, 'vip'), (2, 'vip');",
    )
    .execute(&pool)
    .await
    .unwrap();
    let autoindexes =
        "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'customers' AND name LIKE 'sqlite_autoindex_%'";
    assert_eq!(count(&pool, autoindexes).await, 1, "the old table has the index over sealed emails");
    let kept = counts(&pool).await;
    assert_eq!(kept, [2, 2, 2, 2]);

    migrator().run(&pool).await.unwrap();
    assert_eq!(count(&pool, autoindexes).await, 0);
    assert_eq!(counts(&pool).await, kept, "nothing cascaded away");
    assert_eq!(count(&pool, "SELECT count(*) FROM pragma_foreign_key_check").await, 0);
    assert_eq!(count(&pool, "PRAGMA foreign_keys").await, 1, "foreign keys on again");
    let on_customers =
        "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'customers' AND type = $1 AND sql IS NOT NULL";
    let of = |kind| query_scalar::<_, i64>(on_customers).bind(kind).fetch_one(&pool);
    assert_eq!((of("index").await.unwrap(), of("trigger").await.unwrap()), (10, 3));

    // One customer per email and site still holds, by the keyed hash.
    let twin = query("INSERT INTO customers (site_id, email, email_hash) VALUES (9, 'pii1.sealed-again', x'01')");
    assert!(twin.execute(&pool).await.is_err());
    // The triggers were made again on the new table: a gender change runs its own.
    query("UPDATE customers SET gender = 'male' WHERE id = 1").execute(&pool).await.unwrap();
    // The other tables' keys point at the new table: erasing a customer takes their purchases.
    query("DELETE FROM customers WHERE id = 2").execute(&pool).await.unwrap();
    assert_eq!(counts(&pool).await, [1, 1, 1, 1]);

    // Run again (a crash after its commit, before sqlx recorded it): the same rows again.
    let again = migrator().migrations.iter().find(|m| m.version == 57).cloned().unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(again.sql.as_str().to_owned())).execute(&pool).await.unwrap();
    assert_eq!(counts(&pool).await, [1, 1, 1, 1]);
    assert_eq!(count(&pool, "PRAGMA foreign_keys").await, 1);
}
