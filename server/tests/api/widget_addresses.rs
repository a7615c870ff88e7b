//! Postal addresses in the signup, reservation and warranty widgets: asked for as each
//! site's owner chooses (not asked, optional, required), parsed into the record's parts,
//! and never taken where the shop asks for none, whatever a forged request sends. Also the
//! warranty form over a catalogue too large to list.

use crate::common;

use app::domain::Role;
use common::smtp::{SmtpServer, body, free_port, smtp_url};
use common::{Signup, TestApp, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;

const OWNER: &str = "owner@shop.example";

async fn set_mode(app: &TestApp, owner: &reqwest::Client, widget: &str, mode: &str) -> reqwest::Response {
    app.admin_via(owner, &app.url, "set_address_mode", &[("site", "demo"), ("widget", widget), ("mode", mode)]).await
}

fn with_address(mut form: Vec<(String, String)>, parts: [&str; 4]) -> Vec<(String, String)> {
    for (name, value) in ["street", "postcode", "city", "country"].into_iter().zip(parts) {
        form.push((format!("form[address][{name}]"), value.to_owned()));
    }
    form
}

fn reservation(email: &str) -> Vec<(String, String)> {
    [
        ("form[sku]", "PANETTONE"),
        ("form[first_name]", "Ana"),
        ("form[last_name]", "Silva"),
        ("form[email]", email),
        ("form[phone]", "+351 912 345 678"),
        ("form[quantity]", "1"),
        ("form[note]", ""),
        ("form[page_url]", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// The customer's address parts as the record holds them (street is sealed).
async fn address_of(app: &TestApp, email: &str) -> (String, String, String, String) {
    let (street, postcode, city, country): (String, String, String, String) =
        sqlx::query_as("SELECT street, postcode, city, country FROM customers WHERE email_hash = $1")
            .bind(app.hash("email", email))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    (app.open(&street), postcode, city, country)
}

/// The field problems of a refused widget call, with customer fields by their column.
async fn problems(res: reqwest::Response) -> Vec<(String, String)> {
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    body["Invalid"]
        .as_array()
        .unwrap_or_else(|| panic!("not a field error: {body}"))
        .iter()
        .map(|pair| {
            let field = pair[0].as_str().map(str::to_owned).unwrap_or_else(|| pair[0]["customer"].to_string());
            (field.trim_matches('"').to_owned(), pair[1].as_str().unwrap().to_owned())
        })
        .collect()
}

#[tokio::test]
async fn a_widget_takes_no_address_until_its_site_asks_for_one() {
    let app = spawn_app().await;
    // A forged request sends an address the form never showed: it is not stored.
    let forged = with_address(reservation("ana@example.pt"), ["Rua Augusta 5", "1100-048", "Lisboa", "Portugal"]);
    let res = app.widget("reserve", &forged).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(address_of(&app, "ana@example.pt").await, Default::default());
    let config: Value = app.widget("item", &[("sku", "PANETTONE")]).await.json().await.unwrap();
    assert_eq!(config["address"], "off");
}

#[tokio::test]
async fn only_the_owner_chooses_and_only_for_the_widgets_with_forms_for_it() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    assert_eq!(set_mode(&app, &manager, "reservation", "required").await.status(), StatusCode::FORBIDDEN);
    let res = set_mode(&app, &app.client, "nps", "required").await;
    assert_eq!(problems(res).await, [("choice".to_owned(), "UnknownOption".to_owned())]);
    let res = set_mode(&app, &app.client, "reservation", "sometimes").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "not a mode");
    assert_eq!(app.count("site_address_modes").await, 0);

    assert_eq!(set_mode(&app, &app.client, "reservation", "required").await.status(), StatusCode::OK);
    let audit: String =
        sqlx::query_scalar("SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1").fetch_one(&app.pool).await.unwrap();
    assert_eq!(audit, "reservation asks for a postal address: required");
    let settings: Value = app.admin("site_settings", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(settings["address_modes"], serde_json::json!([["reservation", "required"]]));
    // Switching the widget off and on keeps the choice.
    for on in ["false", "true"] {
        let res = app.admin("set_widget", &[("site", "demo"), ("widget", "reservation"), ("on", on)]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let config: Value = app.widget("item", &[("sku", "PANETTONE")]).await.json().await.unwrap();
    assert_eq!(config["address"], "required");
    assert_eq!(set_mode(&app, &app.client, "reservation", "off").await.status(), StatusCode::OK);
    assert_eq!(app.count("site_address_modes").await, 0);
}

#[tokio::test]
async fn a_required_address_is_refused_beside_its_fields_and_stored_in_the_records_parts() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    assert_eq!(set_mode(&app, &app.client, "reservation", "required").await.status(), StatusCode::OK);

    let res = app.widget("reserve", &reservation("ana@example.pt")).await;
    let found = problems(res).await;
    for part in ["street", "postcode", "city"] {
        assert!(found.contains(&(part.to_owned(), "Required".to_owned())), "{part}: {found:?}");
    }
    assert!(!found.iter().any(|(f, _)| f == "country"), "the country may be left out: {found:?}");
    let res = app
        .widget("reserve", &with_address(reservation("ana@example.pt"), ["Rua Augusta 5", "11<00>", "Lisboa", ""]))
        .await;
    assert_eq!(problems(res).await, [("postcode".to_owned(), "BadCharacters".to_owned())]);
    assert_eq!((app.count("customers").await, app.count("reservations").await), (0, 0), "nothing half-written");

    let good = with_address(reservation("ana@example.pt"), [" Rua  Augusta 5 ", "1100-048", "Lisboa", "Portugal"]);
    let res = app.widget("reserve", &good).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let stored = address_of(&app, "ana@example.pt").await;
    assert_eq!(stored, ("Rua Augusta 5".into(), "1100-048".into(), "Lisboa".into(), "Portugal".into()));
    assert!(app.found_in_files("Rua Augusta").is_empty(), "the street is sealed, on the record and the reservation");

    // The same email again with another address: a claim, not an identity. The record
    // keeps its address; the reservation keeps what was typed, for staff to see.
    let other = with_address(reservation("ana@example.pt"), ["Long Street 1", "8001", "Cape Town", ""]);
    assert_eq!(app.widget("reserve", &other).await.status(), StatusCode::OK);
    assert_eq!(address_of(&app, "ana@example.pt").await.0, "Rua Augusta 5");
    let typed: String = sqlx::query_scalar("SELECT typed_contact FROM reservations ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let typed: Value = serde_json::from_str(&app.open(&typed)).unwrap();
    assert_eq!(
        typed["address"],
        serde_json::json!({"street": "Long Street 1", "postcode": "8001", "city": "Cape Town"})
    );
}

#[tokio::test]
async fn an_optional_address_may_be_left_out_but_not_half_given() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    assert_eq!(set_mode(&app, &app.client, "signup", "optional").await.status(), StatusCode::OK);
    let config: Value = app.widget("signup_config", &[("lang", "en")]).await.json().await.unwrap();
    assert_eq!(config["address"], "optional");
    let signup = |email: &'static str| Signup { first_name: "Ann", email, ..Default::default() };

    let res = app.signup(&signup("ann@example.com")).await;
    assert_eq!(res.status(), StatusCode::OK, "left out");
    let half = with_address(signup("bea@example.com").form(), ["Oudegracht 12", "", "", ""]);
    let res = app.widget("signup", &half).await;
    let found = problems(res).await;
    assert!(found.contains(&("city".to_owned(), "Required".to_owned())), "{found:?}");
    assert_eq!(app.count("customers").await, 1);
    let whole = with_address(signup("bea@example.com").form(), ["Oudegracht 12", "3511 ab", "Utrecht", ""]);
    assert_eq!(app.widget("signup", &whole).await.status(), StatusCode::OK);
    assert_eq!(
        address_of(&app, "bea@example.com").await,
        ("Oudegracht 12".into(), "3511 AB".into(), "Utrecht".into(), String::new())
    );
}

#[tokio::test]
async fn a_confirmed_signup_brings_its_address_to_a_known_record_and_an_unasked_one_never() {
    let port = free_port();
    let smtp = SmtpServer::start_on(port).await;
    let app = spawn_app_with(|c| c.smtp_url = Some(smtp_url(port))).await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    let res = app.admin("save_double_opt_in", &[("site", "demo"), ("confirm_hours", "48"), ("on", "on")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (text_id, _) = app.demo_consent_text().await;
    let ann = || Signup {
        first_name: "Ann",
        email: "ann@example.com",
        consent: true,
        consent_text_id: Some(text_id),
        ..Default::default()
    };
    // Ann is a customer already, with no address.
    assert_eq!(app.signup(&Signup { consent: false, consent_text_id: None, ..ann() }).await.status(), StatusCode::OK);

    // Asked for none: a forged address is held without it.
    let forged = with_address(ann().form(), ["Forged Lane 1", "6666", "Nowhere", ""]);
    assert_eq!(app.widget("signup", &forged).await.status(), StatusCode::OK);
    let link = |mail: &str| {
        let text = body(mail);
        let start = text.find("http://").unwrap();
        text[start..].split_whitespace().next().unwrap().to_owned()
    };
    let mails = smtp.mails(1).await;
    assert_eq!(app.client.post(link(&mails[0])).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(address_of(&app, "ann@example.com").await, Default::default());

    // Asked for: the confirmed address fills in her record.
    assert_eq!(set_mode(&app, &app.client, "signup", "required").await.status(), StatusCode::OK);
    let given = with_address(ann().form(), ["Oudegracht 12", "3511 AB", "Utrecht", "NL"]);
    assert_eq!(app.widget("signup", &given).await.status(), StatusCode::OK);
    assert_eq!(address_of(&app, "ann@example.com").await.0, "", "nothing before the link is pressed");
    let mails = smtp.mails(2).await;
    assert_eq!(app.client.post(link(&mails[1])).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(
        address_of(&app, "ann@example.com").await,
        ("Oudegracht 12".into(), "3511 AB".into(), "Utrecht".into(), "NL".into())
    );
    let history: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM customer_changes WHERE field IN ('street', 'postcode', 'city', 'country')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(history, 4, "each part's change is in the record's history");
}

#[tokio::test]
async fn the_warranty_form_lists_a_small_catalogue_and_searches_a_large_one() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    assert_eq!(set_mode(&app, &app.client, "warranty", "required").await.status(), StatusCode::OK);
    let config: Value = app.widget("warranty_config", &[("sku", "")]).await.json().await.unwrap();
    assert_eq!((config["searchable"].as_bool(), config["address"].as_str()), (Some(false), Some("required")));
    let listed = config["products"].as_array().unwrap().len();
    assert!(listed > 1, "{config}");
    let one: Value = app.widget("warranty_config", &[("sku", "SLICER-2")]).await.json().await.unwrap();
    assert_eq!(one["products"][0]["sku"], "SLICER-2");
    assert_eq!(one["products"].as_array().unwrap().len(), 1);

    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency)
         SELECT 1, 'BIKE-' || i, 'Bicycle model ' || i, 50000, 'EUR' FROM n",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let config: Value = app.widget("warranty_config", &[("sku", "")]).await.json().await.unwrap();
    assert_eq!(config["searchable"], true);
    assert_eq!(config["products"].as_array().unwrap().len(), 100, "the first hundred by name");
    let found: Value = app.widget("find_products", &[("query", "model 27")]).await.json().await.unwrap();
    let skus: Vec<&str> = found.as_array().unwrap().iter().map(|i| i["sku"].as_str().unwrap()).collect();
    assert_eq!(skus.len(), 11, "27 and 270–279 by name, and no more: {skus:?}");
    assert!(skus.contains(&"BIKE-27") && skus.contains(&"BIKE-279"), "{skus:?}");
    let by_sku: Value = app.widget("find_products", &[("query", "BIKE-29")]).await.json().await.unwrap();
    assert_eq!(by_sku.as_array().unwrap().len(), 11, "{by_sku}");
    let wild: Value = app.widget("find_products", &[("query", "%")]).await.json().await.unwrap();
    assert_eq!(wild, serde_json::json!([]), "a wildcard is a character like any other");
    let foreign = app.widget_from("demo", "https://evil.example", "find_products", &[("query", "model")]).await;
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);

    // A card for one of them, with the address the site asks for.
    let card = [
        ("form[sku]", "BIKE-279"),
        ("form[serial_number]", "WTB-0001"),
        ("form[purchase_date]", "2026-01-15"),
        ("form[first_name]", "Pieter"),
        ("form[last_name]", "van Wyk"),
        ("form[email]", "pieter@example.co.za"),
        ("form[page_url]", ""),
    ];
    let card: Vec<(String, String)> = card.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let res = app.widget("warranty", &card).await;
    assert!(problems(res).await.contains(&("street".to_owned(), "Required".to_owned())));
    let res = app.widget("warranty", &with_address(card, ["Long Street 1", "8001", "Cape Town", "South Africa"])).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(address_of(&app, "pieter@example.co.za").await.2, "Cape Town");
}
