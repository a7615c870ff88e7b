//! PII at rest: with a key configured, the database files hold no plain name, email, phone
//! or street, whatever path wrote them; the admin still shows and finds them; a server with
//! another key refuses the database and its backups; plain rows from before are sealed at
//! start; and owners are told when the key lies beside the database.

use crate::common;

use app::domain::Role;
use common::{Signup, config_in, spawn_app, spawn_app_with};
use patron::config::Config;
use patron::pii::SecretKey;
use reqwest::StatusCode;
use serde_json::Value;

const OWNER: &str = "owner@shop.example";
const KEY: &str = "4f1c0a9e7d3b25688e1f6a0c9b4d7e2a5c8f1b3d6e9a0c2f4b7d9e1a3c5f7b9d";

/// The key given in the configuration (and no key file, which on PostgreSQL the tests
/// otherwise give: both at once are refused).
fn configured(config: &mut Config) {
    config.secret_key = Some(KEY.parse::<SecretKey>().unwrap());
    config.key_file = None;
}

#[tokio::test]
async fn with_a_key_configured_no_write_path_leaves_plain_contact_data_in_the_files() {
    let app = spawn_app_with(configured).await;
    // (On PostgreSQL there is no database file, and the tests name a key file of their own.)
    if !app.on_postgres() {
        assert!(!app.database_dir().join("patron.key").exists(), "a configured key is not written beside the database");
    }
    app.create_owner(OWNER, "a long owner passphrase").await;
    let (text, _) = app.demo_consent_text().await;
    // The widget, the till, an edit on the record (its history), an upload waiting to be
    // imported, and a self-service request (its mail in the outbox).
    let signup = Signup {
        first_name: "Ottilie",
        last_name: "Wunderlich",
        email: "ottilie.wunderlich@example.org",
        phone: "+49 171 5550123",
        consent: true,
        consent_text_id: Some(text),
        page_url: "https://bakery.example/join",
        ..Default::default()
    };
    assert_eq!(app.signup(&signup).await.status(), StatusCode::OK);
    let till = [
        ("form[site]", "demo"),
        ("form[first_name]", "Bartholomew"),
        ("form[last_name]", "Quigley"),
        ("form[phone]", "+44 7700 900456"),
        ("form[email]", "bart.quigley@example.co.uk"),
    ];
    let res = app.admin("create_customer", &till).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();
    let edits =
        [("street", "Zwetschgenallee 17"), ("email", "b.quigley@example.co.uk"), ("notes", "Prefers the seeded rye")];
    for (field, value) in edits {
        let res = app.admin("update_customer", &[("id", &id.to_string()), ("field", field), ("value", value)]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let upload = app.admin("start_import", &[("site", "demo"), ("kind", "customers"), ("file_name", "list.csv")]).await;
    let upload: i64 = upload.json().await.unwrap();
    let csv = "email;phone\nperpetua.lindgren@example.se;+46 70 555 0987\n";
    let res = app.admin("append_import", &[("site", "demo"), ("id", &upload.to_string()), ("piece", csv)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = reqwest::Client::new()
        .post(format!("{}/p/demo/privacy/request", app.url))
        .form(&[("email", "ottilie.wunderlich@example.org"), ("kind", "access")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // The admin sees them as they are.
    let record: Value = app.admin("customer_record", &[("id", &id.to_string())]).await.json().await.unwrap();
    let text = record.to_string();
    assert!(text.contains("Zwetschgenallee 17") && text.contains("b.quigley@example.co.uk"), "{text}");
    let found: Value = app.admin("lookup", &[("query", "+44 7700 900")]).await.json().await.unwrap();
    assert_eq!(found["found"][0]["id"], id);

    if app.on_postgres() {
        // PostgreSQL's files are its server's, not this test's to read.
        return;
    }
    app.checkpoint().await;
    let plain = [
        "ottilie.wunderlich@example.org",
        "Wunderlich",
        "+491715550123",
        "Bartholomew",
        "Quigley",
        "+447700900456",
        "bart.quigley@example.co.uk",
        "b.quigley@example.co.uk",
        "Zwetschgenallee",
        "perpetua.lindgren@example.se",
    ];
    for needle in plain {
        assert_eq!(app.found_in_files(needle), Vec::<String>::new(), "{needle} is in the files as plain text");
    }
    // The test can fail: what is not sealed (notes) is found by the same search.
    assert!(!app.found_in_files("Prefers the seeded rye").is_empty());
}

#[tokio::test]
async fn a_server_with_another_key_refuses_the_database_and_its_backups() {
    let first = spawn_app_with(configured).await;
    first.signup(&Signup { email: "ada@example.org", ..Default::default() }).await;
    // Patron backs up SQLite's file only (a PostgreSQL database is pg_dump's to back up).
    let backup = match first.on_postgres() {
        false => Some(app::admin::backups::files::backup(&first.pool, &first.backups, 1_800_000_000).await.unwrap()),
        true => None,
    };

    let other = "11".repeat(32);
    // A second server on the same database.
    let mut config = config_in(&first.database_dir());
    config.key_file = None;
    config.secret_key = Some(other.parse().unwrap());
    let refused = patron::startup::Application::build(&config).await.err().expect("another key is refused");
    assert!(refused.to_string().contains("was sealed with the key"), "{refused}");
    config.secret_key = Some(KEY.parse().unwrap());
    assert!(patron::startup::Application::build(&config).await.is_ok(), "its own key opens it");

    let Some(backup) = backup else { return };
    let second = spawn_app().await;
    let copy = first.backups.dir.join(&backup.name);
    let refused = match patron::restore::restore(&second.pool, &copy).await {
        Ok(_) => panic!("a backup under another key was restored"),
        Err(e) => e,
    };
    assert!(refused.to_string().contains("was sealed with the key"), "{refused}");
    let customers: i64 = sqlx::query_scalar("SELECT count(*) FROM customers").fetch_one(&second.pool).await.unwrap();
    assert_eq!(customers, 0, "nothing was restored");
}

#[tokio::test]
async fn plain_rows_from_before_are_sealed_indexed_and_found() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    app.fixture(
        "INSERT INTO customers (id, site_id, first_name, last_name, email, phone, street) VALUES
           (5, 1, 'Zenobia', 'Okafor', 'zenobia@example.org', '+2348031234567', 'Allen Avenue 3')",
    )
    .await;
    app.seal().await;
    let (email, hash): (String, Option<Vec<u8>>) =
        sqlx::query_as("SELECT email, email_hash FROM customers WHERE id = 5").fetch_one(&app.pool).await.unwrap();
    assert!(email.starts_with("pii1."), "{email}");
    assert_eq!(app.key().open(&email).unwrap(), "zenobia@example.org");
    assert_eq!(hash.map(|h| h.len()), Some(16));
    for query in ["zen", "Zenobia Ok", "oka", "zenobia@example.org", "+2348031", "+2348031234567"] {
        let found: Value = app.admin("lookup", &[("query", query)]).await.json().await.unwrap();
        assert_eq!(found["found"].as_array().map(Vec::len), Some(1), "{query}: {found}");
        assert_eq!(found["found"][0]["email"], "zenobia@example.org", "{query}");
    }
    let none: Value = app.admin("lookup", &[("query", "zem")]).await.json().await.unwrap();
    assert_eq!(none, serde_json::json!({"found": [], "more": false}));
    // A second sweep finds nothing left to seal.
    assert_eq!(patron::pii::settle(&app.pool).await.unwrap(), 0);
}

/// A database made before the blind indexes moved into Rust: sqlx recorded migrations 0019
/// and 0030 in their first text, and their triggers call SQL functions no connection has
/// any more (a write to `customers` would fail on them).
#[tokio::test]
async fn a_database_from_before_the_indexes_moved_into_rust_opens_drops_its_triggers_and_is_indexed() {
    if common::sqlite_only("only SQLite databases are that old") {
        return;
    }
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    let form = [("form[site]", "demo"), ("form[first_name]", "Ida"), ("form[email]", "ida@example.org")];
    assert_eq!(app.admin("create_customer", &form).await.status(), StatusCode::OK);
    let first_text = [
        (19, "84967a1602b129c63cfa10578d5df080ae5ec0a103040a9fc0df3796dd5284b92a539b0dfd1dcfd757996bc03afa1f2e"),
        (30, "fdb66b69e338845c106e39df581fd1b42be6ba00e8b96c83333f000a82cde41f542dd46506d01c8c59a6561bee506b32"),
    ];
    for (version, checksum) in first_text {
        sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = $2")
            .bind(hex::decode(checksum).unwrap())
            .bind(version)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    app.fixture(
        "DELETE FROM _sqlx_migrations WHERE version = 52;
         CREATE TRIGGER customers_index_first_name AFTER UPDATE OF first_name ON customers BEGIN
             UPDATE customers SET first_name_prefix = pii_prefix(pii_open(NEW.first_name), 3) WHERE id = NEW.id;
         END;
         UPDATE customers SET first_name_prefix = NULL;",
    )
    .await;

    let again = patron::startup::Application::build(&config_in(&app.database_dir())).await.expect("it opens");
    let triggers: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'customers_index_%'",
    )
    .fetch_one(&again.pool)
    .await
    .unwrap();
    assert_eq!(triggers, 0);
    // The index the old database lacked was worked out at start: Ida is found by her name.
    let found: Value = app.admin("lookup", &[("query", "ida")]).await.json().await.unwrap();
    assert_eq!(found["found"][0]["email"], "ida@example.org", "{found}");
    // A write to the names works again, its index with it.
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&again.pool).await.unwrap();
    let res =
        app.admin("update_customer", &[("id", &id.to_string()), ("field", "first_name"), ("value", "Idalia")]).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let found: Value = app.admin("lookup", &[("query", "idal")]).await.json().await.unwrap();
    assert_eq!(found["found"].as_array().map(Vec::len), Some(1), "{found}");
}

#[tokio::test]
async fn one_email_per_site_holds_on_sealed_emails() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    let form = |email: &'static str| [("form[site]", "demo"), ("form[first_name]", "Ida"), ("form[email]", email)];
    assert_eq!(app.admin("create_customer", &form("ida@example.org")).await.status(), StatusCode::OK);
    let again = app.admin("create_customer", &form("IDA@example.org")).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "{}", again.text().await.unwrap());
    assert_eq!(app.count("customers").await, 1);
}

#[tokio::test]
async fn owners_are_told_when_the_key_lies_beside_the_database() {
    if common::sqlite_only("a PostgreSQL database has no file for the key to lie beside") {
        return;
    }
    let beside = spawn_app().await;
    beside.create_owner(OWNER, "a long owner passphrase").await;
    let today: Value = beside.admin("dashboard", &[]).await.json().await.unwrap();
    assert!(today["key_beside_database"].as_str().is_some_and(|p| p.ends_with("patron.key")), "{today}");
    let manager = beside.signed_in_as(Role::Manager, "manager@shop.example").await;
    let today: Value = beside.admin_via(&manager, &beside.url, "dashboard", &[]).await.json().await.unwrap();
    assert_eq!(today["key_beside_database"], Value::Null, "owners only");

    let configured = spawn_app_with(configured).await;
    configured.create_owner(OWNER, "a long owner passphrase").await;
    let today: Value = configured.admin("dashboard", &[]).await.json().await.unwrap();
    assert_eq!(today["key_beside_database"], Value::Null);
}

#[tokio::test]
async fn rotating_the_key_seals_everything_again_and_only_the_new_key_opens_it() {
    let app = spawn_app_with(configured).await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    app.signup(&Signup {
        first_name: "Ada",
        email: "ada@example.org",
        phone: "+41 79 555 01 02",
        ..Default::default()
    })
    .await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers").fetch_one(&app.pool).await.unwrap();
    let res =
        app.admin("update_customer", &[("id", &id.to_string()), ("field", "street"), ("value", "Rue Haute 1")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    sqlx::query(
        "INSERT INTO customer_merges (site_id, target_id, source_id, source_row, filled, moved, dropped, repointed)
         VALUES (1, $1, 99, $2, $3, '{}', '{}', '[]')",
    )
    .bind(id)
    .bind(serde_json::json!({"email": app.pool.pii().seal("old@example.org"), "city": "Bern"}).to_string())
    .bind(serde_json::json!({"phone": [null, app.pool.pii().seal("+41795550102")]}).to_string())
    .execute(&app.pool)
    .await
    .unwrap();

    let old = patron::pii::PiiKey::from_master(&hex_key(KEY));
    let new = std::sync::Arc::new(patron::pii::PiiKey::from_master(&hex_key(&"5a".repeat(32))));
    let sealed = patron::pii::rotate::rotate(&app.pool, &old, &new).await.unwrap();
    // First name, email, phone, street; the street's new value in the history; the merge
    // log's email and the phone it filled in.
    assert_eq!(sealed, 7);

    // Every sealed value opens with the new key and none with the old.
    for (table, column) in app::sealed::SEALED {
        let values: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''"
        )))
        .fetch_all(&app.pool)
        .await
        .unwrap();
        for value in values {
            assert!(new.open(&value).is_ok() && old.open(&value).is_err(), "{table}.{column}");
        }
    }
    let (row, filled): (String, String) =
        sqlx::query_as("SELECT source_row, filled FROM customer_merges").fetch_one(&app.pool).await.unwrap();
    let (row, filled): (Value, Value) = (serde_json::from_str(&row).unwrap(), serde_json::from_str(&filled).unwrap());
    assert_eq!(new.open(row["email"].as_str().unwrap()).unwrap(), "old@example.org");
    assert_eq!(row["city"], "Bern");
    assert_eq!(new.open(filled["phone"][1].as_str().unwrap()).unwrap(), "+41795550102");

    // The database now takes the new key only, and its indexes answer to it.
    // A second server on the same database.
    let mut config = config_in(&app.database_dir());
    config.key_file = None;
    config.secret_key = Some(KEY.parse().unwrap());
    assert!(patron::startup::Application::build(&config).await.is_err(), "the old key is refused");
    config.secret_key = Some("5a".repeat(32).parse().unwrap());
    let rotated = patron::startup::Application::build(&config).await.expect("the new key opens it");
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM customers WHERE email_hash = $1 AND phone_prefix = $2 AND first_name_prefix = $3",
    )
    .bind(new.hash("email", "ada@example.org"))
    .bind(new.prefix("+41795550102", 6))
    .bind(new.prefix("ada", 3))
    .fetch_optional(&rotated.pool)
    .await
    .unwrap();
    assert_eq!(found, Some(id));
}

