//! The customers import of a file longer than one chunk (10,000 rows a transaction): the
//! next chunk is read and prepared while one is written, so every row must still go in
//! once, and a chunk the database refuses must stop the import, not hang it.

use crate::common;
use crate::import::{call, run_valid, upload_in};

use app::domain::Role;
use common::spawn_app;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// 22,500 subscribers (three chunks: 10,000, 10,000, 2,500): an email each, every third
/// tagged, every fifth with a phone; the city of row `boom` (1-based) is "Boom".
fn subscribers(boom: usize) -> String {
    let mut csv = "Email,First name,Phone,City,Tags\n".to_owned();
    for i in 1..=22_500 {
        let phone = if i % 5 == 0 { format!("+3161{i:07}") } else { String::new() };
        let city = if i == boom { "Boom" } else { "Utrecht" };
        let tags = if i % 3 == 0 { "newsletter" } else { "" };
        csv.push_str(&format!("sub{i}@example.org,Name {i},{phone},{city},{tags}\n"));
    }
    csv
}

const MAPPING: &str = r#"["email","first_name","phone","city","tags"]"#;

#[tokio::test]
async fn a_file_of_several_chunks_goes_in_once_and_again_changes_nothing() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let before = app.count("customers").await;
    let (id, _) = upload_in(&app, &client, "customers", &subscribers(0), 4_000).await;
    let dry: Value = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", MAPPING)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((&dry["created"], &dry["problem_count"]), (&json!(22_500), &json!(0)), "{dry}");
    assert_eq!(app.count("customers").await, before, "the dry run wrote nothing");

    let done = run_valid(&app, &client, &id, MAPPING, false).await;
    assert_eq!((&done["status"], &done["created"], &done["done"]), (&json!("done"), &json!(22_500), &json!(22_500)));
    assert_eq!(app.count("customers").await, before + 22_500);
    let tagged: i64 = sqlx::query_scalar("SELECT count(*) FROM customer_tags WHERE tag = 'newsletter'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(tagged, 7_500, "each row's tags on its own customer");
    // Rows of every chunk, found by their blind indexes with their own values.
    for i in [1, 10_000, 10_001, 20_000, 20_005, 22_500] {
        let found: Value =
            call(&app, &client, "lookup", &[("query", &format!("sub{i}@example.org"))]).await.json().await.unwrap();
        assert_eq!(found["found"].as_array().map(Vec::len), Some(1), "row {i}: {found}");
        assert_eq!(found["found"][0]["name"], format!("Name {i}"), "row {i}: {found}");
    }
    let phone: Value = call(&app, &client, "lookup", &[("query", "+31610020005")]).await.json().await.unwrap();
    assert_eq!(phone["found"][0]["email"], "sub20005@example.org", "{phone}");

    let (again, _) = upload_in(&app, &client, "customers", &subscribers(0), 4_000).await;
    let done = run_valid(&app, &client, &again, MAPPING, false).await;
    assert_eq!((&done["status"], &done["created"], &done["unchanged"]), (&json!("done"), &json!(0), &json!(22_500)));
    assert_eq!(app.count("customers").await, before + 22_500);
}

#[tokio::test]
async fn a_chunk_the_database_refuses_stops_the_import_with_the_chunks_before_it_kept() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    // The database refuses row 15,000 (in the second chunk) as a full disk would refuse it.
    if app.on_postgres() {
        app.fixture(
            "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION 'boom'; END $$;
             CREATE TRIGGER boom BEFORE INSERT ON customers FOR EACH ROW WHEN (NEW.city = 'Boom')
             EXECUTE FUNCTION refuse_boom()",
        )
        .await;
    } else {
        app.fixture(
            "CREATE TRIGGER boom BEFORE INSERT ON customers WHEN NEW.city = 'Boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END",
        )
        .await;
    }
    let before = app.count("customers").await;
    let (id, _) = upload_in(&app, &client, "customers", &subscribers(15_000), 4_000).await;
    let res = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", MAPPING)]).await;
    assert_ne!(res.status(), StatusCode::OK, "the dry run meets the refusal too");
    assert_eq!(app.count("customers").await, before);

    let done = run_valid(&app, &client, &id, MAPPING, false).await;
    assert_eq!((&done["status"], &done["done"]), (&json!("failed"), &json!(10_000)), "{done}");
    assert_eq!(app.count("customers").await, before + 10_000, "the first chunk stays, nothing of the second");
}
