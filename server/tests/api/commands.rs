//! The `patron` commands run on the server, as an operator would type them: a backup, a
//! restore and a key rotation each leave an entry in the audit log, and after the rotation
//! only the new key opens the database.

use serde_json::Value;
use std::process::{Command, Output};

fn patron(dir: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patron"))
        .args(args)
        .env("PATRON_DATABASE_URL", format!("sqlite://{}", dir.join("patron.db").display()))
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn backup_restore_and_key_rotation_are_audited_and_the_new_key_alone_opens_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plant = "INSERT INTO customers (site_id, first_name, email) VALUES (1, 'Ada', 'ada@example.org')";
    // `patron sql` is read-only: the customer goes in through the library's pool.
    ok(patron(d, &[], &["backup"]));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let key = patron::pii::key::load(None, None, &d.join("patron.key")).unwrap();
        let pool = patron::db::connect(
            &format!("sqlite://{}", d.join("patron.db").display()),
            &key.key,
            std::time::Duration::from_secs(10),
        )
        .await
        .unwrap();
        sqlx::query(plant).execute(&pool).await.unwrap();
        patron::pii::settle(&pool).await.unwrap();
        pool.close().await;
    });
    // The database, its key and the backups are the operator's alone.
    use std::os::unix::fs::PermissionsExt;
    for file in ["patron.db", "patron.key"] {
        let mode = std::fs::metadata(d.join(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{file}");
    }
    for backup in std::fs::read_dir(d.join("backups")).unwrap() {
        let mode = backup.unwrap().metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Backups are named by the second: the second one must be the latest.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(patron(d, &[], &["backup"]));
    ok(patron(d, &[], &["restore", "latest"]));
    let new_key = d.join("elsewhere.key");
    let said = ok(patron(d, &[], &["rotate-key", "--new-key-file", new_key.to_str().unwrap()]));
    assert!(said.contains("sealed 2 values again"), "{said}");

    let old = patron(d, &[], &["sql", "SELECT count(*) AS n FROM customers"]);
    assert!(!old.status.success(), "the old key is refused");
    assert!(String::from_utf8_lossy(&old.stderr).contains("was sealed with the key"));
    let with_new = [("PATRON_KEY_FILE", new_key.to_str().unwrap())];
    let rows: Value = serde_json::from_str(&ok(patron(d, &with_new, &["sql", "SELECT email FROM customers"]))).unwrap();
    assert_eq!(rows, serde_json::json!([{"email": "ada@example.org"}]));
    let log: Value = serde_json::from_str(&ok(patron(
        d,
        &with_new,
        &["sql", "SELECT action, staff_email FROM audit_log ORDER BY id"],
    )))
    .unwrap();
    // The restored database holds what was there at the second backup (the first backup's
    // entry), then the restore itself and the rotation.
    let actions: Vec<(&str, &str)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["staff_email"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [("backed_up", "command line"), ("restored_backup", "command line"), ("rotated_key", "command line")]
    );
}
