//! The integration tests, one binary (one link, not 33): each module starts the real app
//! on port 0 with a fresh SQLite file and calls it as a client would (see `common`).

mod common;

mod admin;
mod analytics;
mod audit;
mod automation;
mod backups;
mod commands;
mod corrections;
mod customer_language;
mod demo;
mod duplicates;
mod faults;
mod headers;
mod history_import;
mod import;
mod loyalty;
mod mail;
mod my_page;
mod phones;
mod pii;
mod policy;
mod products;
mod profile;
mod purchase_windows;
mod quality;
mod rate_limits;
mod record;
mod reports;
mod rest_api;
mod retention;
mod rights;
mod seed;
mod segments;
mod settings;
mod shop;
mod signup;
mod site_choice;
mod site_clock;
mod staff_language;
mod surveys;
mod throttle;
mod webhooks;
mod widget_addresses;
mod widget_language;
