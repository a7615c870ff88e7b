//! Duplicates: the finder on planted duplicates and planted look-alikes (precision and
//! recall printed), merging that keeps every linked row, and undo that restores them.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row as _;
use std::collections::BTreeSet;

async fn sql(app: &TestApp, statements: &str) {
    app.fixture(statements).await;
    app.seal().await;
}

async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.admin_via(client, &app.url, endpoint, form).await
}

/// Nine planted duplicate pairs (two across scripts) and seven look-alikes that are
/// different people.
const PLANTED: &str = r#"
    INSERT INTO customers (id, site_id, first_name, last_name, email, phone, street, postcode, city) VALUES
      (1, 1, 'Rob', 'Smith', 'rob@example.com', NULL, '12 High Street', 'YO1 7HH', 'York'),
      (2, 1, 'Robert', 'Smith', 'r.smith@example.org', NULL, '12 High Street', 'YO17HH', 'York'),
      (3, 1, 'Anna', 'Schmidt', 'Anna.Schmidt+news@gmail.com', NULL, '', '', ''),
      (4, 1, 'A.', 'Schmidt', 'annaschmidt@googlemail.com', NULL, '', '', ''),
      (5, 1, 'Pieter', 'de Vries', NULL, '+31 6 1234 5678', '', '', ''),
      (6, 1, 'Piet', 'de Vries', NULL, '0612345678', '', '', ''),
      (7, 1, 'Jonh', 'Müller', NULL, NULL, 'Hauptstraße 5', '80331', 'München'),
      (8, 1, 'John', 'Mueller', 'john.mueller@example.de', NULL, 'Hauptstrasse 5', '80331', 'München'),
      (9, 1, 'Sasha', 'Ivanov', NULL, NULL, 'ul. Lenina 3', '101000', 'Moskva'),
      (10, 1, 'Aleksandr', 'Ivanov', 'a.ivanov@example.ru', NULL, 'ul. Lenina 3', '101000', 'Moskva'),
      (11, 1, 'Liz', 'Taylor', NULL, '020 7946 0018', '', '', ''),
      (12, 1, 'Elizabeth', 'Taylor', 'liz@example.co.uk', '+44 20 7946 0018', '', '', ''),
      (13, 1, 'Bill', 'Jones', NULL, NULL, '4 Mill Road', 'CB1 2AB', 'Cambridge'),
      (14, 1, 'William', 'Jones', NULL, NULL, '4 Mill Road', 'CB1 2AB', 'Cambridge'),
      -- Look-alikes: Rob's wife at his address; two John Smiths in two towns; a household
      -- landline; Jan and Jana at one address; dots that matter outside Gmail; another site.
      (15, 1, 'Anna', 'Smith', 'anna.smith@example.com', NULL, '12 High Street', 'YO1 7HH', 'York'),
      (16, 1, 'John', 'Smith', 'john1@example.com', NULL, '1 Baker Street', 'NW1 6XE', 'London'),
      (17, 1, 'John', 'Smith', 'john2@example.com', NULL, '9 Low Lane', 'YO2 1AA', 'York'),
      (18, 1, 'Maria', 'Rossi', NULL, '030 1234567', '', '', ''),
      (19, 1, 'Peter', 'Rossi', NULL, '+49 30 1234567', '', '', ''),
      (20, 1, 'Jan', 'Berg', NULL, NULL, 'Dorpsstraat 1', '1234 AB', 'Ede'),
      (21, 1, 'Jana', 'Berg', NULL, NULL, 'Dorpsstraat 1', '1234 AB', 'Ede'),
      (22, 1, 'Mark', 'Lee', 'mark.lee@example.com', NULL, '', '', ''),
      (23, 1, 'Mark', 'Lee', 'marklee@example.com', NULL, '', '', ''),
      -- Across scripts: one customer typed in Cyrillic at the till and in Latin letters by
      -- the web shop; a Latin phone entry with a Cyrillic name; and a Cyrillic neighbour.
      (25, 1, 'Александр', 'Кузнецов', NULL, NULL, 'ул. Ленина 7', '190000', 'Санкт-Петербург'),
      (26, 1, 'Alexander', 'Kuznetsov', 'alex.k@example.ru', NULL, 'ul. Lenina 7', '190000', 'St Petersburg'),
      (27, 1, 'Юлия', 'Смирнова', NULL, '+7 912 345-67-89', '', '', ''),
      (28, 1, 'Yulia', 'Smirnova', NULL, '8 912 345 67 89', '', '', ''),
      (29, 1, 'Ольга', 'Кузнецова', NULL, NULL, 'ул. Ленина 7', '190000', 'Санкт-Петербург');
    INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other shop', '/p');
    INSERT INTO customers (id, site_id, first_name, last_name, email, street, postcode) VALUES
      (24, 2, 'Rob', 'Smith', 'rob@example.com', '12 High Street', 'YO1 7HH');
