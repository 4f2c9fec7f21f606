//! The `server` binary: parses the command line, loads the configuration and
//! runs the chosen command.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use server::access_log::{api_keys, import, partitions};
use server::cli::{ApiKeyCommand, Cli, Command};
use server::config::Config;
use server::{db, demo_data, demo_events, http, services, telemetry};

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
    if let Command::Deadline { received } = &command {
        return print_deadlines(received, &config);
    }
    let pool = db::connect(&config).await?;
    db::migrate(&pool).await?;
    match command {
        Command::Migrate => {
            println!("migrations applied");
            Ok(())
        }
        Command::DemoData {
            events,
            citizens,
            seed,
        } => {
            let loaded = demo_data::load(&pool).await?;
            println!(
                "demo data loaded: {} authorities, {} units, {} systems, {} purposes",
                loaded.authorities, loaded.units, loaded.systems, loaded.purposes
            );
            let pepper = config.pepper()?;
            let now = server::clock::now();
            let story = demo_events::load_story(&pool, &pepper, now).await?;
            println!("demo citizens' access events: {story}");
            let requests =
                server::demo_requests::load(&pool, &config.request_settings()?, now).await?;
            println!("demo requests added: {requests}");
            if events > 0 {
                let spec = demo_events::Synthetic {
                    seed,
                    events,
                    citizens,
                    retention_months: config.log_retention_months,
                };
                let stored = demo_events::load_synthetic(&pool, &pepper, now, spec).await?;
                println!("synthetic access events stored: {stored}");
            }
            Ok(())
        }
        Command::Blocks => {
            let operator = app::capability::Overseer::at_command_line("server blocks");
            let blocks = app::access_control::store::active_blocks(&pool, &operator).await?;
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
            let operator = app::capability::Overseer::at_command_line(by);
            let now = server::clock::now();
            if app::access_control::store::lift_block(&pool, &operator, id, now).await? {
                println!("block {id} lifted");
                Ok(())
            } else {
                anyhow::bail!("there is no active block with id {id} (see `server blocks`)")
            }
        }
        Command::ApiKey(command) => api_key(&pool, command).await,
        Command::Import {
            system,
            format,
            file,
        } => {
            let format = match format.as_deref() {
                Some("csv") => import::Format::Csv,
                Some(_) => import::Format::Ndjson,
                None => import::Format::of(&file).ok_or_else(|| {
                    anyhow::anyhow!("cannot tell the format from the file name; give --format ndjson or --format csv")
                })?,
            };
            let mut progress = ImportProgress::new(&file);
            let outcome = import::import(
                &pool,
                &config.pepper()?,
                &system,
                &file,
                format,
                server::clock::now(),
                config.log_retention_months,
                &mut progress,
            )
            .await;
            progress.finish();
            match outcome {
                Ok(imported) => {
                    println!(
                        "{} events read, {} stored ({} were stored before)",
                        imported.received,
                        imported.stored,
                        imported.received as u64 - imported.stored
                    );
                    Ok(())
                }
                Err(import::ImportError::Refused(refusal)) => {
                    for error in &refusal.errors {
                        let field = error.field.map(|f| format!(" {f}:")).unwrap_or_default();
                        eprintln!("line {}:{field} {}", error.line, error.message);
                    }
                    if refusal.error_count > refusal.errors.len() {
                        eprintln!("… and {} more", refusal.error_count - refusal.errors.len());
                    }
                    anyhow::bail!("{} bad line(s); nothing was imported", refusal.error_count)
                }
                Err(error) => Err(error.into()),
            }
        }
        Command::Purge => {
            let purged = partitions::purge(
                &pool,
                server::clock::now(),
                config.log_retention_months,
                config.purge_waits_for_open_access_requests,
            )
            .await?;
            println!(
                "dropped {} month(s); the log now covers from {}",
                purged.months.len(),
                purged.covers_from
            );
            if !purged.held.is_empty() {
                println!(
                    "kept {} month(s) past retention for open access requests",
                    purged.held.len()
                );
            }
            Ok(())
        }
        Command::Digest => {
            let now = server::clock::now();
            let settings = DigestSettings::of(&config)?;
            match app::requests::mail::run_digest(
                &pool,
                &settings.dpo_email,
                &settings.public_url,
                settings.within_days,
                now,
            )
            .await?
            {
                Some(mails) => println!("today's digest: {mails} e-mail(s) written to the outbox"),
                None => println!("today's digest was already written"),
            }
            match server::mail::Mailer::from_config(&config)? {
                Some(mailer) => {
                    let report = server::mail::send_due(&pool, &mailer, now).await?;
                    println!(
                        "sent {} e-mail(s), {} failed (they stay in the outbox)",
                        report.sent, report.failed
                    );
                }
                None => println!("smtp_url is not set: the e-mail waits in the outbox"),
            }
            Ok(())
        }
        Command::Serve => serve(config, pool).await,
        Command::Deadline { received } => print_deadlines(&received, &config),
    }
}

/// `server deadline`: one line for operators to check a date by hand.
fn print_deadlines(received: &str, config: &Config) -> anyhow::Result<()> {
    let at = chrono::DateTime::parse_from_rfc3339(received.trim()).map_err(|_| {
        anyhow::anyhow!(
            "\"{received}\" is not an RFC 3339 time with an offset, e.g. 2026-01-31T10:00:00+01:00"
        )
    })?;
    let deadlines = app::deadline::deadlines(at.to_utc(), &config.deadline_calendar());
    println!("{}", deadlines.line());
    Ok(())
}

