//! The data-quality checks against planted problems, and fixing one in place.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

async fn quality(app: &TestApp, client: &reqwest::Client, check: &str) -> Value {
    let res = app.admin_via(client, &app.url, "data_quality", &[("site", "demo"), ("check", check)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn ids(q: &Value) -> Vec<i64> {
    q["rows"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn each_check_finds_its_planted_customers_and_a_fix_clears_it() {
    let app = spawn_app().await;
    // Rows the app would refuse, as an old spreadsheet import would have left them.
    app.fixture(
        "INSERT INTO customers (id, site_id, first_name, last_name, email, phone, street, postcode) VALUES
           (1, 1, 'Anna', 'Adler', 'anna(at)example.com', NULL, '', ''),
           (2, 1, 'Ben', 'Berg', 'ben@example.com', '12', '', ''),
           (3, 1, 'Cleo', 'Cohen', NULL, NULL, '', ''),
           (4, 1, 'JOHN', 'SMITH', 'john@example.com', NULL, 'High Street 1', 'YO1 7HH'),
           (5, 1, 'Dora', 'Dietz', 'dora@example.com', NULL, 'Marktgasse 5', ''),
           (6, 1, 'Eva', 'IBM', 'eva@example.com', '+41 44 123 45 67', 'Quai 1', '8001');
         INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other', '/p');
         INSERT INTO customers (site_id, first_name, email) VALUES (2, 'FRANK', 'frank(at)example.com');
         INSERT INTO consents (customer_id, purpose, granted, body, text_version, language, page_url, source)
           SELECT id, 'newsletter', 1, 'News?', 1, 'en', '/', 'widget:signup' FROM customers WHERE id IN (2, 4, 6);",
    )
    .await;
    app.seal().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let q = quality(&app, &client, "capitals").await;
    // invalid email, invalid phone, no contact, capitals, no postcode, no consent
    assert_eq!(q["counts"], serde_json::json!([1, 1, 1, 1, 1, 3]));
    assert_eq!(ids(&q), [4]);
    assert_eq!(q["rows"][0]["field"], "first_name");
    assert_eq!(q["rows"][0]["proposal"], "John");
    for (check, expected) in [
        ("invalid_email", vec![1]),
        ("invalid_phone", vec![2]),
        ("no_contact", vec![3]),
        ("no_postcode", vec![5]),
        ("no_consent", vec![1, 3, 5]),
    ] {
        assert_eq!(ids(&quality(&app, &client, check).await), expected, "{check}");
    }

    // Fixed in place, as the page does: the first name, then the last.
    for (field, value) in [("first_name", "John"), ("last_name", "Smith")] {
        let res = app
            .admin_via(&client, &app.url, "update_customer", &[("id", "4"), ("field", field), ("value", value)])
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    assert_eq!(quality(&app, &client, "capitals").await["counts"][3], 0);
    let history: i64 = sqlx::query_scalar("SELECT count(*) FROM customer_changes WHERE customer_id = 4")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(history, 2);
}
