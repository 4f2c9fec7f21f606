//! The command line of the `server` binary: `serve`, `migrate`, `demo-data`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Indblik: citizens see who used their personal data and exercise their rights.
#[derive(Debug, Parser)]
#[command(name = "server", version, about)]
pub struct Cli {
    /// TOML configuration file; environment variables (INDBLIK_*) override it.
    #[arg(long, global = true, env = "INDBLIK_CONFIG_FILE", value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending migrations and serve the portal.
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Apply migrations and load the demo municipality's master data.
    DemoData,
    /// List the active blocks made after repeated rejected attempts.
    Blocks,
    /// Lift a block (see `blocks` for the id), recording who lifted it.
    Unblock {
        /// The block's id.
        id: i64,
        /// Who lifts it and why, e.g. "Dan Databeskyttelse, sag 2026-123".
        #[arg(long)]
        by: String,
    },
}
