//! The signup widget's endpoint, called as a shop page in a browser would call it.

use crate::common;

use common::{Signup, field_errors, spawn_app};

/// "Stored" (or "Pending" under double opt-in), from a successful signup's answer.
async fn outcome(res: reqwest::Response) -> String {
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["visitor"].as_str().map(str::len), Some(64), "{body}");
    body["outcome"].as_str().unwrap().to_owned()
}
use reqwest::StatusCode;
use reqwest::header::{ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_ORIGIN, ORIGIN};

#[tokio::test]
async fn a_valid_signup_stores_the_customer_and_the_exact_consent_shown() {
    let app = spawn_app().await;
    let (text_id, text) = app.demo_consent_text().await;
    let page = format!("{}/demo/news?email=ann@example.com#top", app.url);
    let res = app
        .signup(&Signup {
            first_name: "  Ann ",
            last_name: "Lee",
            email: "Ann.Lee@Example.COM",
            phone: "+44 20 7946 0958",
            consent: true,
            consent_text_id: Some(text_id),
            page_url: &page,
            ..Default::default()
        })
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[ACCESS_CONTROL_ALLOW_ORIGIN], app.url.as_str());
    assert!(res.headers().get(ACCESS_CONTROL_ALLOW_CREDENTIALS).is_none());
    assert_eq!(outcome(res).await, "Stored");

    let (first, last, email, phone): (String, String, String, String) =
        sqlx::query_as("SELECT first_name, last_name, email, phone FROM customers").fetch_one(&app.pool).await.unwrap();
    let (first, last, email, phone) = (app.open(&first), app.open(&last), app.open(&email), app.open(&phone));
    assert_eq!((first.as_str(), last.as_str()), ("Ann", "Lee"));
    assert_eq!(email, "ann.lee@example.com");
    assert_eq!(phone, "+442079460958");

    let (purpose, granted, body, version, language, page_url, source): (
        String,
        i64,
        String,
        i64,
        String,
        String,
        String,
    ) = sqlx::query_as("SELECT purpose, granted, body, text_version, language, page_url, source FROM consents")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!((purpose.as_str(), granted), ("newsletter", 1));
    assert_eq!(body, text);
    assert_eq!((version, language.as_str()), (1, "en"));
    assert_eq!(page_url, format!("{}/demo/news", app.url), "query and fragment are not kept");
    assert_eq!(source, "widget:signup");
}

