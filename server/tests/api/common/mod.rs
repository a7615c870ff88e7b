//! Starts the real application on port 0 with a fresh SQLite file, and calls it like a
//! browser would: form-encoded POSTs to server functions, with an Origin header.

#![allow(dead_code)] // each test file uses a different part of this module

mod backend;
pub mod receiver;
pub mod smtp;

pub use backend::{at, postgres_only, seconds_from_now, sqlite_only};

use app::db::Db;
use patron::config::Config;
use patron::startup::Application;
use reqwest::header::ORIGIN;
use std::collections::HashMap;

pub struct TestApp {
    pub url: String,
    pub pool: Db,
    /// A browser with a cookie jar, on Patron's own origin.
    pub client: reqwest::Client,
    /// Where this server's backups go (inside its temporary directory).
    pub backups: app::admin::backups::files::BackupPlace,
    /// The first-run page's code the server printed at start.
    pub setup_code: Option<String>,
    _dir: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The test configuration of a server whose database lives in `dir` (no key configured).
/// With `PATRON_TEST_POSTGRES` set (a server's URL without a database, as `scripts/test`
/// sets it), the database is one of that PostgreSQL server's, named after `dir` and made
/// on first use, and the key is a file in `dir` (PostgreSQL has no file to put it beside).
pub fn config_in(dir: &std::path::Path) -> Config {
    let (database_url, key_file) = match std::env::var("PATRON_TEST_POSTGRES") {
        Ok(server) => postgres_in(dir, &server),
        Err(_) => (format!("sqlite://{}", dir.join("patron.db").display()), None),
    };
    Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        database_url,
        site_root: None,
        demo: true,
        trusted_proxies: Vec::new(),
        backup_dir: None,
        backup_keep: 3,
        // The tests take their backups themselves.
        backup_every_hours: 0,
        public_url: None,
        secret_key: None,
        key_file,
        // The defaults: tests that send more from one address raise them themselves.
        widget_rate: 60,
        ingest_rate: 600,
        smtp_url: None,
        mail_from: "patron@localhost".parse().unwrap(),
        // The tests' webhook receivers listen on loopback.
        webhooks_to_private_networks: true,
        lock_wait: 10,
        header_timeout: 10,
        body_timeout: 30,
        connections_per_network: 64,
    }
}

/// The database of the tests in `dir` on the PostgreSQL server at `server`, made if it
/// is not there yet, and the key file beside the tests' other files.
fn postgres_in(dir: &std::path::Path, server: &str) -> (String, Option<std::path::PathBuf>) {
    use sqlx::migrate::MigrateDatabase as _;
    let name: String = dir.file_name().unwrap().to_string_lossy().chars().filter(char::is_ascii_alphanumeric).collect();
    let url = format!("{}/t_{}", server.trim_end_matches('/'), name.to_ascii_lowercase());
    let key = dir.join("patron.key");
    if !key.exists() {
        patron::pii::key::create(&key, &patron::pii::PiiKey::generate_master()).expect("a key file");
    }
    let made = url.clone();
    // Its own thread and runtime: this is called from sync code inside the tests' runtime.
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
            if !sqlx::Postgres::database_exists(&made).await.expect("PostgreSQL answers") {
                sqlx::Postgres::create_database(&made).await.expect("a test database");
            }
        })
    })
    .join()
    .unwrap();
    (url, Some(key))
}

/// A server whose configuration `configure` changed first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    // The server's log on the test's output when asked for (`RUST_LOG=error`).
    if std::env::var_os("RUST_LOG").is_some() {
        patron::telemetry::init();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = config_in(dir.path());
    configure(&mut config);
    let app = Application::build(&config).await.expect("app starts");
    let url = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool.clone();
    // `--demo` starts the demo bakery's stamp card; the tests set up the programmes they
    // need, and count on no other (tests/api/demo.rs checks the card itself).
    sqlx::query("DELETE FROM loyalty_programmes WHERE site_id = 1").execute(&pool).await.expect("no demo programme");
    let setup_code = app.setup_code.clone();
    tokio::spawn(app.run());
    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { url, pool, client, backups: config.backup_place(), setup_code, _dir: dir }
}

impl TestApp {
    /// A second server on this one's database, started and serving (its own port, the
    /// same key). The cookie jar of a client signed in on the first is valid on it too.
    pub async fn second_server(&self) -> TestApp {
        let config = config_in(&self.database_dir());
        let app = Application::build(&config).await.expect("a second server");
        let url = format!("http://127.0.0.1:{}", app.port());
        let pool = app.pool.clone();
        tokio::spawn(app.run());
        let client =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let dir = tempfile::tempdir().expect("temp dir");
        TestApp { url, pool, client, backups: self.backups.clone(), setup_code: None, _dir: dir }
    }

