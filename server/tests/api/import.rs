//! The CSV import through its server functions, as the page calls them: upload in pieces,
//! preview, dry run, run, progress; and a second import of the same file.

use crate::common;

use app::domain::Role;
use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

pub async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.admin_via(client, &app.url, endpoint, form).await
}

/// Uploads `csv` in pieces of 10 characters (many requests, as a big file would make).
async fn upload(app: &TestApp, client: &reqwest::Client, csv: &str) -> String {
    upload_as(app, client, "customers", csv).await
}

/// Uploads `csv` as an import of `kind` (customers, products, purchases), in pieces of 10.
pub async fn upload_as(app: &TestApp, client: &reqwest::Client, kind: &str, csv: &str) -> String {
    upload_in(app, client, kind, csv, 10).await.0
}

/// Uploads `csv` as an import of `kind` in pieces of `size` characters; the pieces, to see
/// where they were cut.
pub async fn upload_in(
    app: &TestApp,
    client: &reqwest::Client,
    kind: &str,
    csv: &str,
    size: usize,
) -> (String, Vec<String>) {
    let res = call(app, client, "start_import", &[("site", "demo"), ("kind", kind), ("file_name", "file.csv")]).await;
    let id = res.json::<i64>().await.unwrap().to_string();
    let chars: Vec<char> = csv.chars().collect();
    let pieces: Vec<String> = chars.chunks(size).map(|p| p.iter().collect()).collect();
    for piece in &pieces {
        let res = call(app, client, "append_import", &[("site", "demo"), ("id", &id), ("piece", piece)]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    (id, pieces)
}

/// Erases the customer with `email` as staff do, from the record.
async fn erase_by_email(app: &TestApp, client: &reqwest::Client, email: &str) {
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email_hash = $1")
        .bind(app.hash("email", email))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let res = app.admin_via(client, &app.url, "erase_customer", &[("id", &id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
}

const GOOD: &str = "Vorname;Nachname;E-Mail;Telefon;Ort;Tags\n\
    Anna;Adler;anna@example.com;;Bern;vip\n\
    Björn;Berg;;+46 70 123 45 67;Malmö;\n\
    Cleo;Cohen;CLEO@example.com;;Basel;vip, wholesale\n\
    Dora;Dietz;dora@example.com;;Zürich;\n";

async fn run_to_end(app: &TestApp, client: &reqwest::Client, id: &str, mapping: &str) -> Value {
    run_valid(app, client, id, mapping, false).await
}

/// Runs an import (only its valid rows if `valid_only`) and waits for its end.
pub async fn run_valid(app: &TestApp, client: &reqwest::Client, id: &str, mapping: &str, valid_only: bool) -> Value {
    let valid_only = valid_only.to_string();
    let form = [("site", "demo"), ("id", id), ("mapping", mapping), ("valid_only", valid_only.as_str())];
    let res = call(app, client, "run_import", &form).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    for _ in 0..100 {
        let s: Value = call(app, client, "import_status", &[("site", "demo"), ("id", id)]).await.json().await.unwrap();
        if s["status"] != "running" {
            return s;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn an_import_adds_and_updates_and_a_second_import_changes_nothing() {
    let app = spawn_app().await;
    sqlx::query(
        "INSERT INTO customers (site_id, first_name, email, city) VALUES (1, 'Dora', 'dora@example.com', 'Bern')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.seal().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let id = upload(&app, &client, GOOD).await;
    let preview: Value =
        call(&app, &client, "preview_import", &[("site", "demo"), ("id", &id)]).await.json().await.unwrap();
    assert_eq!(preview["columns"], json!(["Vorname", "Nachname", "E-Mail", "Telefon", "Ort", "Tags"]));
    assert_eq!(preview["suggested"], json!(["first_name", "last_name", "email", "phone", "city", "tags"]));
    assert_eq!(preview["total_rows"], 4);
    let mapping = preview["suggested"].to_string();

    let dry: Value = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", &mapping)])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        dry,
        json!({"problems": [], "problem_count": 0, "rejected_csv": "", "created": 3, "updated": 1, "unchanged": 0})
    );
    // The dry run wrote nothing.
    let count =
        || async { sqlx::query_scalar::<_, i64>("SELECT count(*) FROM customers").fetch_one(&app.pool).await.unwrap() };
    assert_eq!(count().await, 1);

    let done = run_to_end(&app, &client, &id, &mapping).await;
    assert_eq!(
        done,
        json!({"status": "done", "total": 4, "done": 4, "created": 3, "updated": 1, "unchanged": 0, "skipped": 0})
    );
    assert_eq!(count().await, 4);
    let (last_name, city): (String, String) =
        sqlx::query_as("SELECT last_name, city FROM customers WHERE email_hash = $1")
            .bind(app.hash("email", "dora@example.com"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((app.open(&last_name), city), ("Dietz".into(), "Zürich".into()));
    let history: Vec<String> = sqlx::query_scalar("SELECT old_value FROM customer_changes WHERE field = 'city'")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(history.iter().filter(|old| app.open(old) == "Bern").count(), 1);
    let tags: Vec<String> =
        sqlx::query_scalar("SELECT tag FROM customer_tags ORDER BY tag").fetch_all(&app.pool).await.unwrap();
    assert_eq!(tags, ["vip", "vip", "wholesale"]);
    let people: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT first_name, source, phone FROM customers").fetch_all(&app.pool).await.unwrap();
    let (_, source, phone) = people.into_iter().find(|(first, _, _)| app.open(first) == "Björn").expect("Björn");
    assert_eq!((source.as_str(), app.open_opt(phone).as_deref()), ("import", Some("+46701234567")));
    let kept: String = sqlx::query_scalar("SELECT content FROM imports WHERE id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, "", "the uploaded file is not kept");

    // The same file again: every row matched, nothing changed, no history written.
    let snapshot = || async {
        sqlx::query_as::<_, (i64, String, String, Option<String>, Option<String>, String, String)>(
            "SELECT id, first_name, last_name, email, phone, city, updated_at FROM customers ORDER BY id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    let before = (
        snapshot().await,
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM customer_changes").fetch_one(&app.pool).await.unwrap(),
    );
    let again = upload(&app, &client, GOOD).await;
    let done = run_to_end(&app, &client, &again, &mapping).await;
    assert_eq!(
        done,
        json!({"status": "done", "total": 4, "done": 4, "created": 0, "updated": 0, "unchanged": 4, "skipped": 0})
    );
    let after = (
        snapshot().await,
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM customer_changes").fetch_one(&app.pool).await.unwrap(),
    );
    assert_eq!(after, before);
    // The same rows but a tag more for Dora: she is updated (the tag added), the rest not.
    let more =
        upload(&app, &client, &GOOD.replace("dora@example.com;;Zürich;", "dora@example.com;;Zürich;regular")).await;
    let done = run_to_end(&app, &client, &more, &mapping).await;
    assert_eq!((&done["updated"], &done["unchanged"]), (&json!(1), &json!(3)));
    let tags: i64 = sqlx::query_scalar("SELECT count(*) FROM customer_tags WHERE tag = 'regular'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(tags, 1);
}

#[tokio::test]
async fn the_dry_run_lists_every_bad_row_by_line_and_the_import_refuses_them() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let csv = "first name,email,phone,gender,tags\n\
        Anna,anna@example.com,,female,\n\
        Ben,ben(at)example.com,,male,\n\
        Cleo,,,,\n\
        Dora,dora@example.com,12,,\n\
        Eva,ANNA@example.com,,,\n\
        Finn,finn@example.com,,robot,\"ok, not ok!\"\n";
    let id = upload(&app, &client, csv).await;
    let mapping = json!(["first_name", "email", "phone", "gender", "tags"]).to_string();
    let dry: Value = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", &mapping)])
        .await
        .json()
        .await
        .unwrap();
    let lines: Vec<(u64, Value, String)> = dry["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["row"].as_u64().unwrap(), p["field"].clone(), p["problem"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        lines,
        [
            (3, json!({"customer": "email"}), "NotAnEmail".to_owned()),
            (4, json!("row"), "NeedsEmailOrPhone".to_owned()),
            (5, json!({"customer": "phone"}), "TooShort".to_owned()),
            (6, json!("row"), "DuplicateInFile".to_owned()),
            (7, json!({"customer": "gender"}), "UnknownOption".to_owned()),
            (7, json!("tags"), "BadCharacters".to_owned()),
        ]
    );
    assert_eq!(dry["created"], 1);
    let form = [("site", "demo"), ("id", id.as_str()), ("mapping", mapping.as_str()), ("valid_only", "false")];
    let res = call(&app, &client, "run_import", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT count(*) FROM customers").fetch_one(&app.pool).await.unwrap(), 0);
    // The rows left out come back as CSV with what is wrong, to fix and import again.
    let rejected = dry["rejected_csv"].as_str().unwrap();
    let lines: Vec<&str> = rejected.lines().collect();
    assert_eq!(lines.len(), 6, "the header and five rows: {rejected}");
    assert_eq!(lines[0], r#""first name","email","phone","gender","tags","Problem""#);
    assert!(lines[1].starts_with(r#""Ben","ben(at)example.com""#) && lines[1].contains("Email: "), "{}", lines[1]);
    assert!(lines[5].contains(r#""ok, not ok!""#) && lines[5].contains("Tags: "), "{}", lines[5]);
    // A mapping without email or phone cannot match rows on a second import.
    let names_only = json!(["first_name", "", "", "", ""]).to_string();
    let res = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", &names_only)]).await;
    assert_eq!(common::field_errors(&res.json().await.unwrap())["mapping"], "NeedsEmailOrPhone");
}

#[tokio::test]
async fn an_upload_waits_sealed_piece_by_piece_and_goes_when_it_names_an_erased_customer() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let res = app.signup(&common::Signup { email: "dora@example.com", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id = upload(&app, &owner, GOOD).await;
    // Each 10-character piece is sealed on its own (the file is never sealed again whole).
    let count = |sql: &'static str| {
        let pool = app.pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("SELECT count(*) FROM import_pieces").await, GOOD.chars().count().div_ceil(10) as i64);
    assert_eq!(count("SELECT count(*) FROM import_pieces WHERE content NOT LIKE 'pii1.%'").await, 0);
    // Put together in order: the preview reads the file as sent.
    let preview = call(&app, &owner, "preview_import", &[("site", "demo"), ("id", &id)]).await.text().await.unwrap();
    assert!(preview.contains("dora@example.com") && preview.contains("Zürich"), "{preview}");
    // Dora's address spans three pieces of the upload; erasing her drops it all the same.
    erase_by_email(&app, &owner, "dora@example.com").await;
    assert_eq!(count("SELECT count(*) FROM import_pieces").await, 0);
    assert_eq!(count("SELECT count(*) FROM imports WHERE status = 'failed'").await, 1);
}

#[tokio::test]
async fn a_long_file_is_read_a_batch_of_pieces_at_a_time_as_it_was_written() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    // A spreadsheet's export: byte-order mark, semicolons, Windows line ends, a name with a
    // line break in it, a bad email far down; in 7-character pieces, ~10 batches of them.
    let mut csv = "\u{feff}E-Mail;Vorname\r\n".to_owned();
    for i in 1..=150 {
        match i {
            100 => csv.push_str("p100@example.com;\"Two\r\nlines\"\r\n"),
            120 => csv.push_str("not-an-email;Ben\r\n"),
            _ => csv.push_str(&format!("p{i}@example.com;Name {i}\r\n")),
        }
    }
    let (id, pieces) = upload_in(&app, &client, "customers", &csv, 7).await;
    assert!(pieces.iter().any(|p| p.ends_with('\r')), "a line end is cut between two pieces");
    let preview: Value =
        call(&app, &client, "preview_import", &[("site", "demo"), ("id", &id)]).await.json().await.unwrap();
    assert_eq!((&preview["columns"], &preview["total_rows"]), (&json!(["E-Mail", "Vorname"]), &json!(150)));
    assert_eq!(preview["rows"][0], json!(["p1@example.com", "Name 1"]));
    let mapping = json!(["email", "first_name"]).to_string();
    let dry: Value = call(&app, &client, "check_import", &[("site", "demo"), ("id", &id), ("mapping", &mapping)])
        .await
        .json()
        .await
        .unwrap();
    // Row 120 is on line 122: the header is line 1, and row 100's name takes two lines.
    assert_eq!(dry["problems"], json!([{"row": 122, "field": {"customer": "email"}, "problem": "NotAnEmail"}]));
    assert_eq!((&dry["created"], &dry["problem_count"]), (&json!(149), &json!(1)));
    let rejected: Vec<&str> = dry["rejected_csv"].as_str().unwrap().lines().collect();
    assert_eq!(rejected[0], r#""E-Mail","Vorname","Problem""#);
    assert!(rejected[1].starts_with(r#""not-an-email","Ben","Email: "#), "{}", rejected[1]);
    let done = run_valid(&app, &client, &id, &mapping, true).await;
    assert_eq!((&done["created"], &done["skipped"], &done["status"]), (&json!(149), &json!(1), &json!("done")));
    let names: Vec<String> = sqlx::query_scalar("SELECT first_name FROM customers").fetch_all(&app.pool).await.unwrap();
    let names: Vec<String> = names.iter().map(|n| app.open(n)).collect();
    // A name keeps no line break (the record's name field makes it a space).
    assert!(names.contains(&"Two lines".to_owned()) && names.contains(&"Name 150".to_owned()), "{names:?}");
}

#[tokio::test]
async fn an_upload_naming_an_erased_customer_across_two_batches_of_pieces_goes() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    let res = app.signup(&common::Signup { email: "erin@example.com", ..Default::default() }).await;
    assert_eq!(res.status(), StatusCode::OK);
    // Erin's address starts 5 characters before the end of the 64th 10-character piece:
    // the erasure reads 64 pieces at a time, and finds it cut between two reads.
    let mut csv = "email,city\n".to_owned();
    while csv.len() < 590 {
        csv.push_str(&format!("f{}@example.com,Bern\n", csv.len()));
    }
    csv.push_str(&format!("x@example.com,{}\n", "B".repeat(635 - csv.len() - 15)));
    assert_eq!(csv.len(), 635);
    csv.push_str("ERIN@example.com,Bern\n");
    let (id, pieces) = upload_in(&app, &owner, "customers", &csv, 10).await;
    assert!(pieces[63].ends_with("ERIN@") && pieces.len() > 64);
    erase_by_email(&app, &owner, "erin@example.com").await;
    let status: String = sqlx::query_scalar("SELECT status FROM imports WHERE id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "failed");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM import_pieces").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 0);
}

/// A server killed mid-import (or restarted, or out of disk) leaves the import `running`
/// with nothing to finish it; once it has not moved for a quarter of an hour its page says
/// it stopped (run it again) instead of showing a bar that never moves, and its pieces go.
/// One that moved a minute ago is left running.
#[tokio::test]
async fn an_import_that_stopped_moving_with_its_server_is_shown_failed_and_its_file_goes() {
    let app = spawn_app().await;
    let client = app.signed_in_as(Role::Manager, "manager@example.com").await;
    let mut ids = Vec::new();
    for (name, age) in [("moving.csv", "-1 minutes"), ("stopped.csv", "-16 minutes")] {
        app.fixture(&format!(
            "INSERT INTO imports (site_id, file_name, status, total_rows, done_rows, updated_at)
             VALUES (1, '{name}', 'running', 10000, 4000, {when})",
            when = common::at(age)
        ))
        .await;
        app.fixture(&format!(
            "INSERT INTO import_pieces (import_id, n, content)
             SELECT id, 1, 'email' FROM imports WHERE file_name = '{name}'"
        ))
        .await;
        let id: i64 = sqlx::query_scalar("SELECT id FROM imports WHERE file_name = $1")
            .bind(name)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        ids.push(id.to_string());
    }
    let status = |id: String| {
        let (app, client) = (&app, &client);
        async move {
            let s: Value =
                call(app, client, "import_status", &[("site", "demo"), ("id", &id)]).await.json().await.unwrap();
            (s["status"].as_str().unwrap().to_owned(), s["done"].as_i64().unwrap())
        }
    };
    assert_eq!(status(ids[0].clone()).await, ("running".to_owned(), 4000));
    assert_eq!(status(ids[1].clone()).await, ("failed".to_owned(), 4000), "the rows in are still counted");
    assert_eq!(status(ids[1].clone()).await.0, "failed", "and stays so");
    let pool = &app.pool;
    let pieces = |id: i64| async move {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM import_pieces WHERE import_id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    assert_eq!(pieces(ids[0].parse().unwrap()).await, 1, "a moving import keeps the file it reads");
    assert_eq!(pieces(ids[1].parse().unwrap()).await, 0, "a stopped import's file (customer data) goes");
}
