//! The Patron server: configuration, database, HTTP routes and the command line.

pub mod cli;
pub mod client_ip;
pub mod config;
pub mod db;
mod gate;
mod ingest;
pub mod seed;
pub mod startup;
mod static_files;
pub mod telemetry;