    /// The columns of `table` in the order the schema declares them.
    pub async fn columns(&self, table: &str) -> Vec<String> {
        let sql = match self.pool.dialect() {
            app::db::Dialect::Sqlite => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
            app::db::Dialect::Postgres => {
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        sqlx::query_scalar(sql).bind(table).fetch_all(&self.pool).await.unwrap()
    }

    /// Whether the server runs on PostgreSQL (`PATRON_TEST_POSTGRES`).
    pub fn on_postgres(&self) -> bool {
        self.pool.dialect() == app::db::Dialect::Postgres
    }

    /// Moves SQLite's write-ahead log into the database file, for a test that reads the
    /// file; nothing on PostgreSQL.
    pub async fn checkpoint(&self) {
        if !self.on_postgres() {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await.unwrap();
        }
    }

    /// Runs a fixture's statements (several, each ending with `;` at the end of a line). On
    /// PostgreSQL one by one, each followed by moving the id sequences past the ids it gave
    /// explicitly (`app::db::advance_ids`), so a later row without an id gets a new one.
    pub async fn fixture(&self, sql: &str) {
        if !self.on_postgres() {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&self.pool).await.expect("the fixture");
            return;
        }
        let mut conn = self.pool.acquire().await.unwrap();
        for statement in sql.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
            sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
                .execute(&mut *conn)
                .await
                .unwrap_or_else(|e| panic!("{statement}: {e}"));
            app::db::advance_ids(&mut conn).await.expect("ids advanced");
        }
    }

    /// Seals the names, emails and phones fixtures wrote plain (what Patron does at start
    /// to a database from before PII was sealed), with their blind indexes.
    pub async fn seal(&self) {
        patron::pii::settle(&self.pool).await.expect("sealing the fixtures");
    }

    /// A sealed value opened with this server's key (tests read sealed columns as they
    /// are stored, and open them here, as Patron does).
    pub fn open(&self, sealed: &str) -> String {
        self.pool.pii().open(sealed).expect("a value sealed with this server's key")
    }

    /// [`TestApp::open`] for a column that may be NULL.
    pub fn open_opt(&self, sealed: Option<String>) -> Option<String> {
        sealed.map(|s| self.open(&s))
    }

    /// The blind index of a whole email or phone (`email_hash`, `phone_hash`, `to_hash`).
    pub fn hash(&self, kind: &str, value: &str) -> Vec<u8> {
        self.pool.pii().hash(kind, value)
    }

    /// The key this server generated beside its database (none is configured in tests).
    pub fn key(&self) -> patron::pii::PiiKey {
        let master = patron::pii::key::read(&self.database_dir().join("patron.key")).expect("the generated key");
        patron::pii::PiiKey::from_master(&master)
    }
}

/// What a signup widget sends; fields default to blank like an untouched form.
#[derive(Default, Clone)]
pub struct Signup<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub consent: bool,
    pub consent_text_id: Option<i64>,
    pub page_url: &'a str,
    pub website: &'a str,
    pub favourites: &'a [&'a str],
}

impl Signup<'_> {
    pub fn form(&self) -> Vec<(String, String)> {
        let mut f = vec![
            ("form[first_name]".into(), self.first_name.into()),
            ("form[last_name]".into(), self.last_name.into()),
            ("form[email]".into(), self.email.into()),
            ("form[phone]".into(), self.phone.into()),
            ("form[consent]".into(), self.consent.to_string()),
            ("form[page_url]".into(), self.page_url.into()),
            ("form[website]".into(), self.website.into()),
        ];
        for (i, sku) in self.favourites.iter().enumerate() {
            f.push((format!("form[favourites][{i}]"), sku.to_string()));
        }
        if let Some(id) = self.consent_text_id {
            f.push(("form[consent_text_id]".into(), id.to_string()));
        }
        f
    }
}

impl TestApp {
    /// The directory holding the database file (and its write-ahead log).
    pub fn database_dir(&self) -> std::path::PathBuf {
        self._dir.path().to_path_buf()
    }

