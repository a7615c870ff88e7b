//! The Patron server: configuration, database, HTTP routes and the command line.
// The admin pages nest deep view types; their layouts need more than the default 128.
#![recursion_limit = "256"]

pub mod cli;
pub mod client_ip;
pub mod config;
pub mod db;
mod gate;
mod ingest;
mod jobs;
pub mod mailer;
pub mod pii;
mod query;
mod rate_limit;
pub mod restore;
pub mod seed;
pub mod startup;
mod static_files;
pub mod telemetry;
pub mod webhooks;
