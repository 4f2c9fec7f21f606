//! The commands of the `server` binary, one function each; [`run`] picks
//! the one the command line names. Everything but `deadline` connects to
//! the database and applies pending migrations first (as the schema's owner,
//! when it has one of its own: `db::prepare`).

use std::net::SocketAddr;

use anyhow::Context;
use sqlx::PgPool;

use app::access_control::LiftCause;
use app::capability::Overseer;

use crate::access_log::{api_keys, import, partitions};
use crate::cli::{ApiKeyCommand, Command};
use crate::config::Config;
use crate::jobs::{self, DigestSettings, JobSettings};
use crate::mail::{send_due, Mailer};
use crate::{clock, db, demo_data, demo_events, demo_requests, http, services, staff_directory};

/// Runs `command` with `config`.
pub async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    if let Command::Deadline { received } = &command {
        return print_deadlines(received, &config);
    }
    if let Command::AggregatorKey {
        name,
        unit,
        purpose,
    } = &command
    {
        return print_aggregator_key(name, unit, purpose);
    }
    let pool = db::connect(&config).await?;
    db::prepare(&config, &pool).await?;
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
            let synthetic = demo_events::Synthetic {
                seed,
                events,
                citizens,
                retention_months: config.log_retention_months,
            };
            load_demo_data(&pool, &config, synthetic, clock::now()).await
        }
        Command::Blocks => list_blocks(&pool).await,
        Command::Unblock { id, by, cause } => unblock(&pool, id, &by, &cause).await,
        Command::ApiKey(command) => api_key(&pool, command).await,
        Command::Import {
            system,
            format,
            file,
        } => import_file(&pool, &config, &system, format.as_deref(), &file).await,
        Command::StaffDirectory { file } => import_staff_directory(&pool, &config, &file).await,
        Command::Purge => purge(&pool, &config).await,
        Command::Digest => digest(&pool, &config).await,
        Command::Serve => serve(config, pool).await,
        Command::Deadline { received } => print_deadlines(&received, &config),
        Command::AggregatorKey {
            name,
            unit,
            purpose,
        } => print_aggregator_key(&name, &unit, &purpose),
    }
}

/// `server aggregator-key`: a new key and its configuration entry.
fn print_aggregator_key(name: &str, unit: &str, purpose: &str) -> anyhow::Result<()> {
    use crate::access_log::data_tracker::aggregator::{new_key, Aggregator};
    let (key, key_sha256) = new_key();
    let entry = Aggregator {
        name: name.trim().to_owned(),
        key_sha256,
        unit: unit.trim().to_owned(),
        purpose: purpose.trim().to_owned(),
    };
    if let Some(problem) = entry.problem() {
        anyhow::bail!("{problem}");
    }
    println!(
        "key (give it to {}'s operators; it is not shown again):",
        entry.name
    );
    println!("{key}");
    println!();
    println!("configuration entry:");
    println!("[[data_tracker_aggregators]]");
    println!("name = {:?}", entry.name);
    println!("key_sha256 = {:?}", entry.key_sha256);
    println!("unit = {:?}", entry.unit);
    println!("purpose = {:?}", entry.purpose);
    Ok(())
}

/// `server demo-data`: the demo municipality, its citizens' access events and
/// requests as of `now`, and `synthetic.events` synthetic events.
pub async fn load_demo_data(
    pool: &PgPool,
    config: &Config,
    synthetic: demo_events::Synthetic,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    let loaded = demo_data::load(pool).await?;
    println!(
        "demo data loaded: {} authorities, {} units, {} systems, {} purposes",
        loaded.authorities, loaded.units, loaded.systems, loaded.purposes
    );
    let pepper = &config.subject_key_pepper;
    // The months a server keeps ready: the demo requests log staff look-ups
    // at `now`, which may be in a month no story event falls in.
    partitions::ensure(
        pool,
        &partitions::months_to_keep_ready(now, config.log_retention_months),
    )
    .await?;
    let story = demo_events::load_story(pool, pepper, now).await?;
    println!("demo citizens' access events: {story}");
    let requests = demo_requests::load(pool, &config.request_settings(), now).await?;
    println!("demo requests added: {requests}");
    let control = crate::demo_control::load(pool, pepper, config.deadline_calendar(), now).await?;
    println!(
        "demo control of the log: {} staff in the directory, {} flags raised, {} look-ups sampled",
        control.directory, control.flags, control.sampled
    );
    if synthetic.events > 0 {
        let stored = demo_events::load_synthetic(pool, pepper, now, synthetic).await?;
        println!("synthetic access events stored: {stored}");
    }
    Ok(())
}

/// `server blocks`.
async fn list_blocks(pool: &PgPool) -> anyhow::Result<()> {
    let operator = Overseer::at_command_line("server blocks");
    let blocks = app::access_control::store::active_blocks(
        pool,
        &operator,
        clock::now(),
        app::i18n::Lang::En,
    )
    .await?;
    if blocks.is_empty() {
        println!("no active blocks");
    }
    for block in blocks {
        println!(
            "{id}\t{at}\t{what}\t{n} rejected attempts",
            id = block.id,
            at = block.at,
            what = block.what,
            n = block.rejections
        );
    }
    Ok(())
}

/// `server unblock ID --by WHO --cause WHY`.
async fn unblock(pool: &PgPool, id: i64, by: &str, cause: &str) -> anyhow::Result<()> {
    let by = by.trim();
    if by.is_empty() {
        anyhow::bail!("--by must say who lifts the block");
    }
    let cause = LiftCause::parse(cause)
        .map_err(|problem| anyhow::anyhow!("--cause: {}", app::i18n::Lang::En.text(problem)))?;
    let operator = Overseer::at_command_line(by);
    if app::access_control::store::lift_block(pool, &operator, id, &cause, clock::now()).await? {
        println!("block {id} lifted");
        Ok(())
    } else {
        anyhow::bail!("there is no active block with id {id} (see `server blocks`)")
    }
}

