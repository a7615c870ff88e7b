//! The customer reports against a fixture with known answers: three weeks of October 2026
//! (Monday the 5th to Sunday the 25th), with rows just outside the period and rows of
//! another site that must not count. Every expected figure is worked out by hand below.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn fixture(app: &TestApp) {
    // The edges below are UTC midnights: the shop keeps UTC's clock here (`site_clock`
    // tests a report on another).
    let sql = r#"
        UPDATE sites SET time_zone = 'UTC' WHERE id = 1;
        INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other shop', '/p');
        INSERT INTO customers (id, site_id, first_name, gender, created_at) VALUES
          (1, 1, 'Anna', 'female', '2026-10-06T09:00:00.000Z'),
          (2, 1, 'Ben',  'male',   '2026-10-06T10:00:00.000Z'),
          (3, 1, 'Cleo', 'female', '2026-10-25T23:59:59.999Z'),
          (4, 1, 'Dan',  'male',   '2026-09-01T10:00:00.000Z'),
          (5, 2, 'Eve',  'female', '2026-10-06T10:00:00.000Z');
        -- Week of the 5th: 10, 9, 7, 3; of the 12th: 0, 6; of the 19th: 8. Outside: the
        -- 4th (a Sunday) and the 26th; the other site's 0.
        INSERT INTO nps_responses (site_id, customer_id, score, language, page_url, created_at) VALUES
          (1, 1, 10, 'en', '/', '2026-10-05T00:00:00.000Z'),
          (1, 2, 9,  'en', '/', '2026-10-07T12:00:00.000Z'),
          (1, NULL, 7, 'en', '/', '2026-10-08T12:00:00.000Z'),
          (1, NULL, 3, 'en', '/', '2026-10-11T23:59:59.000Z'),
          (1, NULL, 0, 'en', '/', '2026-10-12T08:00:00.000Z'),
          (1, NULL, 6, 'en', '/', '2026-10-18T08:00:00.000Z'),
          (1, NULL, 8, 'en', '/', '2026-10-25T23:00:00.000Z'),
          (1, NULL, 10, 'en', '/', '2026-10-04T23:59:59.000Z'),
          (1, NULL, 0, 'en', '/', '2026-10-26T00:00:00.000Z'),
          (2, 5, 0, 'en', '/', '2026-10-10T08:00:00.000Z');
        INSERT INTO reason_rankings (id, site_id, language, page_url, created_at) VALUES
          (1, 1, 'en', '/', '2026-10-06T10:00:00.000Z'),
          (2, 1, 'en', '/', '2026-10-13T10:00:00.000Z'),
          (3, 1, 'en', '/', '2026-10-20T10:00:00.000Z'),
          (4, 1, 'en', '/', '2026-09-30T10:00:00.000Z');
        INSERT INTO reason_ranking_items (ranking_id, option_id, rank)
          SELECT r.id, o.id, CASE
            WHEN r.id = 1 THEN CASE o.code WHEN 'best_quality' THEN 1 WHEN 'convenience' THEN 2 WHEN 'low_price' THEN 3 ELSE 4 END
            WHEN r.id = 2 THEN CASE o.code WHEN 'best_quality' THEN 1 WHEN 'low_price' THEN 2 WHEN 'convenience' THEN 3 ELSE 4 END
            WHEN r.id = 3 THEN CASE o.code WHEN 'convenience' THEN 1 WHEN 'best_quality' THEN 2 WHEN 'best_choice' THEN 3 ELSE 4 END
            ELSE CASE o.code WHEN 'low_price' THEN 1 WHEN 'convenience' THEN 2 WHEN 'best_quality' THEN 3 ELSE 4 END END
          FROM reason_rankings r, question_options o WHERE o.site_id = 1 AND o.question = 'reasons';
        INSERT INTO heard_responses (site_id, option_id, other_text, language, page_url, created_at)
          SELECT 1, id, NULL, 'en', '/', '2026-10-07T10:00:00.000Z' FROM question_options WHERE code IN ('friend', 'search_engine')
          UNION ALL SELECT 1, id, NULL, 'en', '/', '2026-10-15T10:00:00.000Z' FROM question_options WHERE code = 'friend'
          UNION ALL SELECT 1, NULL, 'A poster', 'en', '/', '2026-10-16T10:00:00.000Z'
          UNION ALL SELECT 1, id, NULL, 'en', '/', '2026-11-01T10:00:00.000Z' FROM question_options WHERE code = 'newspaper';
        INSERT INTO favourites (customer_id, item_id, created_at)
          SELECT 1, id, '2026-10-07T10:00:00.000Z' FROM catalogue_items WHERE sku IN ('SOURDOUGH', 'RYE')
          UNION ALL SELECT 2, id, '2026-10-21T10:00:00.000Z' FROM catalogue_items WHERE sku = 'SOURDOUGH'
          UNION ALL SELECT 2, id, '2026-09-01T10:00:00.000Z' FROM catalogue_items WHERE sku = 'CINNAMON-BUN';
        INSERT INTO reservations (site_id, customer_id, item_id, quantity, page_url, created_at)
          SELECT 1, 1, id, 2, '/', '2026-10-09T10:00:00.000Z' FROM catalogue_items WHERE sku = 'PANETTONE'
          UNION ALL SELECT 1, 2, id, 1, '/', '2026-10-19T10:00:00.000Z' FROM catalogue_items WHERE sku = 'PANETTONE'
          UNION ALL SELECT 1, 2, id, 1, '/', '2026-10-19T11:00:00.000Z' FROM catalogue_items WHERE sku = 'RYE';
        INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method, created_at) VALUES
          (1, 1, 'EUR', 1000, 1000, 'card', '2026-10-07T10:00:00.000Z'),
          (1, 2, 'EUR', 2000, 2000, 'card', '2026-10-08T10:00:00.000Z'),
          (1, 1, 'EUR', 500, 500, 'card', '2026-09-01T10:00:00.000Z'),
          (2, 5, 'EUR', 9900, 9900, 'card', '2026-10-08T10:00:00.000Z');
    "#;
    app.fixture(sql).await;
    app.seal().await;
}

