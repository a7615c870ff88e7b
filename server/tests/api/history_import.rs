//! Bringing a shop's history and catalogue in through the import page's server functions:
//! past purchases from a web shop's order export (matched to customers, idempotent on the
//! order number, no webhooks for old sales), a file's valid rows with the rest handed back,
//! and products by SKU.

use crate::common;
use crate::import::{run_valid, upload_as};

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn preview(app: &TestApp, client: &reqwest::Client, id: &str) -> Value {
    app.admin_via(client, &app.url, "preview_import", &[("site", "demo"), ("id", id)]).await.json().await.unwrap()
}

async fn dry_run(app: &TestApp, client: &reqwest::Client, id: &str, mapping: &str) -> Value {
    let res =
        app.admin_via(client, &app.url, "check_import", &[("site", "demo"), ("id", id), ("mapping", mapping)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.pool).await.unwrap()
}

/// A Shopify order export: a row per line, the order's own fields on its first row.
const ORDERS: &str = "Name,Email,Phone,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Total,Payment Method\n\
    #1001,ann@example.com,,2024-03-05 10:15:00 +0100,2,Sourdough loaf,5.20,SOURDOUGH,15.00,shopify_payments\n\
    #1001,,,,1,Cinnamon bun,3.10,cinnamon-bun,,\n\
    #1002,ben@example.com,,2024-11-30 16:00:00 +0100,1,Gift box,20.00,,18.00,Cash\n\
    #1003,,06 12345678,2023-01-02 09:00:00 +0100,1,Rye bread,4.60,RYE,4.60,PIN\n";

#[tokio::test]
async fn past_orders_come_in_once_with_their_customers_lines_and_spend() {
    let app = spawn_app().await;
    app.fixture(
        "INSERT INTO customers (site_id, first_name, email) VALUES (1, 'Ann', 'ann@example.com');
         INSERT INTO customers (site_id, first_name, phone) VALUES (1, 'Maud', '+31612345678');
         INSERT INTO webhook_endpoints (site_id, url, secret, events)
         VALUES (1, 'http://127.0.0.1:9', 'whsec_c2VjcmV0', 'purchase.created');",
    )
    .await;
    app.seal().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let id = upload_as(&app, &manager, "purchases", ORDERS).await;
    let preview = preview(&app, &manager, &id).await;
    let mapping = preview["suggested"].clone();
    assert_eq!(
        mapping,
        json!([
            "order_id",
            "email",
            "phone",
            "date",
            "quantity",
            "item",
            "unit_price",
            "sku",
            "total",
            "payment_method"
        ])
    );
    let mapping = mapping.to_string();
    let dry = dry_run(&app, &manager, &id, &mapping).await;
    assert_eq!((&dry["problem_count"], &dry["created"], &dry["updated"]), (&json!(0), &json!(3), &json!(1)), "{dry}");
    assert_eq!(count(&app, "SELECT count(*) FROM purchases").await, 0, "the dry run stores nothing");

    let done = run_valid(&app, &manager, &id, &mapping, false).await;
    assert_eq!(
        done,
        json!({"status": "done", "total": 3, "done": 3, "created": 3, "updated": 1, "unchanged": 0, "skipped": 0})
    );
    // Ann's order: her two lines (the lower-case SKU found), the shipping on top of them.
    let (at, total, discount, method, id): (String, i64, i64, String, i64) = sqlx::query_as(
        "SELECT created_at, total_minor, discount_minor, payment_method, id FROM purchases WHERE external_id = '#1001'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let lines: Vec<String> = sqlx::query_scalar(
        "SELECT coalesce(c.sku, '-') || ' ' || i.quantity || 'x' || i.unit_price_minor
         FROM purchase_items i LEFT JOIN catalogue_items c ON c.id = i.item_id WHERE i.purchase_id = $1 ORDER BY i.line",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let ann = (at, total, discount, method, lines.join("; "));
    assert_eq!(
        ann,
        (
            "2024-03-05T09:15:00.000Z".into(),
            1500,
            0,
            "card".into(),
            "SOURDOUGH 2x520; CINNAMON-BUN 1x310; - 1x150".into()
        )
    );
    let owners: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT p.external_id, c.first_name, c.email FROM purchases p
         JOIN customers c ON c.id = p.customer_id ORDER BY p.external_id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    // The first name, else the email.
    let owners: Vec<(String, String)> = owners
        .into_iter()
        .map(|(order, first, email)| {
            (order, app.open_opt(first).filter(|f| !f.is_empty()).or(app.open_opt(email)).unwrap_or_default())
        })
        .collect();
    let owners: Vec<(&str, &str)> = owners.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(owners, [("#1001", "Ann"), ("#1002", "ben@example.com"), ("#1003", "Maud")]);
    // Ben's order had a discount (its total under its line); spend is what was paid.
    // Found by the blind index the import worked out.
    let ben: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email_hash = $1")
        .bind(app.hash("email", "ben@example.com"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let record: Value =
        app.admin_via(&manager, &app.url, "customer_record", &[("id", &ben.to_string())]).await.json().await.unwrap();
    assert_eq!((&record["stats"]["total"], &record["stats"]["orders"]), (&json!(1800), &json!(1)));
    assert_eq!(count(&app, "SELECT count(*) FROM webhook_events WHERE type = 'purchase.created'").await, 0);

    // The same file again: every order number is here already, nothing changes.
    let again = upload_as(&app, &manager, "purchases", ORDERS).await;
    let done = run_valid(&app, &manager, &again, &mapping, false).await;
    assert_eq!((&done["created"], &done["updated"], &done["unchanged"]), (&json!(0), &json!(0), &json!(3)));
    assert_eq!(count(&app, "SELECT count(*) FROM purchases").await, 3);
    assert_eq!(count(&app, "SELECT count(*) FROM purchase_items").await, 5);
    assert_eq!(count(&app, "SELECT count(*) FROM customers").await, 3);
}

#[tokio::test]
async fn a_file_with_bad_rows_is_refused_whole_unless_its_valid_rows_are_asked_for() {
    let app = spawn_app().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let csv = "order;date;email;total\n\
        A1;31/12/2023;ann@example.com;10,00\n\
        A2;2023-02-30;ben@example.com;5,00\n\
        A3;01/01/2024;;7,50\n\
        A4;02/01/2024;cy@example.com;7,50\n";
    let id = upload_as(&app, &manager, "purchases", csv).await;
    let mapping = json!(["order_id", "date", "email", "total"]).to_string();
    let dry = dry_run(&app, &manager, &id, &mapping).await;
    assert_eq!(dry["problem_count"], 2);
    assert_eq!(dry["created"], 2);
    let rejected = dry["rejected_csv"].as_str().unwrap();
    assert_eq!(rejected.lines().count(), 3, "{rejected}");
    assert!(rejected.contains(r#""A2","2023-02-30","ben@example.com","5,00","Date: "#), "{rejected}");
    assert!(rejected.starts_with(r#""order","date","email","total","Problem""#), "{rejected}");
    // The file handed back is in the language of the staff member who asked for it.
    let res = app.admin_via(&manager, &app.url, "set_language", &[("lang", "nl")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let dutch = dry_run(&app, &manager, &id, &mapping).await;
    let rejected = dutch["rejected_csv"].as_str().unwrap();
    assert!(rejected.starts_with(r#""order","date","email","total","Probleem""#), "{rejected}");
    assert!(rejected.contains(r#""5,00","Datum: Vul een datum in.""#), "{rejected}");
    let form = [("site", "demo"), ("id", id.as_str()), ("mapping", mapping.as_str()), ("valid_only", "false")];
    let res = app.admin_via(&manager, &app.url, "run_import", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app, "SELECT count(*) FROM purchases").await, 0);

    let done = run_valid(&app, &manager, &id, &mapping, true).await;
    assert_eq!((&done["created"], &done["skipped"]), (&json!(2), &json!(2)), "{done}");
    let dates: Vec<String> =
        sqlx::query_scalar("SELECT created_at FROM purchases ORDER BY external_id").fetch_all(&app.pool).await.unwrap();
    assert_eq!(dates, ["2023-12-31T12:00:00.000Z", "2024-01-02T12:00:00.000Z"], "31/12 shows the day comes first");
}

#[tokio::test]
async fn products_come_in_by_sku_and_a_second_import_changes_nothing() {
    let app = spawn_app().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let staff = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let res = app
        .admin_via(&staff, &app.url, "start_import", &[("site", "demo"), ("kind", "products"), ("file_name", "p.csv")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csv = "Variant SKU,Title,Naam (nl),Variant Price,Type\n\
        RYE,Rye bread,Roggebrood,4.80,Bread\n\
        STOL-1,Stollen,Kerststol,\"15,00\",Christmas\n\
        BAD SKU,Bun,,1.00,\n";
    let id = upload_as(&app, &manager, "products", csv).await;
    let preview = preview(&app, &manager, &id).await;
    let targets: Vec<&str> = preview["targets"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(targets.contains(&"name:nl"), "a name per site language: {targets:?}");
    let mapping = json!(["sku", "name", "name:nl", "price", "category"]).to_string();
    let dry = dry_run(&app, &manager, &id, &mapping).await;
    assert_eq!(dry["problems"], json!([{"row": 4, "field": "item", "problem": "BadCharacters"}]));
    let done = run_valid(&app, &manager, &id, &mapping, true).await;
    assert_eq!((&done["created"], &done["updated"], &done["skipped"]), (&json!(1), &json!(1), &json!(1)), "{done}");
    let rye: (i64, String, String) = sqlx::query_as(
        "SELECT i.price_minor, i.category, n.name FROM catalogue_items i
         JOIN catalogue_item_names n ON n.item_id = i.id AND n.language = 'nl' WHERE i.site_id = 1 AND i.sku = 'RYE'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(rye, (480, "Bread".into(), "Roggebrood".into()));

    let good = "Variant SKU,Title,Naam (nl),Variant Price,Type\nRYE,Rye bread,Roggebrood,4.80,Bread\nSTOL-1,Stollen,Kerststol,\"15,00\",Christmas\n";
    let again = upload_as(&app, &manager, "products", good).await;
    let done = run_valid(&app, &manager, &again, &mapping, false).await;
    assert_eq!((&done["created"], &done["updated"], &done["unchanged"]), (&json!(0), &json!(0), &json!(2)));
}
