//! Segments against a fixture with known answers: eight customers of the demo site and
//! one of another site, with purchases, consents, answers, tags and visits placed at known
//! distances from now. Every expected set below is worked out by hand from `fixture`.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Inserts the fixture; every time is "N days before now".
async fn fixture(app: &TestApp) {
    let sql = format!(
        r#"
        INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other shop', '/p');
        INSERT INTO customers (id, site_id, first_name, last_name, email, gender, city, postcode, street, created_at) VALUES
          (1, 1, 'Anna',   'Adler',  'anna@example.com',  'female', 'Bern',   '3011',    'Marktgasse 1', {d0}),
          (2, 1, 'Berta',  'Bauer',  'berta@example.com', 'female', 'Zürich', '8001',    'Seestrasse 2', {d0}),
          (3, 1, 'Carl',   'Cohen',  'carl@example.com',  'male',   'Basel',  '8100',    'Rheinweg 3',   {d0}),
          (4, 1, 'Dora',   'Dietz',  'dora@example.com',  'female', 'bern',   '3012',    '',             {d0}),
          (5, 1, 'Eva',    'Engel',  'eva@example.com',   'female', 'Genf',   '1201',    'Quai 5',       {d0}),
          (6, 1, '=Fritz', 'Fuchs',  'fritz@example.com', NULL,     'Olten',  '8050 AB', 'Weg 6',        {d0}),
          (7, 1, 'Gustav', 'Graf',   'gustav@example.com','male',   'Thun',   '3600',    'Gasse 7',      {d400}),
          (8, 2, 'Hanna',  'Huber',  'hanna@example.com', 'female', 'Bern',   '3011',    'Platz 8',      {d0});
        INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method, created_at) VALUES
          (1, 1, 'EUR', 30000, 30000, 'card', {d5}),
          (1, 1, 'EUR', 25000, 25000, 'card', {d20}),
          (1, 2, 'EUR', 60000, 60000, 'card', {d45}),
          (1, 2, 'EUR', 10000, 10000, 'cash', {d10}),
          (1, 3, 'EUR', 80000, 80000, 'card', {d3}),
          (1, 4, 'EUR', 50000, 50000, 'card', {d2}),
          (1, 6, 'EUR', 100000, 100000, 'card', {d1}),
          (1, 7, 'EUR', 5000, 5000, 'cash', {d90}),
          (2, 8, 'EUR', 90000, 90000, 'card', {d2});
        INSERT INTO consents (customer_id, purpose, granted, body, text_version, language, page_url, source) VALUES
          (1, 'newsletter', 1, 'News?', 1, 'en', 'admin', 'admin'),
          (2, 'newsletter', 1, 'News?', 1, 'en', 'admin', 'admin'),
          (2, 'newsletter', 0, 'News?', 1, 'en', 'admin', 'admin'),
          (1, 'post', 0, 'Post?', 1, 'en', 'admin', 'admin');
        INSERT INTO nps_responses (site_id, customer_id, score, language, page_url, created_at) VALUES
          (1, 3, 10, 'en', '/', {d30}),
          (1, 3, 3, 'en', '/', {d1}),
          (1, 1, 9, 'en', '/', {d1});
        INSERT INTO heard_responses (site_id, customer_id, option_id, language, page_url)
          SELECT 1, 1, id, 'en', '/' FROM question_options WHERE site_id = 1 AND code = 'friend';
        INSERT INTO reason_rankings (id, site_id, customer_id, language, page_url) VALUES (1, 1, 2, 'en', '/');
        INSERT INTO reason_ranking_items (ranking_id, option_id, rank)
          SELECT 1, id, CASE code WHEN 'low_price' THEN 1 WHEN 'convenience' THEN 2 WHEN 'best_quality' THEN 3 ELSE 4 END
          FROM question_options WHERE site_id = 1 AND question = 'reasons';
        INSERT INTO favourites (customer_id, item_id) SELECT 4, id FROM catalogue_items WHERE sku = 'SOURDOUGH';
        INSERT INTO reservations (site_id, customer_id, item_id, quantity, page_url)
          SELECT 1, 5, id, 1, '/' FROM catalogue_items WHERE sku = 'RYE';
        INSERT INTO customer_tags (customer_id, tag) VALUES (3, 'vip');
        INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, screen) VALUES (1, 'v1', 'x', 6, '/', 'desktop');
    "#,
        d0 = common::at("-0 days"),
        d1 = common::at("-1 days"),
        d2 = common::at("-2 days"),
        d3 = common::at("-3 days"),
        d5 = common::at("-5 days"),
        d10 = common::at("-10 days"),
        d20 = common::at("-20 days"),
        d30 = common::at("-30 days"),
        d45 = common::at("-45 days"),
        d90 = common::at("-90 days"),
        d400 = common::at("-400 days")
    );
    app.fixture(&sql).await;
    app.seal().await;
}

