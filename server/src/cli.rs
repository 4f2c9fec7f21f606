//! The command line of the `server` binary: serving, migrations, demo data,
//! blocks, API keys and the access log's retention.

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
    /// Apply migrations and load the demo municipality's master data and the
    /// demo citizens' access events (replacing their earlier ones).
    DemoData {
        /// Also make this many synthetic events (for benchmark databases).
        #[arg(long, default_value_t = 0)]
        events: u64,
        /// Spread the synthetic events over this many synthetic citizens.
        #[arg(long, default_value_t = 1000)]
        citizens: u64,
        /// Seed of the synthetic events; the same seed on the same day gives the same events.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// List the active blocks made after repeated rejected attempts.
    Blocks,
    /// Lift a block (see `blocks` for the id), recording who lifted it.
    Unblock {
        /// The block's id.
        id: i64,
        /// Who lifts it, e.g. "Dan Databeskyttelse".
        #[arg(long)]
        by: String,
        /// Why, e.g. "Borgeren tastede forkert; sag 2026-123" (1 to 500
        /// characters, no CPR number).
        #[arg(long)]
        cause: String,
    },
    /// Manage the API keys source systems report access events with.
    #[command(subcommand)]
    ApiKey(ApiKeyCommand),
    /// Backfill access events from an NDJSON or CSV file (all or nothing;
    /// importing the same file again stores nothing new).
    Import {
        /// The source system the events come from, e.g. `esdh`.
        #[arg(long)]
        system: String,
        /// `ndjson` or `csv`; by default from the file's extension.
        #[arg(long, value_parser = ["ndjson", "csv"])]
        format: Option<String>,
        /// The file.
        file: PathBuf,
    },
    /// Replace the staff directory (who is behind the actor ids the source
    /// systems report) with a CSV file with the columns actor, name, unit,
    /// email, cpr (email and cpr optional); all or nothing, every bad line
    /// named.
    StaffDirectory {
        /// The file.
        file: PathBuf,
    },
    /// Print a request's deadlines for a time of receipt, e.g.
    /// `server deadline 2026-01-31T10:00:00+01:00`, as one line:
    /// `received=YYYY-MM-DD due=YYYY-MM-DD extended=YYYY-MM-DD`
    /// (dates in Europe/Copenhagen). Needs no database.
    Deadline {
        /// The time of receipt, RFC 3339 with an offset.
        received: String,
    },
    /// Make a key for a national portal that calls
    /// `GET /aggregator/v3/findUsage` (Data Tracker protocol): prints the key,
    /// to hand to the portal's operators once, and the
    /// `[[data_tracker_aggregators]]` entry for the configuration, which
    /// holds only its SHA-256. Needs no database.
    AggregatorKey {
        /// The portal's name, e.g. `borger.dk`.
        #[arg(long)]
        name: String,
        /// Code of the unit its calls are logged under, in the master data.
        #[arg(long)]
        unit: String,
        /// Code of the purpose its calls are logged under, in the master data.
        #[arg(long)]
        purpose: String,
    },
    /// Drop the access log's months that lie past the retention period now
    /// (the running server also does this every hour).
    Purge,
    /// Write today's deadline digest to the outbox now, unless today's has
    /// been written (the running server does it at `digest_time`), and send
    /// the mail that is due.
    Digest,
}

#[derive(Debug, Subcommand)]
pub enum ApiKeyCommand {
    /// Create a key for a source system and print it once (only a hash is kept).
    Create {
        /// The source system's code, e.g. `esdh`.
        #[arg(long)]
        system: String,
        /// What the key is for, e.g. "ESDH production, 2026".
        #[arg(long, default_value = "created with server api-key create")]
        label: String,
    },
    /// Revoke a key at once (see `list` for the id).
    Revoke {
        /// The key's id.
        id: i64,
    },
    /// List every key (never the secret).
    List,
}