    /// The database's files (main file, write-ahead log) in which `needle` appears: what
    /// someone who copied the data directory could read.
    pub fn found_in_files(&self, needle: &str) -> Vec<String> {
        let mut hits = Vec::new();
        for entry in std::fs::read_dir(self.database_dir()).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("patron.db") {
                let bytes = std::fs::read(&path).unwrap();
                if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    hits.push(name);
                }
            }
        }
        hits
    }

    /// The origin the demo site allows out of the box: Patron's own.
    pub fn own_origin(&self) -> &str {
        &self.url
    }

    /// POSTs a signup through the widget gate from a page on `origin`.
    pub async fn signup_from(&self, site: &str, origin: &str, s: &Signup<'_>) -> reqwest::Response {
        self.widget_from(site, origin, "signup", &s.form()).await
    }

    /// POSTs to a widget endpoint through the gate, as a page on `origin` would.
    pub async fn widget_from<K: serde::Serialize, V: serde::Serialize>(
        &self,
        site: &str,
        origin: &str,
        endpoint: &str,
        form: &[(K, V)],
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(format!("{}/s/{site}/w/{endpoint}", self.url))
            .header(ORIGIN, origin)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// POSTs to a widget endpoint of the demo site from Patron's own origin.
    pub async fn widget<K: serde::Serialize, V: serde::Serialize>(
        &self,
        endpoint: &str,
        form: &[(K, V)],
    ) -> reqwest::Response {
        self.widget_from("demo", &self.url, endpoint, form).await
    }

    pub async fn signup(&self, s: &Signup<'_>) -> reqwest::Response {
        self.signup_from("demo", self.own_origin(), s).await
    }

    /// Calls an admin server function from the admin's own pages (same origin, cookies).
    pub async fn admin(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.admin_via(&self.client, &self.url, endpoint, form).await
    }

    /// Calls an admin server function as another browser (`client`, with its own cookies
    /// or none) on a page of `origin`.
    pub async fn admin_via(
        &self,
        client: &reqwest::Client,
        origin: &str,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(format!("{}/api/admin/{endpoint}", self.url))
            .header(ORIGIN, origin)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// The demo site's newest English newsletter wording.
    pub async fn demo_consent_text(&self) -> (i64, String) {
        sqlx::query_as(
            "SELECT id, body FROM consent_texts WHERE site_id = 1 AND purpose = 'newsletter' AND language = 'en'",
        )
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }

    /// Waits until the analytics inbox is empty: every acknowledged event moved into the
    /// reports' tables (the mover runs a moment after each append). Fails after 10 s.
    pub async fn analytics_moved(&self) {
        for _ in 0..1000 {
            let waiting: i64 =
                sqlx::query_scalar("SELECT count(*) FROM analytics_inbox").fetch_one(&self.pool).await.unwrap();
            if waiting == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the analytics inbox was not emptied in 10 s");
    }

    pub async fn count(&self, table: &str) -> i64 {
        let sql = match table {
            "customers" => "SELECT count(*) FROM customers",
            "consents" => "SELECT count(*) FROM consents",
            "staff_users" => "SELECT count(*) FROM staff_users",
            "sessions" => "SELECT count(*) FROM sessions",
            "nps_responses" => "SELECT count(*) FROM nps_responses",
            "reason_rankings" => "SELECT count(*) FROM reason_rankings",
            "heard_responses" => "SELECT count(*) FROM heard_responses",
            "reservations" => "SELECT count(*) FROM reservations",
            "favourites" => "SELECT count(*) FROM favourites",
            "loyalty_members" => "SELECT count(*) FROM loyalty_members",
            "customer_sessions" => "SELECT count(*) FROM customer_sessions",
            "site_address_modes" => "SELECT count(*) FROM site_address_modes",
            other => panic!("no count for {other}"),
        };
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }

    /// Creates the owner through the first-run page's server function, with the set-up code
    /// the server printed (signs this client in).
    pub async fn create_owner(&self, email: &str, password: &str) -> reqwest::Response {
        let code = self.setup_code.clone().unwrap_or_default();
        self.admin("setup_owner", &[("email", email), ("password", password), ("token", &code)]).await
    }
}

impl TestApp {
    /// A staff account of `role` made directly in the database, and a browser signed in
    /// as it (the owner's invitations come with the staff admin).
    pub async fn signed_in_as(&self, role: app::domain::Role, email: &str) -> reqwest::Client {
        let password = "a staff passphrase 123";
        let parsed = app::domain::Email::parse(email).unwrap();
        let hash =
            app::admin::auth::passwords::hash(app::domain::Password::parse(password.into()).unwrap()).await.unwrap();
        app::admin::auth::db::create_staff(&self.pool, &parsed, &hash, role).await.unwrap();
        let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
        let login = self.admin_via(&client, &self.url, "login", &[("email", email), ("password", password)]).await;
        assert!(login.status().is_success() || login.status().is_redirection(), "{}", login.status());
        client
    }
}

impl TestApp {
    /// The link in the newest mail to `to`, as its reader would click it.
    pub async fn mailed_link(&self, to: &str) -> String {
        let body: String = sqlx::query_scalar("SELECT body FROM outbox WHERE to_hash = $1 ORDER BY id DESC LIMIT 1")
            .bind(self.hash("email", to))
            .fetch_one(&self.pool)
            .await
            .unwrap();
        let body = self.open(&body);
        let start = body.find("http").expect("a link in the mail");
        body[start..].split_whitespace().next().unwrap().to_owned()
    }

    /// Another browser signed in to an existing account of `signed_in_as` (its password).
    pub async fn signed_in_as_again(&self, email: &str) -> reqwest::Client {
        let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
        let login = self
            .admin_via(&client, &self.url, "login", &[("email", email), ("password", "a staff passphrase 123")])
            .await;
        assert!(login.status().is_success() || login.status().is_redirection(), "{}", login.status());
        client
    }
}

pub fn field_errors(body: &serde_json::Value) -> HashMap<String, String> {
    body["Invalid"]
        .as_array()
        .unwrap_or_else(|| panic!("not a field error: {body}"))
        .iter()
        .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
        .collect()
}