async fn api_key(pool: &sqlx::PgPool, command: ApiKeyCommand) -> anyhow::Result<()> {
    match command {
        ApiKeyCommand::Create { system, label } => {
            let key = api_keys::create(pool, &system, &label, server::clock::now()).await?;
            eprintln!(
                "API key {} created for system {system}; it is shown only this once:",
                key.id
            );
            println!("{}", key.secret);
        }
        ApiKeyCommand::Revoke { id } => {
            api_keys::revoke(pool, id, server::clock::now()).await?;
            println!("API key {id} revoked");
        }
        ApiKeyCommand::List => {
            for key in api_keys::list(pool).await? {
                let state = match key.revoked_at {
                    Some(at) => format!("revoked {at}"),
                    None => "active".to_owned(),
                };
                let used = key
                    .last_used_at
                    .map_or_else(|| "never used".to_owned(), |at| format!("last used {at}"));
                println!(
                    "{}\t{}\t{}\tcreated {}\t{state}\t{used}",
                    key.id, key.system, key.label, key.created_at
                );
            }
        }
    }
    Ok(())
}

async fn serve(config: Config, pool: sqlx::PgPool) -> anyhow::Result<()> {
    if let db::SchemaState::Behind { problem } = db::schema_state(&pool).await? {
        anyhow::bail!("database schema does not match this build: {problem}");
    }
    tokio::spawn(delete_expired_sessions(pool.clone()));
    tokio::spawn(maintain_access_log(
        pool.clone(),
        config.log_retention_months,
        config.purge_waits_for_open_access_requests,
    ));
    let mailer = server::mail::Mailer::from_config(&config)?;
    if mailer.is_none() {
        tracing::warn!("smtp_url is not set: e-mail waits in the outbox until it is");
    }
    tokio::spawn(mail_jobs(
        pool.clone(),
        mailer,
        DigestSettings::of(&config)?,
    ));
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

/// Background job: every hour, makes sure the coming months' partitions
/// exist and drops the months past retention (a month is dropped within an
/// hour of passing it).
async fn maintain_access_log(pool: sqlx::PgPool, retention_months: u32, hold: bool) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        let now = server::clock::now();
        let months = partitions::months_to_keep_ready(now, retention_months);
        if let Err(error) = partitions::ensure(&pool, &months).await {
            tracing::error!(error = %error, "cannot create access log partitions");
        }
        if let Err(error) = partitions::purge(&pool, now, retention_months, hold).await {
            tracing::error!(error = %error, "cannot purge the access log");
        }
    }
}

/// What the digest job needs from the configuration.
struct DigestSettings {
    at: chrono::NaiveTime,
    dpo_email: String,
    public_url: String,
    within_days: i64,
}

impl DigestSettings {
    fn of(config: &Config) -> anyhow::Result<DigestSettings> {
        Ok(DigestSettings {
            at: config.digest_at()?,
            dpo_email: config.dpo_email.clone(),
            public_url: config.public_url.to_string(),
            within_days: i64::from(config.digest_due_within_days),
        })
    }

    /// Writes today's digest if its time has come and it has not been written.
    async fn run_if_due(
        &self,
        pool: &sqlx::PgPool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> sqlx::Result<Option<usize>> {
        let local = now.with_timezone(&chrono_tz::Europe::Copenhagen).time();
        if local < self.at {
            return Ok(None);
        }
        app::requests::mail::run_digest(
            pool,
            &self.dpo_email,
            &self.public_url,
            self.within_days,
            now,
        )
        .await
    }
}

/// Background job: every 30 seconds, writes the day's digest when its time
/// has come (once a day) and sends the mail that is due.
async fn mail_jobs(
    pool: sqlx::PgPool,
    mailer: Option<server::mail::Mailer>,
    digest: DigestSettings,
) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(30));
    loop {
        every.tick().await;
        let now = server::clock::now();
        match digest.run_if_due(&pool, now).await {
            Ok(Some(mails)) => tracing::info!(mails, "daily digest written to the outbox"),
            Ok(None) => {}
            Err(error) => tracing::error!(error = %error, "cannot write the daily digest"),
        }
        if let Some(mailer) = &mailer {
            if let Err(error) = server::mail::send_due(&pool, mailer, now).await {
                tracing::error!(error = %error, "cannot read the mail outbox");
            }
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

/// Import progress on stderr: a bar on a terminal, otherwise a line now and then.
struct ImportProgress {
    bar: indicatif::ProgressBar,
    last_line_at: usize,
}

impl ImportProgress {
    fn new(file: &std::path::Path) -> ImportProgress {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let bar = indicatif::ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {msg} ({eta} left)",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        ImportProgress {
            bar,
            last_line_at: 0,
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl import::Progress for ImportProgress {
    fn advance(&mut self, bytes_read: u64, events: usize) {
        self.bar.set_position(bytes_read);
        self.bar.set_message(format!("{events} events"));
        if self.bar.is_hidden() && events >= self.last_line_at + 100_000 {
            self.last_line_at = events;
            eprintln!("read {events} events ({bytes_read} bytes)");
        }
    }
}
