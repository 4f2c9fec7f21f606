//! `bench`: the speed measurements of `make bench` (see docs/benchmarks.md),
//! against a database that `server demo-data --events N --citizens M` filled.
//! Run with the same configuration as the server (INDBLIK_* / --config).
//!
//! - `page`: server time of `GET /min-log` (the whole request through the
//!   router: session, guard, rendering) for synthetic citizen 0;
//! - `phases`: where the time of one API batch of new events goes;
//! - `ingest`: events per second through `POST /api/v1/access-events`;
//! - `import`: `server import` of an NDJSON file against a plain `COPY` of the
//!   same rows into the same table;
//! - `purge`: dropping the oldest month;
//! - `flags`: the flag job over one day of events arriving anew (yesterday's
//!   events sent again under new ids, in batches of 1,000);
//! - `search`: an investigator's search of the raw log by the busiest actor
//!   over the whole retention period (the first page, the count, the log
//!   of the search).
//!
//! - `load-sessions`: for `make loadtest`, signed-in sessions of
//!   `--sessions` synthetic citizens (their cookies, one per line, in
//!   `<--out>/cookies.txt`);
//! - `feed`: for `make loadtest`, a source system sending events to the
//!   server at `--url` over HTTP at `--rate` events a second for
//!   `--seconds`, in five batches a second;
//! - `browse`: for `make loadtest`, the sessions of `load-sessions`
//!   browsing the server at `--url` for `--seconds`, each person on a
//!   connection of their own with pauses between pages (`browse.rs`).
//!
//! Every number is printed as a Markdown table row.

mod browse;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, SecondsFormat, Utc};
use clap::{Parser, ValueEnum};
use http_body_util::BodyExt;
use sqlx::PgPool;
use tower::ServiceExt;
use tower_sessions::{Expiry, Session};

use app::identity::cpr::Cpr;
use app::identity::subject_key::SubjectKey;
use server::access_log::{api_keys, import, partitions};
use server::auth::session::{SignedIn, SignedInAs, INSECURE_COOKIE_NAME, USER_KEY};
use server::auth::store::PgSessionStore;
use server::config::Config;
use server::demo_events::synthetic_cpr;
use server::{clock, db, services};