async fn manager(app: &TestApp) -> reqwest::Client {
    app.signed_in_as(Role::Manager, "manager@shop.example").await
}

async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.admin_via(client, &app.url, endpoint, form).await
}

/// The first names (ids) the filter matches in the demo site, sorted, and the count.
async fn matches(app: &TestApp, client: &reqwest::Client, filter: &Value) -> Vec<i64> {
    let f = filter.to_string();
    let count = call(app, client, "count_segment", &[("site", "demo"), ("filter", &f)]).await;
    assert_eq!(count.status(), StatusCode::OK, "{filter}: {}", count.text().await.unwrap());
    let count: i64 = count.json().await.unwrap();
    let page = call(
        app,
        client,
        "run_segment",
        &[("site", "demo"), ("filter", &f), ("sort", "name"), ("descending", "false"), ("page", "1")],
    )
    .await;
    let page: Value = page.json().await.unwrap();
    let mut ids: Vec<i64> = page["rows"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort();
    assert_eq!(count, ids.len() as i64, "{filter}: the count and the list disagree");
    assert_eq!(page["count"].as_i64().unwrap(), count);
    ids
}

fn rule(what: &str, op: &str, value: &str, second: &str) -> Value {
    json!({"what": what, "op": op, "value": value, "second": second})
}

/// One group matching all of `rules`.
fn all_of(rules: Vec<Value>) -> Value {
    json!({"all": true, "groups": [{"all": true, "rules": rules}]})
}

#[tokio::test]
async fn women_who_spent_over_500_in_the_last_30_days() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let women = rule("gender", "is", "female", "");
    // Anna 300 + 250 = 550 in 30 days; Berta 100 in 30 days (600 was 45 days ago); Dora
    // exactly 500; Eva nothing; Hanna is another site's.
    assert_eq!(matches(&app, &client, &all_of(vec![women.clone(), rule("spent", "gt", "500", "30")])).await, [1]);
    assert_eq!(matches(&app, &client, &all_of(vec![women.clone(), rule("spent", "ge", "500", "30")])).await, [1, 4]);
    // Over the whole history Berta's 700 counts too.
    assert_eq!(matches(&app, &client, &all_of(vec![women.clone(), rule("spent", "gt", "500", "")])).await, [1, 2]);
    // The count reads the gender kept beside the purchase windows (migration 0033): a
    // change made in the record follows.
    for (id, gender) in [("1", "male"), ("3", "female")] {
        let res = call(&app, &client, "update_customer", &[("id", id), ("field", "gender"), ("value", gender)]).await;
        assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    }
    assert_eq!(matches(&app, &client, &all_of(vec![women.clone(), rule("spent", "gt", "500", "30")])).await, [3]);
    // Windows, purchase counts and the last purchase together; a customer without purchases
    // (Eva) is in no window.
    let busy = all_of(vec![
        women.clone(),
        rule("spent", "ge", "100", "365"),
        rule("purchases", "ge", "1", "7"),
        rule("last_purchase", "within", "30", ""),
    ]);
    assert_eq!(matches(&app, &client, &busy).await, [3, 4]);
    assert!(
        matches(&app, &client, &all_of(vec![women, rule("spent", "gt", "0", ""), rule("gender", "is", "male", "")]))
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn totals_that_zero_passes_take_in_customers_without_purchases() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    // In 30 days: Anna 550, Berta 100, Carl 800, Dora 500, Eva 0, Fritz 1000, Gustav 0.
    assert_eq!(matches(&app, &client, &all_of(vec![rule("spent", "lt", "100", "30")])).await, [5, 7]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("spent", "le", "100", "30")])).await, [2, 5, 7]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("purchases", "eq", "0", "")])).await, [5]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("purchases", "ge", "2", "")])).await, [1, 2]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("purchases", "eq", "1", "30")])).await, [2, 3, 4, 6]);
}