fn hex_key(hex: &str) -> [u8; 32] {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k");
    std::fs::write(&path, hex).unwrap();
    patron::pii::key::read(&path).unwrap()
}

#[tokio::test]
async fn lookup_reads_the_range_of_what_was_typed_and_says_when_many_match() {
    let app = spawn_app().await;
    app.create_owner(OWNER, "a long owner passphrase").await;
    // 250 Martas, each with her own phone, and a few look-alikes that are not them.
    app.fixture("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
         INSERT INTO customers (site_id, first_name, last_name, email, phone)
         SELECT 1, 'Marta', 'Lind' || i, 'marta' || i || '@example.org', '+46701' || substr(CAST(1000000 + i AS TEXT), 2) FROM n;
         INSERT INTO customers (site_id, first_name, last_name, email, phone) VALUES
           (1, 'Karl', 'Marx', 'karl@example.org', NULL),
           (1, 'Maria', 'Müller', 'maria.m@example.org', '+4930123456'),
           (1, 'Mario', 'Müller', NULL, NULL),
           (1, 'Maria', 'Mayer', NULL, NULL);").await;
    // Sealed and indexed as at start: the sweep works out the keys they lack.
    app.seal().await;
    let lookup = async |query: &str| -> (Vec<String>, bool) {
        let answer: Value = app.admin("lookup", &[("query", query)]).await.json().await.unwrap();
        let names =
            answer["found"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_owned()).collect();
        (names, answer["more"].as_bool().unwrap())
    };

    // Few: every match, sorted by last then first name.
    assert_eq!(lookup("marx").await, (vec!["Karl Marx".to_owned()], false));
    assert_eq!(lookup("maria").await, (vec!["Maria Mayer".to_owned(), "Maria Müller".to_owned()], false));
    assert_eq!(lookup("Maria Mü").await, (vec!["Maria Müller".to_owned()], false));
    assert_eq!(lookup("müller").await, (vec!["Maria Müller".to_owned(), "Mario Müller".to_owned()], false));
    assert_eq!(lookup("+46701000017").await, (vec!["Marta Lind17".to_owned()], false));
    assert_eq!(lookup("Marta Lind250").await, (vec!["Marta Lind250".to_owned()], false));
    assert_eq!(lookup("Marta Lind24").await.0.len(), 8, "Lind24, Lind240…249: the first eight by name");
    // Many: eight of them, the newest first, and word that more match.
    let (names, more) = lookup("mar").await;
    assert!(more);
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("Mar") || n.contains(" Mar")), "{names:?}");
    let (names, more) = lookup("marta").await;
    assert!(more);
    assert_eq!(names, (243..=250).rev().map(|i| format!("Marta Lind{i}")).collect::<Vec<_>>());
    let (names, more) = lookup("+46701").await;
    assert!(more && names.len() == 8, "{names:?}");
    assert_eq!(lookup("marz").await, (vec![], false));
}
