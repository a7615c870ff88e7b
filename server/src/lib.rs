//! The Patron server: configuration, database, HTTP routes and the command line.
// The admin pages nest deep view types; their layouts need more than the default 128.
#![recursion_limit = "256"]

pub mod cli;
pub mod client_ip;
pub mod config;
pub mod db;
pub mod demo;
mod gate;
mod health;
mod ingest;
pub mod jobs;
mod lease_queue;
pub mod mailer;
pub mod migrate_to;
pub mod outbound;
pub mod pii;
mod public_limit;
mod query;
mod rate_limit;
pub mod restore;
pub mod seed;
mod serve;
pub mod startup;
mod static_files;
pub mod telemetry;
pub mod webhooks;

/// Every file and directory Patron creates from here on — the database, its write-ahead log,
/// backups, the generated key — is readable by its own user only (0600, 0700), whatever
/// umask the service was started with: they hold the customers' data.
pub fn files_private() {
    // SAFETY: umask only swaps the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
