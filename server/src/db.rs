//! The database pool (SQLite or PostgreSQL, through sqlx's `Any`) and the embedded migrations.

use crate::pii::PiiKey;
use app::db::{Conn, Db, Dialect};
use sqlx::SqlStr;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::SqliteConnectOptions;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("invalid database URL {url:?}: {source}")]
    Url { url: String, source: sqlx::Error },
    #[error("could not create the database directory {dir}: {source}")]
    Dir { dir: String, source: std::io::Error },
    #[error("could not open the database: {0}")]
    Open(#[source] sqlx::Error),
    #[error("could not apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Settle(#[from] crate::pii::SettleError),
    #[error(transparent)]
    Key(#[from] crate::pii::key::KeyError),
    #[error("could not publish the sites' privacy policies: {0}")]
    Policy(#[source] sqlx::Error),
}

/// Every migration, compiled into the binary so a lone `patron` file can set up its database.
fn migrator() -> Migrator {
    let files: [(i64, &str, &'static str); 56] = [
        (1, "foundation", include_str!("../migrations/0001_foundation.sql")),
        (2, "surveys", include_str!("../migrations/0002_surveys.sql")),
        (3, "shop", include_str!("../migrations/0003_shop.sql")),
        (4, "warranty", include_str!("../migrations/0004_warranty.sql")),
        (5, "profile", include_str!("../migrations/0005_profile.sql")),
        (6, "site_settings", include_str!("../migrations/0006_site_settings.sql")),
        (7, "customer_record", include_str!("../migrations/0007_customer_record.sql")),
        (8, "analytics", include_str!("../migrations/0008_analytics.sql")),
        (9, "analytics_params", include_str!("../migrations/0009_analytics_params.sql")),
        (10, "visit_flags", include_str!("../migrations/0010_visit_flags.sql")),
        (11, "lookup_by_name", include_str!("../migrations/0011_lookup_by_name.sql")),
        (12, "segments", include_str!("../migrations/0012_segments.sql")),
        (13, "merges", include_str!("../migrations/0013_merges.sql")),
        (14, "imports", include_str!("../migrations/0014_imports.sql")),
        (15, "purchase_windows", include_str!("../migrations/0015_purchase_windows.sql")),
        (16, "login_throttle", include_str!("../migrations/0016_login_throttle.sql")),
        (17, "audit_log", include_str!("../migrations/0017_audit_log.sql")),
        (18, "data_rights", include_str!("../migrations/0018_data_rights.sql")),
        (19, "pii_at_rest", include_str!("../migrations/0019_pii_at_rest.sql")),
        (20, "audit_commands", include_str!("../migrations/0020_audit_commands.sql")),
        (21, "retention", include_str!("../migrations/0021_retention.sql")),
        (22, "privacy_policy", include_str!("../migrations/0022_privacy_policy.sql")),
        (23, "analytics_days", include_str!("../migrations/0023_analytics_days.sql")),
        (24, "mail", include_str!("../migrations/0024_mail.sql")),
        (25, "webhooks", include_str!("../migrations/0025_webhooks.sql")),
        (26, "api", include_str!("../migrations/0026_api.sql")),
        (27, "automation", include_str!("../migrations/0027_automation.sql")),
        (28, "loyalty", include_str!("../migrations/0028_loyalty.sql")),
        (29, "loyalty_join", include_str!("../migrations/0029_loyalty_join.sql")),
        (30, "lookup_ranges", include_str!("../migrations/0030_lookup_ranges.sql")),
        (31, "segment_indexes", include_str!("../migrations/0031_segment_indexes.sql")),
        (32, "analytics_live", include_str!("../migrations/0032_analytics_live.sql")),
        (33, "purchase_windows_gender", include_str!("../migrations/0033_purchase_windows_gender.sql")),
        (34, "sign_in_guards", include_str!("../migrations/0034_sign_in_guards.sql")),
        (35, "typed_contacts", include_str!("../migrations/0035_typed_contacts.sql")),
        (36, "public_limits", include_str!("../migrations/0036_public_limits.sql")),
        (37, "do_not_sell", include_str!("../migrations/0037_do_not_sell.sql")),
        (38, "audit_append_only", include_str!("../migrations/0038_audit_append_only.sql")),
        (39, "change_sources", include_str!("../migrations/0039_change_sources.sql")),
        (40, "password_resets", include_str!("../migrations/0040_password_resets.sql")),
        (41, "import_pieces", include_str!("../migrations/0041_import_pieces.sql")),
        (42, "health_probe", include_str!("../migrations/0042_health_probe.sql")),
        (43, "site_country", include_str!("../migrations/0043_site_country.sql")),
        (44, "products", include_str!("../migrations/0044_products.sql")),
        (45, "purchase_corrections", include_str!("../migrations/0045_purchase_corrections.sql")),
        (46, "import_kinds", include_str!("../migrations/0046_import_kinds.sql")),
        (47, "widget_addresses", include_str!("../migrations/0047_widget_addresses.sql")),
        (48, "staff_site", include_str!("../migrations/0048_staff_site.sql")),
        (49, "staff_language", include_str!("../migrations/0049_staff_language.sql")),
        (50, "site_time_zone", include_str!("../migrations/0050_site_time_zone.sql")),
        (51, "loyalty_texts", include_str!("../migrations/0051_loyalty_texts.sql")),
        (52, "blind_indexes_in_rust", include_str!("../migrations/0052_blind_indexes_in_rust.sql")),
        (53, "job_leases", include_str!("../migrations/0053_job_leases.sql")),
        (55, "analytics_inbox", include_str!("../migrations/0055_analytics_inbox.sql")),
        (56, "customers_email_index_once", include_str!("../migrations/0056_customers_email_index_once.sql")),
        (57, "sealed_email_not_unique", include_str!("../migrations/0057_sealed_email_not_unique.sql")),
    ];
    embedded(files)
}

/// PostgreSQL's migrations (`migrations/postgres`): its schema as SQLite's reach it at 0053,
/// then each later migration under the number it has for SQLite.
fn postgres_migrator() -> Migrator {
    let files: [(i64, &str, &'static str); 5] = [
        (53, "schema", include_str!("../migrations/postgres/0053_schema.sql")),
        (54, "returns_as_integers", include_str!("../migrations/postgres/0054_returns_as_integers.sql")),
        (55, "analytics_inbox", include_str!("../migrations/postgres/0055_analytics_inbox.sql")),
        (56, "customers_email_index_once", include_str!("../migrations/postgres/0056_customers_email_index_once.sql")),
        (57, "sealed_email_not_unique", include_str!("../migrations/postgres/0057_sealed_email_not_unique.sql")),
    ];
    embedded(files)
}

/// The migrator of the backend a database speaks.
fn migrator_of(dialect: Dialect) -> Migrator {
    match dialect {
        Dialect::Sqlite => migrator(),
        Dialect::Postgres => postgres_migrator(),
    }
}

fn embedded<const N: usize>(files: [(i64, &'static str, &'static str); N]) -> Migrator {
    Migrator::with_migrations(
        files
            .into_iter()
            .map(|(version, name, sql)| {
                // sqlx's own marker: a file that must switch what only works outside a
                // transaction (SQLite's foreign keys) opens and commits its own.
                let no_tx = sql.starts_with("-- no-transaction");
                Migration::new(version, name.into(), MigrationType::Simple, SqlStr::from_static(sql), no_tx)
            })
            .collect(),
    )
}

/// Opens (creating if needed) the database, brings its schema up to date and seals what
/// an older version left plain, under `key`.
///
/// SQLite: WAL lets the admin read while widgets write. `synchronous = FULL` makes every
/// commit durable through a power cut, not just a crash of Patron: a visitor who was
/// thanked for signing up must still be there. Its cost (one fsync per commit) is what
/// grouping the widgets' writes (`app::writer::grouped`) is for. Only the analytics
/// writer's own connection commits with `NORMAL` (see `ingest`).
pub async fn connect(url: &str, key: &Arc<PiiKey>, lock_wait: Duration) -> Result<Db, DbError> {
    sqlx::any::install_default_drivers();
    let bad_url = |source| DbError::Url { url: url.to_owned(), source };
    let dialect = Dialect::of_url(url)
        .ok_or_else(|| bad_url(sqlx::Error::Configuration("neither sqlite: nor postgres:".into())))?;
    let any_url = match dialect {
        Dialect::Sqlite => sqlite_url(url, bad_url)?,
        Dialect::Postgres => url.to_owned(),
    };
    let options = AnyConnectOptions::from_str(&any_url).map_err(bad_url)?;
    let wait = lock_wait.as_millis();
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        // Each ping is a trip to the connection's thread and back, as long as a small
        // query: pinging every connection handed out doubled a widget read's trips. A
        // SQLite connection is a file, never hung up on; a PostgreSQL one may be.
        .test_before_acquire(dialect == Dialect::Postgres)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                match dialect {
                    Dialect::Sqlite => sqlite_pragmas(conn, wait).await?,
                    // A lock held elsewhere (the writers' lock by a stuck transaction) is
                    // waited for as long as on SQLite, then the write fails (503), not hangs.
                    Dialect::Postgres => {
                        use sqlx::Executor as _;
                        conn.execute(sqlx::AssertSqlSafe(format!("SET lock_timeout = {wait}"))).await?;
                    }
                }
                Ok(())
            })
        })
        .after_release(move |conn, _| Box::pin(still_usable(conn, dialect)))
        .connect_with(options)
        .await
        .map_err(DbError::Open)?;
    let db = Db::new(pool, dialect, Arc::clone(key));
    migrate(&db).await?;
    Ok(db)
}

