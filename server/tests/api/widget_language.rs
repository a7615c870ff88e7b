//! The language a page's widgets are mounted in: the page's where the site writes its own
//! texts in it, else the site's default, so no widget mixes two languages.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;

async fn spoken(app: &common::TestApp, asked: &str) -> String {
    let res = app.widget("language", &[("lang", asked)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

#[tokio::test]
async fn widgets_speak_the_pages_language_only_where_the_site_writes_in_it() {
    let app = spawn_app().await;
    assert_eq!(spoken(&app, "fi-FI").await, "fi");
    assert_eq!(spoken(&app, "pt_BR").await, "pt");
    assert_eq!(spoken(&app, "fr").await, "en", "a language Patron does not ship: the site's default");

    // Once the site no longer writes Finnish, a Finnish page gets the default language.
    sqlx::query("DELETE FROM site_languages WHERE language = 'fi'").execute(&app.pool).await.unwrap();
    assert_eq!(spoken(&app, "fi-FI").await, "en");
    sqlx::query("UPDATE sites SET default_language = 'nl'").execute(&app.pool).await.unwrap();
    assert_eq!(spoken(&app, "fi").await, "nl");
    assert_eq!(spoken(&app, "de").await, "de");
}

#[tokio::test]
async fn only_pages_the_site_allows_are_answered() {
    let app = spawn_app().await;
    let res = app.widget_from("demo", "https://evil.example", "language", &[("lang", "nl")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.widget_from("nosuchsite", &app.url, "language", &[("lang", "nl")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