#[tokio::test]
async fn a_signup_without_the_box_ticked_stores_no_consent() {
    let app = spawn_app().await;
    let res = app.signup(&Signup { email: "no.news@example.com", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.count("customers").await, 1);
    assert_eq!(app.count("consents").await, 0);
}

#[tokio::test]
async fn signup_with_an_invalid_email_stores_nothing() {
    let app = spawn_app().await;
    let res = app.signup(&Signup { first_name: "Ann", email: "ann-at-example.com", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(errors.get("email").map(String::as_str), Some("NotAnEmail"));
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn every_invalid_field_is_reported_and_nothing_is_stored() {
    let app = spawn_app().await;
    let long_name = "x".repeat(101);
    let res = app
        .signup(&Signup {
            first_name: &long_name,
            last_name: "<b>Lee</b>",
            email: "",
            phone: "call me maybe",
            consent: true,
            ..Default::default()
        })
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(errors["first_name"], "TooLong");
    assert_eq!(errors["last_name"], "BadCharacters");
    assert_eq!(errors["email"], "Required");
    assert_eq!(errors["phone"], "NotAPhone");
    assert_eq!(errors["consent"], "Required", "a ticked box must name the wording shown");
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn a_consent_text_of_another_site_is_refused() {
    let app = spawn_app().await;
    sqlx::query("INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other', '/p')")
        .execute(&app.pool)
        .await
        .unwrap();
    let other_text: i64 = sqlx::query_scalar(
        "INSERT INTO consent_texts (site_id, purpose, version, language, body)
         VALUES (2, 'newsletter', 1, 'en', 'Other text') RETURNING id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let res = app
        .signup(&Signup {
            email: "ann@example.com",
            consent: true,
            consent_text_id: Some(other_text),
            ..Default::default()
        })
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&res.json().await.unwrap())["consent"], "Required");
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn a_known_address_typed_again_changes_no_field_links_no_browser_and_answers_as_a_new_one() {
    let app = spawn_app().await;
    let (text_id, _) = app.demo_consent_text().await;
    let first = app
        .signup(&Signup { first_name: "Rob", phone: "0170 7654321", email: "rob@example.com", ..Default::default() })
        .await;
    let first_status = first.status();
    let first_body: serde_json::Value = first.json().await.unwrap();
    assert_eq!(first_body["outcome"], "Stored");
    // Someone else types Rob's address (in another case) with their own name and phone.
    let again = app
        .signup(&Signup {
            last_name: "Smith",
            email: "  ROB@Example.com ",
            phone: "0170 1234567",
            consent: true,
            consent_text_id: Some(text_id),
            ..Default::default()
        })
        .await;
    // The same status and the same shape of answer as for a new address.
    assert_eq!(again.status(), first_status);
    let again_body: serde_json::Value = again.json().await.unwrap();
    assert_eq!(again_body["outcome"], first_body["outcome"]);
    assert_eq!(again_body["visitor"].as_str().map(str::len), Some(64));
    assert_eq!(app.count("customers").await, 1);
    let (first_name, last_name, phone): (String, String, String) =
        sqlx::query_as("SELECT first_name, last_name, phone FROM customers").fetch_one(&app.pool).await.unwrap();
    let (first_name, last_name, phone) = (app.open(&first_name), app.open(&last_name), app.open(&phone));
    // (The demo bakery is Dutch: a number typed without a country code is read as Dutch.)
    assert_eq!((first_name.as_str(), last_name.as_str(), phone.as_str()), ("Rob", "", "+311707654321"));
    assert_eq!(app.count("consents").await, 1, "the consent given is on record");
    // The typist's browser is linked to nobody: its token reaches no record.
    let linked: i64 = sqlx::query_scalar("SELECT count(*) FROM visitor_links WHERE token_hash = $1")
        .bind(app::tokens::hash(again_body["visitor"].as_str().unwrap()))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(linked, 0);
}

#[tokio::test]
async fn a_filled_honeypot_is_thanked_and_stores_nothing() {
    let app = spawn_app().await;
    let res =
        app.signup(&Signup { email: "bot@spam.example", website: "http://spam.example", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(outcome(res).await, "Stored");
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn a_foreign_origin_is_refused_without_cors_and_stores_nothing() {
    let app = spawn_app().await;
    let res =
        app.signup_from("demo", "https://evil.example", &Signup { email: "x@example.com", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn a_request_without_an_origin_is_refused() {
    let app = spawn_app().await;
    let res = reqwest::Client::new()
        .post(format!("{}/s/demo/w/signup", app.url))
        .form(&[("form[email]", "x@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn an_allowed_second_origin_works_once_it_is_listed() {
    let app = spawn_app().await;
    let shop = "https://shop.example";
    let s = Signup { email: "jan@example.nl", ..Default::default() };
    assert_eq!(app.signup_from("demo", shop, &s).await.status(), StatusCode::FORBIDDEN);
    sqlx::query("INSERT INTO site_origins (site_id, origin) VALUES (1, $1)")
        .bind(shop)
        .execute(&app.pool)
        .await
        .unwrap();
    let res = app.signup_from("demo", shop, &s).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[ACCESS_CONTROL_ALLOW_ORIGIN], shop);
    assert_eq!(app.count("customers").await, 1);
}

#[tokio::test]
async fn an_unknown_site_key_is_refused() {
    let app = spawn_app().await;
    let s = Signup { email: "x@example.com", ..Default::default() };
    assert_eq!(app.signup_from("nosuchsite", &app.url, &s).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.signup_from("Bad..Key", &app.url, &s).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn calling_the_widget_function_around_the_gate_is_refused() {
    let app = spawn_app().await;
    let res = reqwest::Client::new()
        .post(format!("{}/w/signup", app.url))
        .header(ORIGIN, &app.url)
        .form(&[("form[email]", "x@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(res.json::<String>().await.unwrap(), "UnknownSite");
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test]
async fn preflights_are_answered_for_allowed_origins_only() {
    let app = spawn_app().await;
    let preflight = |origin: &'static str| {
        reqwest::Client::new()
            .request(reqwest::Method::OPTIONS, format!("{}/s/demo/w/signup", app.url))
            .header(ORIGIN, origin)
            .header("access-control-request-method", "POST")
            .send()
    };
    let own: &'static str = Box::leak(app.url.clone().into_boxed_str());
    let ok = preflight(own).await.unwrap();
    assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    assert_eq!(ok.headers()[ACCESS_CONTROL_ALLOW_ORIGIN], own);
    let refused = preflight("https://evil.example").await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[tokio::test]
async fn widget_endpoints_take_post_only() {
    let app = spawn_app().await;
    let res = reqwest::Client::new()
        .get(format!("{}/s/demo/w/signup", app.url))
        .header(ORIGIN, &app.url)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let app = spawn_app().await;
    let huge = "a".repeat(20 * 1024);
    let res = app.signup(&Signup { email: "x@example.com", first_name: &huge, ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("customers").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_signups_of_one_email_leave_one_customer() {
    let app = spawn_app().await;
    let (text_id, _) = app.demo_consent_text().await;
    let calls = (0..20).map(|i| {
        let app = &app;
        async move {
            let email = if i % 2 == 0 { "Same@Example.com" } else { "same@example.COM" };
            app.signup(&Signup { email, consent: true, consent_text_id: Some(text_id), ..Default::default() }).await
        }
    });
    let responses = futures::future::join_all(calls).await;
    let mut outcomes = Vec::new();
    for res in responses {
        assert_eq!(res.status(), StatusCode::OK);
        outcomes.push(outcome(res).await);
    }
    assert!(outcomes.iter().all(|o| o == "Stored"), "{outcomes:?}");
    assert_eq!(app.count("customers").await, 1);
    assert_eq!(app.count("consents").await, 20, "every consent given is on record");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn grouped_writes_are_answered_each_and_a_failed_one_leaves_nothing() {
    let app = spawn_app().await;
    // Forty writes at once through the writer the widgets use; every fifth fails after
    // writing its customer.
    let calls = (0..40).map(|i| {
        let pool = app.pool.clone();
        let pii = app.pool.pii_shared();
        async move {
            let work: app::writer::Work<i64> = Box::new(move |tx| {
                Box::pin(async move {
                    let email = format!("grouped-{i}@example.com");
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO customers (site_id, first_name, last_name, email) VALUES (1, $1, '', $2) RETURNING id",
                    )
                    .bind(pii.seal("Grouped"))
                    .bind(pii.seal(&email))
                    .fetch_one(&mut *tx)
                    .await?;
                    let plain = app::pii::blind::Plain { email: Some(&email), ..Default::default() };
                    app::pii::blind::set(tx, &pii, app::domain::CustomerId(id), plain).await?;
                    if i % 5 == 0 { Err(sqlx::Error::RowNotFound) } else { Ok(id) }
                })
            });
            (i, app::writer::grouped(&pool, work).await)
        }
    });
    for (i, answer) in futures::future::join_all(calls).await {
        let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE email_hash = $1")
            .bind(app.hash("email", &format!("grouped-{i}@example.com")))
            .fetch_one(&app.pool)
            .await
            .unwrap();
        match answer {
            Ok(id) => {
                assert!(i % 5 != 0 && stored == 1, "{i}: answered {id}, stored {stored}");
            }
            Err(sqlx::Error::RowNotFound) => assert!(i % 5 == 0 && stored == 0, "{i}: failed, stored {stored}"),
            Err(e) => panic!("{i}: {e}"),
        }
    }
    assert_eq!(app.count("customers").await, 32);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn signups_written_together_are_each_what_one_alone_would_be() {
    use app::widgets::signup::{SignupForm, ValidSignup, db::save_signup};
    let app = spawn_app().await;
    let (text_id, body) = app.demo_consent_text().await;
    let key = app::domain::SiteKey::parse("demo").unwrap();
    let site = app::sites::db::find_by_key(&app.pool, &key).await.unwrap().unwrap();
    let form = |i: usize| {
        let consent = i.is_multiple_of(4) || i == 13;
        SignupForm {
            first_name: "Bo".into(),
            email: if i == 7 { "known@example.com".into() } else { format!("b{i}@example.com") },
            phone: if i.is_multiple_of(5) { "0612345678".into() } else { String::new() },
            consent,
            // Thirteen names a wording that is not the site's, as if removed meanwhile.
            consent_text_id: consent.then_some(if i == 13 { 999_999 } else { text_id }),
            ..Default::default()
        }
    };
    let signup = |form: &SignupForm| ValidSignup::parse(form, app::domain::AddressMode::Off).unwrap();
    let page = format!("{}/news", app.url);
    let first = save_signup(&app.pool, &site, signup(&form(7)), page.clone()).await.unwrap();
    let known: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    // Forty at once, so that they go in together.
    let calls = (0..40).map(|i| {
        let (pool, site, page, valid) = (app.pool.clone(), site.clone(), page.clone(), signup(&form(i)));
        async move { (i, save_signup(&pool, &site, valid, page).await) }
    });
    let linked = |token: String| {
        let pool = app.pool.clone();
        async move { app::widgets::identity::customer_for_token(&pool, site.id, &token).await.unwrap() }
    };
    assert_eq!(linked(first.visitor).await.map(|c| c.0), Some(known));
    for (i, answer) in futures::future::join_all(calls).await {
        let email = form(i).email;
        let stored: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE email_hash = $1")
            .bind(app.hash("email", &email))
            .fetch_optional(&app.pool)
            .await
            .unwrap();
        match (i, answer) {
            (13, Err(sqlx::Error::RowNotFound)) => assert_eq!(stored, None, "a failed signup leaves nothing"),
            (7, Ok(done)) => {
                assert_eq!(stored, Some(known));
                assert_eq!(linked(done.visitor).await, None, "a known address links no browser");
            }
            (_, Ok(done)) => {
                assert!(stored.is_some(), "{i} was answered but not stored");
                assert_eq!(linked(done.visitor).await.map(|c| c.0), stored, "{i}'s browser is linked to it");
            }
            (i, other) => panic!("{i}: {other:?}"),
        }
    }
    assert_eq!(app.count("customers").await, 39, "the first and 38 more: thirteen failed, seven was known");
    let consents: Vec<(String, i64)> =
        sqlx::query_as("SELECT body, consent_text_id FROM consents").fetch_all(&app.pool).await.unwrap();
    assert_eq!(consents.len(), 10, "every fourth ticked the box");
    assert!(consents.iter().all(|(b, id)| *b == body && *id == text_id));
    let phone = app::domain::Phone::parse("0612345678").unwrap().in_country(site.country.as_ref());
    let phones: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE phone_hash = $1")
        .bind(app.hash("phone", phone.as_str()))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(phones, 8, "every fifth gave a phone, kept as the site's country writes it");
}
