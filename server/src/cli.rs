//! The commands of the `patron` binary.

use crate::config::{AdminCommand, Cli, Command, DemoCommand, SiteCommand};
use crate::startup::Application;
use app::admin::auth::{db as staff_db, passwords};
use app::admin::backups::files as backups;
use app::domain::{Email, Origin, Password, Role, SiteKey};
use app::staff::audit::{self, AuditAction};
use std::io::BufRead;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Start(#[from] crate::startup::StartError),
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error("{field}: {problem}")]
    Invalid { field: &'static str, problem: String },
    #[error("a staff user with the email {0} exists already")]
    StaffExists(String),
    #[error("there is no site with the key {0:?}")]
    NoSuchSite(String),
    #[error(transparent)]
    Seed(#[from] crate::seed::SeedError),
    #[error(transparent)]
    Backup(#[from] backups::BackupError),
    #[error(transparent)]
    Restore(#[from] crate::restore::RestoreError),
    #[error("hashing the password: {0}")]
    Hash(#[from] passwords::HashError),
    #[error(transparent)]
    Key(#[from] crate::pii::key::KeyError),
    #[error(transparent)]
    Rotate(#[from] crate::pii::rotate::RotateError),
    #[error(transparent)]
    Migrate(#[from] crate::migrate_to::MigrateError),
}

fn invalid(field: &'static str, problem: impl std::fmt::Display) -> CliError {
    CliError::Invalid { field, problem: problem.to_string() }
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => Application::build(&config).await?.run().await?,
        Command::Admin { command: AdminCommand::Create { email } } => {
            let email = Email::parse(&email).map_err(|p| invalid("--email", p))?;
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            let password = Password::parse(line.trim_end_matches(['\r', '\n']).to_owned())
                .map_err(|p| invalid("password (standard input)", p))?;
            let pool = config.open_database().await?;
            let hash = passwords::hash(password).await?;
            let id = staff_db::create_staff(&pool, &email, &hash, Role::Owner)
                .await?
                .ok_or_else(|| CliError::StaffExists(email.to_string()))?;
            println!("created owner {email} (staff id {})", id.0);
        }
        Command::Seed { customers, purchases, events, seed } => {
            let pool = config.open_database().await?;
            let report = crate::seed::run(&pool, crate::seed::Amounts { customers, purchases, events, seed }).await?;
            for (table, rows) in &report.tables {
                println!("{table:<18} {rows:>10}");
            }
            let rows = report.rows();
            println!("{rows} rows in {:.1} s: {:.0} rows/s", report.seconds, rows as f64 / report.seconds);
        }
        Command::Backup => {
            let pool = config.open_database().await?;
            let file = backups::backup(&pool, &config.backup_place(), unix_now()).await?;
            audit::record_command(&pool, AuditAction::BackedUp, &format!("patron backup: {}", file.name)).await?;
            println!("{} ({} bytes) in {}", file.name, file.bytes, config.backup_place().dir.display());
        }
        Command::Restore { which } => {
            let place = config.backup_place();
            let Some(which) = which else {
                for file in backups::list(&place)? {
                    println!("{}  {:>12} bytes", file.name, file.bytes);
                }
                return Err(invalid("which", "name the backup to restore (a file above, a path, or latest)"));
            };
            let from =
                backups::find(&place, &which)?.ok_or_else(|| invalid("which", format!("no backup {which:?}")))?;
            let pool = config.open_database().await?;
            let before = backups::backup(&pool, &place, unix_now()).await?;
            println!("the database as it was: {}", before.name);
            crate::restore::restore(&pool, &from).await?;
            let detail = format!("patron restore: {} (the database before it: {})", from.display(), before.name);
            audit::record_command(&pool, AuditAction::RestoredBackup, &detail).await?;
            println!("restored {}", from.display());
        }
        Command::RotateKey { new_key_file } => {
            use crate::pii::{PiiKey, key};
            let current = config.load_key()?;
            let pool = crate::db::connect(&config.database_url, &current.key, config.lock_wait()).await?;
            let master = if new_key_file.exists() {
                key::read(&new_key_file)?
            } else {
                key::create(&new_key_file, &PiiKey::generate_master())?
            };
            let new = std::sync::Arc::new(PiiKey::from_master(&master));
            if new.fingerprint() == current.key.fingerprint() {
                return Err(invalid("--new-key-file", "holds the key in use already"));
            }
            let sealed = crate::pii::rotate::rotate(&pool, &current.key, &new).await?;
            let detail = format!("from key {} to key {}", current.key.fingerprint(), new.fingerprint());
            audit::record_command(&pool, AuditAction::RotatedKey, &detail).await?;
            println!("sealed {sealed} values again under the key {} ({})", new.fingerprint(), new_key_file.display());
            println!(
                "start Patron with PATRON_KEY_FILE={}; keep the old key {} as long as you keep backups made before \
                 now: they need it",
                new_key_file.display(),
                current.key.fingerprint()
            );
        }
        Command::Retention => {
            let pool = config.open_database().await?;
            let done = app::admin::retention::db::apply(&pool).await?;
            app::admin::retention::log_run(&done);
            for (site, r) in done {
                let site = site.map_or("server-wide".to_owned(), |s| format!("site {}", s.0));
                println!(
                    "{site}: {} page views, {} events, {} customers erased, {} uploads dropped, {} links closed",
                    r.page_views, r.events, r.customers, r.uploads, r.links
                );
            }
        }
        Command::Sql { query } => {
            let pool = config.open_database().await?;
            println!("{}", crate::query::json_rows(&pool, &query).await?);
        }
        Command::Site { command: SiteCommand::AllowOrigin { site, origin } } => {
            let key = SiteKey::parse(&site).map_err(|e| invalid("--site", e))?;
            let origin = Origin::parse(&origin).map_err(|e| invalid("--origin", e))?;
            let pool = config.open_database().await?;
            if !app::sites::db::allow_origin(&pool, &key, &origin).await? {
                return Err(CliError::NoSuchSite(site));
            }
            println!("site {site} now allows {}", origin.as_str());
        }
        Command::MigrateTo { url } => {
            if app::db::Dialect::of_url(&url) != Some(app::db::Dialect::Postgres) {
                return Err(crate::migrate_to::MigrateError::NotPostgres(url).into());
            }
            let key = config.load_key()?;
            let source = crate::db::connect(&config.database_url, &key.key, config.lock_wait()).await?;
            let target = crate::db::connect(&url, &key.key, config.lock_wait()).await?;
            let copied = crate::migrate_to::migrate(&source, &target).await?;
            for (table, rows) in &copied {
                println!("{table:<28} {rows:>10}");
            }
            let rows: i64 = copied.iter().map(|(_, rows)| rows).sum();
            println!("copied {rows} rows in {} tables; every count matches", copied.len());
            let key_is = match &key.source {
                crate::pii::key::KeySource::Environment => "the same PATRON_SECRET_KEY".to_owned(),
                crate::pii::key::KeySource::File(path) | crate::pii::key::KeySource::BesideDatabase(path) => {
                    format!("PATRON_KEY_FILE={}", path.display())
                }
            };
            println!("start Patron with PATRON_DATABASE_URL set to the PostgreSQL database and {key_is}");
        }
        Command::Demo { command: DemoCommand::Remove } => {
            let pool = config.open_database().await?;
            match crate::demo::remove(&pool).await? {
                Some(customers) => println!("removed the demo site and its {customers} customers"),
                None => println!("there is no demo site"),
            }
        }
    }
    Ok(())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}
