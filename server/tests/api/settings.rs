//! The owner's site settings: who may change them, and that each change reaches the widgets.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;

const OWNER: &str = "owner@shop.example";

async fn owner_app() -> TestApp {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    app
}

async fn settings(app: &TestApp) -> serde_json::Value {
    let res = app.admin("site_settings", &[("site", "demo")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn settings_need_a_session_and_the_owner_role() {
    let app = owner_app().await;
    let anonymous = reqwest::Client::new();
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let calls: [(&str, &[(&str, &str)]); 4] = [
        ("site_settings", &[("site", "demo")]),
        ("list_sites", &[]),
        ("set_widget", &[("site", "demo"), ("widget", "nps"), ("on", "false")]),
        ("add_origin", &[("site", "demo"), ("origin", "https://evil.example")]),
    ];
    for (endpoint, form) in calls {
        let res = app.admin_via(&anonymous, &app.url, endpoint, form).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint} without a session");
        for client in [&manager, &till] {
            let res = app.admin_via(client, &app.url, endpoint, form).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{endpoint} below owner");
        }
    }
    let s = settings(&app).await;
    assert_eq!(s["widgets"].as_array().unwrap().len(), app::domain::WidgetKind::ALL.len(), "nothing was switched off");
    assert_eq!(s["origins"], serde_json::json!(["self"]), "nothing was allowed");
}

#[tokio::test]
async fn the_owner_sees_the_demo_sites_settings_and_embed_snippets_base() {
    let app = owner_app().await;
    let s = settings(&app).await;
    assert_eq!(s["name"], "Demo Bakery");
    assert_eq!(s["embed_server"], app.url);
    assert_eq!(s["widgets"][0], "signup");
    assert_eq!(s["languages"].as_array().unwrap().len(), 7);
    assert_eq!(s["questions"][0]["options"].as_array().unwrap().len(), 4);
    assert_eq!(s["profile_fields"][0], "birthday");
    let unknown = app.admin("site_settings", &[("site", "nope")]).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let country = |s: &serde_json::Value, code: &str| {
        s["countries"].as_array().unwrap().iter().find(|c| c[0] == code).map(|c| c[1].clone())
    };
    assert_eq!(country(&s, "NL"), Some("Netherlands (+31)".into()));
    // Countries are named in the owner's language.
    assert_eq!(app.admin("set_language", &[("lang", "ru")]).await.status(), StatusCode::OK);
    assert_eq!(country(&settings(&app).await, "NL"), Some("Нидерланды (+31)".into()));
}

#[tokio::test]
async fn a_switched_off_widget_refuses_its_calls_and_stores_nothing() {
    let app = owner_app().await;
    let off = app.admin("set_widget", &[("site", "demo"), ("widget", "nps"), ("on", "false")]).await;
    assert_eq!(off.status(), StatusCode::OK);
    let page = format!("{}/demo/thanks", app.url);
    let answer = [("score", "9"), ("reason", ""), ("lang", "en"), ("page_url", page.as_str()), ("visitor", "")];
    let res = app.widget("nps", &answer).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(res.json::<String>().await.unwrap(), "WidgetOff");
    let question = app.widget("question", &[("kind", "Nps"), ("lang", "en")]).await;
    assert_eq!(question.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("nps_responses").await, 0);
    // Other widgets carry on.
    assert_eq!(app.widget("question", &[("kind", "Reasons"), ("lang", "en")]).await.status(), StatusCode::OK);

    app.admin("set_widget", &[("site", "demo"), ("widget", "nps"), ("on", "true")]).await;
    assert_eq!(app.widget("nps", &answer).await.status(), StatusCode::OK);
    assert_eq!(app.count("nps_responses").await, 1);
}

#[tokio::test]
async fn an_allowed_origin_can_use_the_widgets_until_it_is_removed() {
    let app = owner_app().await;
    let shop = "https://bakery.example";
    let ask = || app.widget_from("demo", shop, "question", &[("kind", "Heard"), ("lang", "en")]);
    assert_eq!(ask().await.status(), StatusCode::FORBIDDEN);

    let bad = app.admin("add_origin", &[("site", "demo"), ("origin", "bakery.example/shop")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&bad.json().await.unwrap())["origin"], "NotAUrl");

    let added = app.admin("add_origin", &[("site", "demo"), ("origin", "HTTPS://Bakery.example/")]).await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(ask().await.status(), StatusCode::OK);
    assert!(settings(&app).await["origins"].as_array().unwrap().contains(&shop.into()), "stored as browsers send it");

    app.admin("remove_origin", &[("site", "demo"), ("origin", shop)]).await;
    assert_eq!(ask().await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_changed_consent_wording_is_a_new_version_and_old_consents_keep_theirs() {
    let app = owner_app().await;
    let (old_id, old_body) = app.demo_consent_text().await;
    app.signup(&common::Signup {
        first_name: "Ann",
        email: "ann@example.com",
        consent: true,
        consent_text_id: Some(old_id),
        ..Default::default()
    })
    .await;

    let short = app.admin("save_consent_text", &[("site", "demo"), ("language", "en"), ("body", "Yes")]).await;
    assert_eq!(field_errors(&short.json().await.unwrap())["consent_text"], "TooShort");
    let new_body = "Yes, email me Demo Bakery's weekly bread list. Unsubscribe any time.";
    let saved = app.admin("save_consent_text", &[("site", "demo"), ("language", "en"), ("body", new_body)]).await;
    assert_eq!(saved.json::<i64>().await.unwrap(), 2);
    let again = app.admin("save_consent_text", &[("site", "demo"), ("language", "en"), ("body", new_body)]).await;
    assert_eq!(again.json::<i64>().await.unwrap(), 2, "the same wording is not a new version");

    let config: serde_json::Value = app.widget("signup_config", &[("lang", "en")]).await.json().await.unwrap();
    assert_eq!(config["consent_text"], new_body);
    let kept: String = sqlx::query_scalar("SELECT body FROM consents").fetch_one(&app.pool).await.unwrap();
    assert_eq!(kept, old_body);
}

async fn wording(app: &TestApp, lang: &str) -> String {
    let config: serde_json::Value = app.widget("signup_config", &[("lang", lang)]).await.json().await.unwrap();
    config["consent_text"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn consent_wording_follows_the_sites_languages() {
    let app = owner_app().await;
    assert!(wording(&app, "nl").await.starts_with("Ja, stuur mij"));
    let general = [
        ("form[site]", "demo"),
        ("form[name]", "Demo Bakery"),
        ("form[privacy_policy_url]", "/demo/privacy"),
        ("form[default_language]", "en"),
        ("form[languages][]", "de"),
    ];
    let res = app.admin("save_site", &general).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(settings(&app).await["languages"], serde_json::json!(["de", "en"]));
    assert!(wording(&app, "nl").await.starts_with("Yes, send me"), "Dutch is no longer one of the site's languages");
    assert!(wording(&app, "de").await.starts_with("Ja, schickt mir"));

    let bad = app
        .admin(
            "save_site",
            &[
                ("form[site]", "demo"),
                ("form[name]", ""),
                ("form[privacy_policy_url]", "javascript:x"),
                ("form[default_language]", "xx"),
            ],
        )
        .await;
    let errors = field_errors(&bad.json().await.unwrap());
    assert_eq!((errors["site_name"].as_str(), errors["policy_url"].as_str()), ("Required", "NotAUrl"));
    assert_eq!(errors["language"], "UnknownOption");
    assert_eq!(settings(&app).await["name"], "Demo Bakery", "nothing half-saved");
}

async fn add_heard(app: &TestApp, code: &str, label: &str) -> reqwest::Response {
    app.admin("add_option", &[("site", "demo"), ("question", "Heard"), ("code", code), ("label", label)]).await
}

#[tokio::test]
async fn options_are_added_reordered_switched_off_and_worded_per_language() {
    let app = owner_app().await;
    let bad = add_heard(&app, "Radio ad", "").await;
    let errors = field_errors(&bad.json().await.unwrap());
    assert_eq!((errors["code"].as_str(), errors["label"].as_str()), ("NotACode", "Required"));
    assert_eq!(add_heard(&app, "radio_ad", "Our radio ad").await.status(), StatusCode::OK);
    assert_eq!(field_errors(&add_heard(&app, "radio_ad", "Again").await.json().await.unwrap())["code"], "Taken");

    let heard = || async {
        let q: serde_json::Value =
            app.widget("question", &[("kind", "Heard"), ("lang", "nl")]).await.json().await.unwrap();
        q["options"].as_array().unwrap().iter().map(|o| o["label"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(heard().await.last().unwrap(), "Our radio ad", "the default language's label until Dutch has one");

    let s = settings(&app).await;
    let options = s["questions"][2]["options"].as_array().unwrap().clone();
    let radio = options.last().unwrap()["id"].as_i64().unwrap().to_string();
    let first = options[0]["id"].as_i64().unwrap().to_string();
    app.admin("move_option", &[("site", "demo"), ("option", &radio), ("up", "true")]).await;
    app.admin("set_option", &[("site", "demo"), ("option", &first), ("active", "false")]).await;
    let texts = [
        ("form[site]", "demo"),
        ("form[language]", "nl"),
        ("form[texts][0][key]", "heard.option.radio_ad"),
        ("form[texts][0][body]", "Onze radioreclame"),
        ("form[texts][1][key]", "heard.question"),
        ("form[texts][1][body]", "Hoe kent u ons?"),
    ];
    assert_eq!(app.admin("save_texts", &texts).await.status(), StatusCode::OK);
    let labels = heard().await;
    assert_eq!(labels.len(), 5, "search engine is switched off");
    assert_eq!(labels[3], "Onze radioreclame", "moved one up, now in Dutch");
    let q: serde_json::Value = app.widget("question", &[("kind", "Heard"), ("lang", "nl")]).await.json().await.unwrap();
    assert_eq!(q["text"], "Hoe kent u ons?");

    let unknown_key = [
        ("form[site]", "demo"),
        ("form[language]", "nl"),
        ("form[texts][0][key]", "signup.secret"),
        ("form[texts][0][body]", "x"),
    ];
    assert_eq!(
        field_errors(&app.admin("save_texts", &unknown_key).await.json().await.unwrap())["text"],
        "UnknownOption"
    );
}

#[tokio::test]
async fn profile_fields_are_saved_in_the_owners_order_and_unknown_ones_refused() {
    let app = owner_app().await;
    let form = [("form[site]", "demo"), ("form[fields][0]", "occupation"), ("form[fields][1]", "postcode")];
    assert_eq!(app.admin("save_profile_fields", &form).await.status(), StatusCode::OK);
    assert_eq!(settings(&app).await["profile_fields"], serde_json::json!(["occupation", "postcode"]));
    let bad = [("form[site]", "demo"), ("form[fields][0]", "shoe_size")];
    assert_eq!(app.admin("save_profile_fields", &bad).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(settings(&app).await["profile_fields"], serde_json::json!(["occupation", "postcode"]));
}

#[tokio::test]
async fn a_new_site_starts_with_its_wording_and_no_origin() {
    let app = owner_app().await;
    let form = |key: &'static str| {
        [
            ("form[key]", key),
            ("form[name]", "Bike Shop"),
            ("form[privacy_policy_url]", "https://bikes.example/privacy"),
            ("form[default_language]", "fi"),
            ("form[consent_text]", "Kyllä, lähettäkää uutiskirje sähköpostilla."),
        ]
    };
    let bad = app.admin("create_site", &form("Bike Shop")).await;
    assert_eq!(field_errors(&bad.json().await.unwrap())["site_key"], "NotACode");
    assert_eq!(app.admin("create_site", &form("demo")).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "taken");
    let res = app.admin("create_site", &form("bikes")).await;
    assert_eq!(res.json::<String>().await.unwrap(), "bikes");

    let shop = "https://bikes.example";
    let config = || app.widget_from("bikes", shop, "signup_config", &[("lang", "en")]);
    assert_eq!(config().await.status(), StatusCode::FORBIDDEN, "no origin allowed yet");
    app.admin("add_origin", &[("site", "bikes"), ("origin", shop)]).await;
    let c: serde_json::Value = config().await.json().await.unwrap();
    assert_eq!(c["consent_text"], "Kyllä, lähettäkää uutiskirje sähköpostilla.", "the default language's wording");
    let sites: serde_json::Value = app.admin("list_sites", &[]).await.json().await.unwrap();
    assert_eq!(sites.as_array().unwrap().len(), 2);
}
