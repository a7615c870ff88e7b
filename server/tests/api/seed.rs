//! `patron seed`: fills an empty database with consistent rows, the same for the same seed.

use crate::common;

use common::spawn_app;
use patron::seed::{Amounts, SeedError, run};

const SMALL: Amounts = Amounts { customers: 300, purchases: 2000, events: 3000, seed: 42 };

/// A digest of what the seed wrote, to compare two runs.
async fn digest(pool: &app::db::Db) -> Vec<String> {
    let customers: Vec<(String, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT first_name, last_name, email, phone, city || coalesce(birthday, '') || created_at
         FROM customers ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let open = |sealed: &str| pool.pii().open(sealed).unwrap();
    let mut out = vec![
        customers
            .iter()
            .map(|(first, last, email, phone, rest)| {
                let phone = phone.as_deref().map(open).unwrap_or_default();
                format!("{}{}{}{phone}{rest}", open(first), open(last), open(email))
            })
            .collect::<Vec<_>>()
            .join("|"),
    ];
    for sql in [
        "SELECT customer_id || ':' || total_minor || ':' || created_at FROM purchases ORDER BY id",
        "SELECT visitor || path || created_at FROM page_views ORDER BY id",
    ] {
        out.push(joined(pool, sql).await);
    }
    out
}

/// The texts a query answers, one per row, joined with `|`.
async fn joined(pool: &app::db::Db, sql: &'static str) -> String {
    sqlx::query_scalar::<_, String>(sql).fetch_all(pool).await.unwrap().join("|")
}

#[tokio::test]
async fn the_seed_fills_every_table_consistently_and_the_same_way_twice() {
    let (a, b) = (spawn_app().await, spawn_app().await);
    let report = run(&a.pool, SMALL).await.unwrap();
    run(&b.pool, SMALL).await.unwrap();
    assert_eq!(digest(&a.pool).await, digest(&b.pool).await, "same seed, same rows");
    let rows = |table: &str| report.tables.iter().find(|t| t.0 == table).unwrap().1;
    assert_eq!((rows("customers"), rows("purchases"), rows("page_views")), (300, 2000, 3000));

    let check = |sql: &'static str| {
        let pool = a.pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(check("SELECT count(*) FROM customers").await, 300);
    // Totals add up, lines belong to purchases, purchases come after the customer joined.
    assert_eq!(
        check("SELECT count(*) FROM purchases p WHERE subtotal_minor <> (SELECT sum(line_total_minor) FROM purchase_items WHERE purchase_id = p.id)").await,
        0
    );
    assert_eq!(
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM purchases p JOIN customers c ON c.id = p.customer_id WHERE p.created_at < c.created_at OR p.created_at > $1")
            .bind(app::db::now_plus(7 * 86_400))
            .fetch_one(&a.pool)
            .await
            .unwrap(),
        0
    );
    assert!(check("SELECT count(DISTINCT country) FROM customers").await >= 5, "several languages");
    assert!(check("SELECT count(*) FROM consents").await > 100);
    assert!(check("SELECT count(*) FROM reason_ranking_items").await > 0);
    assert!(check("SELECT count(*) FROM page_views WHERE customer_id IS NOT NULL").await > 0);
    // December is busier than January.
    assert!(
        check("SELECT count(*) FROM purchases WHERE substr(created_at, 6, 2) = '12'").await
            > check("SELECT count(*) FROM purchases WHERE substr(created_at, 6, 2) = '01'").await
    );
    // The indexes dropped for the bulk load (on SQLite) are back.
    if a.pool.dialect() == app::db::Dialect::Sqlite {
        assert!(check("SELECT count(*) FROM sqlite_master WHERE name = 'page_views_by_visitor'").await == 1);
    }

    // The visits it marks are the visits its times make.
    let marks = "SELECT CAST(visit_start AS TEXT) || CAST(visit_end AS TEXT) || CAST(visitor_first AS TEXT)
                 FROM page_views ORDER BY id";
    let seeded = joined(&a.pool, marks).await;
    app::analytics::db::recompute_visits(&a.pool).await.unwrap();
    assert_eq!(seeded, joined(&a.pool, marks).await);

    // A second run refuses: it would mix two shops.
    assert!(matches!(run(&a.pool, SMALL).await, Err(SeedError::NotEmpty(300))));
}
