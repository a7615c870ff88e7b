//! The site a staff member works on: chosen once in the admin's frame and remembered on
//! their account; a page that names no site shows it, else the first site by name. No
//! page falls back to a site key typed into it (or to a demo site that may not exist).

use crate::common;

use app::domain::Role;
use common::spawn_app;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_page_that_names_no_site_shows_the_one_chosen_else_the_first() {
    let app = spawn_app().await;
    // A real shop's install: its own site, and no demo.
    sqlx::query("INSERT INTO sites (site_key, name, privacy_policy_url) VALUES ('bikes', 'Bike shop', '/p'), ('zz', 'Zebra', '/p')")
        .execute(&app.pool)
        .await
        .unwrap();
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let site_of = |client: reqwest::Client| {
        let app = &app;
        async move {
            let state: Value = app.admin_via(&client, &app.url, "auth_state", &[]).await.json().await.unwrap();
            state["SignedIn"]["site"].as_str().unwrap().to_owned()
        }
    };
    let products = |site: &'static str| {
        let app = &app;
        let manager = manager.clone();
        async move {
            let form = [("site", site), ("query", ""), ("page", "1"), ("shown", "offered")];
            let res = app.admin_via(&manager, &app.url, "products_page", &form).await;
            assert_eq!(res.status(), StatusCode::OK);
            res.json::<Value>().await.unwrap()["site"].as_str().unwrap().to_owned()
        }
    };
    // Nothing chosen yet: the first by name ("Bike shop" before "Demo Bakery").
    assert_eq!(site_of(manager.clone()).await, "bikes");
    assert_eq!(products("").await, "bikes");
    let sites: Value = app.admin_via(&till, &app.url, "auth_state", &[]).await.json().await.unwrap();
    assert_eq!(sites["SignedIn"]["sites"][0], serde_json::json!(["bikes", "Bike shop"]));

    // Chosen: remembered for this person only, on every page that names none.
    let res = app.admin_via(&manager, &app.url, "choose_site", &[("site", "zz")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(site_of(manager.clone()).await, "zz");
    assert_eq!(products("").await, "zz");
    let count = app
        .admin_via(&manager, &app.url, "count_segment", &[("site", ""), ("filter", r#"{"all":true,"groups":[]}"#)])
        .await;
    assert_eq!(count.status(), StatusCode::OK, "{}", count.text().await.unwrap());
    assert_eq!(site_of(till.clone()).await, "bikes", "the till's own choice is untouched");
    // A page that names a site still shows that one.
    assert_eq!(products("demo").await, "demo");

    // A site that does not exist cannot be chosen; one removed falls back to the first.
    let res = app.admin_via(&till, &app.url, "choose_site", &[("site", "nope")]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    sqlx::query("DELETE FROM sites WHERE site_key = 'zz'").execute(&app.pool).await.unwrap();
    assert_eq!(site_of(manager.clone()).await, "bikes");
    assert_eq!(
        app.admin_via(&reqwest::Client::new(), &app.url, "choose_site", &[("site", "bikes")]).await.status(),
        StatusCode::UNAUTHORIZED
    );
}