#[tokio::test]
async fn last_purchase_visit_and_joining_count_back_from_today() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let lp = |op: &str, v: &str| all_of(vec![rule("last_purchase", op, v, "")]);
    assert_eq!(matches(&app, &client, &lp("within", "7")).await, [1, 3, 4, 6]);
    assert_eq!(matches(&app, &client, &lp("not_within", "30")).await, [7]);
    assert_eq!(matches(&app, &client, &lp("never", "")).await, [5]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("last_visit", "within", "1", "")])).await, [6]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("joined", "not_within", "365", "")])).await, [7]);
    let today = app::domain::PastDate::today();
    // Joined before today: only Gustav; after today: nobody (today itself is neither).
    assert_eq!(matches(&app, &client, &all_of(vec![rule("joined", "before", today.as_str(), "")])).await, [7]);
    assert!(matches(&app, &client, &all_of(vec![rule("joined", "after", today.as_str(), "")])).await.is_empty());
}

#[tokio::test]
async fn fields_groups_and_negations() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    // (woman AND city is Bern, any case) OR tagged vip.
    let either = json!({"all": false, "groups": [
        {"all": true, "rules": [rule("gender", "is", "female", ""), rule("city", "is", "BERN", "")]},
        {"all": true, "rules": [rule("tag", "has", "vip", "")]},
    ]});
    assert_eq!(matches(&app, &client, &either).await, [1, 3, 4]);
    // "is not female" takes in the customer without a gender.
    assert_eq!(matches(&app, &client, &all_of(vec![rule("gender", "is_not", "female", "")])).await, [3, 6, 7]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("gender", "empty", "", "")])).await, [6]);
    // Postcodes 8000–8099, "8050 AB" included, "8100" not.
    assert_eq!(matches(&app, &client, &all_of(vec![rule("postcode", "between", "8000", "8099")])).await, [2, 6]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("street", "empty", "", "")])).await, [4]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("last_name", "starts_with", "b", "")])).await, [2]);
    assert_eq!(matches(&app, &client, &all_of(vec![rule("email", "contains", "ust", "")])).await, [7]);
    // A wildcard typed is a literal character, not "anything".
    assert!(matches(&app, &client, &all_of(vec![rule("email", "contains", "%", "")])).await.is_empty());
    // Any of the rules in one group.
    let any = json!({"all": true, "groups": [{"all": false, "rules": [rule("city", "is", "Thun", ""), rule("city", "is", "Genf", "")]}]});
    assert_eq!(matches(&app, &client, &any).await, [5, 7]);
    // No rule at all: every customer of the site, none of the other site's.
    assert_eq!(matches(&app, &client, &json!({"all": true, "groups": []})).await, [1, 2, 3, 4, 5, 6, 7]);
}

