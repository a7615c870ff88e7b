//! Each site keeps a clock: the admin writes moments in its time zone and counts "today"
//! from midnight there, not in UTC.

use crate::common::{TestApp, field_errors, spawn_app};
use app::domain::Role;
use reqwest::StatusCode;
use serde_json::Value;

/// Kiritimati keeps UTC+14 all year: its midnight is 10:00 UTC the day before, so a sale
/// just after it and one just before it always fall on the same UTC day, and counting in
/// UTC gets one of the two wrong at any hour.
const ZONE: &str = "Pacific/Kiritimati";
const OFFSET: i64 = 14 * 3600;

fn general(zone: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[site]", "demo".into()),
        ("form[name]", "Demo Bakery".into()),
        ("form[privacy_policy_url]", "/demo/privacy".into()),
        ("form[default_language]", "en".into()),
        ("form[languages][]", "en".into()),
        ("form[time_zone]", zone.into()),
    ]
}

async fn save(app: &TestApp, owner: &reqwest::Client, zone: &str) -> reqwest::Response {
    let form = general(zone);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.admin_via(owner, &app.url, "save_site", &form).await
}

/// A sale at the till, then moved to `at` (a stored moment).
async fn sale_at(app: &TestApp, till: &reqwest::Client, customer: i64, at: &str) -> i64 {
    let form = [
        ("form[customer]", customer.to_string()),
        ("form[payment_method]", "cash".into()),
        ("form[lines][0][sku]", "RYE".into()),
        ("form[lines][0][quantity]", "1".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.admin_via(till, &app.url, "add_purchase", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let id: i64 = sqlx::query_scalar("SELECT max(id) FROM purchases").fetch_one(&app.pool).await.unwrap();
    sqlx::query("UPDATE purchases SET created_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

/// A shop on Kiritimati's clock with a cashier's two sales: a second before midnight there
/// and a minute after. The app, the cashier, now (UTC seconds) and the two sales' ids.
async fn either_side_of_midnight() -> (TestApp, reqwest::Client, i64, i64, i64) {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    assert_eq!(save(&app, &owner, ZONE).await.status(), StatusCode::OK);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let midnight = (now + OFFSET).div_euclid(86_400) * 86_400 - OFFSET;
    let customer: i64 =
        sqlx::query_scalar("INSERT INTO customers (site_id, first_name) VALUES (1, 'Ada') RETURNING id")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.seal().await;
    let yesterday = sale_at(&app, &till, customer, &app::domain::iso_timestamp(midnight - 1)).await;
    let today = sale_at(&app, &till, customer, &app::domain::iso_timestamp(midnight + 60)).await;
    (app, till, now, yesterday, today)
}

#[tokio::test]
async fn todays_sales_are_counted_from_midnight_on_the_sites_clock_and_written_on_it() {
    let (app, till, now, yesterday, today) = either_side_of_midnight().await;

    let res = app.admin_via(&till, &app.url, "dashboard", &[]).await;
    let figures: Value = res.json().await.unwrap();
    let ids: Vec<i64> = figures["sales"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [today], "the sale a second before midnight there was yesterday's (not {yesterday})");
    assert_eq!(figures["purchases"], 1);
    let day = app::domain::iso_timestamp(now + OFFSET);
    assert_eq!(figures["day"], day[..10], "today is the day it is there");

    // The page itself, rendered on the server, writes the sale at one minute past midnight
    // and hands the browser the zone's offsets to write the same when it hydrates.
    let html = till.get(format!("{}/admin", app.url)).send().await.unwrap().text().await.unwrap();
    let row = html.find(&format!("data-sale=\"{today}\"")).expect("today's sale in the page");
    assert!(html[row..].split("</tr>").next().unwrap().contains(">00:01<"), "{}", &html[row..row + 300]);
    let meta = html.find("name=\"patron-dates\"").expect("the page's date style");
    assert!(html[meta - 4000.min(meta)..meta + 4000].contains(",50400]]"), "Kiritimati's +14 hours are in the page");
}

#[tokio::test]
async fn a_site_keeps_its_countrys_zone_until_another_is_chosen_and_an_unknown_zone_is_refused() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let settings = || async {
        let res = app.admin_via(&owner, &app.url, "site_settings", &[("site", "demo")]).await;
        res.json::<Value>().await.unwrap()
    };
    let before = settings().await;
    assert_eq!(before["time_zone"], "");
    assert_eq!(before["time_zones"]["unchosen"], "Europe/Amsterdam", "the demo bakery is in the Netherlands");
    assert!(before["time_zones"]["others"].as_array().unwrap().iter().any(|z| z == "Africa/Johannesburg"));

    let bad = save(&app, &owner, "Europe/Atlantis").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&bad.json().await.unwrap())["time_zone"], "UnknownOption");
    let stored: String =
        sqlx::query_scalar("SELECT time_zone FROM sites WHERE site_key = 'demo'").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, "", "nothing saved");

    assert_eq!(save(&app, &owner, "Europe/Helsinki").await.status(), StatusCode::OK);
    assert_eq!(settings().await["time_zone"], "Europe/Helsinki");
    // A cashier cannot move the clock.
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let form = general("Asia/Tokyo");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.admin_via(&till, &app.url, "save_site", &form).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cashier_voids_their_own_sale_of_today_on_the_sites_clock_and_not_yesterdays() {
    let (app, till, _, yesterday, today) = either_side_of_midnight().await;
    let void = |id: i64| {
        let form = [("id", id.to_string()), ("reason", "typed twice".to_owned())];
        let (app, till) = (&app, &till);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.admin_via(till, &app.url, "void_purchase", &form).await.status()
        }
    };
    assert_eq!(void(yesterday).await, StatusCode::CONFLICT, "a second before midnight there was yesterday");
    assert_eq!(void(today).await, StatusCode::OK, "a minute after midnight there is today");
}

#[tokio::test]
async fn a_report_counts_its_days_and_weeks_on_the_sites_clock() {
    let (app, _, now, yesterday, today) = either_side_of_midnight().await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let day = app::domain::iso_timestamp(now + OFFSET)[..10].to_owned();

    // Today's purchases: only the sale a minute after midnight there.
    let url = format!("{}/admin/purchases.csv?site=demo&from={day}&to={day}", app.url);
    let csv = manager.get(&url).send().await.unwrap().text().await.unwrap();
    assert_eq!(csv.lines().count(), 2, "a header and today's one line:\n{csv}");
    let form = [("site", "demo"), ("from", day.as_str()), ("to", day.as_str())];
    let report: Value = app.admin_via(&manager, &app.url, "customer_reports", &form).await.json().await.unwrap();
    assert_eq!(report["by_quantity"][0]["quantity"], 1, "sale {today} and not {yesterday}: {report}");

    // Two customers either side of Monday 30 November's midnight there (both on Sunday the
    // 29th in UTC): the week of the 30th holds one, and a period from the 30th only that one.
    for at in ["2026-11-29T09:59:59.000Z", "2026-11-29T10:00:30.000Z"] {
        sqlx::query("INSERT INTO customers (site_id, first_name, created_at) VALUES (1, 'Week', $1)")
            .bind(at)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    app.seal().await;
    let week = |from: &'static str| {
        let (app, manager) = (&app, &manager);
        async move {
            let form = [("site", "demo"), ("from", from), ("to", "2026-12-01")];
            let report: Value = app.admin_via(manager, &app.url, "customer_reports", &form).await.json().await.unwrap();
            report["new_customers"].clone()
        }
    };
    assert_eq!(week("2026-11-30").await, serde_json::json!([{ "label": "2026-11-30", "count": 1 }]));
    assert_eq!(
        week("2026-11-29").await,
        serde_json::json!([{ "label": "2026-11-23", "count": 1 }, { "label": "2026-11-30", "count": 1 }])
    );
}
