//! The reservation and favourites widgets' endpoints, and how an anonymous visitor's
//! favourites reach their record when they identify.

use crate::common;

use common::{Signup, field_errors, spawn_app};
use reqwest::StatusCode;

fn reservation<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    let mut form: Vec<(&str, &str)> = vec![
        ("form[sku]", "PANETTONE"),
        ("form[first_name]", "Ana"),
        ("form[last_name]", "Silva"),
        ("form[email]", "ana@example.pt"),
        ("form[phone]", "+351 912 345 678"),
        ("form[quantity]", "2"),
        ("form[note]", "For Christmas Eve"),
        ("form[page_url]", ""),
    ];
    for (k, v) in overrides {
        match form.iter_mut().find(|(key, _)| key == k) {
            Some(slot) => slot.1 = v,
            None => form.push((k, v)),
        }
    }
    form.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

#[tokio::test]
async fn an_item_is_described_for_the_reservation_widget() {
    let app = spawn_app().await;
    let res = app.widget("item", &[("sku", "PANETTONE")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let config: serde_json::Value = res.json().await.unwrap();
    assert_eq!(config["address"], "off", "no address asked for until the owner chooses");
    let item = &config["item"];
    assert_eq!(item["name"], "Christmas panettone");
    assert_eq!(item["price_minor"], 2450);
    assert_eq!(item["currency"], "EUR");
    assert_eq!(item["stock_expected"], "2026-12-10");
    // Its price as each of the site's languages (the demo writes in all seven) writes it
    // in the Netherlands, from CLDR: the default language first.
    let prices: Vec<(String, String)> = serde_json::from_value(item["prices"].clone()).unwrap();
    assert_eq!(prices.len(), 7, "{prices:?}");
    assert_eq!(prices[0], ("en".into(), "€\u{a0}24,50".into()));
    let price = |lang: &str| prices.iter().find(|(l, _)| l == lang).map(|(_, p)| p.clone()).unwrap();
    assert_eq!(price("nl"), "€\u{a0}24,50");
    assert_eq!(price("de"), "24,50\u{a0}€");
    assert_eq!(price("fi"), "24,50\u{a0}€");
    let unknown = app.widget("item", &[("sku", "NO-SUCH-THING")]).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&unknown.json().await.unwrap())["item"], "UnknownOption");
}

