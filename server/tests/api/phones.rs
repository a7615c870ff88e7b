//! Phone numbers in the site's country: a number typed nationally and the same number typed
//! internationally are one customer; the till and the customers list find either spelling;
//! numbers stored before the site had a country are read in it once it has one.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

async fn stored_phones(app: &TestApp) -> Vec<String> {
    let sealed: Vec<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE phone IS NOT NULL ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    sealed.iter().map(|p| app.open(p)).collect()
}

async fn till_customer(app: &TestApp, client: &reqwest::Client, name: &str, phone: &str) -> reqwest::Response {
    app.admin_via(
        client,
        &app.url,
        "create_customer",
        &[("form[site]", "demo"), ("form[first_name]", name), ("form[phone]", phone)],
    )
    .await
}

async fn found_ids(app: &TestApp, client: &reqwest::Client, query: &str) -> Vec<i64> {
    let found: Value = app.admin_via(client, &app.url, "lookup", &[("query", query)]).await.json().await.unwrap();
    found["found"].as_array().unwrap().iter().map(|f| f["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn a_national_and_an_international_spelling_are_one_number_on_a_dutch_site() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    // The demo bakery is in the Netherlands (migration 0043).
    let res = till_customer(&app, &till, "Maud", "06 12345678").await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let maud: i64 = sqlx::query_scalar("SELECT max(id) FROM customers").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored_phones(&app).await, ["+31612345678"]);

    // The till finds her by either spelling, typed whole or in part.
    for typed in ["0612345678", "06 1234", "+31 6 1234 5678", "0031612345"] {
        assert_eq!(found_ids(&app, &till, typed).await, [maud], "{typed}");
    }
    // So does the customers list.
    let page: Value = app
        .admin_via(&till, &app.url, "list_customers", &[("query", "0612 345"), ("page", "1")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["rows"][0]["id"], maud, "{page}");

    // A widget typing the international spelling for a new address stores the same number.
    let reservation = [
        ("form[sku]", "RYE"),
        ("form[quantity]", "1"),
        ("form[first_name]", "Maud"),
        ("form[last_name]", "Jansen"),
        ("form[email]", "maud@example.nl"),
        ("form[phone]", "+31 (0)6 12345678"),
        ("form[note]", ""),
        ("form[page_url]", ""),
    ];
    let res = app.widget("reserve", &reservation).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(stored_phones(&app).await, ["+31612345678", "+31612345678"]);
}

#[tokio::test]
async fn numbers_stored_before_the_site_had_a_country_are_read_in_it_when_it_gets_one() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    sqlx::query("UPDATE sites SET country = NULL, phones_read_in = NULL WHERE id = 1")
        .execute(&app.pool)
        .await
        .unwrap();
    let res = till_customer(&app, &app.client, "Joost", "020 123 4567").await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = till_customer(&app, &app.client, "Sanne", "+49 170 1234567").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(stored_phones(&app).await, ["0201234567", "+491701234567"], "no country: kept as typed");

    let general = [
        ("form[site]", "demo"),
        ("form[name]", "Demo Bakery"),
        ("form[privacy_policy_url]", "/demo/privacy"),
        ("form[default_language]", "en"),
        ("form[country]", "nl"),
    ];
    let res = app.admin("save_site", &general).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(stored_phones(&app).await, ["+31201234567", "+491701234567"]);
    let found: Value = app.admin("lookup", &[("query", "+31 20 123")]).await.json().await.unwrap();
    assert_eq!(found["found"][0]["phone"], "+31201234567");

    let bad = app.admin("save_site", &[&general[..4], &[("form[country]", "Nederland")]].concat()).await;
    let errors = common::field_errors(&bad.json().await.unwrap());
    assert_eq!(errors["country"], "UnknownOption");
    let kept: Option<String> =
        sqlx::query_scalar("SELECT country FROM sites WHERE id = 1").fetch_one(&app.pool).await.unwrap();
    assert_eq!(kept.as_deref(), Some("NL"));
}

#[tokio::test]
async fn an_import_row_finds_the_customer_by_another_spelling_of_their_number() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    till_customer(&app, &till, "Maud", "06-12345678").await;
    let csv = "first name;phone;city\nMaud;+31 6 1234 5678;Utrecht\n";
    let res = app
        .admin_via(&till, &app.url, "start_import", &[("site", "demo"), ("kind", "customers"), ("file_name", "c.csv")])
        .await;
    let id = res.json::<i64>().await.unwrap().to_string();
    let res = app.admin_via(&till, &app.url, "append_import", &[("site", "demo"), ("id", &id), ("piece", csv)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let mapping = r#"["first_name","phone","city"]"#;
    let form = [("site", "demo"), ("id", id.as_str()), ("mapping", mapping), ("valid_only", "false")];
    let res = app.admin_via(&till, &app.url, "run_import", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    for _ in 0..100 {
        let s: Value = app
            .admin_via(&till, &app.url, "import_status", &[("site", "demo"), ("id", &id)])
            .await
            .json()
            .await
            .unwrap();
        if s["status"] != "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (count, city): (i64, Option<String>) =
        sqlx::query_as("SELECT count(*), max(city) FROM customers").fetch_one(&app.pool).await.unwrap();
    assert_eq!((count, city.as_deref()), (1, Some("Utrecht")), "the row updated Maud, it added nobody");
}