#[derive(Debug, Parser)]
struct Args {
    /// TOML configuration file; environment variables (INDBLIK_*) override it.
    #[arg(long, env = "INDBLIK_CONFIG_FILE")]
    config: Option<PathBuf>,
    /// Which measurements to run.
    #[arg(value_enum, default_values_t = [Measure::Page, Measure::Phases, Measure::Ingest, Measure::Import, Measure::Flags, Measure::Search, Measure::Usage, Measure::Purge])]
    measures: Vec<Measure>,
    /// Requests for the page measurement.
    #[arg(long, default_value_t = 300)]
    requests: usize,
    /// Events sent through the API.
    #[arg(long, default_value_t = 400_000)]
    api_events: usize,
    /// Events per API request.
    #[arg(long, default_value_t = 10_000)]
    batch: usize,
    /// Events in the import file.
    #[arg(long, default_value_t = 1_000_000)]
    import_events: usize,
    /// Signed-in citizens for `load-sessions`.
    #[arg(long, default_value_t = 200)]
    sessions: usize,
    /// The first synthetic citizen `load-sessions` signs in (citizen 0 has
    /// 5,000 events; the others about 100).
    #[arg(long, default_value_t = 0)]
    first_citizen: u64,
    /// Where `load-sessions` writes the cookies.
    #[arg(long, default_value = "target/loadtest")]
    out: PathBuf,
    /// The running server `feed` sends events to.
    #[arg(long, default_value = "http://127.0.0.1:3300")]
    url: String,
    /// Events a second `feed` sends.
    #[arg(long, default_value_t = 5_000)]
    rate: usize,
    /// How long `feed` sends and `browse` browses.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// The pages `browse` asks for in turn, comma-separated.
    #[arg(long, default_value = "/min-log,/henvendelser", value_delimiter = ',')]
    pages: Vec<String>,
    /// The shortest pause between a person's pages in `browse`, ms.
    #[arg(long, default_value_t = 1000)]
    think_from_ms: u64,
    /// The longest pause between a person's pages in `browse`, ms (0: none).
    #[arg(long, default_value_t = 3000)]
    think_to_ms: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Measure {
    Page,
    /// Where the time of one API batch of new events goes: parsing and
    /// validation, the COPY into the partitions, the summary.
    Phases,
    Ingest,
    Import,
    Purge,
    Flags,
    Search,
    /// Usage statistics over the default half-year, every unit and one.
    Usage,
    /// Sessions of signed-in citizens for the load test.
    LoadSessions,
    /// Events sent at a steady rate to a running server, for the load test.
    Feed,
    /// The sessions of `load-sessions` browsing a running server, each on
    /// a connection of its own, for the load test.
    Browse,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let config = Config::load(args.config.as_deref())?;
    anyhow::ensure!(
        config.insecure_http_session_cookie_on_loopback,
        "run the benchmark with the development configuration (plain-http session cookie)"
    );
    let pool = db::connect(&config).await?;
    db::migrate(&pool).await?;
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM access_events")
        .fetch_one(&pool)
        .await?;
    let citizens: i64 =
        sqlx::query_scalar("SELECT count(DISTINCT subject_key) FROM access_summary")
            .fetch_one(&pool)
            .await?;
    println!("database: {events} events, {citizens} citizens\n");
    println!("| measurement | result |\n|---|---|");
    for measure in &args.measures {
        match measure {
            Measure::Page => page(&config, &pool, args.requests).await?,
            Measure::Phases => phases(&config, &pool, args.batch).await?,
            Measure::Ingest => ingest(&config, &pool, args.api_events, args.batch).await?,
            Measure::Import => import_against_copy(&config, &pool, args.import_events).await?,
            Measure::Purge => purge(&pool).await?,
            Measure::Flags => flags(&config, &pool).await?,
            Measure::Search => search(&config, &pool, args.requests.min(50)).await?,
            Measure::Usage => usage(&config, &pool, args.requests.min(20)).await?,
            Measure::LoadSessions => {
                load_sessions(&config, &pool, args.first_citizen, args.sessions, &args.out).await?
            }
            Measure::Feed => feed(&pool, &args.url, args.rate, args.seconds).await?,
            Measure::Browse => browse_pages(&args).await?,
        }
    }
    Ok(())
}

/// `browse`: the sessions in `<out>/cookies.txt` browsing `args.url`.
async fn browse_pages(args: &Args) -> anyhow::Result<()> {
    let cookies_file = args.out.join("cookies.txt");
    let cookies: Vec<String> = std::fs::read_to_string(&cookies_file)
        .with_context(|| format!("reading {}", cookies_file.display()))?
        .lines()
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    let people = cookies.len();
    let think = (
        Duration::from_millis(args.think_from_ms),
        Duration::from_millis(args.think_to_ms.max(args.think_from_ms)),
    );
    let browsed = browse::browse(browse::Browsing {
        url: args.url.clone(),
        cookies,
        pages: args.pages.clone(),
        think,
        duration: Duration::from_secs(args.seconds),
    })
    .await?;
    let pages = browsed.latencies.len();
    anyhow::ensure!(pages > 0, "no page was answered");
    row(
        &format!(
            "{people} people browsing {} for {} s, each with their own session and connection, {}–{} ms between pages",
            args.pages.join(", "),
            args.seconds,
            think.0.as_millis(),
            think.1.as_millis()
        ),
        format!(
            "{pages} pages in {:.1} s: **{:.1} pages/s**; p50 {}, p95 {}, **p99 {}**, max {}; {} errors; {} bytes a page as sent",
            browsed.took.as_secs_f64(),
            pages as f64 / browsed.took.as_secs_f64(),
            ms(percentile(&browsed.latencies, 0.5)),
            ms(percentile(&browsed.latencies, 0.95)),
            ms(percentile(&browsed.latencies, 0.99)),
            ms(percentile(&browsed.latencies, 1.0)),
            browsed.errors,
            browsed.bytes / pages as u64
        ),
    );
    Ok(())
}

fn row(what: &str, result: String) {
    println!("| {what} | {result} |");
    let _ = std::io::stdout().flush();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// A signed-in session for synthetic citizen `citizen`; returns the
/// cookie and how many events the citizen's log holds.
async fn session_of_citizen(
    config: &Config,
    pool: &PgPool,
    citizen: u64,
) -> anyhow::Result<(String, i64)> {
    let cpr = Cpr::parse(&synthetic_cpr(citizen)).map_err(|e| anyhow::anyhow!("{e}"))?;
    let key = SubjectKey::derive(&config.subject_key_pepper, &cpr);
    let events: i64 = sqlx::query_scalar(
        "SELECT COALESCE(sum(events), 0)::bigint FROM access_summary WHERE subject_key = $1",
    )
    .bind(key.as_bytes().as_slice())
    .fetch_one(pool)
    .await?;
    let store = Arc::new(PgSessionStore::new(pool.clone()));
    let session = Session::new(
        None,
        store,
        Some(Expiry::OnInactivity(time::Duration::hours(2))),
    );
    session
        .insert(
            USER_KEY,
            SignedIn {
                who: SignedInAs::Citizen {
                    subject_key: hex::encode(key.as_bytes()),
                    name: "Benchmark Borger".to_owned(),
                    // The benchmark only reads the log; it files no request.
                    cpr_sealed: String::new(),
                },
                signed_in_at: clock::now(),
            },
        )
        .await?;
    session.save().await?;
    let id = session.id().context("the session has an id after saving")?;
    Ok((format!("{INSECURE_COOKIE_NAME}={id}"), events))
}

async fn page(config: &Config, pool: &PgPool, requests: usize) -> anyhow::Result<()> {
    let (cookie, events) = session_of_citizen(config, pool, 0).await?;
    let router = server::http::router(services(config, pool.clone())?).layer(MockConnectInfo(
        std::net::SocketAddr::from(([127, 0, 0, 1], 1)),
    ));
    let mut times = Vec::with_capacity(requests);
    let mut bytes = 0;
    for n in 0..requests + 20 {
        let request = Request::get("/min-log")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())?;
        let started = Instant::now();
        let response = router.clone().oneshot(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        let took = started.elapsed();
        anyhow::ensure!(status == StatusCode::OK, "GET /min-log answered {status}");
        anyhow::ensure!(
            String::from_utf8_lossy(&body).contains("gange i perioden"),
            "the page shows no uses"
        );
        bytes = body.len();
        if n >= 20 {
            times.push(took); // the first 20 warm the pool and caches
        }
    }
    times.sort();
    row(
        &format!(
            "`GET /min-log`, citizen with {events} events, {requests} requests ({} KB page)",
            bytes / 1024
        ),
        format!(
            "p50 {}, **p95 {}**, max {}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap_or(&Duration::ZERO))
        ),
    );
    Ok(())
}

/// NDJSON lines of `count` events from `first`, over the last 20 days, in
/// sessions of four reads of one citizen's data a minute apart (as a
/// caseworker opening a case produces). The ids carry `now`, so every run
/// sends events that are new.
fn ndjson(first: usize, count: usize, now: DateTime<Utc>) -> String {
    let run = now.timestamp();
    let mut body = String::with_capacity(count * 200);
    for n in first..first + count {
        let session = n / 4;
        let seconds = (session % 28_800) * 60 + (n % 4) * 60 + 60;
        let at = now - chrono::Duration::seconds(i64::try_from(seconds).unwrap_or(0));
        body.push_str(&format!(
            "{{\"id\":\"bench-{run}-{n}\",\"time\":\"{}\",\"actor\":\"m{}\",\"unit\":\"JC\",\"use\":\"read\",\"cpr\":\"{}\",\"purpose\":\"beskaeftigelse\"}}\n",
            at.to_rfc3339_opts(SecondsFormat::Secs, true),
            session % 300,
            synthetic_cpr(1 + (session as u64 * 7919) % 199_999)
        ));
    }
    body
}

async fn ingest(config: &Config, pool: &PgPool, total: usize, batch: usize) -> anyhow::Result<()> {
    let key = api_keys::create(pool, "esdh", "benchmark", clock::now()).await?;
    let router = server::http::router(services(config, pool.clone())?).layer(MockConnectInfo(
        std::net::SocketAddr::from(([127, 0, 0, 1], 1)),
    ));
    let now = clock::now();
    let bodies: Vec<String> = (0..total.div_ceil(batch))
        .map(|n| ndjson(10_000_000 + n * batch, batch.min(total - n * batch), now))
        .collect();
    let started = Instant::now();
    // Two clients at a time, as two source systems would send.
    let mut tasks = tokio::task::JoinSet::new();
    let bodies = Arc::new(std::sync::Mutex::new(bodies));
    for _ in 0..2 {
        let (router, bodies, secret) = (router.clone(), bodies.clone(), key.secret.clone());
        tasks.spawn(async move {
            loop {
                let Some(body) = bodies.lock().ok().and_then(|mut b| b.pop()) else {
                    return anyhow::Ok(());
                };
                let request = Request::post("/api/v1/access-events")
                    .header(header::AUTHORIZATION, format!("Bearer {secret}"))
                    .header(header::CONTENT_TYPE, "application/x-ndjson")
                    .body(Body::from(body))?;
                let response = router.clone().oneshot(request).await?;
                let status = response.status();
                let body = response.into_body().collect().await?.to_bytes();
                anyhow::ensure!(status == StatusCode::OK, "ingestion answered {status}");
                let report: serde_json::Value = serde_json::from_slice(&body)?;
                anyhow::ensure!(
                    report["stored"] == report["received"],
                    "not every event was new: {report}"
                );
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    let took = started.elapsed();
    row(
        &format!("`POST /api/v1/access-events`, {total} events in batches of {batch}, 2 clients"),
        format!(
            "**{:.0} events/s** ({:.1} s)",
            total as f64 / took.as_secs_f64(),
            took.as_secs_f64()
        ),
    );
    Ok(())
}

async fn phases(config: &Config, pool: &PgPool, batch: usize) -> anyhow::Result<()> {
    use server::access_log::{batch as batches, event::Rules, master_data, store};
    let now = clock::now();
    let system = master_data::source_system(pool, "omsorg")
        .await?
        .context("system omsorg")?;
    let codes = master_data::Codes::load(pool).await?;
    let pepper = config.subject_key_pepper.clone();
    let rules = Rules::for_system(&pepper, &system, &codes, now, config.log_retention_months);
    // Writing without the batch path: the months must exist as the import
    // makes sure they do.
    partitions::ensure(
        pool,
        &partitions::months_to_keep_ready(now, config.log_retention_months),
    )
    .await?;
    let (mut parse, mut copy, mut summary) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let rounds = 5;
    for round in 0..rounds {
        let body = ndjson(30_000_000 + round * batch, batch, now);
        let started = Instant::now();
        let events =
            batches::parse_ndjson(body.as_bytes(), &rules).map_err(|r| anyhow::anyhow!("{r:?}"))?;
        let rows = store::Rows::new(system.id, now, events);
        parse += started.elapsed();
        let mut tx = pool.begin().await?;
        let started = Instant::now();
        let mut writer = store::Writer::default();
        writer.write(&mut tx, &rows).await?;
        copy += started.elapsed();
        let started = Instant::now();
        writer.finish(&mut tx).await?;
        summary += started.elapsed();
        tx.commit().await?;
    }
    let per = |d: Duration| {
        format!(
            "{:.1} µs/event",
            d.as_secs_f64() * 1e6 / (rounds * batch) as f64
        )
    };
    row(
        &format!("one batch of {batch}, phases ({rounds} batches)"),
        format!(
            "parse + validate + COPY text {}, COPY into the partitions {}, summary {}",
            per(parse),
            per(copy),
            per(summary)
        ),
    );
    Ok(())
}

async fn import_against_copy(config: &Config, pool: &PgPool, count: usize) -> anyhow::Result<()> {
    let now = clock::now();
    let path = std::env::temp_dir().join("indblik-bench-import.ndjson");
    std::fs::write(&path, ndjson(20_000_000, count, now))?;
    // Both timed parts start from a checkpoint: otherwise the second would
    // find the index pages the first touched already in the write-ahead log
    // and write them without a full-page image.
    sqlx::query("CHECKPOINT").execute(pool).await?;
    let started = Instant::now();
    let imported = import::import(
        pool,
        &config.subject_key_pepper,
        "ydelse",
        &path,
        import::Format::Ndjson,
        now,
        config.log_retention_months,
        &mut (),
    )
    .await?;
    let import_time = started.elapsed();
    anyhow::ensure!(
        imported.stored as usize == count,
        "import stored {} of {count}",
        imported.stored
    );

    // The same rows (already validated, keys derived) by plain COPY into the
    // same table, as another system so the ids do not collide.
    let pepper = config.subject_key_pepper.clone();
    let (unit, purpose, system): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT id FROM org_units WHERE code = 'JC'), (SELECT id FROM purposes WHERE code = 'beskaeftigelse'),
                (SELECT id FROM source_systems WHERE code = 'byg')",
    )
    .fetch_one(pool)
    .await?;
    let mut rows = Vec::with_capacity(count * 200);
    for line in std::fs::read_to_string(&path)?.lines() {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let text = |field: &str| value[field].as_str().unwrap_or_default().to_owned();
        let cpr = Cpr::parse(&text("cpr")).map_err(|e| anyhow::anyhow!("{e}"))?;
        let key = SubjectKey::derive(&pepper, &cpr);
        rows.extend_from_slice(
            format!(
                "{}\t{system}\t{}\t{}\t{unit}\tread\t\\\\x{}\t\\N\t{purpose}\t\\N\tf\t\\N\t\\N\t\\N\t{}\n",
                text("time"),
                text("id"),
                text("actor"),
                hex::encode(key.as_bytes()),
                now.to_rfc3339()
            )
            .as_bytes(),
        );
    }
    sqlx::query("CHECKPOINT").execute(pool).await?;
    let started = Instant::now();
    let mut connection = pool.acquire().await?;
    let mut copy = connection
        .copy_in_raw(
            "COPY access_events (occurred_at, source_system_id, source_event_id, actor, org_unit_id, use_type, \
             subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run, hidden_until, \
             hidden_reason, received_at) FROM STDIN (FORMAT text)",
        )
        .await?;
    for chunk in rows.chunks(1 << 20) {
        copy.send(chunk).await?;
    }
    copy.finish().await?;
    let copy_time = started.elapsed();
    let _ = std::fs::remove_file(&path);
    row(
        &format!("`server import` of {count} NDJSON events (read, validate, COPY, move, summary)"),
        format!(
            "{:.0} events/s ({:.1} s)",
            count as f64 / import_time.as_secs_f64(),
            import_time.as_secs_f64()
        ),
    );
    row(
        &format!("plain `COPY` of the same {count} rows into `access_events`"),
        format!(
            "{:.0} events/s ({:.1} s)",
            count as f64 / copy_time.as_secs_f64(),
            copy_time.as_secs_f64()
        ),
    );
    row(
        "import speed relative to plain `COPY`",
        format!(
            "**{:.0} %**",
            100.0 * copy_time.as_secs_f64() / import_time.as_secs_f64()
        ),
    );
    Ok(())
}

async fn purge(pool: &PgPool) -> anyhow::Result<()> {
    let months = partitions::existing(pool).await?;
    let Some(oldest) = months.first().copied() else {
        anyhow::bail!("there are no partitions to purge");
    };
    let mut counts = Vec::new();
    for table in [
        partitions::partition_name(oldest),
        partitions::summary_partition_name(oldest),
    ] {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(pool)
            .await?;
        counts.push(count);
    }
    // The database refuses to drop a month of the last six by its own
    // clock (migrations/20261204000001_runtime_role.sql), and the synthetic
    // log lies within them: what is measured is the drop itself, as the
    // owner's function does it, in a transaction that is rolled back.
    let mut tx = pool.begin().await?;
    let started = Instant::now();
    sqlx::query(&format!(
        "DROP TABLE {}, {}",
        partitions::partition_name(oldest),
        partitions::summary_partition_name(oldest)
    ))
    .execute(&mut *tx)
    .await?;
    let took = started.elapsed();
    tx.rollback().await?;
    row(
        &format!(
            "dropping the oldest month's partitions ({oldest}: {} events, {} summary rows)",
            counts[0], counts[1]
        ),
        format!("**{}**", ms(took)),
    );
    Ok(())
}

/// An event of the day the flag job is measured on.
#[derive(sqlx::FromRow)]
struct DayEvent {
    occurred_at: DateTime<Utc>,
    source_system_id: i64,
    source_event_id: String,
    actor: String,
    org_unit_id: i64,
    use_type: String,
    subject_key: Vec<u8>,
    purpose_id: i64,
    case_closed: bool,
}

/// The flag job over one day of events: yesterday's events (Copenhagen)
/// stored again under new ids in batches of 1,000, as a day of deliveries
/// would come, then the job's rounds until nothing waits.
async fn flags(config: &Config, pool: &PgPool) -> anyhow::Result<()> {
    use app::access_log::coverage::{local_date, local_midnight};
    use server::access_log::batch;
    use server::access_log::event::{Event, Subject};
    let now = clock::now();
    let today = local_date(now);
    let (from, to) = (
        local_midnight(today - chrono::Duration::days(1)),
        local_midnight(today),
    );
    // What waited from the load is not part of the day measured.
    sqlx::query("DELETE FROM flag_pending_batches")
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM log_flags").execute(pool).await?;
    let rows: Vec<DayEvent> = sqlx::query_as(
        "SELECT occurred_at, source_system_id, source_event_id, actor, org_unit_id, use_type,
                subject_key, purpose_id, case_closed
         FROM access_events
         WHERE occurred_at >= $1 AND occurred_at < $2 AND subject_key IS NOT NULL AND NOT bulk
           AND source_event_id NOT LIKE 'bench-flag-%'",
    )
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?;
    let day = rows.len();
    let mut by_system: std::collections::BTreeMap<i64, Vec<Event>> = Default::default();
    for (n, row) in rows.into_iter().enumerate() {
        let key = SubjectKey::from_slice(&row.subject_key).context("a subject key")?;
        by_system
            .entry(row.source_system_id)
            .or_default()
            .push(Event {
                occurred_at: row.occurred_at,
                source_event_id: format!("bench-flag-{n}-{}", row.source_event_id),
                actor: row.actor,
                org_unit_id: row.org_unit_id,
                use_type: app::access_log::UseType::from_code(&row.use_type)
                    .context("a use type")?,
                subject: Subject::Citizen(key),
                purpose_id: row.purpose_id,
                case_reference: None,
                bulk: false,
                batch_run: None,
                hidden: None,
                case_closed: row.case_closed,
            });
    }
    let mut batches = 0;
    for (system, events) in by_system {
        for chunk in events.chunks(1_000) {
            batch::store_all(pool, system, chunk.to_vec(), clock::now()).await?;
            batches += 1;
        }
    }
    let started = Instant::now();
    let mut rounds = 0;
    let mut raised = 0;
    let mut considered = 0;
    loop {
        let round =
            app::log_control::flags::job::run_round(pool, config.deadline_calendar(), clock::now())
                .await?;
        if round.batches == 0 {
            break;
        }
        rounds += 1;
        raised += round.raised;
        considered += round.events;
    }
    let took = started.elapsed();
    row(
        &format!(
            "flag job over one day: {day} events in {batches} batches of up to 1,000 ({considered} considered, {rounds} rounds, {raised} flags raised)"
        ),
        format!("**{:.1} s**", took.as_secs_f64()),
    );
    Ok(())
}

/// An investigator's search by the busiest actor over the whole retention
/// period: the first page, the count (up to 10,001) and the search's own
/// log line, `requests` times.
async fn search(config: &Config, pool: &PgPool, requests: usize) -> anyhow::Result<()> {
    use app::caller::{Caller, Role, StaffMember};
    use app::log_control::search::parse_log_search;
    let now = clock::now();
    // The busiest actor of yesterday stands in for the busiest overall.
    let (actor, count): (String, i64) = sqlx::query_as(
        "SELECT actor, count(*) FROM access_events
         WHERE occurred_at > now() - interval '2 days' AND NOT bulk
         GROUP BY actor ORDER BY 2 DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM access_events WHERE actor = $1")
        .bind(&actor)
        .fetch_one(pool)
        .await?;
    let inspector = Caller::Staff(StaffMember {
        id: "bench".to_owned(),
        name: "Benchmark".to_owned(),
        roles: vec![Role::Dpo],
        unit: "JUR".to_owned(),
    })
    .log_inspector()
    .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let settings = config.control_settings();
    let fields = [("actor".to_owned(), actor.clone())].into_iter().collect();
    let query = parse_log_search(&fields, &settings, now, app::i18n::Lang::Da)
        .map_err(|errors| anyhow::anyhow!("{:?}", errors.0))?;
    let mut times = Vec::with_capacity(requests);
    for _ in 0..requests {
        let started = Instant::now();
        let found = app::log_control::store::search(
            pool,
            &inspector,
            &settings,
            &query,
            app::i18n::Lang::Da,
            clock::now(),
        )
        .await?;
        times.push(started.elapsed());
        anyhow::ensure!(!found.events.is_empty(), "the search found nothing");
    }
    times.sort();
    row(
        &format!(
            "search of the raw log by actor over the whole retention period ({total} events of the actor, {count} yesterday; first page of 100 and the count; {requests} searches)"
        ),
        format!("median **{}**, p95 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.95))),
    );
    Ok(())
}

/// Usage statistics over the default half-year, as the DPO for every unit
/// and as the manager of the busiest unit: the actor lines, the directory's
/// idle people and the portal's staff, `requests` times each.
async fn usage(config: &Config, pool: &PgPool, requests: usize) -> anyhow::Result<()> {
    use app::caller::{Caller, Role, StaffMember};
    use app::log_control::usage::store::{choices, count};
    use app::log_control::usage::UsageQuery;
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM actor_usage_days")
        .fetch_one(pool)
        .await?;
    let busiest: String = sqlx::query_scalar(
        "SELECT u.code FROM actor_usage_days d JOIN org_units u ON u.id = d.org_unit_id
         GROUP BY u.code ORDER BY sum(d.events) DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    for (role, unit, who) in [
        (Role::Dpo, "JUR".to_owned(), "the DPO, every unit"),
        (
            Role::Manager,
            busiest.clone(),
            "the manager of the busiest unit",
        ),
    ] {
        let reader = Caller::Staff(StaffMember {
            id: "bench".to_owned(),
            name: "Benchmark".to_owned(),
            roles: vec![role],
            unit,
        })
        .usage_reader()
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        let mut times = Vec::with_capacity(requests);
        let mut lines = 0;
        for _ in 0..requests {
            let started = Instant::now();
            let (units, systems) = choices(pool, &reader).await?;
            let counted = count(
                pool,
                &reader,
                &UsageQuery::default(),
                (&units, &systems),
                config.log_retention_months,
                app::i18n::Lang::Da,
                clock::now(),
            )
            .await?
            .map_err(|errors| anyhow::anyhow!("{:?}", errors.0))?;
            times.push(started.elapsed());
            lines = counted.actors.len();
        }
        times.sort();
        row(
            &format!(
                "usage statistics over the half-year as {who} ({lines} actor and system lines from {rows} daily rows; {requests} times)"
            ),
            format!("median **{}**, p95 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.95))),
        );
    }
    Ok(())
}

/// Writes the cookies of `sessions` signed-in synthetic citizens (0, 1, …)
/// to `<out>/cookies.txt`, one per line.
async fn load_sessions(
    config: &Config,
    pool: &PgPool,
    first_citizen: u64,
    sessions: usize,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let mut cookies = String::new();
    let mut events = Vec::with_capacity(sessions);
    for citizen in first_citizen..first_citizen + sessions as u64 {
        let (cookie, count) = session_of_citizen(config, pool, citizen).await?;
        cookies.push_str(&cookie);
        cookies.push('\n');
        events.push(count);
    }
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("cookies.txt"), cookies)?;
    events.sort_unstable();
    row(
        &format!("{sessions} signed-in citizens"),
        format!(
            "events in their logs: median {}, min {}, max {}",
            events.get(events.len() / 2).copied().unwrap_or(0),
            events.first().copied().unwrap_or(0),
            events.last().copied().unwrap_or(0)
        ),
    );
    Ok(())
}

/// Sends `rate` events a second to the server at `url` for `seconds`, as
/// one source system would: five batches a second, each answered before the
/// next one is due (a batch that is late is sent at once; the rate sent is
/// reported).
async fn feed(pool: &PgPool, url: &str, rate: usize, seconds: u64) -> anyhow::Result<()> {
    use openidconnect::reqwest;
    let key = api_keys::create(pool, "esdh", "load test", clock::now()).await?;
    let client = reqwest::Client::new();
    let per_batch = rate.div_ceil(5).max(1);
    let now = clock::now();
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let started = Instant::now();
    let (mut sent, mut refused, mut times) = (0_usize, 0_usize, Vec::new());
    let mut batch = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        tick.tick().await;
        let body = ndjson(50_000_000 + batch * per_batch, per_batch, now);
        batch += 1;
        let began = Instant::now();
        let response = client
            .post(format!("{url}/api/v1/access-events"))
            .bearer_auth(&key.secret)
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(body)
            .send()
            .await?;
        let status = response.status();
        let _ = response.bytes().await?;
        times.push(began.elapsed());
        if status.is_success() {
            sent += per_batch;
        } else {
            refused += 1;
        }
    }
    let took = started.elapsed();
    times.sort();
    row(
        &format!("source system sending {rate} events/s for {seconds} s"),
        format!(
            "**{:.0} events/s** stored, {refused} batches refused, batch of {per_batch}: p50 {}, p99 {}",
            sent as f64 / took.as_secs_f64(),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99))
        ),
    );
    Ok(())
}
