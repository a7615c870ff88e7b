//! Configuration by flags and environment variables (the README's table lists them).

use crate::client_ip::TrustedProxy;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "patron", version, about = "Self-hosted customer data for small businesses")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Settings every command shares.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PATRON_ADDR", default_value = "127.0.0.1:3000", global = true)]
    pub addr: SocketAddr,
    /// SQLite database; the file and its directory are created on first run.
    #[arg(long, env = "PATRON_DATABASE_URL", default_value = "sqlite://data/patron.db", global = true)]
    pub database_url: String,
    /// Serve the browser assets from this directory (`scripts/build` writes `target/site`)
    /// instead of the copy inside the binary: for development.
    #[arg(long, env = "PATRON_SITE_ROOT", global = true)]
    pub site_root: Option<PathBuf>,
    /// Set up and serve the demo bakery (its site, products, loyalty programme and pages
    /// under /demo). Without it a new install has no demo site; `patron demo remove` takes
    /// it out of an older one.
    #[arg(long, env = "PATRON_DEMO", global = true)]
    pub demo: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed, comma-separated addresses or
    /// networks (`127.0.0.1,10.0.0.0/8`). Empty: the peer address is the client's.
    #[arg(long, env = "PATRON_TRUSTED_PROXIES", value_delimiter = ',', global = true)]
    pub trusted_proxies: Vec<TrustedProxy>,
    /// Directory of backups. Default: `backups` beside the database file.
    #[arg(long, env = "PATRON_BACKUP_DIR", global = true)]
    pub backup_dir: Option<PathBuf>,
    /// How many backups to keep (the oldest go first).
    #[arg(long, env = "PATRON_BACKUP_KEEP", default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..), global = true)]
    pub backup_keep: u16,
    /// Hours between the backups the server takes itself (0: none; `patron backup` from
    /// cron remains possible). The first comes a period after the newest backup, at least
    /// a minute after start.
    #[arg(long, env = "PATRON_BACKUP_EVERY_HOURS", default_value_t = 24, global = true)]
    pub backup_every_hours: u16,
    /// Patron's public address (`https://crm.shop.example`), which every link it writes
    /// starts with. Required when listening on an address other machines can reach;
    /// on loopback, the listening address is used.
    #[arg(long, env = "PATRON_PUBLIC_URL", value_parser = public_url, global = true)]
    pub public_url: Option<String>,
    /// The key that seals customers' names, emails, phones and streets in the database:
    /// 64 hex digits (`openssl rand -hex 32`). Or use `--key-file`. With neither, a key is
    /// generated into `patron.key` beside the database (and Patron warns: whoever copies
    /// the data directory has both).
    #[arg(long, env = "PATRON_SECRET_KEY", hide_env_values = true, global = true)]
    pub secret_key: Option<crate::pii::SecretKey>,
    /// A file holding the key (64 hex digits), e.g. on a separate volume or a secret mount.
    #[arg(long, env = "PATRON_KEY_FILE", global = true)]
    pub key_file: Option<PathBuf>,
    /// Widget calls (signups, reservations, answers…) a minute per site and client network
    /// (an IPv4 address, an IPv6 /64); past it, 429. 0: no limit.
    #[arg(long, env = "PATRON_WIDGET_RATE", default_value_t = 60, global = true)]
    pub widget_rate: u32,
    /// Analytics events a minute per site and client network; past it, 429. 0: no limit.
    #[arg(long, env = "PATRON_INGEST_RATE", default_value_t = 600, global = true)]
    pub ingest_rate: u32,
    /// The mail server mails go through: `smtp://user:password@host:587?tls=required`,
    /// `smtps://…:465`, or `smtp://localhost:25` (no TLS). Unset: mails wait in the outbox,
    /// where staff read them.
    #[arg(long, env = "PATRON_SMTP_URL", value_parser = crate::mailer::SmtpUrl::parse, hide_env_values = true, global = true)]
    pub smtp_url: Option<crate::mailer::SmtpUrl>,
    /// Let webhooks reach private networks and this machine (10.0.0.0/8, 192.168.0.0/16,
    /// 127.0.0.1…), for a receiver on the shop's own network. Off: public addresses only.
    /// Link-local addresses (the cloud's metadata service) are never reached.
    #[arg(long, env = "PATRON_WEBHOOKS_TO_PRIVATE_NETWORKS", global = true)]
    pub webhooks_to_private_networks: bool,
    /// Seconds a write waits for the database's write lock while another process (a backup
    /// tool, `sqlite3`) holds it; past it, the request is answered 503 with Retry-After.
    #[arg(long, env = "PATRON_LOCK_WAIT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300), global = true)]
    pub lock_wait: u64,
    /// Seconds a client has to send a request's headers, and that an idle kept-alive
    /// connection stays open: a slow or silent client is cut off after it.
    #[arg(long, env = "PATRON_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600), global = true)]
    pub header_timeout: u64,
    /// Seconds a client has to send a request's body once its headers are in.
    #[arg(long, env = "PATRON_BODY_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600), global = true)]
    pub body_timeout: u64,
    /// Open connections at once from one client network (an IPv4 address, an IPv6 /64);
    /// past it, new ones are closed at once. Not applied to `--trusted-proxies`, which
    /// bring many clients' requests (limit connections at the proxy).
    #[arg(long, env = "PATRON_CONNECTIONS_PER_NETWORK", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub connections_per_network: u32,
    /// The address mails come from; the display name is the site's name.
    #[arg(long, env = "PATRON_MAIL_FROM", default_value = "patron@localhost", value_parser = mail_from, global = true)]
    pub mail_from: lettre::Address,
}

