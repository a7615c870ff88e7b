//! Backups taken while signups keep arriving are a consistent moment of the database, and
//! restoring one over the running server brings exactly that moment back.

use crate::common;

use app::admin::backups::files;
use app::domain::Role;
use common::{Signup, TestApp, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

async fn sign_up(app: &TestApp, n: i64, text_id: i64) {
    let email = format!("n{n}@example.com");
    let res = app
        .signup(&Signup {
            first_name: "N",
            email: &email,
            consent: true,
            consent_text_id: Some(text_id),
            ..Default::default()
        })
        .await;
    assert_eq!(res.status(), StatusCode::OK, "signup {n}");
}

/// (customer id, email, created_at) of every customer, by id.
async fn customers(conn: &mut SqliteConnection) -> Vec<(i64, String, String)> {
    sqlx::query_as(CUSTOMERS).fetch_all(conn).await.unwrap()
}

/// [`customers`] of the live database.
async fn live_customers(app: &TestApp) -> Vec<(i64, String, String)> {
    sqlx::query_as(CUSTOMERS).fetch_all(&app.pool).await.unwrap()
}

const CUSTOMERS: &str = "SELECT id, email, created_at FROM customers ORDER BY id";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_to_that_moment() {
    if common::sqlite_only("Patron backs up and restores SQLite's file") {
        return;
    }
    // One client signs up as fast as it can: no rate limit.
    let app = Arc::new(spawn_app_with(|c| c.widget_rate = 0).await);
    let (text_id, _) = app.demo_consent_text().await;
    // One writer signing up n1, n2, ... in order; `acked` is the last one answered.
    let acked = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (app, acked, stop) = (app.clone(), acked.clone(), stop.clone());
        async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                sign_up(&app, n, text_id).await;
                acked.store(n, Ordering::SeqCst);
            }
        }
    });
    while acked.load(Ordering::SeqCst) < 40 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before = acked.load(Ordering::SeqCst);
    let backup = files::backup(&app.pool, &app.backups, now()).await.unwrap();
    let after = acked.load(Ordering::SeqCst);
    while acked.load(Ordering::SeqCst) < after + 40 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();

    // The copy holds n1..nk with no gap: every signup answered before it began, perhaps
    // the one in flight, nothing later; and those rows as they are in the live database.
    let path = app.backups.dir.join(&backup.name);
    let mut copy =
        SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(&path).read_only(true)).await.unwrap();
    let saved = customers(&mut copy).await;
    let k = saved.len() as i64;
    assert!(before <= k && k <= after + 1, "{before} <= {k} <= {after} + 1");
    let key = app.key();
    let emails: Vec<String> = saved.iter().map(|c| key.open(&c.1).unwrap()).collect();
    assert_eq!(emails, (1..=k).map(|n| format!("n{n}@example.com")).collect::<Vec<_>>());
    let now_live = live_customers(&app).await;
    assert!(now_live.len() as i64 >= after + 40);
    assert_eq!(saved[..], now_live[..saved.len()]);
    let consents: i64 = sqlx::query_scalar("SELECT count(*) FROM consents").fetch_one(&mut copy).await.unwrap();
    assert_eq!(consents, k, "each signup's consent came with it");
    copy.close().await.unwrap();

    // Restored over the running server: that moment exactly, and the server carries on.
    patron::restore::restore(&app.pool, &path).await.unwrap();
    assert_eq!(live_customers(&app).await, saved);
    sign_up(&app, 100_000, text_id).await;
    assert_eq!(app.count("customers").await, k + 1);
}

#[tokio::test]
async fn a_damaged_or_foreign_file_is_refused_and_nothing_changes() {
    if common::sqlite_only("Patron backs up and restores SQLite's file") {
        return;
    }
    let app = spawn_app().await;
    let (text_id, _) = app.demo_consent_text().await;
    sign_up(&app, 1, text_id).await;
    std::fs::create_dir_all(&app.backups.dir).unwrap();
    let garbage = app.backups.dir.join("garbage.db");
    std::fs::write(&garbage, b"SQLite format 3\0 but then nothing of the kind").unwrap();
    let err = patron::restore::restore(&app.pool, &garbage).await.unwrap_err();
    assert!(
        matches!(err, patron::restore::RestoreError::Damaged { .. } | patron::restore::RestoreError::Sql(_)),
        "{err}"
    );

    let foreign = app.backups.dir.join("foreign.db");
    let url = format!("sqlite://{}?mode=rwc", foreign.display());
    let mut other = SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE notes (body TEXT)").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    let err = patron::restore::restore(&app.pool, &foreign).await.unwrap_err();
    assert!(matches!(err, patron::restore::RestoreError::NotPatron { .. }), "{err}");
    assert_eq!(app.count("customers").await, 1);
}

#[tokio::test]
async fn the_owner_sees_the_backups_and_takes_one_keeping_the_newest() {
    let app = spawn_app().await;
    let owner = app.signed_in_as(Role::Owner, "owner@shop.example").await;
    if app.on_postgres() {
        // PostgreSQL's are pg_dump's: the owner is told so, in their words, and no file is made.
        let res = app.admin_via(&owner, &app.url, "start_backup", &[]).await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert!(res.text().await.unwrap().contains("pg_dump"));
        assert!(!app.backups.dir.exists() || std::fs::read_dir(&app.backups.dir).unwrap().next().is_none());
        return;
    }
    let list: Value = app.admin_via(&owner, &app.url, "list_backups", &[]).await.json().await.unwrap();
    assert_eq!(list["files"], serde_json::json!([]));
    assert_eq!(list["overdue"], true);

    let mut names = Vec::new();
    for _ in 0..4 {
        let res = app.admin_via(&owner, &app.url, "start_backup", &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        let file: Value = res.json().await.unwrap();
        assert!(file["bytes"].as_u64().unwrap() > 0);
        names.push(file["name"].as_str().unwrap().to_owned());
    }
    let list: Value = app.admin_via(&owner, &app.url, "list_backups", &[]).await.json().await.unwrap();
    assert_eq!(list["overdue"], false);
    let kept: Vec<&str> = list["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    // The test server keeps 3: the newest first, the first one gone from the disk too.
    assert_eq!(kept, names.iter().rev().take(3).map(String::as_str).collect::<Vec<_>>());
    assert!(!app.backups.dir.join(&names[0]).exists());

    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    assert_eq!(app.admin_via(&manager, &app.url, "start_backup", &[]).await.status(), StatusCode::FORBIDDEN);
}