#[tokio::test]
async fn a_reservation_is_stored_for_a_new_customer_and_links_the_browser() {
    let app = spawn_app().await;
    let res = app.widget("reserve", &reservation(&[])).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<String>().await.unwrap().len(), 64, "the browser's token");
    let (sku, quantity, note, status, email): (String, i64, String, String, String) = sqlx::query_as(
        "SELECT i.sku, r.quantity, r.note, r.status, c.email FROM reservations r
         JOIN catalogue_items i ON i.id = r.item_id JOIN customers c ON c.id = r.customer_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((sku.as_str(), quantity, note.as_str(), status.as_str()), ("PANETTONE", 2, "For Christmas Eve", "open"));
    assert_eq!(app.open(&email), "ana@example.pt");
    // A second reservation with the same email in another case is the same customer, but
    // whoever typed it proved nothing: Ana's record keeps her name and phone, the reservation
    // keeps what was typed, and the typist's browser is linked to nobody.
    let again = app
        .widget(
            "reserve",
            &reservation(&[
                ("form[email]", "ANA@example.PT"),
                ("form[sku]", "RYE"),
                ("form[first_name]", "Mallory"),
                ("form[phone]", "+351 911 111 111"),
            ]),
        )
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let token = again.json::<String>().await.unwrap();
    assert_eq!(token.len(), 64, "the same answer as for a new address");
    assert_eq!(app.count("customers").await, 1);
    assert_eq!(app.count("reservations").await, 2);
    let (first, phone): (String, String) =
        sqlx::query_as("SELECT first_name, phone FROM customers").fetch_one(&app.pool).await.unwrap();
    assert_eq!((app.open(&first).as_str(), app.open(&phone).as_str()), ("Ana", "+351912345678"));
    let typed: String = sqlx::query_scalar("SELECT typed_contact FROM reservations ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let typed = app.open(&typed);
    assert!(typed.contains("Mallory") && typed.contains("+351911111111"), "{typed}");
    let linked: i64 = sqlx::query_scalar("SELECT count(*) FROM visitor_links WHERE token_hash = $1")
        .bind(app::tokens::hash(&token))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(linked, 0);
    // Its saves do not reach Ana's record.
    let saved = app.widget("favourite", &[("sku", "RYE"), ("saved", "true"), ("visitor", token.as_str())]).await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(app.count("favourites").await, 0);
    // Staff see, beside the reservation, what was typed when it differs from the record.
    let till = app.signed_in_as(app::domain::Role::Staff, "till@bakery.example").await;
    let open: serde_json::Value =
        app.admin_via(&till, &app.url, "open_reservations", &[("query", "")]).await.json().await.unwrap();
    let typed: Vec<_> = open.as_array().unwrap().iter().map(|r| r["typed"].clone()).collect();
    assert!(typed.contains(&serde_json::json!("Mallory Silva, +351911111111")), "{open}");
    assert!(typed.contains(&serde_json::Value::Null), "Ana's own reservation: {open}");
}

#[tokio::test]
async fn each_kind_of_bad_reservation_is_refused_beside_its_field_and_stores_nothing() {
    let app = spawn_app().await;
    let long_note = "n".repeat(501);
    // (fields changed from a valid reservation, field reported, problem reported)
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (vec![("form[quantity]", "")], "quantity", "Required"),
        (vec![("form[quantity]", "two")], "quantity", "NotANumber"),
        (vec![("form[quantity]", "0")], "quantity", "OutOfRange"),
        (vec![("form[quantity]", "100")], "quantity", "OutOfRange"),
        (vec![("form[first_name]", "")], "first_name", "Required"),
        (vec![("form[email]", "ana.example.pt")], "email", "NotAnEmail"),
        (vec![("form[phone]", "")], "phone", "Required"),
        (vec![("form[note]", long_note.as_str())], "note", "TooLong"),
        (vec![("form[sku]", "NO-SUCH-THING")], "item", "UnknownOption"),
        (vec![("form[sku]", "bad sku")], "item", "BadCharacters"),
    ];
    for (overrides, field, problem) in cases {
        let res = app.widget("reserve", &reservation(&overrides)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{overrides:?}");
        assert_eq!(field_errors(&res.json().await.unwrap())[field], problem, "{overrides:?}");
    }
    assert_eq!(app.count("customers").await, 0);
    assert_eq!(app.count("reservations").await, 0);
}

#[tokio::test]
async fn reservations_refuse_foreign_origins_and_unknown_sites() {
    let app = spawn_app().await;
    let form = reservation(&[]);
    assert_eq!(app.widget_from("demo", "https://evil.example", "reserve", &form).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.widget_from("nosuchsite", &app.url, "reserve", &form).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("reservations").await, 0);
}

#[tokio::test]
async fn anonymous_favourites_attach_to_the_customer_on_signup_without_duplicates() {
    let app = spawn_app().await;
    // Saved on the browser before identifying; one unknown and one malformed SKU among them.
    let saved = ["RYE", "PANETTONE", "RYE", "NO-SUCH-THING", "bad sku"];
    let res = app.signup(&Signup { email: "kai@example.fi", favourites: &saved, ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::OK);
    let token = res.json::<serde_json::Value>().await.unwrap()["visitor"].as_str().unwrap().to_owned();
    let favourite_skus = || async {
        sqlx::query_scalar::<_, String>(
            "SELECT i.sku FROM favourites f JOIN catalogue_items i ON i.id = f.item_id ORDER BY i.sku",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    assert_eq!(favourite_skus().await, ["PANETTONE", "RYE"]);

    // Identifying again (a reservation on the same browser) attaches nothing twice.
    let res =
        app.widget("reserve", &reservation(&[("form[email]", "kai@example.fi"), ("form[favourites][0]", "RYE")])).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(favourite_skus().await, ["PANETTONE", "RYE"]);

    // Once known, the browser's saves and un-saves reach the record.
    let set = |sku: &'static str, saved: &'static str| {
        let token = token.clone();
        let app = &app;
        async move { app.widget("favourite", &[("sku", sku), ("saved", saved), ("visitor", token.as_str())]).await }
    };
    assert_eq!(set("SOURDOUGH", "true").await.status(), StatusCode::OK);
    assert_eq!(set("RYE", "false").await.status(), StatusCode::OK);
    assert_eq!(favourite_skus().await, ["PANETTONE", "SOURDOUGH"]);

    // The list widget shows the browser's items and the record's together.
    let form = [("query[skus][0]", "CINNAMON-BUN"), ("query[visitor]", token.as_str())];
    let items: serde_json::Value = app.widget("favourites", &form).await.json().await.unwrap();
    let names: Vec<_> = items.as_array().unwrap().iter().map(|i| i["sku"].as_str().unwrap()).collect();
    assert_eq!(names, ["SOURDOUGH", "CINNAMON-BUN", "PANETTONE"]);
}

#[tokio::test]
async fn an_anonymous_favourite_stores_nothing_and_an_unknown_item_is_refused() {
    let app = spawn_app().await;
    let ok = app.widget("favourite", &[("sku", "RYE"), ("saved", "true"), ("visitor", "")]).await;
    assert_eq!(ok.status(), StatusCode::OK);
    let forged = "ab".repeat(32);
    let ok = app.widget("favourite", &[("sku", "RYE"), ("saved", "true"), ("visitor", forged.as_str())]).await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(app.count("favourites").await, 0);
    let unknown = app.widget("favourite", &[("sku", "NOPE"), ("saved", "true"), ("visitor", "")]).await;
    assert_eq!(field_errors(&unknown.json().await.unwrap())["item"], "UnknownOption");
    // Anonymous list: only what the browser sent.
    let items: serde_json::Value = app.widget("favourites", &[("query[skus][0]", "RYE")]).await.json().await.unwrap();
    assert_eq!(items.as_array().unwrap().len(), 1);
    let none: serde_json::Value = app.widget("favourites", &[("query[visitor]", "")]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!([]), "an empty list arrives as no field at all");
}

fn warranty<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    let mut form: Vec<(&str, &str)> = vec![
        ("form[sku]", "SLICER-2"),
        ("form[serial_number]", "sl2-0042 7"),
        ("form[purchase_date]", "2026-01-15"),
        ("form[first_name]", "Pieter"),
        ("form[last_name]", "van Wyk"),
        ("form[email]", "pieter@example.co.za"),
        ("form[phone]", ""),
        ("form[page_url]", ""),
    ];
    for (k, v) in overrides {
        if let Some(slot) = form.iter_mut().find(|(key, _)| key == k) {
            slot.1 = v;
        }
    }
    form.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

#[tokio::test]
async fn a_warranty_is_registered_once_per_serial() {
    let app = spawn_app().await;
    let res = app.widget("warranty", &warranty(&[])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (sku, serial, date, email): (String, String, String, String) = sqlx::query_as(
        "SELECT i.sku, w.serial_number, w.purchase_date, c.email FROM warranty_registrations w
         JOIN catalogue_items i ON i.id = w.item_id JOIN customers c ON c.id = w.customer_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((sku.as_str(), serial.as_str(), date.as_str()), ("SLICER-2", "SL2-00427", "2026-01-15"));
    assert_eq!(app.open(&email), "pieter@example.co.za");

    // The same serial again, typed differently, is refused beside the field.
    let again = app
        .widget("warranty", &warranty(&[("form[serial_number]", "SL2-00427"), ("form[email]", "x@example.com")]))
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&again.json().await.unwrap())["serial"], "AlreadyRegistered");
    assert_eq!(app.count("customers").await, 1, "nothing of the refused card was stored");
}

#[tokio::test]
async fn each_kind_of_bad_warranty_card_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let today = app::db::now()[..10].to_owned();
    let tomorrow = app::db::now_plus(86_400)[..10].to_owned();
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (vec![("form[purchase_date]", tomorrow.as_str())], "purchase_date", "OutOfRange"),
        (vec![("form[purchase_date]", "2026-02-30")], "purchase_date", "NotADate"),
        (vec![("form[purchase_date]", "")], "purchase_date", "Required"),
        (vec![("form[serial_number]", "#1")], "serial", "TooShort"),
        (vec![("form[serial_number]", "AB#123")], "serial", "BadCharacters"),
        (vec![("form[sku]", "NO-SUCH-THING")], "item", "UnknownOption"),
        (vec![("form[last_name]", "")], "last_name", "Required"),
        (vec![("form[phone]", "call me")], "phone", "NotAPhone"),
    ];
    for (overrides, field, problem) in cases {
        let res = app.widget("warranty", &warranty(&overrides)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{overrides:?}");
        assert_eq!(field_errors(&res.json().await.unwrap())[field], problem, "{overrides:?}");
    }
    assert_eq!(app.count("customers").await, 0);
    let ok = app.widget("warranty", &warranty(&[("form[purchase_date]", today.as_str())])).await;
    assert_eq!(ok.status(), StatusCode::OK, "today itself is fine");
    let foreign = app.widget_from("demo", "https://evil.example", "warranty", &warranty(&[])).await;
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
}