fn mail_from(raw: &str) -> Result<lettre::Address, String> {
    raw.parse().map_err(|_| "expected an email address such as news@shop.example".to_owned())
}

/// A public address is an origin: scheme, host, optional port, nothing after.
fn public_url(raw: &str) -> Result<String, app::domain::BadOrigin> {
    app::domain::Origin::parse(raw.trim_end_matches('/')).map(|o| o.as_str().to_owned())
}

impl Config {
    /// Where backups go: the configured directory, or `backups` beside the database file.
    pub fn backup_place(&self) -> app::admin::backups::files::BackupPlace {
        let dir = self.backup_dir.clone().unwrap_or_else(|| self.beside_database("backups"));
        app::admin::backups::files::BackupPlace { dir, keep: usize::from(self.backup_keep) }
    }

    /// The key that seals PII: configured, or the one beside the database.
    pub fn load_key(&self) -> Result<crate::pii::LoadedKey, crate::pii::key::KeyError> {
        crate::pii::key::load(self.secret_key.as_ref(), self.key_file.as_deref(), &self.beside_database("patron.key"))
    }

    /// Opens the database with the configured key (for the commands; the server keeps the
    /// key's source too, to warn about it).
    pub async fn open_database(&self) -> Result<app::db::Db, crate::db::DbError> {
        let key = self.load_key()?;
        crate::db::connect(&self.database_url, &key.key, self.lock_wait()).await
    }

    /// How long a write waits for a lock held by another process.
    pub fn lock_wait(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.lock_wait)
    }

    /// A file beside the SQLite database; on PostgreSQL, in `data` (each server of several
    /// must be given the same key: `PATRON_KEY_FILE` or `PATRON_SECRET_KEY`).
    fn beside_database(&self, name: &str) -> PathBuf {
        if app::db::Dialect::of_url(&self.database_url) == Some(app::db::Dialect::Postgres) {
            return PathBuf::from("data").join(name);
        }
        let file = std::str::FromStr::from_str(&self.database_url)
            .map(|o: sqlx::sqlite::SqliteConnectOptions| o.get_filename().to_path_buf())
            .unwrap_or_default();
        file.parent().unwrap_or(std::path::Path::new(".")).join(name)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the widgets, the demo and the admin (the default).
    Serve,
    /// Staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Fill an empty database with a realistic, deterministic demo shop (for benchmarks).
    Seed {
        #[arg(long, default_value_t = 1000)]
        customers: u64,
        #[arg(long, default_value_t = 5000)]
        purchases: u64,
        /// Page views (custom events come on top, about one in twenty).
        #[arg(long, default_value_t = 20000)]
        events: u64,
        /// The same seed makes the same rows.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write a consistent copy of the database to the backup directory (the server may
    /// keep running), keeping the newest `--backup-keep`.
    Backup,
    /// Bring a backup back over the database (a running server sees it at once). A backup
    /// of the database as it was comes first, so a restore can be undone.
    Restore {
        /// A file name in the backup directory, a path, or `latest`. Without it: the list.
        which: Option<String>,
    },
    /// Applies every site's retention rules now (a running server does it every hour) and
    /// prints what went.
    Retention,
    /// Seals all customer data again under a new key, in one transaction. Stop the server
    /// first, and start it with the new key after. The new key is read from
    /// `--new-key-file`, or generated into it when that file does not exist yet.
    RotateKey {
        #[arg(long)]
        new_key_file: PathBuf,
    },
    /// Runs one read-only SQL query and prints its rows as a JSON array, sealed values
    /// opened with the key: the sqlite3 shell cannot read sealed columns.
    Sql {
        /// e.g. "SELECT id, email FROM customers"
        query: String,
    },
    /// Sites that embed Patron.
    Site {
        #[command(subcommand)]
        command: SiteCommand,
    },
    /// The demo bakery (`--demo` serves it).
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// Copies this install's SQLite database into an empty PostgreSQL database (its schema
    /// is made first), sealed values as they are: start Patron on it after with
    /// `--database-url` set to it and the same key. Stop the server first.
    MigrateTo {
        /// e.g. postgres://patron@db.example/patron
        url: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Remove the demo site with everything on it, its customers included.
    Remove,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an owner account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Allow pages on ORIGIN (e.g. https://shop.example) to use the site's widgets.
    AllowOrigin {
        #[arg(long)]
        site: String,
        #[arg(long)]
        origin: String,
    },
}
