//! Products: managers keep them on the Products page, a shop's systems through the API;
//! the widgets and the till offer what is not archived, and old records keep naming what is.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn product<'a>(sku: &'a str, name: &'a str, price: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![("site", "demo"), ("create", "true"), ("form[sku]", sku), ("form[name]", name), ("form[price]", price)]
}

async fn page(app: &TestApp, client: &reqwest::Client, query: &str, shown: &str, page: &str) -> Value {
    let form = [("site", "demo"), ("query", query), ("page", page), ("shown", shown)];
    let res = app.admin_via(client, &app.url, "products_page", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn skus(page: &Value) -> Vec<String> {
    page["rows"].as_array().unwrap().iter().map(|r| r["sku"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_manager_adds_changes_and_archives_a_product_and_staff_cannot() {
    let app = spawn_app().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;

    let res = app.admin_via(&till, &app.url, "save_product", &product("SPELT", "Spelt loaf", "5.10")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "staff keep no products");

    let mut spelt = product("SPELT", "Spelt loaf", "5,10");
    spelt.extend([
        ("form[names][nl]", "Speltbrood"),
        ("form[category]", "Bread"),
        ("form[stock_expected]", "2027-01-15"),
    ]);
    let res = app.admin_via(&manager, &app.url, "save_product", &spelt).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let listed = page(&app, &manager, "spelt", "offered", "1").await;
    let row = &listed["rows"][0];
    assert_eq!(
        (row["sku"].as_str(), row["price"].as_i64(), row["currency"].as_str()),
        (Some("SPELT"), Some(510), Some("EUR"))
    );
    assert_eq!(row["names"], json!([["nl", "Speltbrood"]]));
    assert_eq!(row["stock_expected"], "2027-01-15");

    // The reservation widget offers it at once.
    let item = app.widget("item", &[("sku", "SPELT")]).await;
    assert_eq!(item.status(), StatusCode::OK);
    assert_eq!(item.json::<Value>().await.unwrap()["item"]["name"], "Spelt loaf");

    // A second product with the same SKU is a field error; nothing changes.
    let res = app.admin_via(&manager, &app.url, "save_product", &product("SPELT", "Other", "1")).await;
    assert_eq!(common::field_errors(&res.json().await.unwrap())["item"], "Taken");
    // Every bad field is named, and nothing is half-saved.
    let bad =
        [("site", "demo"), ("create", "false"), ("form[sku]", "SPELT"), ("form[name]", ""), ("form[price]", "5.123")];
    let res = app.admin_via(&manager, &app.url, "save_product", &bad).await;
    let errors = common::field_errors(&res.json().await.unwrap());
    assert_eq!((errors["product_name"].as_str(), errors["unit_price"].as_str()), ("Required", "NotAnAmount"));
    assert_eq!(page(&app, &manager, "SPELT", "offered", "1").await["rows"][0]["name"], "Spelt loaf");

    // A change keeps the SKU and updates the rest; a name the site does not write in is refused.
    let mut change = product("SPELT", "Spelt loaf, large", "5.60");
    change[1] = ("create", "false");
    let res = app.admin_via(&manager, &app.url, "save_product", &change).await;
    assert_eq!(res.status(), StatusCode::OK);
    let row = page(&app, &manager, "SPELT", "offered", "1").await["rows"][0].clone();
    assert_eq!(
        (row["name"].as_str(), row["price"].as_i64(), row["names"].clone()),
        (Some("Spelt loaf, large"), Some(560), json!([]))
    );
    change.push(("form[names][xx]", "?"));
    let res = app.admin_via(&manager, &app.url, "save_product", &change).await;
    assert_eq!(common::field_errors(&res.json().await.unwrap())["language"], "UnknownOption");

    // Bought once, then archived: no longer offered, still named on the purchase.
    let customer: i64 =
        sqlx::query_scalar("INSERT INTO customers (site_id, first_name) VALUES (1, 'Ann') RETURNING id")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.seal().await;
    let buy = [
        ("form[customer]", customer.to_string()),
        ("form[payment_method]", "cash".into()),
        ("form[lines][0][sku]", "SPELT".into()),
        ("form[lines][0][quantity]", "1".into()),
    ];
    let res = app
        .admin_via(&till, &app.url, "add_purchase", &buy.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let res = app
        .admin_via(&manager, &app.url, "archive_product", &[("site", "demo"), ("sku", "SPELT"), ("archived", "true")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(skus(&page(&app, &manager, "SPELT", "offered", "1").await).is_empty());
    assert_eq!(skus(&page(&app, &manager, "SPELT", "archived", "1").await), ["SPELT"]);
    assert_eq!(app.widget("item", &[("sku", "SPELT")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let setup: Value = app.admin_via(&till, &app.url, "till_setup", &[]).await.json().await.unwrap();
    assert!(!setup.to_string().contains("SPELT"), "the till no longer offers it");
    let res = app
        .admin_via(&till, &app.url, "add_purchase", &buy.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "nor sells it");
    let record: Value =
        app.admin_via(&till, &app.url, "customer_record", &[("id", &customer.to_string())]).await.json().await.unwrap();
    assert!(record.to_string().contains("Spelt loaf, large"), "the purchase still names it: {record}");
    let res = app
        .admin_via(&manager, &app.url, "archive_product", &[("site", "demo"), ("sku", "NOPE"), ("archived", "true")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_list_pages_and_searches_many_products() {
    let app = spawn_app().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
         INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency, category)
         SELECT 1, 'BULK-' || substr(CAST(1000 + i AS TEXT), 2), 'Bulk item ' || substr(CAST(1000 + i AS TEXT), 2), i * 10,
                'EUR', CASE WHEN i % 2 = 1 THEN 'Odd' ELSE 'Even' END FROM n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let first = page(&app, &manager, "", "offered", "1").await;
    // The demo bakery's own products come along: 120 + its catalogue.
    assert!(first["total"].as_i64().unwrap() >= 120);
    assert_eq!(first["rows"].as_array().unwrap().len(), 50);
    let third = page(&app, &manager, "BULK", "offered", "3").await;
    assert_eq!((third["total"].as_i64(), third["rows"].as_array().unwrap().len()), (Some(120), 20));
    assert_eq!(skus(&third)[0], "BULK-101");
    assert_eq!(page(&app, &manager, "BULK-00", "offered", "1").await["total"], 9, "a SKU's start");
    assert_eq!(page(&app, &manager, "item 11", "offered", "1").await["total"], 10, "part of a name");
    assert_eq!(page(&app, &manager, "even", "offered", "1").await["total"], 60, "a category");
    assert_eq!(page(&app, &manager, "50%", "offered", "1").await["total"], 0, "wildcards are text");
}

async fn key(app: &TestApp, scopes: &str) -> String {
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let form = [("site", "demo"), ("name", "Web shop"), ("scopes", scopes)];
    let res = app.admin_via(&owner, &app.url, "create_api_key", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

fn api(app: &TestApp, method: Method, path: &str, key: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new().request(method, format!("{}{path}", app.url)).bearer_auth(key)
}

#[tokio::test]
async fn a_shops_system_keeps_its_products_through_the_api() {
    let app = spawn_app().await;
    let reader = key(&app, "products:read").await;
    let writer = key(&app, "products:read,products:write").await;
    let new = json!({ "sku": "OAT-1", "name": "Oat cookie", "names": { "nl": "Havermoutkoekje" }, "price_minor": 250 });

    let res = api(&app, Method::POST, "/api/v1/products", &reader).json(&new).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = api(&app, Method::POST, "/api/v1/products", &writer).json(&new).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.unwrap();
    assert_eq!((created["price_minor"].as_i64(), created["currency"].as_str()), (Some(250), Some("EUR")));
    assert_eq!(created["names"], json!({ "nl": "Havermoutkoekje" }));
    let again = api(&app, Method::POST, "/api/v1/products", &writer).json(&new).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body: Value = again.json().await.unwrap();
    assert_eq!(
        (body["error"]["fields"][0]["field"].as_str(), body["error"]["fields"][0]["problem"].as_str()),
        (Some("sku"), Some("Taken"))
    );

    let bad = json!({ "sku": "no spaces", "name": "", "price_minor": -1, "image_url": "javascript:x" });
    let res = api(&app, Method::POST, "/api/v1/products", &writer).json(&bad).send().await.unwrap();
    let body: Value = res.json().await.unwrap();
    let mut fields: Vec<&str> =
        body["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    fields.sort();
    assert_eq!(fields, ["image_url", "name", "price_minor", "sku"]);

    let change = json!({ "price_minor": 275, "stock_expected": "2027-02-01" });
    let res = api(&app, Method::PATCH, "/api/v1/products/OAT-1", &writer).json(&change).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let changed: Value = res.json().await.unwrap();
    assert_eq!((changed["price_minor"].as_i64(), changed["name"].as_str()), (Some(275), Some("Oat cookie")));
    let res = api(&app, Method::PATCH, "/api/v1/products/OAT-1", &writer)
        .json(&json!({ "stock_expected": null, "archived": true }))
        .send()
        .await
        .unwrap();
    let archived: Value = res.json().await.unwrap();
    assert_eq!((archived["stock_expected"].clone(), archived["archived"].as_bool()), (Value::Null, Some(true)));

    let got: Value =
        api(&app, Method::GET, "/api/v1/products/OAT-1", &reader).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["archived"], true);
    let res = api(&app, Method::PATCH, "/api/v1/products/NOPE", &writer).json(&change).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let list: Value =
        api(&app, Method::GET, "/api/v1/products?limit=200", &reader).send().await.unwrap().json().await.unwrap();
    assert!(list["data"].as_array().unwrap().iter().any(|p| p["sku"] == "OAT-1"));
}

#[tokio::test]
async fn a_product_whose_sku_has_small_letters_is_sold_at_the_till() {
    let app = spawn_app().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let res = app.admin_via(&manager, &app.url, "save_product", &product("Rye-1", "Small rye", "2.10")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let customer: i64 = sqlx::query_scalar("INSERT INTO customers (site_id, first_name) VALUES (1, 'Bo') RETURNING id")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.seal().await;
    let customer = customer.to_string();
    for (sku, total) in [("Rye-1", 210), ("SOURDOUGH", 520), ("sourdough", 520)] {
        let buy = [
            ("form[customer]", customer.as_str()),
            ("form[payment_method]", "cash"),
            ("form[lines][0][sku]", sku),
            ("form[lines][0][quantity]", "1"),
        ];
        let res = app.admin_via(&manager, &app.url, "add_purchase", &buy).await;
        assert_eq!(res.status(), StatusCode::OK, "{sku}: {}", res.text().await.unwrap());
        assert_eq!(res.json::<Value>().await.unwrap()["total"], total, "{sku}");
    }
}
