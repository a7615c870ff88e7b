//! The REST API, called as a web shop's server would: keys and scopes, every endpoint, the
//! one error shape, orders pushed twice stored once, and a schemathesis run with every check
//! over the OpenAPI document that must find nothing.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A key of the demo site with `scopes`, made by the owner in the admin.
async fn key(app: &TestApp, owner: &reqwest::Client, scopes: &str) -> String {
    let res = app
        .admin_via(owner, &app.url, "create_api_key", &[("site", "demo"), ("name", "Web shop"), ("scopes", scopes)])
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

fn api(app: &TestApp, method: reqwest::Method, path: &str, key: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new().request(method, format!("{}{path}", app.url)).bearer_auth(key)
}

async fn json_of(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    (status, res.json().await.unwrap())
}

#[tokio::test]
async fn a_key_reaches_only_its_scopes_and_a_revoked_or_made_up_one_nothing() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let reader = key(&app, &owner, "customers:read").await;
    assert!(reader.starts_with("patron_") && reader.len() == 71);

    let (status, body) =
        json_of(api(&app, reqwest::Method::GET, "/api/v1/customers", &reader).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({ "data": [], "next_after": null }));

    let (status, body) = json_of(
        api(&app, reqwest::Method::POST, "/api/v1/customers", &reader)
            .json(&json!({ "email": "a@b.example" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "forbidden");
    assert!(body["error"]["message"].as_str().unwrap().contains("customers:write"));

    let res = reqwest::Client::new().get(format!("{}/api/v1/customers", app.url)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    let made_up = format!("patron_{}", "0".repeat(64));
    let res = api(&app, reqwest::Method::GET, "/api/v1/customers", &made_up).send().await.unwrap();
    assert_eq!(json_of(res).await.1["error"]["code"], "unauthorized");

    let keys: Value = app.admin_via(&owner, &app.url, "api_keys", &[("site", "demo")]).await.json().await.unwrap();
    assert_eq!(keys[0]["prefix"], &reader[..13]);
    assert!(keys[0]["last_used_at"].is_string(), "use is noted");
    let id = keys[0]["id"].to_string();
    assert_eq!(
        app.admin_via(&owner, &app.url, "revoke_api_key", &[("site", "demo"), ("id", &id)]).await.status(),
        StatusCode::OK
    );
    let res = api(&app, reqwest::Method::GET, "/api/v1/customers", &reader).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM api_keys WHERE key_hash = $1")
        .bind(app::tokens::hash(&reader))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 1, "only the key's hash is kept");

    let res = app
        .admin_via(&owner, &app.url, "create_api_key", &[("site", "demo"), ("name", ""), ("scopes", "everything")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = common::field_errors(&res.json().await.unwrap());
    assert_eq!((errors["key_name"].as_str(), errors["scopes"].as_str()), ("Required", "UnknownOption"));
}

#[tokio::test]
async fn a_web_shop_writes_customers_and_pushes_each_order_once() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let key = key(
        &app,
        &owner,
        "customers:read,customers:write,consents:read,purchases:read,purchases:write,reservations:read",
    )
    .await;
    use reqwest::Method as M;

    let (status, bad) = json_of(
        api(&app, M::POST, "/api/v1/customers", &key)
            .json(&json!({ "email": "not-an-email", "phone": "12" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        bad["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["email", "phone"]);
    assert_eq!(app.count("customers").await, 0);

    let new = json!({ "email": "Ann@Example.com", "first_name": "Ann", "phone": "+31 6 12345678" });
    let (status, ann) = json_of(api(&app, M::POST, "/api/v1/customers", &key).json(&new).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!((ann["email"].as_str(), ann["first_name"].as_str()), (Some("ann@example.com"), Some("Ann")));
    let again = json!({ "email": "ann@example.com", "last_name": "Lee" });
    let (status, updated) =
        json_of(api(&app, M::POST, "/api/v1/customers", &key).json(&again).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (updated["id"].clone(), updated["last_name"].as_str(), updated["first_name"].as_str()),
        (ann["id"].clone(), Some("Lee"), Some("Ann"))
    );

    let id = ann["id"].as_i64().unwrap();
    let (status, one) =
        json_of(api(&app, M::GET, &format!("/api/v1/customers/{id}"), &key).send().await.unwrap()).await;
    assert_eq!((status, one["phone"].as_str()), (StatusCode::OK, Some("+31612345678")));
    let (status, none) = json_of(api(&app, M::GET, "/api/v1/customers/999999", &key).send().await.unwrap()).await;
    assert_eq!((status, none["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
    let (status, consents) =
        json_of(api(&app, M::GET, &format!("/api/v1/customers/{id}/consents"), &key).send().await.unwrap()).await;
    assert_eq!((status, consents), (StatusCode::OK, json!([])));

    let order = json!({
        "email": "bo@example.com", "external_id": "WEB-1001", "payment_method": "card", "discount_minor": 100,
        "lines": [{ "sku": "RYE", "quantity": 2 }, { "description": "Gift box", "unit_price_minor": 350 }]
    });
    let (status, first) =
        json_of(api(&app, M::POST, "/api/v1/purchases", &key).json(&order).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["lines"][0]["sku"], "RYE");
    assert_eq!(first["lines"][1]["line_total_minor"], 350);
    let rye: i64 = sqlx::query_scalar("SELECT price_minor FROM catalogue_items WHERE sku = 'RYE' AND site_id = 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(first["total_minor"], 2 * rye + 350 - 100);
    let (status, second) =
        json_of(api(&app, M::POST, "/api/v1/purchases", &key).json(&order).send().await.unwrap()).await;
    assert_eq!((status, second["id"].clone()), (StatusCode::OK, first["id"].clone()), "the same order is stored once");
    let purchases: i64 = sqlx::query_scalar("SELECT count(*) FROM purchases").fetch_one(&app.pool).await.unwrap();
    assert_eq!(purchases, 1);
    let (status, read) =
        json_of(api(&app, M::GET, &format!("/api/v1/purchases/{}", first["id"]), &key).send().await.unwrap()).await;
    assert_eq!((status, read["external_id"].as_str()), (StatusCode::OK, Some("WEB-1001")));

    let bad_order = json!({ "customer_id": id, "payment_method": "bitcoin",
        "lines": [{ "sku": "NO-SUCH" }, { "description": "Cake", "quantity": 0, "unit_price_minor": -5 }] });
    let (status, bad) =
        json_of(api(&app, M::POST, "/api/v1/purchases", &key).json(&bad_order).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        bad["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    for f in ["payment_method", "lines[0].sku", "lines[1].quantity", "lines[1].unit_price_minor"] {
        assert!(fields.contains(&f), "{f} not in {fields:?}");
    }
    let purchases: i64 = sqlx::query_scalar("SELECT count(*) FROM purchases").fetch_one(&app.pool).await.unwrap();
    assert_eq!(purchases, 1, "nothing of a refused order is stored");
    // A well-formed order naming a product the site does not have conflicts with its catalogue.
    let unknown = json!({ "customer_id": id, "payment_method": "card", "lines": [{ "sku": "NO-SUCH" }] });
    let (status, body) =
        json_of(api(&app, M::POST, "/api/v1/purchases", &key).json(&unknown).send().await.unwrap()).await;
    assert_eq!((status, body["error"]["fields"][0]["field"].as_str()), (StatusCode::CONFLICT, Some("lines[0].sku")));

    let (status, body) = json_of(
        api(&app, M::POST, "/api/v1/purchases", &key)
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("malformed")));

    let (status, page) = json_of(api(&app, M::GET, "/api/v1/customers?limit=1", &key).send().await.unwrap()).await;
    assert_eq!((status, page["data"].as_array().unwrap().len()), (StatusCode::OK, 1));
    let next = page["next_after"].as_i64().unwrap();
    let (_, rest) =
        json_of(api(&app, M::GET, &format!("/api/v1/customers?limit=1&after={next}"), &key).send().await.unwrap())
            .await;
    assert_eq!(rest["data"][0]["email"], "bo@example.com", "the order made its customer");
    let (status, _) = json_of(api(&app, M::GET, "/api/v1/customers?limit=0", &key).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, reservations) =
        json_of(api(&app, M::GET, "/api/v1/reservations?status=open", &key).send().await.unwrap()).await;
    assert_eq!((status, reservations["data"].clone()), (StatusCode::OK, json!([])));

    // A saved segment, pulled by a mail tool with its own key.
    let res = app
        .admin_via(
            &owner,
            &app.url,
            "save_segment",
            &[("site", "demo"), ("name", "Everyone"), ("filter", r#"{"all":true,"groups":[]}"#)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let (status, _) = json_of(api(&app, M::GET, "/api/v1/segments", &key).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "segments:read was not given");
    let lists = self::key(&app, &owner, "segments:read").await;
    let (status, segments) = json_of(api(&app, M::GET, "/api/v1/segments", &lists).send().await.unwrap()).await;
    assert_eq!((status, segments[0]["name"].as_str()), (StatusCode::OK, Some("Everyone")));
    let path = format!("/api/v1/segments/{}/customers?limit=1", segments[0]["id"]);
    let (status, members) = json_of(api(&app, M::GET, &path, &lists).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{members}");
    assert_eq!(
        (members["data"][0]["email"].as_str(), members["next_offset"].as_i64()),
        (Some("ann@example.com"), Some(1))
    );
    let (_, rest) = json_of(api(&app, M::GET, &format!("{path}&offset=1"), &lists).send().await.unwrap()).await;
    assert_eq!(rest["data"][0]["email"], "bo@example.com");
    assert_eq!(rest["data"][0]["spent_minor"], first["total_minor"]);
    let (status, _) = json_of(api(&app, M::GET, "/api/v1/segments/999/customers", &lists).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Another site's key sees none of this site's customers.
    sqlx::query("INSERT INTO sites (id, site_key, name, privacy_policy_url) VALUES (2, 'other', 'Other', '/p')")
        .execute(&app.pool)
        .await
        .unwrap();
    let other = format!("patron_{}", "a".repeat(64));
    sqlx::query("INSERT INTO api_keys (site_id, name, key_hash, prefix, scopes) VALUES (2, 'x', $1, 'patron_aaaaaa', 'customers:read')")
        .bind(app::tokens::hash(&other))
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, _) =
        json_of(api(&app, M::GET, &format!("/api/v1/customers/{id}"), &other).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_every_endpoint_and_its_page_reads_it() {
    let app = spawn_app().await;
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.url)).await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    for p in [
        "/api/v1/customers",
        "/api/v1/customers/{id}",
        "/api/v1/customers/{id}/consents",
        "/api/v1/purchases",
        "/api/v1/purchases/{id}",
        "/api/v1/reservations",
    ] {
        assert!(paths.iter().any(|k| k.as_str() == p), "{p} missing from {paths:?}");
    }
    let page = reqwest::get(format!("{}/api/docs", app.url)).await.unwrap().text().await.unwrap();
    assert!(
        page.contains("POST /api/v1/purchases") && page.contains("purchases:write") && page.contains("PurchaseInput")
    );
}

/// Schemathesis (Python, installed by `scripts/setup --browser` into `target/schemathesis`)
/// sends generated requests to every operation of the document, with a key holding every
/// scope: none may get a 5xx.
#[tokio::test]
async fn schemathesis_with_every_check_finds_nothing() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let key = key(&app, &owner, &app::admin::api_keys::SCOPES.join(",")).await;
    let st = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/schemathesis/bin/st");
    let url = app.url.clone();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(st)
            // Every check (the config file turns them on and says the one exception): no 5xx,
            // every response as documented, no schema-valid request refused and no
            // schema-violating one accepted. A fixed seed keeps the run the same from one CI
            // to the next (a new finding shows as a change, not as a flake).
            .args(["--config-file", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/schemathesis/schemathesis.toml")])
            .args(["run", &format!("{url}/api/openapi.json"), "--url", &url])
            .args(["--header", &format!("Authorization: Bearer {key}"), "--max-examples", "30", "--no-color"])
            .args(["--seed", "29"])
            .output()
            .expect("schemathesis is needed: scripts/setup --browser installs it into target/schemathesis")
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "schemathesis found problems:\n{text}\n{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.url)).await.unwrap().json().await.unwrap();
    let operations: usize = doc["paths"].as_object().unwrap().values().map(|p| p.as_object().unwrap().len()).sum();
    assert!(text.contains(&format!("Tested: {operations}")), "every operation was tested:\n{text}");
}

#[tokio::test]
async fn a_customer_written_through_the_api_carries_an_address_and_consents_recorded_once() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let key = key(&app, &owner, "customers:read,customers:write,consents:read").await;
    use reqwest::Method as M;
    let post = |body: Value| {
        let (app, key) = (&app, key.clone());
        async move { json_of(api(app, M::POST, "/api/v1/customers", &key).json(&body).send().await.unwrap()).await }
    };
    let (status, bad) = post(json!({
        "email": "ann@example.com",
        "address": { "postcode": "x".repeat(30) },
        "consents": [{ "purpose": "newsletter", "granted": true, "wording": "" }, { "purpose": "fax", "granted": true, "wording": "Yes" }]
    }))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        bad["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["address.postcode", "consents[0].wording", "consents[1].purpose"]);
    assert_eq!(app.count("customers").await, 0, "nothing is half-written");

    let body = json!({
        "email": "ann@example.com",
        "address": { "street": "Oudegracht 12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL" },
        "consents": [{ "purpose": "newsletter", "granted": true, "wording": "Send me the monthly bakery letter.", "language": "nl" }]
    });
    let (status, ann) = post(body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{ann}");
    assert_eq!((ann["street"].as_str(), ann["city"].as_str()), (Some("Oudegracht 12"), Some("Utrecht")));
    let id = ann["id"].as_i64().unwrap();
    let (_, consents) =
        json_of(api(&app, M::GET, &format!("/api/v1/customers/{id}/consents"), &key).send().await.unwrap()).await;
    assert_eq!(consents.as_array().unwrap().len(), 1);
    assert_eq!(
        (consents[0]["source"].as_str(), consents[0]["language"].as_str(), consents[0]["wording"].as_str()),
        (Some("api"), Some("nl"), Some("Send me the monthly bakery letter."))
    );
    // The same again records nothing; a withdrawal is a new event; the history says "api".
    let (status, _) = post(body).await;
    assert_eq!(status, StatusCode::OK);
    let withdraw = json!({ "email": "ann@example.com", "consents": [{ "purpose": "newsletter", "granted": false, "wording": "Unsubscribed in the web shop." }] });
    post(withdraw).await;
    assert_eq!(app.count("consents").await, 2);
    let sources: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT source FROM customer_changes WHERE field IN ('street', 'city')")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(sources, ["api"]);
}
