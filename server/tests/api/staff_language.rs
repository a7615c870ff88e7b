//! Each staff member's language of the admin: kept on their account, sent as a cookie on
//! sign-in so another browser speaks it too, and the page itself rendered in it (or in the
//! browser's language before anyone has chosen).

use crate::common;

use app::domain::Role;
use common::{field_errors, spawn_app};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, SET_COOKIE};

async fn page_lang(app: &common::TestApp, client: &reqwest::Client, path: &str, accept: &str) -> String {
    let html = client.get(format!("{}{path}", app.url)).header(ACCEPT_LANGUAGE, accept).send().await.unwrap();
    let html = html.text().await.unwrap();
    let at = html.find("<html lang=\"").expect("an html element with its language") + 12;
    html[at..at + 2].to_owned()
}

#[tokio::test]
async fn a_chosen_language_is_kept_on_the_account_and_follows_it_to_another_browser() {
    let app = spawn_app().await;
    let cashier = app.signed_in_as(Role::Staff, "till@shop.example").await;
    // Nothing chosen: the browser's language, English when Patron does not ship it.
    assert_eq!(page_lang(&app, &cashier, "/admin/till", "fi-FI,fi;q=0.9").await, "fi");
    assert_eq!(page_lang(&app, &cashier, "/admin/till", "ja").await, "en");
    let mine = app.admin_via(&cashier, &app.url, "my_language", &[]).await;
    assert_eq!(mine.json::<Option<String>>().await.unwrap(), None);

    let res = app.admin_via(&cashier, &app.url, "set_language", &[("lang", "nl")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers().get(SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("patron_lang=nl;"), "{cookie}");
    assert_eq!(page_lang(&app, &cashier, "/admin/till", "fi").await, "nl", "the choice beats the browser's");

    // Another browser of the same person speaks Dutch from the moment they sign in.
    let tablet = app.signed_in_as_again("till@shop.example").await;
    assert_eq!(page_lang(&app, &tablet, "/admin/till", "de").await, "nl");
    let mine = app.admin_via(&tablet, &app.url, "my_language", &[]).await;
    assert_eq!(mine.json::<Option<String>>().await.unwrap().as_deref(), Some("nl"));

    // Back to the browser's: the cookie is forgotten.
    let res = app.admin_via(&tablet, &app.url, "set_language", &[("lang", "")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get(SET_COOKIE).unwrap().to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(page_lang(&app, &tablet, "/admin/till", "de").await, "de");
}

#[tokio::test]
async fn only_a_shipped_language_is_kept_and_only_for_someone_signed_in() {
    let app = spawn_app().await;
    let stranger = reqwest::Client::new();
    let res = app.admin_via(&stranger, &app.url, "set_language", &[("lang", "nl")]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let cashier = app.signed_in_as(Role::Staff, "till@shop.example").await;
    for forged in ["xx", "nl-NL", "<b>", "EN"] {
        let res = app.admin_via(&cashier, &app.url, "set_language", &[("lang", forged)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{forged}");
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(field_errors(&body).contains_key("language"), "{body}");
    }
    let kept: Option<String> = sqlx::query_scalar("SELECT lang FROM staff_users").fetch_one(&app.pool).await.unwrap();
    assert_eq!(kept, None);
    // A forged cookie is ignored: the browser's language again.
    let html = reqwest::Client::new()
        .get(format!("{}/admin/login", app.url))
        .header("cookie", "patron_lang=\"><script>")
        .header(ACCEPT_LANGUAGE, "pt-PT")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"pt\""), "{}", &html[..200.min(html.len())]);
}