"#;

fn pairs_of(found: &Value) -> BTreeSet<(i64, i64)> {
    found["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["a"]["id"].as_i64().unwrap(), p["b"]["id"].as_i64().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_finder_finds_the_planted_duplicates_and_none_of_the_look_alikes() {
    let app = spawn_app().await;
    sql(&app, PLANTED).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let found: Value = call(&app, &client, "find_duplicates", &[("site", "demo")]).await.json().await.unwrap();
    let found = pairs_of(&found);
    let planted: BTreeSet<(i64, i64)> =
        [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (13, 14), (25, 26), (27, 28)].into();
    let right = found.intersection(&planted).count() as f64;
    let precision = right / found.len().max(1) as f64;
    let recall = right / planted.len() as f64;
    println!("duplicate finder: {} found, {right} right: precision {precision:.2}, recall {recall:.2}", found.len());
    assert_eq!(found, planted, "precision {precision:.2}, recall {recall:.2}");
}

#[tokio::test]
async fn a_dismissed_pair_is_not_proposed_again() {
    let app = spawn_app().await;
    sql(&app, PLANTED).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let res = call(&app, &client, "dismiss_pair", &[("site", "demo"), ("a", "14"), ("b", "13")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let found: Value = call(&app, &client, "find_duplicates", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(found["total"], 8, "the nine planted pairs less the dismissed one");
    assert!(!pairs_of(&found).contains(&(13, 14)));
}

/// Rows of two customers (1 kept, 2 merged) in every table that hangs off a customer.
const LINKED: &str = r#"
    INSERT INTO customers (id, site_id, first_name, last_name, email, phone, street, postcode, city, birthday, household_size, notes) VALUES
      (1, 1, 'Rob', 'Smith', NULL, NULL, '12 High Street', 'YO1 7HH', 'York', NULL, NULL, 'Likes rye'),
      (2, 1, 'Robert', 'Smith', 'robert@example.com', '+44 7700 900123', '12 High Street', 'YO1 7HH', '', '1980-04-01', 3, 'Other note');
    INSERT INTO consents (customer_id, purpose, granted, body, text_version, language, page_url, source) VALUES
      (1, 'post', 1, 'Post?', 1, 'en', 'admin', 'admin'), (2, 'newsletter', 1, 'News?', 1, 'en', '/', 'widget:signup');
    INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method) VALUES
      (1, 1, 'EUR', 500, 500, 'cash'), (1, 2, 'EUR', 700, 700, 'card'), (1, 2, 'EUR', 300, 300, 'card');
    INSERT INTO purchase_items (purchase_id, line, description, quantity, unit_price_minor, line_total_minor)
      SELECT id, 1, 'Bread', 1, total_minor, total_minor FROM purchases;
    INSERT INTO nps_responses (site_id, customer_id, score, language, page_url) VALUES (1, 2, 9, 'en', '/');
    INSERT INTO reason_rankings (id, site_id, customer_id, language, page_url) VALUES (1, 1, 2, 'en', '/');
    INSERT INTO reason_ranking_items (ranking_id, option_id, rank)
      SELECT 1, id, position FROM question_options WHERE site_id = 1 AND question = 'reasons';
    INSERT INTO heard_responses (site_id, customer_id, option_id, language, page_url)
      SELECT 1, 2, id, 'en', '/' FROM question_options WHERE code = 'friend';
    INSERT INTO reservations (site_id, customer_id, item_id, quantity, page_url) SELECT 1, 2, id, 1, '/' FROM catalogue_items WHERE sku = 'RYE';
    INSERT INTO favourites (customer_id, item_id) SELECT c, id FROM catalogue_items, (SELECT 1 AS c UNION SELECT 2) AS two WHERE sku = 'RYE';
    INSERT INTO favourites (customer_id, item_id) SELECT 2, id FROM catalogue_items WHERE sku = 'SOURDOUGH';
    INSERT INTO customer_tags (customer_id, tag) VALUES (1, 'vip'), (2, 'vip'), (2, 'wholesale');
    INSERT INTO interactions (customer_id, kind, summary) VALUES (2, 'call', 'Asked about rye');
    INSERT INTO customer_changes (customer_id, field, old_value, new_value) VALUES (2, 'phone', NULL, '+44 7700 900123');
    INSERT INTO visitor_links (token_hash, site_id, customer_id) VALUES ('abc', 1, 2);
    INSERT INTO warranty_registrations (site_id, customer_id, item_id, serial_number, purchase_date, page_url)
      SELECT 1, 2, id, 'SN-1', '2026-01-01', '/' FROM catalogue_items WHERE sku = 'SLICER-2';
    INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, screen) VALUES (1, 'v1', 'x', 2, '/', 'desktop');
    INSERT INTO analytics_events (site_id, view_id, visitor, customer_id, name) VALUES (1, 'v1', 'x', 2, 'signup');
"#;

const TABLES: [&str; 14] = [
    "consents",
    "nps_responses",
    "reason_rankings",
    "heard_responses",
    "reservations",
    "favourites",
    "visitor_links",
    "warranty_registrations",
    "customer_changes",
    "customer_tags",
    "purchases",
    "interactions",
    "page_views",
    "analytics_events",
];

/// Every row of `table` as JSON arrays of all its columns (blobs in hex), sorted.
async fn rows(app: &TestApp, table: &str) -> Vec<String> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {table}"))).fetch_all(&app.pool).await.unwrap();
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| {
            let values: Vec<Value> = (0..r.len()).map(|i| app::db::json_value(r, i).unwrap()).collect();
            Value::Array(values).to_string()
        })
        .collect();
    out.sort();
    out
}