#[tokio::test]
async fn behaviour_answers_consents_and_tags() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let one = |what: &str, op: &str, value: &str| all_of(vec![rule(what, op, value, "")]);
    // Carl's newest answer is a 3: a detractor now, though he once gave a 10.
    assert_eq!(matches(&app, &client, &one("nps", "is", "detractor")).await, [3]);
    assert_eq!(matches(&app, &client, &one("nps", "is", "promoter")).await, [1]);
    assert_eq!(matches(&app, &client, &one("nps", "is", "none")).await, [2, 4, 5, 6, 7]);
    assert_eq!(matches(&app, &client, &one("reason_first", "is", "low_price")).await, [2]);
    assert!(matches(&app, &client, &one("reason_first", "is", "convenience")).await.is_empty());
    assert_eq!(matches(&app, &client, &one("heard", "is", "friend")).await, [1]);
    assert_eq!(matches(&app, &client, &one("favourite", "is", "SOURDOUGH")).await, [4]);
    assert_eq!(matches(&app, &client, &one("reservation", "is", "open")).await, [5]);
    assert!(matches(&app, &client, &one("reservation", "is", "fulfilled")).await.is_empty());
    assert_eq!(matches(&app, &client, &one("consent", "granted", "newsletter")).await, [1]);
    assert_eq!(matches(&app, &client, &one("consent", "withdrawn", "newsletter")).await, [2]);
    assert_eq!(matches(&app, &client, &one("consent", "never", "newsletter")).await, [3, 4, 5, 6, 7]);
    assert_eq!(matches(&app, &client, &one("consent", "not_granted", "newsletter")).await, [2, 3, 4, 5, 6, 7]);
    assert_eq!(matches(&app, &client, &one("tag", "has_not", "vip")).await, [1, 2, 4, 5, 6, 7]);
}

