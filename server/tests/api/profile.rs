//! Progressive profiling: a known visitor is asked the next unanswered questions of the
//! site's list, a few at a time; an unknown one is asked nothing.

use crate::common;

use common::{Signup, spawn_app};
use reqwest::StatusCode;

async fn next(app: &common::TestApp, visitor: &str) -> Vec<String> {
    let res = app.widget("profile_next", &[("visitor", visitor)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    serde_json::from_value(res.json().await.unwrap()).unwrap()
}

async fn save(app: &common::TestApp, visitor: &str, answers: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("answers[visitor]".to_owned(), visitor.to_owned())];
    for (i, (field, value)) in answers.iter().enumerate() {
        form.push((format!("answers[answers][{i}][0]"), field.to_string()));
        form.push((format!("answers[answers][{i}][1]"), value.to_string()));
    }
    app.widget("profile", &form).await
}

fn profile_error(body: &serde_json::Value) -> (String, String) {
    let pair = &body["Invalid"][0];
    (pair[0]["profile"].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_known_visitor_answers_a_little_at_a_time_in_the_sites_order() {
    let app = spawn_app().await;
    let res = app.signup(&Signup { email: "lea@example.nl", ..Default::default() }).await;
    let token = res.json::<serde_json::Value>().await.unwrap()["visitor"].as_str().unwrap().to_owned();
    assert_eq!(next(&app, &token).await, ["birthday", "postcode"]);

    let res = save(&app, &token, &[("birthday", "1988-06-01"), ("postcode", "1017 ab")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    assert_eq!(next(&app, &token).await, ["household_size", "income_range"]);

    let res = save(&app, &token, &[("household_size", "3"), ("income_range", "40k_70k")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let row: (String, String, i64, String) =
        sqlx::query_as("SELECT birthday, postcode, household_size, income_range FROM customers")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, ("1988-06-01".into(), "1017 AB".into(), 3, "40k_70k".into()));
    assert_eq!(next(&app, &token).await, ["occupation", "preferred_channel"]);
}

#[tokio::test]
async fn bad_answers_are_refused_per_field_and_store_nothing() {
    let app = spawn_app().await;
    let res = app.signup(&Signup { email: "lea@example.nl", ..Default::default() }).await;
    let token = res.json::<serde_json::Value>().await.unwrap()["visitor"].as_str().unwrap().to_owned();
    for (field, value, problem) in [
        ("birthday", "1988-02-30", "NotADate"),
        ("household_size", "99", "OutOfRange"),
        ("income_range", "52000", "UnknownOption"),
        ("preferred_channel", "fax", "UnknownOption"),
        ("postcode", "#", "TooShort"),
    ] {
        let res = save(&app, &token, &[(field, value)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(profile_error(&res.json().await.unwrap()), (field.to_owned(), problem.to_owned()));
    }
    let all_blank = save(&app, &token, &[]).await;
    assert_eq!(all_blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(next(&app, &token).await, ["birthday", "postcode"], "nothing was stored");
}

#[tokio::test]
async fn an_unknown_visitor_is_asked_nothing_and_cannot_answer() {
    let app = spawn_app().await;
    assert!(next(&app, "").await.is_empty());
    assert!(next(&app, &"ab".repeat(32)).await.is_empty());
    let res = save(&app, &"ab".repeat(32), &[("birthday", "1990-01-01")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
