//! The survey widgets' endpoints (NPS, rank your reasons, how did you hear), called as a
//! shop page in a browser would call them.

use crate::common;

use common::{field_errors, spawn_app};
use reqwest::StatusCode;

fn page(app: &common::TestApp) -> String {
    format!("{}/demo/thanks", app.url)
}

async fn question(app: &common::TestApp, kind: &str, lang: &str) -> serde_json::Value {
    let res = app.widget("question", &[("kind", kind), ("lang", lang)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn option_ids(q: &serde_json::Value) -> Vec<i64> {
    q["options"].as_array().unwrap().iter().map(|o| o["id"].as_i64().unwrap()).collect()
}

#[tokio::test]
async fn questions_come_in_the_visitors_language_with_the_sites_own_wording_first() {
    let app = spawn_app().await;
    let en = question(&app, "Reasons", "en-GB").await;
    assert_eq!(en["text"], "Why did you buy from us today?");
    let labels: Vec<_> = en["options"].as_array().unwrap().iter().map(|o| o["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Convenience", "Low price", "Best quality", "Best choice"]);

    let nl = question(&app, "Reasons", "nl").await;
    assert_eq!(nl["text"], "Waarom heeft u vandaag bij ons gekocht?");
    assert_eq!(nl["options"][1]["label"], "Lage prijs");

    // A site's own text wins in its language; other languages keep the catalogue's.
    sqlx::query("INSERT INTO site_texts (site_id, key, language, body) VALUES (1, 'reasons.option.low_price', 'nl', 'Goedkoop')")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(question(&app, "Reasons", "nl").await["options"][1]["label"], "Goedkoop");
    assert_eq!(question(&app, "Reasons", "fi").await["options"][1]["label"], "Edullinen hinta");

    // A code the catalogue does not know takes the site's default-language text.
    sqlx::query("INSERT INTO question_options (site_id, question, code, position) VALUES (1, 'heard', 'radio_ad', 9)")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO site_texts (site_id, key, language, body) VALUES (1, 'heard.option.radio_ad', 'en', 'Our radio ad')")
        .execute(&app.pool)
        .await
        .unwrap();
    let heard = question(&app, "Heard", "ru").await;
    assert_eq!(heard["text"], "Как вы о нас узнали?");
    assert_eq!(heard["options"].as_array().unwrap().last().unwrap()["label"], "Our radio ad");
}

#[tokio::test]
async fn an_nps_answer_is_stored_with_its_score_and_reason() {
    let app = spawn_app().await;
    let page = page(&app);
    let res = app
        .widget(
            "nps",
            &[
                ("score", "9"),
                ("reason", " Friendly staff\r\nand good bread "),
                ("lang", "pt-BR"),
                ("page_url", &page),
                ("visitor", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (score, reason, language, page_url): (i64, String, String, String) =
        sqlx::query_as("SELECT score, reason, language, page_url FROM nps_responses")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((score, reason.as_str(), language.as_str()), (9, "Friendly staff\nand good bread", "pt"));
    assert_eq!(page_url, page);
}

#[tokio::test]
async fn an_out_of_range_or_missing_score_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    for score in ["11", "-1", "999999999999"] {
        let res = app
            .widget("nps", &[("score", score), ("reason", ""), ("lang", "en"), ("page_url", ""), ("visitor", "")])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{score}");
        assert_eq!(field_errors(&res.json().await.unwrap())["score"], "OutOfRange");
    }
    // Not a number at all, or no score: the request does not parse.
    for form in [
        vec![("score", "ten"), ("reason", ""), ("lang", "en"), ("page_url", ""), ("visitor", "")],
        vec![("reason", "x")],
    ] {
        let res = app.widget("nps", &form).await;
        assert!(res.status().is_client_error() || res.status().is_server_error(), "{form:?}");
        assert!(!res.status().is_success());
    }
    let long = "a".repeat(1001);
    let res = app
        .widget("nps", &[("score", "5"), ("reason", long.as_str()), ("lang", "en"), ("page_url", ""), ("visitor", "")])
        .await;
    assert_eq!(field_errors(&res.json().await.unwrap())["reason"], "TooLong");
    assert_eq!(app.count("nps_responses").await, 0);
}

#[tokio::test]
async fn a_ranking_is_stored_as_one_response_with_ranks_one_to_n() {
    let app = spawn_app().await;
    let ids = option_ids(&question(&app, "Reasons", "en").await);
    let order = [ids[2], ids[0], ids[3], ids[1]];
    let mut form: Vec<(String, String)> =
        order.iter().enumerate().map(|(i, id)| (format!("order[{i}]"), id.to_string())).collect();
    form.extend([("lang".into(), "fi".into()), ("page_url".into(), page(&app)), ("visitor".into(), String::new())]);
    let res = app.widget("reasons", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let ranks: Vec<(String, i64)> = sqlx::query_as(
        "SELECT o.code, i.rank FROM reason_ranking_items i JOIN question_options o ON o.id = i.option_id ORDER BY i.rank",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let ranks: Vec<_> = ranks.iter().map(|(c, r)| (c.as_str(), *r)).collect();
    assert_eq!(ranks, [("best_quality", 1), ("convenience", 2), ("best_choice", 3), ("low_price", 4)]);
    assert_eq!(app.count("reason_rankings").await, 1);
}

#[tokio::test]
async fn duplicate_missing_or_unknown_ranks_are_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let ids = option_ids(&question(&app, "Reasons", "en").await);
    let bad_orders = [
        vec![ids[0], ids[0], ids[1], ids[2]],
        vec![ids[0], ids[1], ids[2]],
        vec![ids[0], ids[1], ids[2], 999_999],
        vec![ids[0], ids[1], ids[2], ids[3], ids[3]],
    ];
    for order in bad_orders {
        let mut form: Vec<(String, String)> =
            order.iter().enumerate().map(|(i, id)| (format!("order[{i}]"), id.to_string())).collect();
        form.extend([
            ("lang".into(), "en".into()),
            ("page_url".into(), String::new()),
            ("visitor".into(), String::new()),
        ]);
        let res = app.widget("reasons", &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{order:?}");
        assert_eq!(field_errors(&res.json().await.unwrap())["ranking"], "NotARanking");
    }
    assert_eq!(app.count("reason_rankings").await, 0);
}

#[tokio::test]
async fn heard_takes_one_of_the_sites_options_or_other_text() {
    let app = spawn_app().await;
    let ids = option_ids(&question(&app, "Heard", "en").await);
    let friend = ids[1].to_string();
    let res = app
        .widget(
            "heard",
            &[("option_id", friend.as_str()), ("other", ""), ("lang", "af"), ("page_url", ""), ("visitor", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res =
        app.widget("heard", &[("other", "  A podcast  "), ("lang", "en"), ("page_url", ""), ("visitor", "")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT o.code, h.other_text FROM heard_responses h LEFT JOIN question_options o ON o.id = h.option_id ORDER BY h.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(rows, [(Some("friend".into()), None), (None, Some("A podcast".into()))]);
}

#[tokio::test]
async fn heard_refuses_an_unknown_option_blank_or_overlong_other() {
    let app = spawn_app().await;
    let other_site_option: i64 = {
        sqlx::query("INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other', '/p')")
            .execute(&app.pool)
            .await
            .unwrap();
        sqlx::query_scalar("INSERT INTO question_options (site_id, question, code, position) VALUES (2, 'heard', 'tv', 1) RETURNING id")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let other_site_option = other_site_option.to_string();
    let res = app
        .widget(
            "heard",
            &[
                ("option_id", other_site_option.as_str()),
                ("other", ""),
                ("lang", "en"),
                ("page_url", ""),
                ("visitor", ""),
            ],
        )
        .await;
    assert_eq!(field_errors(&res.json().await.unwrap())["choice"], "UnknownOption");
    let res = app.widget("heard", &[("other", "   "), ("lang", "en"), ("page_url", ""), ("visitor", "")]).await;
    assert_eq!(field_errors(&res.json().await.unwrap())["other"], "Required");
    let long = "x".repeat(201);
    let res = app.widget("heard", &[("other", long.as_str()), ("lang", "en"), ("page_url", ""), ("visitor", "")]).await;
    assert_eq!(field_errors(&res.json().await.unwrap())["other"], "TooLong");
    assert_eq!(app.count("heard_responses").await, 0);
}

#[tokio::test]
async fn survey_endpoints_refuse_foreign_origins_and_unknown_sites() {
    let app = spawn_app().await;
    let form = [("score", "10"), ("reason", ""), ("lang", "en"), ("page_url", ""), ("visitor", "")];
    for endpoint in ["nps", "question", "reasons", "heard"] {
        let foreign = app.widget_from("demo", "https://evil.example", endpoint, &form).await;
        assert_eq!(foreign.status(), StatusCode::FORBIDDEN, "{endpoint}");
        let unknown = app.widget_from("nosuchsite", &app.url, endpoint, &form).await;
        assert_eq!(unknown.status(), StatusCode::FORBIDDEN, "{endpoint}");
    }
    assert_eq!(app.count("nps_responses").await, 0);
}

#[tokio::test]
async fn answers_from_a_browser_where_the_visitor_identified_are_linked_to_them() {
    let app = spawn_app().await;
    let res = app.signup(&common::Signup { email: "known@example.nl", ..Default::default() }).await;
    let token = res.json::<serde_json::Value>().await.unwrap()["visitor"].as_str().unwrap().to_owned();
    let ids = option_ids(&question(&app, "Heard", "en").await);
    let first = ids[0].to_string();
    for (endpoint, form) in [
        ("nps", vec![("score", "10"), ("reason", ""), ("lang", "nl"), ("page_url", ""), ("visitor", token.as_str())]),
        (
            "heard",
            vec![
                ("option_id", first.as_str()),
                ("other", ""),
                ("lang", "nl"),
                ("page_url", ""),
                ("visitor", token.as_str()),
            ],
        ),
        // An anonymous answer stays anonymous.
        ("nps", vec![("score", "3"), ("reason", ""), ("lang", "nl"), ("page_url", ""), ("visitor", "")]),
    ] {
        assert_eq!(app.widget(endpoint, &form).await.status(), StatusCode::OK, "{endpoint}");
    }
    let linked: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT n.score, c.email FROM nps_responses n LEFT JOIN customers c ON c.id = n.customer_id ORDER BY n.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let linked: Vec<(i64, Option<String>)> =
        linked.into_iter().map(|(score, email)| (score, app.open_opt(email))).collect();
    assert_eq!(linked, [(10, Some("known@example.nl".into())), (3, None)]);
    let heard: Option<String> =
        sqlx::query_scalar("SELECT c.email FROM heard_responses h JOIN customers c ON c.id = h.customer_id")
            .fetch_optional(&app.pool)
            .await
            .unwrap();
    let heard = app.open_opt(heard);
    assert_eq!(heard.as_deref(), Some("known@example.nl"));
}