#[tokio::test]
async fn the_list_sorts_by_any_column_and_shows_spend_ever() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let f = json!({"all": true, "groups": []}).to_string();
    let page = |sort: &'static str, descending: &'static str| {
        let (client, f, app) = (&client, f.clone(), &app);
        async move {
            let res = call(
                app,
                client,
                "run_segment",
                &[("site", "demo"), ("filter", &f), ("sort", sort), ("descending", descending), ("page", "1")],
            )
            .await;
            let body: Value = res.json().await.unwrap();
            body["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["id"].as_i64().unwrap(), r["spent"].as_i64().unwrap()))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        page("spent", "true").await,
        [(6, 100_000), (3, 80_000), (2, 70_000), (1, 55_000), (4, 50_000), (7, 5_000), (5, 0)]
    );
    let by_name: Vec<i64> = page("name", "false").await.into_iter().map(|(id, _)| id).collect();
    assert_eq!(by_name, [1, 2, 3, 4, 5, 6, 7]);
    let by_last_purchase: Vec<i64> = page("last_purchase", "true").await.into_iter().map(|(id, _)| id).collect();
    // Newest first; never bought sorts last (NULL is lowest).
    assert_eq!(by_last_purchase, [6, 4, 3, 1, 2, 7, 5]);
}

#[tokio::test]
async fn a_bad_rule_is_reported_by_its_number_and_field() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let f = json!({"all": true, "groups": [
        {"all": true, "rules": [rule("gender", "is", "female", "")]},
        {"all": true, "rules": [rule("spent", "gt", "lots", "30")]},
    ]})
    .to_string();
    let res = call(&app, &client, "count_segment", &[("site", "demo"), ("filter", &f)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["InvalidRows"], json!([{"row": 2, "field": "value", "problem": "NotAnAmount"}]));
    let res = call(&app, &client, "count_segment", &[("site", "demo"), ("filter", "{not json")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = call(&app, &client, "count_segment", &[("site", "nope"), ("filter", "{}")]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn segments_are_saved_by_name_replaced_and_deleted() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let big = all_of(vec![rule("gender", "is", "female", ""), rule("spent", "gt", "500", "30")]).to_string();
    let res =
        call(&app, &client, "save_segment", &[("site", "demo"), ("name", "Big spenders"), ("filter", &big)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();
    // Saving under the same name replaces the filter and keeps the id.
    let bigger = all_of(vec![rule("spent", "gt", "700", "")]).to_string();
    let res =
        call(&app, &client, "save_segment", &[("site", "demo"), ("name", "Big spenders"), ("filter", &bigger)]).await;
    assert_eq!(res.json::<i64>().await.unwrap(), id);
    let list: Value = call(&app, &client, "list_segments", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Big spenders");
    assert_eq!(list[0]["filter"]["groups"][0]["rules"][0]["value"], "700");
    // Another site does not see it; a nameless or broken segment is not saved.
    let other: Value = call(&app, &client, "list_segments", &[("site", "other")]).await.json().await.unwrap();
    assert_eq!(other, json!([]));
    let res = call(&app, &client, "save_segment", &[("site", "demo"), ("name", "  "), ("filter", &big)]).await;
    assert_eq!(common::field_errors(&res.json().await.unwrap())["segment_name"], "Required");
    let broken = all_of(vec![rule("gender", "is", "robot", "")]).to_string();
    let res = call(&app, &client, "save_segment", &[("site", "demo"), ("name", "Robots"), ("filter", &broken)]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = call(&app, &client, "delete_segment", &[("site", "demo"), ("id", &id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let list: Value = call(&app, &client, "list_segments", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn tagging_a_segment_tags_exactly_its_customers() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let women = all_of(vec![rule("gender", "is", "female", "")]).to_string();
    let res =
        call(&app, &client, "tag_segment", &[("site", "demo"), ("filter", &women), ("tag", "spring-offer")]).await;
    assert_eq!(res.json::<u64>().await.unwrap(), 4);
    // Again: nobody new.
    let res =
        call(&app, &client, "tag_segment", &[("site", "demo"), ("filter", &women), ("tag", "spring-offer")]).await;
    assert_eq!(res.json::<u64>().await.unwrap(), 0);
    let tagged: Vec<i64> =
        sqlx::query_scalar("SELECT customer_id FROM customer_tags WHERE tag = 'spring-offer' ORDER BY 1")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(tagged, [1, 2, 4, 5]);
}

#[tokio::test]
async fn the_dormant_list_follows_the_site_rule() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let rule_now: Value = call(&app, &client, "dormant_rule", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(rule_now["days"], 30);
    assert_eq!(matches(&app, &client, &rule_now["filter"]).await, [7]);
    // Berta's last purchase was 10 days ago: dormant under a 7-day rule.
    let res = call(&app, &client, "set_dormant_days", &[("site", "demo"), ("days", "7")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let rule_now: Value = call(&app, &client, "dormant_rule", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(matches(&app, &client, &rule_now["filter"]).await, [2, 7]);
    let res = call(&app, &client, "set_dormant_days", &[("site", "demo"), ("days", "0")]).await;
    assert_eq!(common::field_errors(&res.json().await.unwrap())["dormant_days"], "OutOfRange");
}

async fn export(app: &TestApp, client: &reqwest::Client, filter: &Value, columns: &str) -> reqwest::Response {
    client
        .get(format!("{}/admin/export.csv", app.url))
        .query(&[("site", "demo"), ("filter", &filter.to_string()), ("columns", columns)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_export_has_the_chosen_columns_and_neutralises_formulas() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let nobody_female = all_of(vec![rule("gender", "is_not", "female", "")]);
    let res = export(&app, &client, &nobody_female, "first_name,email,spent,newsletter,tags").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    assert_eq!(
        text,
        "\"First name\",\"Email\",\"Spent\",\"Newsletter consent\",\"Tags\"\r\n\
         \"Carl\",\"carl@example.com\",\"800.00 EUR\",\"\",\"vip\"\r\n\
         \"'=Fritz\",\"fritz@example.com\",\"1000.00 EUR\",\"\",\"\"\r\n\
         \"Gustav\",\"gustav@example.com\",\"50.00 EUR\",\"\",\"\"\r\n"
    );
    let res = export(&app, &client, &nobody_female, "first_name,password_hash").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("password_hash"));

    // In the language of whoever downloads it, refusals too.
    let chosen = app.admin_via(&client, &app.url, "set_language", &[("lang", "nl")]).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let text =
        export(&app, &client, &nobody_female, "first_name,email,spent,newsletter,tags").await.text().await.unwrap();
    assert_eq!(text.lines().next(), Some(r#""Voornaam","E-mail","Besteed","Toestemming nieuwsbrief","Labels""#));
    let res = export(&app, &client, &nobody_female, "first_name,password_hash").await;
    assert_eq!(res.text().await.unwrap(), r#"Er is geen kolom "password_hash" om te exporteren."#);
}

#[tokio::test]
async fn a_big_export_arrives_whole_in_chunks() {
    let app = spawn_app().await;
    // 4,500 customers: more than two chunks of 2,000.
    app.fixture(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)
         INSERT INTO customers (site_id, first_name, email) SELECT 1, 'C' || i, 'c' || i || '@example.com' FROM n",
    )
    .await;
    app.seal().await;
    let client = manager(&app).await;
    let text = export(&app, &client, &json!({"all": true, "groups": []}), "email").await.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4501);
    assert_eq!(lines[4500], "\"c4500@example.com\"");
}

#[tokio::test]
async fn only_managers_export_and_print() {
    let app = spawn_app().await;
    fixture(&app).await;
    let everyone = json!({"all": true, "groups": []});
    let anonymous = reqwest::Client::new();
    assert_eq!(export(&app, &anonymous, &everyone, "email").await.status(), StatusCode::UNAUTHORIZED);
    let staff = app.signed_in_as(Role::Staff, "till@shop.example").await;
    assert_eq!(export(&app, &staff, &everyone, "email").await.status(), StatusCode::FORBIDDEN);
    let labels = staff
        .get(format!("{}/admin/labels", app.url))
        .query(&[("site", "demo"), ("filter", &everyone.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(labels.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn labels_leave_out_withdrawn_post_consent_and_missing_addresses() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    let women = all_of(vec![rule("gender", "is", "female", "")]);
    let res = client
        .get(format!("{}/admin/labels", app.url))
        .query(&[("site", "demo"), ("filter", &women.to_string()), ("sheet", "letter")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    // Anna withdrew consent to post, Dora has no street: Berta and Eva are printed.
    assert!(html.contains("2 labels on Letter"), "{html}");
    assert!(html.contains("2 left out"));
    assert!(html.contains("Berta Bauer<br>Seestrasse 2<br>8001 Zürich"));
    assert!(html.contains("Eva Engel"));
    assert!(!html.contains("Anna") && !html.contains("Dora"));
    assert!(html.contains("size: 215.9mm 279.4mm"));

    // The sheet speaks the language of whoever prints it.
    let chosen = app.admin_via(&client, &app.url, "set_language", &[("lang", "de")]).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let html = client
        .get(format!("{}/admin/labels", app.url))
        .query(&[("site", "demo"), ("filter", &women.to_string()), ("sheet", "letter")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="de">"#) && html.contains("<title>Adressetiketten</title>"), "{html}");
    assert!(html.contains("2 Etiketten auf Letter") && html.contains("2 ausgelassen"), "{html}");
}

#[tokio::test]
async fn the_dashboard_counts_dormant_customers_for_managers_only() {
    let app = spawn_app().await;
    fixture(&app).await;
    let client = manager(&app).await;
    // Gustav (90 days) on the demo site; Hanna's site keeps the default 30 days and she
    // bought 2 days ago.
    let d: Value = call(&app, &client, "dashboard", &[]).await.json().await.unwrap();
    assert_eq!(d["dormant"], 1);
    call(&app, &client, "set_dormant_days", &[("site", "demo"), ("days", "7")]).await;
    let d: Value = call(&app, &client, "dashboard", &[]).await.json().await.unwrap();
    assert_eq!(d["dormant"], 2);
    let staff = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let d: Value = call(&app, &staff, "dashboard", &[]).await.json().await.unwrap();
    assert_eq!(d["dormant"], Value::Null);
}

#[tokio::test]
async fn a_catalogue_too_large_to_list_is_typed_into_with_suggestions() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    let choices = || async {
        let res = app.admin("segment_choices", &[("site", "demo")]).await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json::<Value>().await.unwrap()
    };
    let small = choices().await;
    assert_eq!(small["items_more"], false);
    let listed = small["items"].as_array().unwrap().len();
    assert!(listed > 1 && listed < 300, "{small}");

    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
         INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency)
         SELECT 1, 'P-' || i, 'Part ' || i, 100, 'EUR' FROM n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let large = choices().await;
    assert_eq!(large["items_more"], true);
    assert_eq!(large["items"].as_array().unwrap().len(), 300, "the first 300 by name, not a thousand");
    // A product past the list is still a rule's value, typed by its SKU.
    let rule = json!({"all": true, "groups": [{"all": true, "rules": [rule("favourite", "is", "P-999", "")]}]});
    let res = app.admin("count_segment", &[("site", "demo"), ("filter", &rule.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}