async fn owned_by(app: &TestApp, table: &str, customer: i64) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table} WHERE customer_id = $1")))
        .bind(customer)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_merge_keeps_every_linked_row_and_undo_restores_them_all() {
    let app = spawn_app().await;
    sql(&app, LINKED).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let mut before = Vec::new();
    for table in TABLES.iter().chain(["customers"].iter()) {
        before.push(rows(&app, table).await);
    }
    let counts: Vec<i64> = {
        let mut c = Vec::new();
        for table in TABLES {
            c.push(owned_by(&app, table, 1).await + owned_by(&app, table, 2).await);
        }
        c
    };

    let res = call(&app, &client, "merge_customers", &[("site", "demo"), ("keep", "1"), ("merge", "2")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM customers WHERE id = 2").fetch_one(&app.pool).await.unwrap(),
        0
    );
    for (table, count) in TABLES.iter().zip(&counts) {
        // The favourite and the tag both had are kept once; the merge adds history rows.
        let expected = match *table {
            "favourites" | "customer_tags" => count - 1,
            _ => *count,
        };
        let now = owned_by(&app, table, 1).await;
        if *table == "customer_changes" {
            assert!(now > expected, "{table}: the merge is in the history");
        } else {
            assert_eq!(now, expected, "{table}");
        }
    }
    // Empty fields of the kept record came from the merged one; filled ones stayed.
    let mut kept: (Option<String>, Option<String>, String, Option<String>, Option<i64>, String) =
        sqlx::query_as("SELECT email, phone, city, birthday, household_size, notes FROM customers WHERE id = 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    (kept.0, kept.1) = (app.open_opt(kept.0), app.open_opt(kept.1));
    assert_eq!(
        kept,
        (
            Some("robert@example.com".into()),
            Some("+44 7700 900123".into()),
            "York".into(),
            Some("1980-04-01".into()),
            Some(3),
            "Likes rye".into()
        )
    );
    let merges: Value = call(&app, &client, "list_merges", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(merges[0]["source_name"], "Robert Smith");
    let id = merges[0]["id"].to_string();

    let res = call(&app, &client, "undo_merge", &[("site", "demo"), ("id", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    for (i, table) in TABLES.iter().enumerate() {
        let now = rows(&app, table).await;
        if *table == "customer_changes" {
            // History keeps the merge and its undo, on the kept customer.
            assert!(before[i].iter().all(|r| now.contains(r)), "{table}");
        } else {
            assert_eq!(now, before[i], "{table} after undo");
        }
    }
    // Both customers as they were, but for the kept one's updated_at.
    let strip = |rows: Vec<String>| -> Vec<Value> {
        rows.iter()
            .map(|r| {
                let mut v: Value = serde_json::from_str(r).unwrap();
                v[12] = Value::Null; // updated_at, the 13th column
                v
            })
            .collect()
    };
    assert_eq!(strip(rows(&app, "customers").await), strip(before[TABLES.len()].clone()));
    let res = call(&app, &client, "undo_merge", &[("site", "demo"), ("id", &id)]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn merges_that_make_no_sense_are_refused() {
    let app = spawn_app().await;
    sql(&app, PLANTED).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let merge = |keep: &'static str, gone: &'static str| {
        let (app, client) = (&app, &client);
        async move {
            call(app, client, "merge_customers", &[("site", "demo"), ("keep", keep), ("merge", gone)]).await.status()
        }
    };
    assert_eq!(merge("1", "1").await, StatusCode::CONFLICT);
    assert_eq!(merge("1", "24").await, StatusCode::NOT_FOUND, "another site's customer");
    assert_eq!(merge("1", "999").await, StatusCode::NOT_FOUND);
    // 2 into 1, then 1 into 15: the first cannot be undone before the second.
    assert_eq!(merge("1", "2").await, StatusCode::OK);
    assert_eq!(merge("15", "1").await, StatusCode::OK);
    let merges: Value = call(&app, &client, "list_merges", &[("site", "demo")]).await.json().await.unwrap();
    let (second, first) = (merges[0]["id"].to_string(), merges[1]["id"].to_string());
    let res = call(&app, &client, "undo_merge", &[("site", "demo"), ("id", &first)]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("later merge"));
    assert_eq!(call(&app, &client, "undo_merge", &[("site", "demo"), ("id", &second)]).await.status(), StatusCode::OK);
    assert_eq!(call(&app, &client, "undo_merge", &[("site", "demo"), ("id", &first)]).await.status(), StatusCode::OK);
    let back: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE id IN (1, 2, 15)").fetch_one(&app.pool).await.unwrap();
    assert_eq!(back, 3);
}

#[tokio::test]
async fn the_merge_log_knows_every_customer_column() {
    let app = spawn_app().await;
    let columns = app.columns("customers").await;
    let data: Vec<&String> = columns.iter().filter(|c| !app::sealed::BLIND_INDEXES.contains(&c.as_str())).collect();
    assert_eq!(data, app::admin::duplicates::db::CUSTOMER_COLUMNS);
}
