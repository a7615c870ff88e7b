//! One binary on a real server: the browser assets come from inside it, compressed, cached
//! for good under their version; the demo bakery exists only when asked for, and an
//! install that used it can remove it.

use crate::common;

use common::{spawn_app, spawn_app_with};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH};

fn plain() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_gzip().no_brotli().build().unwrap()
}

#[tokio::test]
async fn the_assets_come_compressed_from_the_binary_and_are_cached_for_good_under_their_version() {
    let app = spawn_app_with(|c| c.site_root = None).await;
    let get = |path: String, coding: &'static str| {
        plain().get(format!("{}{path}", app.url)).header(ACCEPT_ENCODING, coding).send()
    };
    let loader = get("/embed.js".into(), "br").await.unwrap();
    assert_eq!(loader.headers()[CONTENT_ENCODING], "br");
    assert_eq!(loader.headers()[CACHE_CONTROL], "no-cache", "shops embed this address: always revalidated");
    let etag = loader.headers()[ETAG].clone();
    let loader = get("/embed.js".into(), "identity").await.unwrap().text().await.unwrap();
    let version = loader.split("/v/").nth(1).and_then(|rest| rest.split('/').next()).unwrap().to_owned();
    assert_ne!(version, "dev", "the loader names this build's version");
    // Every widget family's bundle is there (embed.js asks for them by family), and the
    // bundle of them all.
    let families = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../frontend/Cargo.toml")).unwrap();
    let families = families.split("# The widget families").nth(1).unwrap().split("\n\n").next().unwrap();
    let names: Vec<String> = families
        .lines()
        .filter_map(|line| line.split_once(" = [\"widgets\"]").map(|(family, _)| format!("widgets-{family}")))
        .chain(["widgets".to_owned()])
        .collect();
    assert!(names.len() > 5, "{names:?}");
    for name in &names {
        for file in [format!("{name}.js"), format!("{name}_bg.wasm")] {
            let answer = get(format!("/v/{version}/pkg/{file}"), "br").await.unwrap();
            assert_eq!(answer.status(), StatusCode::OK, "{file}");
        }
    }
    let bundle = format!("/v/{version}/pkg/widgets-signup_bg.wasm");

    let wasm = get(bundle.clone(), "gzip, br").await.unwrap();
    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(wasm.headers()[CONTENT_ENCODING], "br");
    assert_eq!(wasm.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
    let packed = wasm.bytes().await.unwrap().len();
    let raw = get(bundle.clone(), "identity").await.unwrap().bytes().await.unwrap().len();
    assert!(packed * 2 < raw, "brotli {packed} B of {raw} B");
    let gzip = get(bundle.clone(), "gzip").await.unwrap();
    assert_eq!(gzip.headers()[CONTENT_ENCODING], "gzip");
    // An old version's address still answers, but is not cached for good.
    let old = get(bundle.replacen(&bundle[3..15], "000000000000", 1), "br").await.unwrap();
    assert_eq!((old.status(), old.headers()[CACHE_CONTROL].to_str().unwrap()), (StatusCode::OK, "no-cache"));

    let again = plain()
        .get(format!("{}/embed.js", app.url))
        .header(ACCEPT_ENCODING, "br")
        .header(IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    for bad in ["/v/x/../../Cargo.toml", "/.env", "/pkg/%2e%2e/Cargo.toml"] {
        assert_eq!(get(bad.into(), "br").await.unwrap().status(), StatusCode::NOT_FOUND, "{bad}");
    }
    // Each admin page loads this build's bundle of its area, and each area's bundle is there.
    let owner = app.signed_in_as(app::domain::Role::Owner, "owner@example.com").await;
    for (page, area) in [
        ("/admin/login", "front"),
        ("/admin", "front"),
        ("/admin/till", "till"),
        ("/admin/customers", "customers"),
        ("/admin/import", "upkeep"),
        ("/admin/analytics", "insight"),
        ("/admin/sites", "settings"),
        ("/admin/backups", "oversight"),
    ] {
        let html = owner.get(format!("{}{page}", app.url)).send().await.unwrap().text().await.unwrap();
        let bundle = format!("/v/{version}/pkg/patron-{area}_bg.wasm");
        assert!(html.contains(&bundle), "{page}: {html}");
        assert_eq!(html.matches("_bg.wasm").count(), 1, "{page} loads one bundle");
        for file in [bundle.clone(), bundle.replace("_bg.wasm", ".js")] {
            assert_eq!(get(file.clone(), "br").await.unwrap().status(), StatusCode::OK, "{file}");
        }
    }
}

#[tokio::test]
async fn a_new_install_has_no_demo_site_and_the_demo_runs_a_loyalty_card() {
    let app = spawn_app_with(|c| c.demo = false).await;
    let sites: i64 = sqlx::query_scalar("SELECT count(*) FROM sites").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sites, 0, "no demo bakery in a shop's install");
    assert_eq!(plain().get(format!("{}/demo", app.url)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let home = plain().get(&app.url).send().await.unwrap();
    assert_eq!(home.headers()["location"], "/admin");

    let demo = spawn_app().await;
    assert_eq!(plain().get(format!("{}/demo", demo.url)).send().await.unwrap().status(), StatusCode::OK);
    patron::demo::settle(&demo.pool, true).await.unwrap();
    let card: (String, String) = sqlx::query_as(
        "SELECT p.name, r.name FROM loyalty_programmes p JOIN loyalty_rewards r ON r.programme_id = p.id WHERE p.site_id = 1 AND p.active = 1",
    )
    .fetch_one(&demo.pool)
    .await
    .unwrap();
    assert_eq!(card, ("Bread card".into(), "Free loaf".into()), "its joining widget has a card to join");
    let dutch: serde_json::Value = demo.widget("loyalty_offer", &[("lang", "nl")]).await.json().await.unwrap();
    assert_eq!(
        dutch["programmes"],
        serde_json::json!([["Broodkaart", "Gratis brood · 10"]]),
        "and speaks Dutch to the Dutch"
    );
}

#[tokio::test]
async fn an_install_that_used_the_demo_removes_it_with_everything_on_it() {
    let app = spawn_app().await;
    app.fixture(
        "INSERT INTO customers (id, site_id, first_name) VALUES (900, 1, 'Ada');
         INSERT INTO purchases (site_id, customer_id, currency, subtotal_minor, total_minor, payment_method)
           VALUES (1, 900, 'EUR', 500, 500, 'cash');
         INSERT INTO nps_responses (site_id, score, language, page_url) VALUES (1, 9, 'en', '/');",
    )
    .await;
    // Started without --demo, an install whose demo has customers keeps it (and says so).
    patron::demo::settle(&app.pool, false).await.unwrap();
    let sites: i64 = sqlx::query_scalar("SELECT count(*) FROM sites").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sites, 1);
    assert_eq!(patron::demo::remove(&app.pool).await.unwrap(), Some(1));
    for table in ["sites", "customers", "purchases", "nps_responses", "catalogue_items", "consent_texts"] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(patron::demo::remove(&app.pool).await.unwrap(), None);
}
