//! The customer pages in the customer's language: the link's `?lang=`, else the browser's,
//! else the site's default, and only languages the site writes in.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;

async fn page(app: &common::TestApp, path: &str, accept: Option<&str>) -> (StatusCode, String) {
    let mut req = reqwest::Client::new().get(format!("{}{path}", app.url));
    if let Some(accept) = accept {
        req = req.header("accept-language", accept);
    }
    let res = req.send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn the_link_then_the_browser_then_the_site_default() {
    let app = spawn_app().await;
    let (status, ru) = page(&app, "/p/demo/me?lang=ru", Some("nl-NL,nl;q=0.9")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ru.contains("<html lang=\"ru\">") && ru.contains("Прислать мне ссылку"), "{ru}");
    assert!(ru.contains("action=\"/p/demo/me?lang=ru\""), "the form keeps the language: {ru}");
    let (_, nl) = page(&app, "/p/demo/me", Some("fr-FR,nl;q=0.8,en;q=0.5")).await;
    assert!(nl.contains("<html lang=\"nl\">") && nl.contains("Stuur mij een link"), "{nl}");
    let (_, en) = page(&app, "/p/demo/privacy/request", None).await;
    assert!(en.contains("<html lang=\"en\">") && en.contains("Send me the link"), "{en}");
    let (_, de) = page(&app, "/p/demo/privacy/request", Some("de-AT")).await;
    assert!(de.contains("Was möchten Sie?") && de.contains("Meine Daten löschen"), "{de}");

    // A language the site does not write in: the browser's next, else the site's default.
    sqlx::query("DELETE FROM site_languages WHERE language = 'fi'").execute(&app.pool).await.unwrap();
    let (_, fi) = page(&app, "/p/demo/me?lang=fi", Some("fi-FI")).await;
    assert!(fi.contains("<html lang=\"en\">") && fi.contains("Send me a link"), "{fi}");
    let (_, odd) = page(&app, "/p/demo/me?lang=%3Cscript%3E", None).await;
    assert!(odd.contains("<html lang=\"en\">") && !odd.contains("<script"), "{odd}");
}

#[tokio::test]
async fn a_request_made_on_a_dutch_page_is_mailed_in_dutch_and_its_link_opens_in_dutch() {
    let app = spawn_app().await;
    let signup = common::Signup { email: "noor@example.nl", ..Default::default() };
    assert_eq!(app.signup(&signup).await.status(), StatusCode::OK);
    let res = reqwest::Client::new()
        .post(format!("{}/p/demo/privacy/request?lang=nl", app.url))
        .header("origin", &app.url)
        .form(&[("email", "noor@example.nl"), ("kind", "erasure")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Kijk in uw inbox"));
    let link = app.mailed_link("noor@example.nl").await;
    assert!(link.ends_with("?lang=nl"), "{link}");
    let shown = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(shown.contains("Mijn gegevens wissen") && shown.contains("voorgoed"), "{shown}");
    let bad = reqwest::Client::new()
        .post(format!("{}/p/demo/privacy/request?lang=nl", app.url))
        .header("origin", &app.url)
        .form(&[("email", "noor at example"), ("kind", "erasure")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("Vul een geldig e-mailadres in"), "the field's problem in Dutch");
}
