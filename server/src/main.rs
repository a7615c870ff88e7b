//! `patron`: reads its configuration and hands over to the library.

use clap::Parser;
use patron::config::Cli;

/// mimalloc instead of glibc's allocator (see server/Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    patron::telemetry::init();
    patron::files_private();
    match patron::cli::run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("patron: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
