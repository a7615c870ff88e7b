//! A loyalty programme's words in its site's other languages: given by the owner under the
//! programme's own, shown to a customer who reads that language (the loyalty widget, their
//! own page); in a language the site does not write in, the programme's own words only.

use crate::common;

use app::domain::Role;
use common::{TestApp, field_errors, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn programmes(app: &TestApp, owner: &reqwest::Client) -> Vec<Value> {
    let res = app.admin_via(owner, &app.url, "loyalty_programmes", &[("site", "demo")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap().as_array().unwrap().clone()
}

async fn save(app: &TestApp, owner: &reqwest::Client, id: &str, fields: &[(String, String)]) -> reqwest::Response {
    let mut form: Vec<(String, String)> = [
        ("site", "demo"),
        ("id", id),
        ("form[active]", "on"),
        ("form[name]", "Bun card"),
        ("form[kind]", "stamps"),
        ("form[birthday_reward]", "A free coffee"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .into();
    form.extend_from_slice(fields);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.admin_via(owner, &app.url, "save_loyalty_programme", &form).await
}

fn field(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

async fn offer(app: &TestApp, lang: &str) -> Value {
    let res = app.widget("loyalty_offer", &[("lang", lang)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["programmes"].clone()
}

#[tokio::test]
async fn each_reader_sees_the_programme_in_their_language_or_in_its_own_words_never_a_mix() {
    let app = spawn_app().await;
    sqlx::query("DELETE FROM site_languages WHERE language = 'fi'").execute(&app.pool).await.unwrap();
    let owner = app.signed_in_as(Role::Owner, "owner@bakery.example").await;
    let rewards = field("form[rewards]", "10 Free bun\n20 Free cake");
    let res = save(&app, &owner, "", std::slice::from_ref(&rewards)).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let id = res.json::<i64>().await.unwrap().to_string();

    // Blank words in each of the site's other languages, the rewards listed to be named.
    let p = &programmes(&app, &owner).await[0];
    let languages: Vec<&str> = p["words"].as_array().unwrap().iter().map(|w| w["language"].as_str().unwrap()).collect();
    assert!(languages.contains(&"nl") && !languages.contains(&"en") && !languages.contains(&"fi"), "{languages:?}");
    let k = languages.iter().position(|l| *l == "nl").unwrap().to_string();
    let (bun, cake) = (p["rewards"][0]["id"].to_string(), p["rewards"][1]["id"].to_string());
    let dutch = |name: &str, cake_name: &str| {
        vec![
            field(&format!("form[words][{k}][language]"), "nl"),
            field(&format!("form[words][{k}][name]"), name),
            field(&format!("form[words][{k}][birthday_reward]"), "Een gratis koffie"),
            field(&format!("form[words][{k}][rewards][0][id]"), &bun),
            field(&format!("form[words][{k}][rewards][0][name]"), "Gratis broodje"),
            field(&format!("form[words][{k}][rewards][1][id]"), &cake),
            field(&format!("form[words][{k}][rewards][1][name]"), cake_name),
        ]
    };
    let mut form = vec![rewards.clone()];
    form.extend(dutch("Broodjeskaart", "Gratis taart"));
    assert_eq!(save(&app, &owner, &id, &form).await.status(), StatusCode::OK);

    assert_eq!(offer(&app, "nl").await, json!([["Broodjeskaart", "Gratis broodje · 10; Gratis taart · 20"]]));
    assert_eq!(
        offer(&app, "fi").await,
        json!([["Bun card", "Free bun · 10; Free cake · 20"]]),
        "the site does not write Finnish"
    );
    assert_eq!(offer(&app, "en").await, json!([["Bun card", "Free bun · 10; Free cake · 20"]]));
    let p = &programmes(&app, &owner).await[0];
    let nl = p["words"].as_array().unwrap().iter().find(|w| w["language"] == "nl").unwrap();
    assert_eq!(
        (nl["name"].as_str(), nl["birthday_reward"].as_str()),
        (Some("Broodjeskaart"), Some("Een gratis koffie"))
    );
    assert_eq!(p["name"], "Bun card", "the programme's own words stay its own");

    // A language Patron does not ship is refused, and nothing changes.
    let mut bad = vec![rewards.clone()];
    bad.extend(dutch("Kaart", "Taart"));
    bad.push(field("form[words][9][language]", "xx"));
    let res = save(&app, &owner, &id, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&res.json().await.unwrap())["programme_words"], "UnknownOption");
    assert_eq!(offer(&app, "nl").await[0][0], "Broodjeskaart");

    // A reward whose cost changes is a new reward: its Dutch name is asked for again, while the
    // unchanged one keeps its own.
    let mut form = vec![field("form[rewards]", "10 Free bun\n25 Free cake")];
    form.extend(dutch("Broodjeskaart", "Gratis taart"));
    assert_eq!(save(&app, &owner, &id, &form).await.status(), StatusCode::OK);
    assert_eq!(offer(&app, "nl").await, json!([["Broodjeskaart", "Gratis broodje · 10; Free cake · 25"]]));
}

#[tokio::test]
async fn a_dutch_customer_reads_their_card_in_dutch_on_their_own_page() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@bakery.example").await;
    let res = save(&app, &owner, "", &[field("form[rewards]", "10 Free bun")]).await;
    let id = res.json::<i64>().await.unwrap().to_string();
    let p = &programmes(&app, &owner).await[0];
    let k = p["words"].as_array().unwrap().iter().position(|w| w["language"] == "nl").unwrap();
    let bun = p["rewards"][0]["id"].to_string();
    let form = [
        field("form[rewards]", "10 Free bun"),
        field(&format!("form[words][{k}][language]"), "nl"),
        field(&format!("form[words][{k}][name]"), "Broodjeskaart"),
        field(&format!("form[words][{k}][rewards][0][id]"), &bun),
        field(&format!("form[words][{k}][rewards][0][name]"), "Gratis broodje"),
    ];
    assert_eq!(save(&app, &owner, &id, &form).await.status(), StatusCode::OK);

    let join = [
        ("form[page_url]", app.url.as_str()),
        ("form[lang]", "nl"),
        ("form[first_name]", "Anouk"),
        ("form[email]", "anouk@example.nl"),
        ("form[agree]", "true"),
    ];
    assert_eq!(app.widget("loyalty_join", &join).await.status(), StatusCode::OK);
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = no_redirects.post(app.mailed_link("anouk@example.nl").await).send().await.unwrap();
    let cookie = res.headers()[reqwest::header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let page = |lang: &'static str| {
        let (client, cookie) = (no_redirects.clone(), cookie.clone());
        let url = format!("{}/p/demo/me?lang={lang}", app.url);
        async move { client.get(url).header(reqwest::header::COOKIE, cookie).send().await.unwrap().text().await.unwrap() }
    };
    let dutch = page("nl").await;
    assert!(dutch.contains("Broodjeskaart") && !dutch.contains("Bun card"), "{dutch}");
    let english = page("en").await;
    assert!(english.contains("Bun card") && !english.contains("Broodjeskaart"));
}
