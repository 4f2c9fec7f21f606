//! The `server` binary: parses the command line, loads the configuration,
//! sets up logging and runs the chosen command ([`server::commands`]).

use std::process::ExitCode;

use clap::Parser;

use server::cli::Cli;
use server::config::Config;
use server::{commands, telemetry};

/// mimalloc instead of the C library's allocator: server-side rendering
/// allocates and frees many small strings on every page, where glibc's
/// malloc spent 41 % of the server's time under load (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = telemetry::init(config.log_format, &config.log_filter) {
        eprintln!("error: cannot set up logging: {error}");
        return ExitCode::from(2);
    }
    match commands::run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "stopped");
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
