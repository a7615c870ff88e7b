//! The staff admin's jobs through its server functions: the till, the customer record and
//! its history, interactions, the reservations desk, and staff invitations and roles.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

const OWNER: &str = "owner@shop.example";

async fn owner_app() -> TestApp {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    app
}

async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.admin_via(client, &app.url, endpoint, form).await
}

async fn record(app: &TestApp, id: i64) -> Value {
    let res = app.admin("customer_record", &[("id", &id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn new_customer(app: &TestApp, client: &reqwest::Client, first: &str, phone: &str) -> i64 {
    let form =
        [("form[site]", "demo"), ("form[first_name]", first), ("form[last_name]", "Berg"), ("form[phone]", phone)];
    let res = call(app, client, "create_customer", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn field<'a>(record: &'a Value, name: &str) -> &'a Value {
    let fields = record["fields"].as_array().unwrap();
    &fields.iter().find(|f| f[0] == name).unwrap()[1]
}

#[tokio::test]
async fn at_the_till_staff_find_a_customer_by_phone_and_their_purchase_updates_the_totals() {
    let app = owner_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let id = new_customer(&app, &till, "Lena", "0170 1234567").await;

    for query in ["0170 12", "lena", "Lena B", "berg"] {
        let found: Value = call(&app, &till, "lookup", &[("query", query)]).await.json().await.unwrap();
        assert_eq!(found["found"][0]["id"], id, "{query}");
    }
    let none: Value = call(&app, &till, "lookup", &[("query", "0999")]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!({"found": [], "more": false}));

    let cid = id.to_string();
    let purchase = [
        ("form[customer]", cid.as_str()),
        ("form[payment_method]", "card"),
        ("form[discount]", "0,30"),
        ("form[lines][0][sku]", "sourdough"),
        ("form[lines][0][quantity]", "3"),
        ("form[lines][1][description]", "Gift wrap"),
        ("form[lines][1][unit_price]", "0.10"),
    ];
    let saved: Value = call(&app, &till, "add_purchase", &purchase).await.json().await.unwrap();
    // 3 × 5.20 + 0.10 − 0.30, in cents: exact.
    assert_eq!(saved["total"], 1540);
    assert_eq!(saved["currency"], "EUR");

    let second = [("form[customer]", cid.as_str()), ("form[payment_method]", "cash"), ("form[lines][0][sku]", "RYE")];
    call(&app, &till, "add_purchase", &second).await;

    let r = record(&app, id).await;
    assert_eq!(r["stats"]["total"], 1540 + 460);
    assert_eq!(r["stats"]["orders"], 2);
    assert_eq!(r["stats"]["average"], 1000);
    assert!(r["stats"]["first"].as_str() <= r["stats"]["last"].as_str());
    let newest = &r["purchases"][0];
    assert_eq!(newest["payment_method"], "cash");
    let first = &r["purchases"][1];
    assert_eq!(first["lines"][0]["description"], "Sourdough loaf");
    assert_eq!(first["lines"][0]["line_total"], 1560);
    assert_eq!(first["staff"], "till@shop.example");
    assert_eq!(r["source"], "till");
    // Its amounts are written as English is in the demo site's country, the Netherlands
    // (CLDR en-NL), not by the customer's own country field of the same name.
    assert_eq!((r["money"]["before"].as_str(), r["money"]["decimal"].as_str()), (Some("€\u{a0}"), Some(",")));
}

#[tokio::test]
async fn a_bad_purchase_is_refused_line_by_line_and_stores_nothing() {
    let app = owner_app().await;
    let id = new_customer(&app, &app.client, "Ola", "+47 912 34 567").await.to_string();
    let bad = [
        ("form[customer]", id.as_str()),
        ("form[payment_method]", "bitcoin"),
        ("form[discount]", "99"),
        ("form[lines][0][sku]", "NO-SUCH-BREAD"),
        ("form[lines][1][description]", "Coffee"),
        ("form[lines][1][unit_price]", "2.555"),
        ("form[lines][2][description]", "Cake"),
        ("form[lines][2][quantity]", "0"),
        ("form[lines][2][unit_price]", "3"),
    ];
    let res = app.admin("add_purchase", &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let rows: Vec<(u64, String, String)> = body["InvalidRows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (p["row"].as_u64().unwrap(), p["field"].as_str().unwrap().into(), p["problem"].as_str().unwrap().into())
        })
        .collect();
    assert!(rows.contains(&(0, "payment_method".into(), "UnknownOption".into())), "{rows:?}");
    assert!(rows.contains(&(1, "item".into(), "UnknownOption".into())), "{rows:?}");
    assert!(rows.contains(&(2, "unit_price".into(), "NotAnAmount".into())), "{rows:?}");
    assert!(rows.contains(&(3, "quantity".into(), "OutOfRange".into())), "{rows:?}");
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM purchases").fetch_one(&app.pool).await.unwrap();
    assert_eq!(stored, 0);

    let over_discount = [
        ("form[customer]", id.as_str()),
        ("form[payment_method]", "cash"),
        ("form[discount]", "6"),
        ("form[lines][0][sku]", "SOURDOUGH"),
    ];
    assert_eq!(app.admin("add_purchase", &over_discount).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = [("form[customer]", "424242"), ("form[payment_method]", "cash"), ("form[lines][0][sku]", "RYE")];
    assert_eq!(app.admin("add_purchase", &unknown).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_customer_needs_a_name_and_a_phone_or_email_and_an_email_is_not_reused() {
    let app = owner_app().await;
    let res = app.admin("create_customer", &[("form[site]", "demo"), ("form[first_name]", "")]).await;
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!((errors["first_name"].as_str(), errors["phone"].as_str()), ("Required", "Required"));
    let with_email = [("form[site]", "demo"), ("form[first_name]", "Ann"), ("form[email]", "ann@example.com")];
    assert_eq!(app.admin("create_customer", &with_email).await.status(), StatusCode::OK);
    let again = app.admin("create_customer", &with_email).await;
    assert_eq!(field_errors(&again.json().await.unwrap())["email"], "Taken");
    assert_eq!(app.count("customers").await, 1);
}

#[tokio::test]
async fn edits_are_kept_in_the_history_and_demographics_need_a_manager() {
    let app = owner_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let id = new_customer(&app, &till, "Mia", "0401234567").await.to_string();
    let edit = |client, field: &'static str, value: &'static str| {
        let id = id.clone();
        let app = &app;
        async move { call(app, client, "update_customer", &[("id", &id), ("field", field), ("value", value)]).await }
    };
    assert_eq!(edit(&till, "phone", "040 765 4321").await.status(), StatusCode::OK);
    assert_eq!(edit(&till, "company", "Berg & Co").await.status(), StatusCode::OK);
    assert_eq!(edit(&till, "notes", "Likes rye").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(edit(&till, "gender", "female").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(edit(&manager, "notes", "Likes rye").await.status(), StatusCode::OK);
    assert_eq!(edit(&manager, "household_size", "3").await.status(), StatusCode::OK);

    let bad = edit(&till, "email", "not an email").await;
    assert_eq!(field_errors(&bad.json().await.unwrap())["text"], "NotAnEmail");
    assert_eq!(edit(&manager, "household_size", "30").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let other = new_customer(&app, &till, "Max", "0409999999").await;
    call(
        &app,
        &till,
        "update_customer",
        &[("id", &other.to_string()), ("field", "email"), ("value", "max@example.com")],
    )
    .await;
    let taken = edit(&till, "email", "MAX@example.com").await;
    assert_eq!(field_errors(&taken.json().await.unwrap())["email"], "Taken");
    // The same value again is no change.
    assert_eq!(edit(&till, "company", "Berg & Co").await.status(), StatusCode::OK);

    let r = record(&app, id.parse().unwrap()).await;
    assert_eq!(field(&r, "phone"), "+31407654321");
    assert_eq!(field(&r, "household_size"), "3");
    assert_eq!(field(&r, "email"), &Value::Null);
    let history: Vec<(String, Value, Value, String)> = r["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["field"].as_str().unwrap().into(),
                h["old"].clone(),
                h["new"].clone(),
                h["by"]["Staff"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(history.len(), 5, "{history:?}");
    assert_eq!(history[0], ("household_size".into(), Value::Null, "3".into(), "manager@shop.example".into()));
    assert_eq!(history[3], ("phone".into(), "+31401234567".into(), "+31407654321".into(), "till@shop.example".into()));
    assert_eq!(history[4].0, "created");
}

#[tokio::test]
async fn interactions_and_tags_appear_on_the_record() {
    let app = owner_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let id = new_customer(&app, &till, "Noor", "0612345678").await.to_string();
    let log =
        [("id", id.as_str()), ("kind", "complaint"), ("summary", "Bread was stale"), ("outcome", "Refunded 5.20")];
    assert_eq!(call(&app, &till, "log_interaction", &log).await.status(), StatusCode::OK);
    let empty = [("id", id.as_str()), ("kind", "call"), ("summary", " "), ("outcome", "")];
    assert_eq!(
        field_errors(&call(&app, &till, "log_interaction", &empty).await.json().await.unwrap())["note"],
        "Required"
    );
    let tag = [("id", id.as_str()), ("tag", " Regular Customer "), ("on", "true")];
    assert_eq!(call(&app, &till, "tag_customer", &tag).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.admin("tag_customer", &tag).await.status(), StatusCode::OK);

    let r = record(&app, id.parse().unwrap()).await;
    assert_eq!(r["interactions"][0]["kind"], "complaint");
    assert_eq!(r["interactions"][0]["outcome"], "Refunded 5.20");
    assert_eq!(r["interactions"][0]["staff"], "till@shop.example");
    assert_eq!(r["tags"], serde_json::json!(["regular-customer"]));
}

#[tokio::test]
async fn the_record_shows_what_the_widgets_stored() {
    let app = owner_app().await;
    let (text_id, body) = app.demo_consent_text().await;
    let res = app
        .signup(&common::Signup {
            first_name: "Ann",
            email: "ann@example.com",
            consent: true,
            consent_text_id: Some(text_id),
            favourites: &["RYE"],
            ..Default::default()
        })
        .await;
    let visitor = res.json::<Value>().await.unwrap()["visitor"].as_str().unwrap().to_owned();
    let page = format!("{}/demo/thanks", app.url);
    app.widget(
        "nps",
        &[("score", "6"), ("reason", "Queue"), ("lang", "en"), ("page_url", &page), ("visitor", &visitor)],
    )
    .await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    let r = record(&app, id).await;
    assert_eq!(r["consents"][0]["body"], body);
    assert_eq!(r["consents"][0]["granted"], true);
    assert_eq!(r["source"], "signup");
    // What they said, as data the page words in its reader's language.
    let answers: Vec<&Value> = r["answers"].as_array().unwrap().iter().map(|a| &a["said"]).collect();
    assert!(answers.contains(&&json!({"Nps": {"score": 6, "reason": "Queue"}})), "{answers:?}");
    assert!(answers.contains(&&json!({"Favourite": {"item": "Rye bread"}})), "{answers:?}");
    assert_eq!(app.admin("customer_record", &[("id", "999")]).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_reservations_desk_closes_an_open_reservation_once() {
    let app = owner_app().await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let form = [
        ("form[sku]", "PANETTONE"),
        ("form[first_name]", "Ana"),
        ("form[last_name]", "Silva"),
        ("form[email]", "ana@example.pt"),
        ("form[phone]", "+351 912 345 678"),
        ("form[quantity]", "2"),
        ("form[note]", ""),
        ("form[page_url]", ""),
    ];
    assert_eq!(app.widget("reserve", &form).await.status(), StatusCode::OK);
    let open: Value = call(&app, &till, "open_reservations", &[("query", "silva")]).await.json().await.unwrap();
    assert_eq!(open[0]["item"], "Christmas panettone");
    assert_eq!(open[0]["quantity"], 2);
    let rid = open[0]["id"].as_i64().unwrap().to_string();
    let none: Value = call(&app, &till, "open_reservations", &[("query", "rye")]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!([]));

    let close = [("id", rid.as_str()), ("outcome", "fulfilled")];
    assert_eq!(call(&app, &till, "close_reservation", &close).await.status(), StatusCode::OK);
    let twice = [("id", rid.as_str()), ("outcome", "cancelled")];
    assert_eq!(call(&app, &till, "close_reservation", &twice).await.status(), StatusCode::NOT_FOUND);
    let status: String = sqlx::query_scalar("SELECT status FROM reservations").fetch_one(&app.pool).await.unwrap();
    assert_eq!(status, "fulfilled");
    let open: Value = call(&app, &till, "open_reservations", &[("query", "")]).await.json().await.unwrap();
    assert_eq!(open, serde_json::json!([]));
    // It is listed with what was handed out, and who handed it out; a search narrows it.
    let closed: Value = call(&app, &till, "closed_reservations", &[("query", "")]).await.json().await.unwrap();
    assert_eq!(closed.as_array().unwrap().len(), 1, "{closed}");
    assert_eq!(closed[0]["outcome"], "fulfilled");
    assert_eq!(closed[0]["customer"], "Ana Silva");
    assert_eq!(closed[0]["quantity"], 2);
    assert_eq!(closed[0]["by"], "till@shop.example");
    let none: Value = call(&app, &till, "closed_reservations", &[("query", "rye")]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!([]));
    // A reservation closed more than 30 days ago has left the list.
    sqlx::query("UPDATE reservations SET updated_at = '2020-01-01T00:00:00.000Z'").execute(&app.pool).await.unwrap();
    let old: Value = call(&app, &till, "closed_reservations", &[("query", "")]).await.json().await.unwrap();
    assert_eq!(old, serde_json::json!([]));
}

#[tokio::test]
async fn an_invited_member_sets_a_password_once_and_gets_the_invited_role() {
    let app = owner_app().await;
    let bad = app.admin("invite_staff", &[("email", OWNER), ("role", "staff")]).await;
    assert_eq!(field_errors(&bad.json().await.unwrap())["email"], "Taken");
    let link: String =
        app.admin("invite_staff", &[("email", "Kim@Shop.example"), ("role", "manager")]).await.json().await.unwrap();
    assert!(link.starts_with(&format!("{}/admin/invite/", app.url)), "{link}");
    let token = link.rsplit('/').next().unwrap().to_owned();
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM staff_invites").fetch_one(&app.pool).await.unwrap();
    assert_ne!(stored, token, "only the hash is kept");

    let kim =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let info: Value = call(&app, &kim, "invite_info", &[("token", &token)]).await.json().await.unwrap();
    assert_eq!((info["email"].as_str(), info["role"].as_str()), (Some("kim@shop.example"), Some("manager")));
    let short = call(&app, &kim, "accept_invite", &[("token", &token), ("password", "short")]).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = call(&app, &kim, "accept_invite", &[("token", &token), ("password", "kims long passphrase")]).await;
    assert!(ok.status().is_success() || ok.status().is_redirection(), "{}", ok.status());
    let state: Value = call(&app, &kim, "auth_state", &[]).await.json().await.unwrap();
    assert_eq!(state["SignedIn"]["role"], "manager");
    let reuse = call(
        &app,
        &reqwest::Client::new(),
        "accept_invite",
        &[("token", &token), ("password", "another long password")],
    )
    .await;
    assert_eq!(reuse.status(), StatusCode::NOT_FOUND);

    // Roles change; the last owner stays an owner; a removed member is signed out.
    let list: Value = app.admin("list_staff", &[]).await.json().await.unwrap();
    let id_of = |email: &str| {
        list["members"].as_array().unwrap().iter().find(|m| m["email"] == email).unwrap()["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    let (owner_id, kim_id) = (id_of(OWNER), id_of("kim@shop.example"));
    let demote = app.admin("set_role", &[("staff", &owner_id), ("role", "staff")]).await;
    assert_eq!(demote.status(), StatusCode::CONFLICT);
    assert_eq!(app.admin("remove_staff", &[("staff", &owner_id)]).await.status(), StatusCode::CONFLICT);
    assert_eq!(app.admin("set_role", &[("staff", &kim_id), ("role", "staff")]).await.status(), StatusCode::OK);
    let tag = call(&app, &kim, "tag_customer", &[("id", "1"), ("tag", "x"), ("on", "true")]).await;
    assert_eq!(tag.status(), StatusCode::FORBIDDEN, "a staff member now");
    assert_eq!(app.admin("remove_staff", &[("staff", &kim_id)]).await.status(), StatusCode::OK);
    assert_eq!(call(&app, &kim, "dashboard", &[]).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_dashboard_counts_today() {
    let app = owner_app().await;
    let id = new_customer(&app, &app.client, "Eva", "0123456789").await.to_string();
    let buy = [("form[customer]", id.as_str()), ("form[payment_method]", "cash"), ("form[lines][0][sku]", "RYE")];
    app.admin("add_purchase", &buy).await;
    let d: Value = app.admin("dashboard", &[]).await.json().await.unwrap();
    assert_eq!(d["new_customers"], 1);
    assert_eq!(d["purchases"], 1);
    assert_eq!(d["takings"], serde_json::json!([["EUR", 460]]));
    assert_eq!(d["open_reservations"], 0);
}

#[tokio::test]
async fn a_correction_the_customer_asked_for_is_logged_as_a_done_rectification_request() {
    let app = owner_app().await;
    let id = new_customer(&app, &app.client, "Jon", "0170 5550100").await;
    let cid = id.to_string();
    // A correction staff make on their own is in the history only...
    let res =
        call(&app, &app.client, "update_customer", &[("id", &cid), ("field", "first_name"), ("value", "John")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    // ...one the customer asked for is a data request too, naming the field, not the values.
    let form = [("id", cid.as_str()), ("field", "street"), ("value", "Mill Lane 3"), ("requested", "true")];
    assert_eq!(call(&app, &app.client, "update_customer", &form).await.status(), StatusCode::OK);
    let requests: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT kind, channel, state, outcome FROM privacy_requests WHERE customer_id = $1")
            .bind(id)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let (kind, channel, state, outcome) = &requests[0];
    assert_eq!((kind.as_str(), channel.as_str(), state.as_str()), ("rectification", "admin", "done"));
    assert_eq!(outcome, "corrected street", "the field, never its values");
    assert_eq!(field(&record(&app, id).await, "street"), "Mill Lane 3");
}
