//! Corrections to sales against the real server: a return lowers the customer's spend, the
//! purchase windows, the segments they are in and the stamps the returned lines earned (a
//! new ledger row); a void counts the purchase for nothing and only its maker (the same
//! day) or a manager may do it; the API does both for a shop's system.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn customer(app: &TestApp) -> i64 {
    let id = sqlx::query_scalar("INSERT INTO customers (site_id, first_name) VALUES (1, 'Ada') RETURNING id")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.seal().await;
    id
}

/// Enters a purchase at the till as `till`: (sku, quantity) lines; its id.
async fn buy(app: &TestApp, till: &reqwest::Client, customer: i64, lines: &[(&str, &str)]) -> i64 {
    let mut form =
        vec![("form[customer]".to_owned(), customer.to_string()), ("form[payment_method]".into(), "cash".into())];
    for (i, (sku, quantity)) in lines.iter().enumerate() {
        form.push((format!("form[lines][{i}][sku]"), sku.to_string()));
        form.push((format!("form[lines][{i}][quantity]"), quantity.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.admin_via(till, &app.url, "add_purchase", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    sqlx::query_scalar("SELECT max(id) FROM purchases").fetch_one(&app.pool).await.unwrap()
}

async fn give_back(
    app: &TestApp,
    who: &reqwest::Client,
    purchase: i64,
    lines: &[(i64, &str)],
    reason: &str,
) -> reqwest::Response {
    let mut form =
        vec![("form[purchase]".to_owned(), purchase.to_string()), ("form[reason]".into(), reason.to_owned())];
    for (i, (line, quantity)) in lines.iter().enumerate() {
        form.push((format!("form[lines][{i}][line]"), line.to_string()));
        form.push((format!("form[lines][{i}][quantity]"), quantity.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.admin_via(who, &app.url, "return_purchase", &form).await
}

async fn void(app: &TestApp, who: &reqwest::Client, purchase: i64, reason: &str) -> reqwest::Response {
    app.admin_via(who, &app.url, "void_purchase", &[("id", &purchase.to_string()), ("reason", reason)]).await
}

async fn stats(app: &TestApp, who: &reqwest::Client, customer: i64) -> (i64, i64) {
    let r: Value =
        app.admin_via(who, &app.url, "customer_record", &[("id", &customer.to_string())]).await.json().await.unwrap();
    (r["stats"]["total"].as_i64().unwrap(), r["stats"]["orders"].as_i64().unwrap())
}

async fn windows(app: &TestApp, customer: i64) -> (i64, i64, i64, i64) {
    sqlx::query_as("SELECT spent_30, bought_30, spent_ever, bought_ever FROM purchase_windows WHERE customer_id = $1")
        .bind(customer)
        .fetch_optional(&app.pool)
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The customers a "spent at least `euros` in the last `days`" segment holds.
async fn spent_at_least(app: &TestApp, who: &reqwest::Client, euros: &str, days: &str) -> i64 {
    let filter = json!({"all": true, "groups": [{"all": true, "rules": [{"what": "spent", "op": "ge", "value": euros, "second": days}]}]});
    let res = app.admin_via(who, &app.url, "count_segment", &[("site", "demo"), ("filter", &filter.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn balance(app: &TestApp, who: &reqwest::Client, customer: i64) -> i64 {
    let res = app.admin_via(who, &app.url, "loyalty_cards", &[("customer", &customer.to_string())]).await;
    res.json::<Value>().await.unwrap()[0]["balance"].as_i64().unwrap()
}

/// The windows as they are kept, then as rebuilt from the purchases: they must agree.
async fn windows_agree_with_a_rebuild(app: &TestApp, who: &reqwest::Client, customer: i64) {
    let kept = windows(app, customer).await;
    sqlx::query("DELETE FROM purchase_windows_day").execute(&app.pool).await.unwrap();
    spent_at_least(app, who, "1", "30").await;
    assert_eq!(windows(app, customer).await, kept, "the triggers kept what a rebuild counts");
}

#[tokio::test]
async fn a_return_lowers_the_spend_windows_segments_and_the_stamps_it_earned() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let card = [
        ("site", "demo"),
        ("id", ""),
        ("form[active]", "on"),
        ("form[name]", "Rye card"),
        ("form[kind]", "stamps"),
        ("form[skus]", "RYE"),
        ("form[rewards]", "10 Free loaf"),
    ];
    assert_eq!(app.admin_via(&owner, &app.url, "save_loyalty_programme", &card).await.status(), StatusCode::OK);
    let ada = customer(&app).await;
    // Windows are built on first use; from then on the triggers keep them.
    assert_eq!(spent_at_least(&app, &owner, "15", "30").await, 0);
    let sale = buy(&app, &till, ada, &[("RYE", "3"), ("SOURDOUGH", "1")]).await;
    assert_eq!(stats(&app, &till, ada).await, (1900, 1), "3 × 4.60 + 5.20");
    assert_eq!(balance(&app, &till, ada).await, 3);
    assert_eq!(spent_at_least(&app, &owner, "15", "30").await, 1);

    // More than was bought, no reason, a line that is not there: refused, nothing changes.
    let res = give_back(&app, &till, sale, &[(1, "4")], "stale").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["quantity"], "OutOfRange");
    let res = give_back(&app, &till, sale, &[(1, "1")], " ").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["reason"], "Required");
    let res = give_back(&app, &till, sale, &[(9, "1")], "stale").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(give_back(&app, &till, sale + 100, &[(1, "1")], "stale").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(stats(&app, &till, ada).await, (1900, 1));

    let res = give_back(&app, &till, sale, &[(1, "2")], "stale").await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(res.json::<i64>().await.unwrap(), 920, "two loaves back");
    assert_eq!(stats(&app, &till, ada).await, (980, 1), "the spend is net; the order still counts");
    assert_eq!(windows(&app, ada).await, (980, 1, 980, 1));
    assert_eq!(spent_at_least(&app, &owner, "15", "30").await, 0, "no longer over 15 in 30 days");
    assert_eq!(spent_at_least(&app, &owner, "9", "45").await, 1, "a window read from the purchases agrees");
    assert_eq!(balance(&app, &till, ada).await, 1, "the two stamps the returned loaves earned are taken back");
    let ledger: Vec<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT kind, amount, reason FROM loyalty_ledger WHERE customer_id = $1 ORDER BY id")
            .bind(ada)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        ledger,
        [("earn".into(), 3, None), ("adjust".into(), -2, Some("returned: stale".into()))],
        "a new row, not an edit"
    );

    // The rest comes back too: exactly what is left, and the last stamp.
    let res = give_back(&app, &till, sale, &[(1, "1"), (2, "1")], "changed her mind").await;
    assert_eq!(res.json::<i64>().await.unwrap(), 980);
    assert_eq!(stats(&app, &till, ada).await, (0, 1));
    assert_eq!(balance(&app, &till, ada).await, 0);
    let res = give_back(&app, &till, sale, &[(2, "1")], "again").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["quantity"], "OutOfRange", "nothing left to return");
    windows_agree_with_a_rebuild(&app, &owner, ada).await;

    let record: Value =
        app.admin_via(&till, &app.url, "customer_record", &[("id", &ada.to_string())]).await.json().await.unwrap();
    let p = &record["purchases"][0];
    assert_eq!((p["refunded"].as_i64(), p["returns"].as_array().unwrap().len()), (Some(1900), 2));
    assert_eq!(p["returns"][0]["staff"], "till@shop.example");
}

#[tokio::test]
async fn a_void_counts_for_nothing_and_only_its_maker_that_day_or_a_manager_may() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let other = app.signed_in_as(Role::Staff, "other@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let ada = customer(&app).await;
    spent_at_least(&app, &manager, "1", "30").await;
    let first = buy(&app, &till, ada, &[("RYE", "1")]).await;
    let second = buy(&app, &till, ada, &[("SOURDOUGH", "2")]).await;
    assert_eq!(stats(&app, &till, ada).await, (1500, 2));

    let res = void(&app, &other, first, "entered twice").await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "not hers");
    assert!(res.text().await.unwrap().contains("Only whoever entered a purchase can void it"));
    // Why, in the language of whoever was refused.
    let chosen = app.admin_via(&other, &app.url, "set_language", &[("lang", "ru")]).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let res = void(&app, &other, first, "entered twice").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let said = res.text().await.unwrap();
    assert!(said.contains("Аннулировать покупку может только тот, кто её ввёл"), "{said}");
    let res = void(&app, &till, first, "").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["reason"], "Required");
    assert_eq!(void(&app, &till, first, "entered twice").await.status(), StatusCode::OK);
    assert_eq!(stats(&app, &till, ada).await, (1040, 1), "the voided one counts for nothing");
    assert_eq!(windows(&app, ada).await, (1040, 1, 1040, 1));
    assert_eq!(void(&app, &till, first, "again").await.status(), StatusCode::CONFLICT);
    assert_eq!(give_back(&app, &till, first, &[(1, "1")], "x").await.status(), StatusCode::CONFLICT);

    // Yesterday's sale: its maker may no longer void it; a manager may.
    sqlx::query("UPDATE purchases SET created_at = $2 WHERE id = $1")
        .bind(second)
        .bind(app::db::now_plus(-86_400))
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(void(&app, &till, second, "wrong customer").await.status(), StatusCode::CONFLICT);
    assert_eq!(void(&app, &manager, second, "wrong customer").await.status(), StatusCode::OK);
    assert_eq!(stats(&app, &till, ada).await, (0, 0));
    windows_agree_with_a_rebuild(&app, &manager, ada).await;
    let record: Value =
        app.admin_via(&till, &app.url, "customer_record", &[("id", &ada.to_string())]).await.json().await.unwrap();
    let voided_by = |id: i64| {
        let p = record["purchases"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap();
        p["voided"][1].as_str().unwrap().to_owned()
    };
    assert_eq!((voided_by(first), voided_by(second)), ("till@shop.example".into(), "manager@shop.example".into()));
}

#[tokio::test]
async fn a_shops_system_voids_and_returns_through_the_api_and_hears_of_it() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let form = [("site", "demo"), ("name", "Web shop"), ("scopes", "purchases:read,purchases:write")];
    let key: String = app.admin_via(&owner, &app.url, "create_api_key", &form).await.json().await.unwrap();
    let hook = [("site", "demo"), ("url", "https://shop.example/hooks"), ("events", "purchase.corrected")];
    assert!(app.admin_via(&owner, &app.url, "add_webhook", &hook).await.status().is_success());
    let ada = customer(&app).await;
    let sale = buy(&app, &till, ada, &[("RYE", "2")]).await;
    let api = |method: Method, path: String| {
        reqwest::Client::new().request(method, format!("{}{path}", app.url)).bearer_auth(&key)
    };

    // More than is left conflicts with what is stored (409); an unknown purchase is a 404
    // whatever the body; a line named twice counts both quantities.
    let res = api(Method::POST, format!("/api/v1/purchases/{sale}/returns"))
        .json(&json!({"lines": [{"line": 1, "quantity": 2}, {"line": 1, "quantity": 1}], "reason": "stale"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = api(Method::POST, format!("/api/v1/purchases/{}/returns", sale + 100))
        .json(&json!({"lines": [{"line": 1, "quantity": 0}], "reason": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = api(Method::POST, format!("/api/v1/purchases/{sale}/returns"))
        .json(&json!({"lines": [{"line": 1, "quantity": 1}], "reason": "stale"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    assert_eq!((body["total_minor"].as_i64(), body["refunded_minor"].as_i64()), (Some(920), Some(460)));
    let res = api(Method::POST, format!("/api/v1/purchases/{sale}/void"))
        .json(&json!({"reason": "fraud"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["void_reason"], "fraud");
    assert!(body["voided_at"].is_string());
    let res = api(Method::POST, format!("/api/v1/purchases/{sale}/void"))
        .json(&json!({"reason": "fraud"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["problem"], "Voided");
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM webhook_events WHERE type = 'purchase.corrected'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(events, 2, "the return and the void");
}

#[tokio::test]
async fn top_sellers_and_the_purchases_file_count_what_was_kept() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let ada = customer(&app).await;
    let first = buy(&app, &till, ada, &[("RYE", "3"), ("SOURDOUGH", "1")]).await;
    buy(&app, &till, ada, &[("RYE", "1")]).await;
    let wrong = buy(&app, &till, ada, &[("SOURDOUGH", "5")]).await;
    assert_eq!(give_back(&app, &till, first, &[(1, "2")], "stale").await.status(), StatusCode::OK);
    assert_eq!(void(&app, &till, wrong, "entered twice").await.status(), StatusCode::OK);

    // Today on the demo shop's clock (Amsterdam's), which reports count by.
    let dashboard: Value = app.admin_via(&manager, &app.url, "dashboard", &[]).await.json().await.unwrap();
    let today = dashboard["day"].as_str().unwrap().to_owned();
    let form = [("site", "demo"), ("from", today.as_str()), ("to", today.as_str())];
    let r: Value = app.admin_via(&manager, &app.url, "customer_reports", &form).await.json().await.unwrap();
    let rows = |list: &str| -> Vec<(String, i64, i64)> {
        r[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (s["sku"].as_str().unwrap().to_owned(), s["quantity"].as_i64().unwrap(), s["revenue"].as_i64().unwrap())
            })
            .collect()
    };
    // Rye: 3 − 2 returned + 1 = 2 loaves, 9.20; sourdough: 1 (the voided 5 count for nothing).
    assert_eq!(rows("by_quantity"), [("RYE".to_owned(), 2, 920), ("SOURDOUGH".to_owned(), 1, 520)]);
    assert_eq!(rows("by_revenue"), [("RYE".to_owned(), 2, 920), ("SOURDOUGH".to_owned(), 1, 520)]);

    let url = format!("{}/admin/purchases.csv?site=demo&from={today}&to={today}", app.url);
    assert_eq!(till.get(&url).send().await.unwrap().status(), StatusCode::FORBIDDEN, "managers only");
    let res = manager.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("purchases-demo-"));
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 4, "a header and one line per purchase line:\n{csv}");
    assert!(lines[1].contains("\"RYE\",\"Rye bread\",\"3\",\"2\",\"13.80\""), "{}", lines[1]);
    let cells = |line: &str| line.trim_matches('"').split("\",\"").map(str::to_owned).collect::<Vec<_>>();
    let voided = cells(lines[4]);
    assert_eq!((voided[11].as_str(), voided[13].as_str()), ("SOURDOUGH", "5"));
    // Marked with when (a moment in UTC, for other programs: near the site's midnight its
    // date is not the site's today).
    assert!(voided[9].parse::<jiff::Timestamp>().is_ok(), "the voided purchase is in the file, marked: {voided:?}");
    assert!(cells(lines[1])[9].is_empty());
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'exported' AND detail LIKE 'purchases %'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
    let bad = manager.get(format!("{}/admin/purchases.csv?site=demo&from=x&to={today}", app.url)).send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(lines[0].starts_with(r#""purchase","order id","date""#), "{}", lines[0]);

    // The header, and a refusal, in the language of whoever downloads it.
    let chosen = manager.post(format!("{}/api/admin/set_language", app.url)).header("origin", &app.url);
    assert_eq!(chosen.form(&[("lang", "fi")]).send().await.unwrap().status(), StatusCode::OK);
    let csv = manager.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(csv.starts_with(r#""osto","tilausnumero","päivämäärä""#), "{csv}");
    let bad = manager.get(format!("{}/admin/purchases.csv?site=demo&from=x&to={today}", app.url)).send().await.unwrap();
    assert_eq!(bad.text().await.unwrap(), "Ajanjakso ei kelpaa: alku ja loppu ovat päivämääriä, alku ensin.");
}

#[tokio::test]
async fn today_lists_the_days_sales_net_of_returns_without_the_voided_and_zero_in_the_sites_currency() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let today = || async {
        let res = app.admin_via(&till, &app.url, "dashboard", &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<Value>().await.unwrap()
    };
    let before = today().await;
    assert_eq!(before["sales"], json!([]));
    assert_eq!(before["takings"], json!([["EUR", 0]]), "zero, in the currency the site sells in");

    let ada = customer(&app).await;
    let first = buy(&app, &till, ada, &[("RYE", "2")]).await;
    let second = buy(&app, &till, ada, &[("SOURDOUGH", "1")]).await;
    let third = buy(&app, &till, ada, &[("RYE", "1")]).await;
    let line: i64 = sqlx::query_scalar("SELECT line FROM purchase_items WHERE purchase_id = $1 LIMIT 1")
        .bind(first)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(give_back(&app, &till, first, &[(line, "1")], "stale").await.status(), StatusCode::OK);
    assert_eq!(void(&app, &till, third, "typed twice").await.status(), StatusCode::OK);

    let after = today().await;
    let sales = after["sales"].as_array().unwrap();
    let ids: Vec<i64> = sales.iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [second, first], "newest first, the voided one left out");
    let rye: i64 = sqlx::query_scalar("SELECT price_minor FROM catalogue_items WHERE sku = 'RYE'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(sales[1]["net"], rye, "two loaves paid, one given back");
    assert_eq!((sales[1]["customer"].as_str(), sales[1]["payment_method"].as_str()), (Some("Ada"), Some("cash")));
}
