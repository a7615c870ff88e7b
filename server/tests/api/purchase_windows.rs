//! The purchase windows (spend and purchases per customer in the last 7/30/90/365 days
//! and ever) stay equal to the sums of the purchases themselves while days pass and
//! purchases come, go and move between customers; the gender kept beside them follows the
//! customer's.

use crate::common;

use app::db::Db;
use app::domain::{SiteId, iso_date_before, iso_timestamp};
use app::segment_rules::windows::{KEPT, bring_up_to};
use common::spawn_app;

const DAY: i64 = 86_400;
/// 2026-01-01T12:00:00Z: the tests move their own clock, never the machine's.
const START: i64 = 1_767_268_800;
const CUSTOMERS: i64 = 12;

/// Per customer of the demo site: spend and count in each kept window, then ever, then
/// the last purchase and the gender kept beside them (migration 0033); read from the
/// windows or summed from the purchases (the gender from the customer, if they have windows).
async fn figures(pool: &Db, now: i64, from_windows: bool) -> Vec<(i64, Vec<i64>, Option<String>, Option<String>)> {
    let mut rows = Vec::new();
    for id in 1..=CUSTOMERS {
        let mut numbers = Vec::new();
        let last: Option<String> = if from_windows {
            for suffix in KEPT.iter().map(|d| d.to_string()).chain(["ever".to_string()]) {
                let (spent, bought): (i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT coalesce(max(spent_{suffix}), 0), coalesce(max(bought_{suffix}), 0)
                     FROM purchase_windows WHERE customer_id = $1"
                )))
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap();
                numbers.extend([spent, bought]);
            }
            sqlx::query_scalar("SELECT max(last_at) FROM purchase_windows WHERE customer_id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap()
        } else {
            let starts = KEPT.iter().map(|d| iso_date_before(now, i64::from(*d) - 1)).chain([String::new()]);
            for since in starts {
                let (spent, bought): (i64, i64) = sqlx::query_as(
                    "SELECT CAST(coalesce(sum(total_minor), 0) AS BIGINT), count(*) FROM purchases
                     WHERE customer_id = $1 AND created_at >= $2",
                )
                .bind(id)
                .bind(since)
                .fetch_one(pool)
                .await
                .unwrap();
                numbers.extend([spent, bought]);
            }
            sqlx::query_scalar("SELECT max(created_at) FROM purchases WHERE customer_id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap()
        };
        let gender: Option<String> = sqlx::query_scalar(if from_windows {
            "SELECT gender FROM purchase_windows WHERE customer_id = $1"
        } else {
            "SELECT gender FROM customers WHERE id = $1 AND EXISTS (SELECT 1 FROM purchase_windows WHERE customer_id = $1)"
        })
        .bind(id)
        .fetch_optional(pool)
        .await
        .unwrap()
        .flatten();
        rows.push((id, numbers, last, gender));
    }
    rows
}

async fn buy(pool: &Db, customer: i64, at: i64, cents: i64) {
    sqlx::query(
        "INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method, created_at)
         VALUES (1, $1, 'EUR', $2, $3, 'card', $4)",
    )
    .bind(customer)
    .bind(cents)
    .bind(cents)
    .bind(iso_timestamp(at))
    .execute(pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn windows_follow_the_days_and_every_change_to_the_purchases() {
    let app = spawn_app().await;
    let pool = &app.pool;
    for id in 1..=CUSTOMERS {
        sqlx::query("INSERT INTO customers (id, site_id, first_name, email, gender) VALUES ($1, 1, 'C', $2, $3)")
            .bind(id)
            .bind(format!("c{id}@example.com"))
            .bind([Some("female"), Some("male"), None][id as usize % 3])
            .execute(pool)
            .await
            .unwrap();
        app.seal().await;
    }
    // Purchases over the 800 days before the start, some at the very edges of a day.
    for i in 0..300i64 {
        let customer = 1 + (i * 7) % (CUSTOMERS - 2); // the last two buy nothing yet
        let at = START - (i * 7919 * 61) % (800 * DAY) - if i % 10 == 0 { START % DAY } else { 0 };
        buy(pool, customer, at, 100 + (i * 37) % 5000).await;
    }

    // The first use builds the windows from the purchases.
    let mut now = START;
    bring_up_to(pool, SiteId(1), now).await.unwrap();
    assert_eq!(figures(pool, now, true).await, figures(pool, now, false).await, "built");

    // Days pass: one, a few, a window's length, more than a year (built again).
    for (step, days) in [1, 1, 6, 23, 30, 61, 200, 1, 400, 2].into_iter().enumerate() {
        let step = step as i64;
        // Changes on the old day, kept by the triggers: a new purchase (now, and one a
        // while ago), a purchase taken back, one moved to another customer (a merge).
        buy(pool, 1 + step % CUSTOMERS, now, 1234 + step).await;
        buy(pool, CUSTOMERS - step % 3, now - (step * 11) * DAY, 999).await;
        sqlx::query("DELETE FROM purchases WHERE id = (SELECT min(id) FROM purchases WHERE customer_id = $1)")
            .bind(2 + step % 5)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query(
            "UPDATE purchases SET customer_id = $1 WHERE id = (SELECT max(id) FROM purchases WHERE customer_id = $2)",
        )
        .bind(CUSTOMERS)
        .bind(3 + step % 4)
        .execute(pool)
        .await
        .unwrap();
        // A customer's gender changes (or is cleared).
        sqlx::query("UPDATE customers SET gender = $1 WHERE id = $2")
            .bind([Some("diverse"), None, Some("female")][step as usize % 3])
            .bind(1 + (step * 5) % CUSTOMERS)
            .execute(pool)
            .await
            .unwrap();
        assert_eq!(figures(pool, now, true).await, figures(pool, now, false).await, "changes before step {step}");

        now += days * DAY;
        bring_up_to(pool, SiteId(1), now).await.unwrap();
        assert_eq!(figures(pool, now, true).await, figures(pool, now, false).await, "after {days} days (step {step})");
        // A second use on the same day changes nothing.
        bring_up_to(pool, SiteId(1), now + 3600).await.unwrap();
        assert_eq!(figures(pool, now, true).await, figures(pool, now, false).await, "same day (step {step})");
    }

    // A customer erased takes their windows along.
    sqlx::query("DELETE FROM customers WHERE id = 1").execute(pool).await.unwrap();
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM purchase_windows WHERE customer_id = 1")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
}