/// Inserts rows given as JSON objects into a PostgreSQL table, each value read as its
/// column's type by `jsonb_populate_recordset` (bytes as BYTEA's hex text, `\x…`); how
/// many went in. Table and column names come from the schema, never from input (the
/// seed's bulk load, `patron migrate-to`).
pub(crate) async fn insert_records(
    conn: &mut Conn,
    table: &str,
    names: &[String],
    records: &[serde_json::Map<String, serde_json::Value>],
) -> sqlx::Result<i64> {
    let names = names.join(", ");
    let sql = format!(
        "INSERT INTO {table} ({names}) SELECT {names} FROM jsonb_populate_recordset(NULL::{table}, CAST($1 AS JSONB))"
    );
    let json = serde_json::to_string(records).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let done = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(json).execute(&mut *conn).await?;
    Ok(done.rows_affected() as i64)
}

/// A SQLite URL as sqlx's `Any` wants it: the file created when missing (`mode=rwc`, which
/// `Any` cannot be told otherwise), and its folder made first.
fn sqlite_url(url: &str, bad_url: impl Fn(sqlx::Error) -> DbError) -> Result<String, DbError> {
    let options = SqliteConnectOptions::from_str(url).map_err(&bad_url)?;
    let file = options.get_filename();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty() && file.to_str() != Some(":memory:")) {
        std::fs::create_dir_all(dir).map_err(|source| DbError::Dir { dir: dir.display().to_string(), source })?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// The file of a SQLite database (`None` on PostgreSQL): where its backups are made
/// from, and whose disk the health check watches.
pub fn sqlite_file(db: &Db) -> Option<std::path::PathBuf> {
    if db.dialect() != Dialect::Sqlite {
        return None;
    }
    let url = &db.pool().connect_options().database_url;
    let options = SqliteConnectOptions::from_str(url.as_str()).ok()?;
    Some(options.get_filename().to_path_buf())
}

/// What every SQLite connection is set to (sqlx's `Any` opens it with its defaults:
/// foreign keys on, a busy timeout of 5 s).
async fn sqlite_pragmas(conn: &mut Conn, lock_wait_millis: u128) -> sqlx::Result<()> {
    use sqlx::Executor as _;
    let pragmas = [
        "PRAGMA journal_mode = WAL".to_owned(),
        "PRAGMA synchronous = FULL".to_owned(),
        "PRAGMA foreign_keys = ON".to_owned(),
        // Deleted and overwritten content is zeroed in the file, not left in free space:
        // an erased customer or a corrected email must not stay readable in the bytes.
        "PRAGMA secure_delete = ON".to_owned(),
        format!("PRAGMA busy_timeout = {lock_wait_millis}"),
    ];
    for pragma in pragmas {
        conn.execute(sqlx::AssertSqlSafe(pragma)).await?;
    }
    Ok(())
}

/// Whether a connection given back to the pool can serve again. When a commit fails on a
/// full disk, SQLite has already rolled the transaction back, so the ROLLBACK sqlx sends
/// fails too and sqlx goes on believing a transaction is open: every later `BEGIN` on that
/// connection failed ("non-zero transaction depth"), long after the disk had room again.
/// Such a connection is closed here, and the pool opens a fresh one.
///
/// SQLite's connection thread counts the open transactions itself, so a connection that
/// comes back at depth 0 has none open and no rollback queued: it is given back without a
/// trip to that thread (most are). PostgreSQL's counts down when the rollback is queued,
/// so there the ping always runs.
async fn still_usable(conn: &mut Conn, dialect: Dialect) -> sqlx::Result<bool> {
    use sqlx::Connection;
    use sqlx_core::transaction::TransactionManager;
    let depth = |conn: &Conn| sqlx::any::AnyTransactionManager::get_transaction_depth(conn);
    if dialect == Dialect::Sqlite && depth(conn) == 0 {
        return Ok(true);
    }
    // The ping waits behind the rollback a dropped transaction queued.
    conn.ping().await?;
    Ok(depth(conn) == 0)
}

/// Migrations rewritten after they landed, with the SHA-384 sqlx recorded for the text
/// they had (sqlx refuses a database whose applied migration's text changed). 0019 and
/// 0030 called the key through SQL functions (triggers keeping the blind indexes, and an
/// update working them out); those moved into Rust (`app::pii::blind`), and a fresh
/// database could no longer run them. A database that applied the old text ran what the
/// new one does, and 0052 drops the triggers, so the record is moved on to the new text.
/// Only these, only from exactly that old text: any other change still stops the start.
const REWRITTEN: &[(i64, &str)] = &[
    (19, "84967a1602b129c63cfa10578d5df080ae5ec0a103040a9fc0df3796dd5284b92a539b0dfd1dcfd757996bc03afa1f2e"),
    (30, "fdb66b69e338845c106e39df581fd1b42be6ba00e8b96c83333f000a82cde41f542dd46506d01c8c59a6561bee506b32"),
];

/// Records the new text of the [`REWRITTEN`] migrations a database applied in their old one.
async fn accept_rewritten(pool: &Db) -> sqlx::Result<()> {
    if !pool.has_table("_sqlx_migrations").await? {
        return Ok(());
    }
    let migrator = migrator();
    for (version, old) in REWRITTEN {
        let Some(now) = migrator.migrations.iter().find(|m| m.version == *version) else { continue };
        let old = hex::decode(old).expect("a checksum in hex");
        sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = $2 AND checksum = $3")
            .bind(now.checksum.as_ref())
            .bind(version)
            .bind(old)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// Brings the schema up to date and seals plain PII (after opening, and after a restore
/// of an older backup).
pub async fn migrate(pool: &Db) -> Result<(), DbError> {
    if pool.dialect() == Dialect::Sqlite {
        accept_rewritten(pool).await.map_err(DbError::Open)?;
    }
    migrator_of(pool.dialect()).run(pool.pool()).await?;
    crate::pii::settle(pool).await?;
    // National numbers stored before their site had a country (or since it changed).
    let read = app::sites::phones::bring_up_to_date(pool).await.map_err(DbError::Open)?;
    if read > 0 {
        tracing::info!(numbers = read, "phone numbers read in their site's country");
    }
    Ok(())
}

#[cfg(test)]
mod customers_rebuilt;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let (sqlite, postgres) = (files_in(&dir), files_in(&dir.join("postgres")));
        assert_eq!(names(&migrator()), sqlite);
        assert_eq!(names(&postgres_migrator()), postgres);
        // A number is used once across both folders: a migration both need has the same
        // number in each, one only PostgreSQL needs (0054) leaves its number unused in SQLite's.
        let versions =
            |m: Migrator| m.migrations.iter().map(|m| (m.version, m.description.to_string())).collect::<Vec<_>>();
        for (version, name) in versions(postgres_migrator()) {
            if let Some((_, other)) = versions(migrator()).into_iter().find(|(v, _)| *v == version) {
                assert!(
                    version == 53 || other == name,
                    "{version} is {other} in SQLite's folder, {name} in PostgreSQL's"
                );
            }
        }
    }

    fn files_in(dir: &std::path::Path) -> Vec<String> {
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        files
    }

    fn names(migrator: &Migrator) -> Vec<String> {
        migrator.migrations.iter().map(|m| format!("{:04}_{}.sql", m.version, m.description)).collect()
    }

    /// SHA-256 of every migration that has landed on main. sqlx keeps each applied
    /// migration's checksum and refuses to start when a file changed (it happened: 0033 was
    /// edited in a comment, and databases migrated before refused to open). Append a line
    /// when a migration lands; never change one.
    const LANDED: &[(i64, &str)] = &[
        (1, "15a46ddb38d838b6bed7b63f3cf3433c769cf6048058d5d2889cf02e00365c1f"),
        (2, "8f342a5dd92fd47f703e45ffaf75cf6a4184cd573bf8edec6a336fe9fca18fa7"),
        (3, "81fa36c2d58d4090b77caec02a2f33a3b61233501bba6458e3a47a66d4d8cfbd"),
        (4, "6b1c0d53cf67dd2ab61c1188cb7de10d1dc2d3c46c39e9d7c2a2e761b2c9a823"),
        (5, "c6f3512d9c3e4c2b18b6fdc6a8132ec565e098f970f16389805f4d7752f9bf2f"),
        (6, "b169efc38b2683cb3c5392da33378743366eb206ec08751521a789b26b6feb93"),
        (7, "3105424a2cac695780c594df200848faf70528d1819063c74f6bc0b75b499a32"),
        (8, "86fe9f80d32df302b45e5a0ff9a52966f4f6cb24572b3a1370bbe2ae47a1b4d6"),
        (9, "598f9600af2c5094df96dce5c84b91d9a5549366f5d9326f91a4717dc1389f80"),
        (10, "ed8f29f820aeae355676c05198b8318d9a0cd5dd52272a7d48dfc1dc56b5933e"),
        (11, "6664f827d8ae2942b6d3719dd033aea783ee4e7e58e3ffc89da3aabf4d42e01e"),
        (12, "abc58ed00f9c48c24c53b2af54f55d0fa2cefab9580ed00aa3b708dd64e505ab"),
        (13, "d97a346dc4545e7f9367bba50c5b3b6bf5b2b3d0f6bfec83cc5f0fd0c70320f7"),
        (14, "02fcb2eca50f0335ace0f05bb9ea90ffe847e0417c131a54c8cb4a747b513614"),
        (15, "09119b2f0e265409754e0eaa2fb38348d3d7402629c29b1ef554e153f50ed1f1"),
        (16, "b4daed2ac735ddb0b5dfae8192c79d78c6ddbb4c2cef57e19d31b0c66b3042a5"),
        (17, "d6ed2c2a6fc748c82014b6c011d3ee05a9400deb04e9ef3a3637c1a14e8bb689"),
        (18, "45bc1d7dcae2cd228f1908df2176df9c4cc60256e1369132c3a73666eda0e08b"),
        // Rewritten (see REWRITTEN): was c1dc17bdbd7fbdb29cf1269e2e32e7c5d4deef578d99b2681ea2bfaaaec2c2e0.
        (19, "798ecd58a084be6dd62d9bc6c0acb7ba4b4ed4a3607242fe8448618869bd40a4"),
        (20, "2dea880266954b2dcf0698d121d7383689121965a2d46c5e7075dfc7b123c1a0"),
        (21, "ebb20d9d21dd0d6df5de99645c5ecf9e9c663505d9e7016fe7fed897e973efad"),
        (22, "a284cd48c08fe9db1c5f5db2fd57231b2ce34b353338d62f37456f513ccc33aa"),
        (23, "6cfadd0224aac49764dba847be83a0ef1562e5f6a644d49d527b4859b3357c4a"),
        (24, "bd2d8d2eeee3eaf8f7fde26d8a2ac89e3553a8ccba928774490ff9fe65565dfd"),
        (25, "bb865f2a07e2768c09c415741fd0a313eb9619d48c3dfe44aad27e68b0cbdc50"),
        (26, "e1255a33ef2d047d983d3bdb90d633836a1ced9a5f9630eb32b8e4588e4dc0c2"),
        (27, "88794896d5ee398a2ded8b65f80379a09d226444f052a615942e745a63db81e3"),
        (28, "837ae5ed1499a9089b48acf5ff5817849e520785d090311e800468f631de1302"),
        (29, "d3f9cf7cff34825e13136056b19d392596c418534bd2ee756db3187ac6c15bb6"),
        // Rewritten (see REWRITTEN): was d66232c8d2292f022504a6e3344bc28114246a24aa6b4ef77575acd921ceba5d.
        (30, "2139cfef7cad62bcb7bfbfe1b1395cdfa909a00b26b1f3615146035bbb8ef7a9"),
        (31, "9a6f92347a5861375ed0df8d3a64f480ff95cc71bc3eee7b22c33170897f030e"),
        (32, "06fc9548cabc7d75f2b34f9e01266b9e60bdd17fcecaf321f8fc8c030b83fe8d"),
        (33, "83fe5cfe24c16eb23a43ef02b05ab9b5b07a4c520ef005b6a369e3a50f4c3ba3"),
        (34, "6620902013e4c6bfaabea8591a57d76ce5151206daa6812025f7a1f8f260a3fc"),
        (35, "2aa790a1d6d3cacf538a130f5fa057455b1da59698187a5a5be43666b8dd9264"),
        (36, "734a51bda5c6644df587d05535177eaeb16f910be564b680d3efeda189208bd7"),
        (37, "9e06222340178fbe21d581970a9478aa43bf3637128f9faf7d465b22f87d2864"),
        (38, "ce32a4f13d6246ae75bd4f6fd6b0c1458d8e09bc945d4e2885b9cb826a465780"),
        (39, "a1cb81937648ddf1ef6afe57c102c2baf4d13f33836dc557bc359a11b0e17441"),
        (40, "7b4b845cc019903b736b8f3506c4bc7425a324e928d77444cc2865f17d256c16"),
        (41, "0569ba00735050f9bdbebe4b163a921963f325d8307537a966183e302f157d43"),
        (42, "4d4a30d3b9d7b807b67dd2547325845b62694c3c1f04040de3a08807ec470c62"),
        (43, "953b84bb3a81f90ca5d25d241461c3c3b0f2804e2848318403f3768de0029ead"),
        (44, "89143d9433000a024ed44af3e44bc0854fa4f4ecb943a96c310fc7765da5e7f2"),
        (45, "44f625ddeaca519c47a0f2ceb750871fbd8dd86af39d4674e2515b26c20f10e6"),
        (46, "82218c97907f8954b53930bf42a42f0c7edceb69a3802e59fa8da976b3ac282b"),
        (47, "6264173845a52f1b067cef867775c7ada6eff4738c399806d2c9e11acd4226d1"),
        (48, "49d8638794351fce9a15d0954a3a820eb2c7d3d5a70be0961e2eb960fa615fe9"),
        (49, "aefb9957783915bd5bd225f9fda518492c5799ac727c611008fcb0a7a14969ab"),
        (50, "2579a8480ceaca081f38c5d9dc3f2eeda75d3413057a270204a1c6f8c0d84b49"),
        (51, "9cd4e6fbbd39f395eb9e76260f6d365e51f3d1f7a56cba731d82cd46f6d38d3d"),
        (52, "4cd0d62e4dffd0ce2142c4f155e59c7957c2290d613d97dad66e23b31f83d750"),
        (53, "2f351a72dbf4b3b85310582414e792d95b80b445d8828928f2b6d4ea24beeb79"),
        (55, "96ab16b5472b539d104567746fb1355fb5952dd65830132cd69ecc0dc81b7372"),
        (56, "adb525cda47be77ec77958701e7287a1c19ee16c8ada7369029463b30a1bb2b4"),
        (57, "1ac7209e3b07bba43681a7a9c2b2327efbe4fbfcb556096ffd5ba524ed7c6bd3"),
    ];

    #[test]
    fn a_migration_that_has_landed_never_changes() {
        assert_unchanged(migrator(), LANDED);
    }

    /// The same for PostgreSQL's folder (its 0053 landed with stop 44, 0054 and 0055 with stop 45, 0056 with stop 48, 0057 with stop 51).
    const LANDED_POSTGRES: &[(i64, &str)] = &[
        (53, "0b8d5219bacf751f841a199a9cb660430f7c857f9964cd59bcd8dcbe2a4f2994"),
        (54, "7fabb4d062850399f2daf87832e06995755095a98ddc068eca378270033750cc"),
        (55, "4d0aaa785ffc4f7c22e42810dd364839a4db8587a84c0e8ab6e2ce8d0ec37ba9"),
        (56, "adb525cda47be77ec77958701e7287a1c19ee16c8ada7369029463b30a1bb2b4"),
        (57, "17e86f6fc76aa6fc3aedafe119e6b2e88d85bf4bd01b77fc1c8894cabb8d409b"),
    ];

    #[test]
    fn a_postgres_migration_that_has_landed_never_changes() {
        assert_unchanged(postgres_migrator(), LANDED_POSTGRES);
    }

    fn assert_unchanged(migrator: Migrator, landed: &[(i64, &str)]) {
        use sha2::{Digest, Sha256};
        for (version, sum) in landed {
            let migration = migrator.migrations.iter().find(|m| m.version == *version).cloned();
            let migration = migration.unwrap_or_else(|| panic!("landed migration {version} is gone"));
            let now = hex::encode(Sha256::digest(migration.sql.as_str().as_bytes()));
            assert_eq!(&now, sum, "migration {version} ({}) changed after it landed", migration.description);
        }
    }
}
