//! Loyalty against the real server: earning rules (listed items, minimum total, points,
//! expiry), the balance after mixed earning, redeeming and adjusting, a double redemption
//! from two tills at once leaving one, rule changes not rewriting history, the birthday gift
//! once a year, and the ledger refusing to be rewritten.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).execute(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Creates (`id` "") or changes a programme of the demo site; its id.
async fn programme(app: &TestApp, owner: &reqwest::Client, id: &str, fields: &[(&str, &str)]) -> i64 {
    let mut form = vec![("site", "demo"), ("id", id), ("form[active]", "on")];
    form.extend_from_slice(fields);
    let res = app.admin_via(owner, &app.url, "save_loyalty_programme", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn customer(app: &TestApp, birthday: Option<&str>) -> i64 {
    sqlx::query_scalar("INSERT INTO customers (site_id, first_name, birthday) VALUES (1, $1, $2) RETURNING id")
        .bind(app.pool.pii().seal("Ada"))
        .bind(birthday)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Enters a purchase at the till: (sku, quantity) lines at catalogue prices.
async fn buy(app: &TestApp, till: &reqwest::Client, customer: i64, lines: &[(&str, &str)]) {
    let customer = customer.to_string();
    let mut form = vec![("form[customer]".to_owned(), customer), ("form[payment_method]".into(), "cash".into())];
    for (i, (sku, quantity)) in lines.iter().enumerate() {
        form.push((format!("form[lines][{i}][sku]"), sku.to_string()));
        form.push((format!("form[lines][{i}][quantity]"), quantity.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.admin_via(till, &app.url, "add_purchase", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

async fn cards(app: &TestApp, till: &reqwest::Client, customer: i64) -> Vec<Value> {
    let res = app.admin_via(till, &app.url, "loyalty_cards", &[("customer", &customer.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap().as_array().unwrap().clone()
}

async fn balance(app: &TestApp, till: &reqwest::Client, customer: i64) -> i64 {
    cards(app, till, customer).await[0]["balance"].as_i64().unwrap()
}

#[tokio::test]
async fn listed_items_earn_a_stamp_each_and_the_tenth_is_redeemed_once_even_from_two_tills_at_once() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let other_till = app.signed_in_as(Role::Staff, "till2@shop.example").await;
    let card = [
        ("form[name]", "Bun card"),
        ("form[kind]", "stamps"),
        ("form[skus]", "CINNAMON-BUN"),
        ("form[rewards]", "10 Free bun"),
    ];
    programme(&app, &owner, "", &card).await;
    let ada = customer(&app, None).await;

    buy(&app, &till, ada, &[("CINNAMON-BUN", "3"), ("RYE", "1")]).await;
    buy(&app, &till, ada, &[("RYE", "2")]).await;
    let card = &cards(&app, &till, ada).await[0];
    assert_eq!(card["balance"], 3, "three buns, and rye earns nothing: {card}");
    assert_eq!(card["rewards"], serde_json::json!([]));
    let earned = &card["movements"][0];
    assert_eq!((earned["kind"].as_str(), earned["amount"].as_i64()), (Some("earn"), Some(3)));
    assert!(earned["purchase_id"].as_i64().is_some(), "each entry names the purchase that earned it");

    buy(&app, &till, ada, &[("CINNAMON-BUN", "7")]).await;
    let card = &cards(&app, &till, ada).await[0];
    assert_eq!(card["balance"], 10);
    let reward = card["rewards"][0]["id"].as_i64().unwrap().to_string();

    // Two tills press Redeem at the same moment: one redemption, one refusal.
    let form = [("customer", ada.to_string()), ("reward", reward)];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = tokio::join!(
        app.admin_via(&till, &app.url, "redeem_reward", &form),
        app.admin_via(&other_till, &app.url, "redeem_reward", &form)
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    assert_eq!(balance(&app, &till, ada).await, 0);
    let redeemed: i64 = sqlx::query_scalar("SELECT count(*) FROM loyalty_ledger WHERE kind = 'redeem'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(redeemed, 1);
}

#[tokio::test]
async fn points_need_the_minimum_total_and_expired_ones_cannot_be_spent() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let points = [
        ("form[name]", "Points"),
        ("form[kind]", "points"),
        ("form[points_per_unit]", "2"),
        ("form[min_total]", "10"),
        ("form[expiry_days]", "365"),
        ("form[rewards]", "20 5 EUR off"),
    ];
    let id = programme(&app, &owner, "", &points).await;
    let ada = customer(&app, None).await;
    buy(&app, &till, ada, &[("SOURDOUGH", "1")]).await; // 5.20: under the minimum
    assert_eq!(balance(&app, &till, ada).await, 0);
    buy(&app, &till, ada, &[("RYE", "3")]).await; // 13.80: 13 whole euros, 26 points
    let card = &cards(&app, &till, ada).await[0];
    assert_eq!(card["balance"], 26);
    assert!(card["movements"][0]["expires_at"].as_str().unwrap() > "2026");

    // Thirty points earned two years ago expired a year ago, unspent.
    exec(
        &app,
        &format!(
            "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, expires_at, created_at)
             VALUES ({id}, {ada}, 'earn', 30, {year_ago}, {two_years_ago})",
            year_ago = common::at("-1 years"),
            two_years_ago = common::at("-2 years")
        ),
    )
    .await;
    assert_eq!(balance(&app, &till, ada).await, 26);
    // Taking away more than the card holds is refused; the reason is required.
    let adjust = |amount: &'static str, reason: &'static str| {
        let (app, till) = (&app, &till);
        async move {
            let (customer, programme) = (ada.to_string(), id.to_string());
            let form =
                [("customer", customer.as_str()), ("programme", &programme), ("amount", amount), ("reason", reason)];
            app.admin_via(till, &app.url, "adjust_loyalty", &form).await
        }
    };
    assert_eq!(adjust("-30", "Wrong card").await.status(), StatusCode::CONFLICT);
    let res = adjust("4", " ").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&res.json().await.unwrap())["adjust_reason"], "Required");
    assert_eq!(adjust("-6", "Returned a loaf").await.status(), StatusCode::OK);
    assert_eq!(adjust("4", "Card lost, points restored").await.status(), StatusCode::OK);
    let card = &cards(&app, &till, ada).await[0];
    assert_eq!(card["balance"], 24, "26 - 6 + 4, the expired 30 not counted");
    assert_eq!(card["movements"][0]["reason"], "Card lost, points restored");
    assert_eq!(card["movements"][0]["staff"], "till@shop.example");
    assert_eq!(card["rewards"][0]["name"], "5 EUR off");
}

#[tokio::test]
async fn changing_the_rules_changes_what_is_earned_next_and_never_what_was_earned() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let mut rules = vec![
        ("form[name]", "Points"),
        ("form[kind]", "points"),
        ("form[points_per_unit]", "1"),
        ("form[rewards]", "50 Free loaf"),
    ];
    let id = programme(&app, &owner, "", &rules).await;
    let ada = customer(&app, None).await;
    buy(&app, &till, ada, &[("PANETTONE", "1")]).await; // 24.50: 24 points
    rules[2] = ("form[points_per_unit]", "3");
    rules[3] = ("form[rewards]", "60 Free loaf\n100 Free panettone");
    programme(&app, &owner, &id.to_string(), &rules).await;
    buy(&app, &till, ada, &[("PANETTONE", "1")]).await; // 72 points now
    let card = &cards(&app, &till, ada).await[0];
    let earned: Vec<i64> =
        card["movements"].as_array().unwrap().iter().map(|m| m["amount"].as_i64().unwrap()).collect();
    assert_eq!(earned, vec![72, 24]);
    assert_eq!(card["balance"], 96);
    assert_eq!(card["rewards"].as_array().unwrap().len(), 1, "only the 60-point reward is within reach: {card}");

    // The ledger itself refuses to be rewritten.
    let rewrite = sqlx::query("UPDATE loyalty_ledger SET amount = 1000").execute(&app.pool).await;
    assert!(rewrite.unwrap_err().to_string().contains("append-only"));
    let programmes: Value =
        app.admin_via(&owner, &app.url, "loyalty_programmes", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(programmes[0]["members"], 1);
    assert_eq!(programmes[0]["rewards"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_birthday_gift_is_given_once_a_year_in_the_birthday_month_only() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let card = [
        ("form[name]", "Bun card"),
        ("form[kind]", "stamps"),
        ("form[birthday_reward]", "A free cake"),
        ("form[rewards]", "10 Free bun"),
    ];
    let id = programme(&app, &owner, "", &card).await.to_string();
    let month = app::db::now()[5..7].to_owned();
    let other = if month == "01" { "02" } else { "01" };
    let born_now = customer(&app, Some(&format!("1990-{month}-15"))).await;
    let born_later = customer(&app, Some(&format!("1990-{other}-15"))).await;
    assert_eq!(cards(&app, &till, born_now).await[0]["birthday_gift"], "A free cake");
    assert_eq!(cards(&app, &till, born_later).await[0]["birthday_gift"], Value::Null);
    // A birthday a mailing tool kept without its year counts all the same.
    let yearless = customer(&app, Some(&format!("--{month}-15"))).await;
    assert_eq!(cards(&app, &till, yearless).await[0]["birthday_gift"], "A free cake");
    let give = |customer: i64| {
        let (app, till, id) = (&app, &till, id.clone());
        async move {
            let customer = customer.to_string();
            app.admin_via(till, &app.url, "give_birthday_gift", &[("customer", &customer), ("programme", &id)]).await
        }
    };
    assert_eq!(give(born_now).await.status(), StatusCode::OK);
    assert_eq!(give(born_now).await.status(), StatusCode::CONFLICT);
    assert_eq!(give(born_later).await.status(), StatusCode::CONFLICT);
    assert_eq!(cards(&app, &till, born_now).await[0]["birthday_gift"], Value::Null);
    // A manager's bad rules are refused field by field, and only owners set them.
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let mut as_manager = vec![("site", "demo")];
    as_manager.extend_from_slice(&card);
    let res = app.admin_via(&manager, &app.url, "save_loyalty_programme", &as_manager).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let bad = [("site", "demo"), ("form[name]", ""), ("form[kind]", "points"), ("form[rewards]", "free bun")];
    let res = app.admin_via(&owner, &app.url, "save_loyalty_programme", &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(
        (errors["programme_name"].as_str(), errors["points_per_unit"].as_str(), errors["rewards"].as_str()),
        ("Required", "Required", "NotANumber")
    );
}

#[tokio::test]
async fn a_card_number_finds_the_customer_at_the_till_however_it_is_typed_and_prints_with_its_qr_code() {
    let app = spawn_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let ada = customer(&app, None).await;
    let id = ada.to_string();
    let none: Value =
        app.admin_via(&till, &app.url, "loyalty_member", &[("customer", &id)]).await.json().await.unwrap();
    assert_eq!(none, Value::Null);
    let res = app.admin_via(&till, &app.url, "issue_loyalty_card", &[("customer", &id)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let card: Value = res.json().await.unwrap();
    let number = card["code"].as_str().unwrap().to_owned();
    assert_eq!(number.len(), 9, "XXXX-XXXX: {number}");
    // Giving a card again gives the same one.
    let again: Value =
        app.admin_via(&till, &app.url, "issue_loyalty_card", &[("customer", &id)]).await.json().await.unwrap();
    assert_eq!(again["code"], number.as_str());

    let typed = number.to_lowercase().replace('-', " ");
    let found: Value = app.admin_via(&till, &app.url, "lookup", &[("query", &typed)]).await.json().await.unwrap();
    assert_eq!(found["found"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["found"][0]["id"], ada);

    let printed: Value =
        app.admin_via(&till, &app.url, "printable_card", &[("customer", &id)]).await.json().await.unwrap();
    assert_eq!(printed["code"], number.as_str());
    assert_eq!(printed["name"], "Ada");
    assert!(printed["svg"].as_str().unwrap().contains("<svg"));
    let res = app.admin_via(&till, &app.url, "issue_loyalty_card", &[("customer", "999999")]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_order_pushed_through_the_api_earns_like_the_till_and_pushed_twice_earns_once() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let rules = [
        ("form[name]", "Points"),
        ("form[kind]", "points"),
        ("form[points_per_unit]", "10"),
        ("form[rewards]", "500 5 EUR off"),
    ];
    programme(&app, &owner, "", &rules).await;
    let res = app
        .admin_via(
            &owner,
            &app.url,
            "create_api_key",
            &[("site", "demo"), ("name", "Web shop"), ("scopes", "purchases:write")],
        )
        .await;
    let key: String = res.json().await.unwrap();
    let order = serde_json::json!({
        "email": "bo@example.com", "external_id": "WEB-7", "payment_method": "card",
        "lines": [{ "description": "Gift box", "unit_price_minor": 1250 }]
    });
    for _ in 0..2 {
        let res = reqwest::Client::new()
            .post(format!("{}/api/v1/purchases", app.url))
            .bearer_auth(&key)
            .json(&order)
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    }
    let customer: i64 = sqlx::query_scalar("SELECT customer_id FROM purchases").fetch_one(&app.pool).await.unwrap();
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let card = &cards(&app, &till, customer).await[0];
    assert_eq!(card["balance"], 120, "12.50 spent: 12 whole euros at 10 points, once: {card}");
}

#[tokio::test]
async fn the_report_counts_members_active_members_issued_and_redeemed_and_the_members_revenue() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let card = [
        ("form[name]", "Bun card"),
        ("form[kind]", "stamps"),
        ("form[skus]", "CINNAMON-BUN"),
        ("form[rewards]", "10 Free bun"),
    ];
    programme(&app, &owner, "", &card).await;
    // Ada earns ten stamps and takes the reward; Bo is given a card and buys nothing; Cy buys
    // only rye, which earns nothing, so Cy is no member.
    let (ada, bo, cy) = (customer(&app, None).await, customer(&app, None).await, customer(&app, None).await);
    buy(&app, &till, ada, &[("CINNAMON-BUN", "10")]).await;
    let reward = cards(&app, &till, ada).await[0]["rewards"][0]["id"].as_i64().unwrap().to_string();
    let res =
        app.admin_via(&till, &app.url, "redeem_reward", &[("customer", &ada.to_string()), ("reward", &reward)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.admin_via(&till, &app.url, "issue_loyalty_card", &[("customer", &bo.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    buy(&app, &till, cy, &[("RYE", "1")]).await;

    let res = app.admin_via(&till, &app.url, "loyalty_report", &[("site", "demo")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "reports are for managers and owners");
    let res = app.admin_via(&manager, &app.url, "loyalty_report", &[("site", "demo"), ("days", "30")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let r: Value = res.json().await.unwrap();
    assert_eq!((r["members"].as_i64(), r["active"].as_i64()), (Some(2), Some(1)), "{r}");
    assert_eq!((r["joined"].as_i64(), r["joined_themselves"].as_i64()), (Some(1), Some(0)));
    // 10 × 3.10 by Ada of 31.00 + 4.60 in all.
    assert_eq!((r["member_revenue"].as_i64(), r["revenue"].as_i64()), (Some(3100), Some(3560)));
    let bun = &r["programmes"][0];
    let weeks = bun["weeks"].as_array().unwrap();
    assert!(weeks.len() >= 5, "every week of the 30 days is listed: {}", weeks.len());
    let sum = |key: &str| weeks.iter().map(|w| w[key].as_i64().unwrap()).sum::<i64>();
    assert_eq!((sum("issued"), sum("redeemed"), bun["rewards"].as_i64().unwrap()), (10, 10, 1));
    assert_eq!(weeks.last().unwrap()["issued"], 10, "this week's: {bun}");

    // A period before any of it: no one was a member yet, and nothing moved.
    let past = [("site", "demo"), ("from", "2020-01-01"), ("to", "2020-01-31")];
    let r: Value = app.admin_via(&manager, &app.url, "loyalty_report", &past).await.json().await.unwrap();
    assert_eq!((r["members"].as_i64(), r["active"].as_i64(), r["revenue"].as_i64()), (Some(0), Some(0), Some(0)));
}