async fn october(app: &TestApp, client: &reqwest::Client) -> Value {
    let form = [("site", "demo"), ("from", "2026-10-05"), ("to", "2026-10-25")];
    let res = app.admin_via(client, &app.url, "customer_reports", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn nps_per_week_and_for_the_period() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let r = october(&app, &client).await;
    assert_eq!(
        r["nps_weeks"],
        json!([
            {"week": "2026-10-05", "promoters": 2, "passives": 1, "detractors": 1},
            {"week": "2026-10-12", "promoters": 0, "passives": 0, "detractors": 2},
            {"week": "2026-10-19", "promoters": 0, "passives": 1, "detractors": 0},
        ])
    );
    // 2 promoters, 2 passives, 3 detractors: (2 − 3) / 7 = −14.3 %.
    assert_eq!(r["nps_total"], json!({"week": "", "promoters": 2, "passives": 2, "detractors": 3}));
    let total: app::admin::reports::NpsWeek = serde_json::from_value(r["nps_total"].clone()).unwrap();
    assert_eq!(total.score(), Some(-14));
}

#[tokio::test]
async fn reasons_by_average_rank_and_share_ranked_first() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let r = october(&app, &client).await;
    assert_eq!(r["rankings"], 3);
    // convenience 2, 3, 1; low price 3, 2, 4; best quality 1, 1, 2; best choice 4, 4, 3.
    assert_eq!(
        r["reasons"],
        json!([
            {"code": "convenience", "rankings": 3, "avg_rank_x100": 200, "first_share": 33},
            {"code": "low_price", "rankings": 3, "avg_rank_x100": 300, "first_share": 0},
            {"code": "best_quality", "rankings": 3, "avg_rank_x100": 133, "first_share": 67},
            {"code": "best_choice", "rankings": 3, "avg_rank_x100": 367, "first_share": 0},
        ])
    );
}

#[tokio::test]
async fn heard_items_and_new_customers() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let r = october(&app, &client).await;
    assert_eq!(
        r["heard"],
        json!([{"label": "friend", "count": 2}, {"label": "other", "count": 1}, {"label": "search_engine", "count": 1}])
    );
    assert_eq!(
        r["favourited"],
        json!([{"sku": "SOURDOUGH", "name": "Sourdough loaf", "count": 2}, {"sku": "RYE", "name": "Rye bread", "count": 1}])
    );
    assert_eq!(
        r["reserved"],
        json!([
            {"sku": "PANETTONE", "name": "Christmas panettone", "count": 3},
            {"sku": "RYE", "name": "Rye bread", "count": 1},
        ])
    );
    // Cleo joined in the period's last millisecond; Dan in September; Eve on another site.
    assert_eq!(
        r["new_customers"],
        json!([
            {"label": "2026-10-05", "count": 2},
            {"label": "2026-10-12", "count": 0},
            {"label": "2026-10-19", "count": 1},
        ])
    );
}

#[tokio::test]
async fn spend_per_saved_segment() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let women = json!({"all": true, "groups": [{"all": true, "rules": [
        {"what": "gender", "op": "is", "value": "female", "second": ""}]}]});
    let save = [("site", "demo"), ("name", "Women"), ("filter", &women.to_string())];
    assert_eq!(app.admin_via(&client, &app.url, "save_segment", &save).await.status(), StatusCode::OK);
    let r = october(&app, &client).await;
    // Anna 10.00 in October (her 5.00 was in September), Ben 20.00; the other site's 99.00 not.
    assert_eq!(
        r["spend"],
        json!([
            {"name": "All customers", "customers": 4, "spent": 3000, "broken": false},
            {"name": "Women", "customers": 2, "spent": 1000, "broken": false},
        ])
    );
}

#[tokio::test]
async fn a_period_in_the_future_is_refused_on_its_field() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let form = [("site", "demo"), ("from", "2026-10-05"), ("to", "2999-01-01")];
    let res = app.admin_via(&client, &app.url, "customer_reports", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(common::field_errors(&res.json().await.unwrap())["period"], "OutOfRange");
}
