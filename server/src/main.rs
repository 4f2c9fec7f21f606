//! The `server` binary: parses the command line, loads the configuration and
//! runs the chosen command.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use server::cli::{Cli, Command};
use server::config::Config;
use server::{db, demo_data, http, services, telemetry};

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
    match run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "stopped");
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    let pool = db::connect(&config).await?;
    db::migrate(&pool).await?;
    match command {
        Command::Migrate => {
            println!("migrations applied");
            Ok(())
        }
        Command::DemoData => {
            let loaded = demo_data::load(&pool).await?;
            println!(
                "demo data loaded: {} authorities, {} units, {} systems, {} purposes",
                loaded.authorities, loaded.units, loaded.systems, loaded.purposes
            );
            Ok(())
        }
        Command::Blocks => {
            let blocks = app::access_control::active_blocks(&pool).await?;
            if blocks.is_empty() {
                println!("no active blocks");
            }
            for block in blocks {
                println!(
                    "{id}	{at}	{what}	{n} rejected attempts",
                    id = block.id,
                    at = block.at,
                    what = block.what,
                    n = block.rejections
                );
            }
            Ok(())
        }
        Command::Unblock { id, by } => {
            let by = by.trim();
            if by.is_empty() {
                anyhow::bail!("--by must say who lifts the block");
            }
            if app::access_control::lift_block(&pool, id, by, server::clock::now()).await? {
                println!("block {id} lifted");
                Ok(())
            } else {
                anyhow::bail!("there is no active block with id {id} (see `server blocks`)")
            }
        }
        Command::Serve => serve(config, pool).await,
    }
}

async fn serve(config: Config, pool: sqlx::PgPool) -> anyhow::Result<()> {
    if let db::SchemaState::Behind { problem } = db::schema_state(&pool).await? {
        anyhow::bail!("database schema does not match this build: {problem}");
    }
    tokio::spawn(delete_expired_sessions(pool.clone()));
    let router = http::router(services(&config, pool)?);
    let listener = tokio::net::TcpListener::bind(config.listen_addr)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (setting listen_addr)",
                config.listen_addr
            )
        })?;
    tracing::info!(address = %config.listen_addr, public_url = %config.public_url, "serving Indblik");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("HTTP server failed")
}

/// Background job: deletes expired sessions every five minutes.
async fn delete_expired_sessions(pool: sqlx::PgPool) {
    let store = server::auth::store::PgSessionStore::new(pool);
    let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        every.tick().await;
        match store.delete_expired(server::clock::now()).await {
            Ok(0) => {}
            Ok(deleted) => tracing::debug!(deleted, "expired sessions deleted"),
            Err(error) => tracing::warn!(error = %error, "cannot delete expired sessions"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests can finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
