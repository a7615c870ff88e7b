//! The demo bakery. The first migrations made it (site 1, key `demo`) so the widgets worked
//! out of the box; a shop's own install does not want it. Without `--demo` a new install
//! drops it at start while nothing of its own is on it, and `patron demo remove` takes it
//! out of an install that used it. With `--demo` it gets a running loyalty programme, so its
//! joining widget works.

use app::db::Db;

const DEMO: &str = "demo";

/// The demo's Bread card and its Free loaf in the languages besides English.
const DEMO_WORDS: [(&str, &str, &str); 6] = [
    ("nl", "Broodkaart", "Gratis brood"),
    ("af", "Broodkaart", "Gratis brood"),
    ("pt", "Cartão do pão", "Pão grátis"),
    ("ru", "Хлебная карта", "Бесплатный хлеб"),
    ("fi", "Leipäkortti", "Ilmainen leipä"),
    ("de", "Brotkarte", "Gratis Brot"),
];

/// At start: with `demo`, make sure its loyalty programme runs; without it, drop the demo
/// site when no customer is on it (a fresh install), else say how to remove it.
pub async fn settle(pool: &Db, demo: bool) -> sqlx::Result<()> {
    let Some(site) = demo_site(pool).await? else { return Ok(()) };
    if demo {
        let programmes: i64 = sqlx::query_scalar("SELECT count(*) FROM loyalty_programmes WHERE site_id = $1")
            .bind(site)
            .fetch_one(pool)
            .await?;
        if programmes == 0 {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO loyalty_programmes (site_id, name, kind, skus) VALUES ($1, 'Bread card', 'stamps', '') RETURNING id",
            )
            .bind(site)
            .fetch_one(&mut *tx)
            .await?;
            let loaf: i64 = sqlx::query_scalar(
                "INSERT INTO loyalty_rewards (programme_id, name, cost) VALUES ($1, 'Free loaf', 10) RETURNING id",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            // Its words in the other languages Patron ships, so the demo's widget speaks each.
            for (language, name, reward) in DEMO_WORDS {
                sqlx::query("INSERT INTO loyalty_programme_texts (programme_id, language, name) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(language)
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("INSERT INTO loyalty_reward_names (reward_id, language, name) VALUES ($1, $2, $3)")
                    .bind(loaf)
                    .bind(language)
                    .bind(reward)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
        return Ok(());
    }
    let customers: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE site_id = $1").bind(site).fetch_one(pool).await?;
    if customers == 0 {
        remove(pool).await?;
        tracing::info!("no demo site on this install (start with --demo for the demo bakery)");
    } else {
        tracing::warn!(
            customers,
            "the demo site has customers, so it stays; `patron demo remove` removes it with them"
        );
    }
    Ok(())
}

async fn demo_site(pool: &Db) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM sites WHERE site_key = $1").bind(DEMO).fetch_optional(pool).await
}

/// Removes the demo site and everything on it, in one transaction; how many customers
/// went with it, or `None` when there was no demo site.
pub async fn remove(pool: &Db) -> sqlx::Result<Option<i64>> {
    let mut tx = pool.begin_write().await?;
    let Some(site): Option<i64> =
        sqlx::query_scalar("SELECT id FROM sites WHERE site_key = $1").bind(DEMO).fetch_optional(&mut *tx).await?
    else {
        return Ok(None);
    };
    let customers: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE site_id = $1").bind(site).fetch_one(&mut *tx).await?;
    // The tables that name a site without ON DELETE CASCADE; the rest go with the site.
    for table in [
        "nps_responses",
        "reason_rankings",
        "heard_responses",
        "reservations",
        "warranty_registrations",
        "purchases",
        "customers",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE site_id = $1")))
            .bind(site)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM sites WHERE id = $1").bind(site).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Some(customers))
}