/// `server import SYSTEM FILE`.
async fn import_file(
    pool: &PgPool,
    config: &Config,
    system: &str,
    format: Option<&str>,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let format = match format {
        Some("csv") => import::Format::Csv,
        Some(_) => import::Format::Ndjson,
        None => import::Format::of(file).ok_or_else(|| {
            anyhow::anyhow!(
                "cannot tell the format from the file name; give --format ndjson or --format csv"
            )
        })?,
    };
    let mut progress = ImportProgress::new(file);
    let outcome = import::import(
        pool,
        &config.subject_key_pepper,
        system,
        file,
        format,
        clock::now(),
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

/// `server staff-directory FILE`.
async fn import_staff_directory(
    pool: &PgPool,
    config: &Config,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let refused = |errors: Vec<staff_directory::LineError>| {
        for error in &errors {
            eprintln!("{error}");
        }
        anyhow::anyhow!(
            "{} problem(s); the staff directory is unchanged",
            errors.len()
        )
    };
    let entries = staff_directory::parse(&bytes, &config.subject_key_pepper).map_err(refused)?;
    match staff_directory::replace(pool, &entries, clock::now()).await {
        Ok(count) => {
            println!("staff directory replaced: {count} people");
            Ok(())
        }
        Err(staff_directory::ImportError::Refused(errors)) => Err(refused(errors)),
        Err(error) => Err(error.into()),
    }
}

/// `server purge`.
async fn purge(pool: &PgPool, config: &Config) -> anyhow::Result<()> {
    let purged = partitions::purge(
        pool,
        clock::now(),
        config.log_retention_months,
        config.hold_policy(),
    )
    .await?;
    println!(
        "dropped {} month(s); the log now covers from {}",
        purged.months.len(),
        purged.covers_from
    );
    if purged.held_rows > 0 || purged.held_events > 0 {
        println!(
            "held for open requests: {} summary row(s), {} event(s)",
            purged.held_rows, purged.held_events
        );
    }
    if !purged.released.is_empty() {
        println!(
            "released the held log of {} request(s)",
            purged.released.len()
        );
    }
    Ok(())
}

/// `server digest`.
async fn digest(pool: &PgPool, config: &Config) -> anyhow::Result<()> {
    let now = clock::now();
    match DigestSettings::of(config).write(pool, now).await? {
        Some(mails) => println!("today's digest: {mails} e-mail(s) written to the outbox"),
        None => println!("today's digest was already written"),
    }
    match Mailer::from_config(config)? {
        Some(mailer) => {
            let report = send_due(pool, &mailer, now).await?;
            println!(
                "sent {} e-mail(s), {} failed (they stay in the outbox)",
                report.sent, report.failed
            );
        }
        None => println!("smtp_url is not set: the e-mail waits in the outbox"),
    }
    Ok(())
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
            let key = api_keys::create(pool, &system, &label, clock::now()).await?;
            eprintln!(
                "API key {} created for system {system}; it is shown only this once:",
                key.id
            );
            println!("{}", key.secret);
        }
        ApiKeyCommand::Revoke { id } => {
            api_keys::revoke(pool, id, clock::now()).await?;
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

/// `server serve`: the background jobs and the HTTP server, until Ctrl-C or SIGTERM.
async fn serve(config: Config, pool: PgPool) -> anyhow::Result<()> {
    if let db::SchemaState::Behind { problem } = db::schema_state(&pool).await? {
        anyhow::bail!("database schema does not match this build: {problem}");
    }
    let mailer = Mailer::from_config(&config)?;
    if mailer.is_none() {
        tracing::warn!("smtp_url is not set: e-mail waits in the outbox until it is");
    }
    if let Some(address) = config.metrics_listen_addr {
        serve_metrics(address, pool.clone()).await?;
    }
    jobs::spawn_all(&pool, JobSettings::of(&config), mailer);
    let router = http::router(services(&config, pool)?);
    let listener = tokio::net::TcpListener::bind(config.listen_addr)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (setting listen_addr)",
                config.listen_addr
            )
        })?;
    let app = router.into_make_service_with_connect_info::<SocketAddr>();
    let Some(files) = config.tls_files() else {
        tracing::info!(address = %config.listen_addr, public_url = %config.public_url, "serving Indblik");
        return axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("HTTP server failed");
    };
    let tls = files.load().await?;
    tokio::spawn(crate::tls::reload_on_hangup(files, tls.clone()));
    let handle = axum_server::Handle::new();
    tokio::spawn({
        let handle = handle.clone();
        async move {
            shutdown_signal().await;
            handle.graceful_shutdown(Some(std::time::Duration::from_secs(30)));
        }
    });
    tracing::info!(address = %config.listen_addr, public_url = %config.public_url, "serving Indblik over TLS");
    axum_server::from_tcp_rustls(listener.into_std()?, tls)
        .handle(handle)
        .serve(app)
        .await
        .context("HTTP server failed")
}

/// Starts the Prometheus metrics on `address` (plain http, `GET /metrics`).
async fn serve_metrics(address: SocketAddr, pool: PgPool) -> anyhow::Result<()> {
    let handle = crate::metrics::install()?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address} (setting metrics_listen_addr)"))?;
    tracing::info!(%address, "serving metrics at /metrics");
    tokio::spawn(async move {
        let metrics = crate::metrics::router(handle, pool);
        if let Err(error) = axum::serve(listener, metrics).await {
            tracing::error!(error = %error, "the metrics server stopped");
        }
    });
    Ok(())
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
