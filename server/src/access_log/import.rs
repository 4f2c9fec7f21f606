//! `server import --system CODE FILE`: backfills from NDJSON (the API's
//! format) or CSV (a header row naming the same fields). The file is read as
//! a stream on a thread of its own, every line validated exactly as the API
//! does, while the valid events are stored chunk by chunk (see
//! `store::Writer`) inside one transaction that commits only when every line
//! was good. A file with a bad line stores nothing; importing a file again
//! stores nothing new.

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use app::identity::subject_key::Pepper;

use super::batch::{Collector, Refusal};
use super::event::{LineError, RawEvent, Rules, FIELDS};
use super::master_data::{self, Codes, SourceSystem};
use super::{partitions, store};

/// The file formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Ndjson,
    Csv,
}

impl Format {
    /// The format a file name implies: `.csv`, or `.ndjson`/`.jsonl`/`.json`.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "ndjson" | "jsonl" | "json" => Some(Format::Ndjson),
            _ => None,
        }
    }
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("there is no source system with code \"{0}\"")]
    UnknownSystem(String),
    #[error("cannot read the file: {0}")]
    Read(#[from] std::io::Error),
    #[error("{} bad line(s); nothing was imported", .0.error_count)]
    Refused(Refusal),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub received: usize,
    pub stored: u64,
}

/// Reports progress: bytes read so far.
pub trait Progress {
    fn advance(&mut self, bytes_read: u64, events: usize);
}

impl Progress for () {
    fn advance(&mut self, _: u64, _: usize) {}
}

/// Counts the bytes a reader has handed out, shared with the progress report.
struct Counting<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// One event read from the file (or its problems), with its line number.
type Line = (usize, Result<RawEvent, Vec<LineError>>);

/// Imports `path` for the system with `system_code`.
#[allow(clippy::too_many_arguments)]
pub async fn import(
    pool: &PgPool,
    pepper: &Pepper,
    system_code: &str,
    path: &Path,
    format: Format,
    now: DateTime<Utc>,
    retention_months: u32,
    progress: &mut dyn Progress,
) -> Result<Imported, ImportError> {
    let system = master_data::source_system(pool, system_code)
        .await?
        .ok_or_else(|| ImportError::UnknownSystem(system_code.to_owned()))?;
    let file = File::open(path)?;
    let run = Run::start(pool, system.id, path, file.metadata()?.len(), now).await?;
    let reading = Reading {
        file,
        format,
        pepper: pepper.clone(),
        system: system.clone(),
        codes: Codes::load(pool).await?,
        now,
        retention_months,
    };
    let outcome = store_file(pool, reading, &run, progress).await;
    let (result, stored) = match &outcome {
        Ok(imported) => ("done", Some(imported.stored)),
        Err(ImportError::Refused(_)) => ("refused", None),
        Err(_) => ("failed", None),
    };
    // Best effort: the outcome of the import is what it returns; a
    // database that stopped answering leaves the run unfinished, which the
    // metrics show as interrupted.
    if let Err(error) = run.finish(pool, result, stored).await {
        tracing::warn!(error = %error, "cannot record the end of the import");
    }
    outcome
}

/// Reads, checks and stores the file `reading` holds, recording the
/// progress in `run`.
async fn store_file(
    pool: &PgPool,
    reading: Reading,
    run: &Run,
    progress: &mut dyn Progress,
) -> Result<Imported, ImportError> {
    let (now, retention_months) = (reading.now, reading.retention_months);
    // Every month a valid event can fall in (the retention period up to
    // now), created before the transaction touches `access_events`: creating
    // a partition later would wait for this very transaction.
    partitions::ensure(
        pool,
        &partitions::months_to_keep_ready(now, retention_months),
    )
    .await?;
    // Reading and checking run on a thread of their own, a chunk or two
    // ahead of the database, so parsing the next chunk and storing this one
    // overlap.
    let (chunks, mut arriving) = tokio::sync::mpsc::channel(2);
    let reader = tokio::task::spawn_blocking(move || reading.run(&chunks));
    let mut tx = pool.begin().await?;
    let mut writer = store::Writer::default();
    let mut stored = 0;
    while let Some(chunk) = arriving.recv().await {
        if !chunk.rows.is_empty() {
            stored += writer.write(&mut tx, &chunk.rows).await?;
        }
        progress.advance(chunk.bytes_read, chunk.received);
        // Outside the import's transaction, so that it is seen while the
        // import runs.
        run.advance(pool, chunk.bytes_read, chunk.received).await?;
    }
    let received = match reader.await {
        Ok(Ok(received)) => received,
        Ok(Err(error)) => {
            tx.rollback().await?;
            return Err(error);
        }
        Err(failed) => std::panic::resume_unwind(failed.into_panic()),
    };
    writer.finish(&mut tx).await?;
    tx.commit().await?;
    Ok(Imported { received, stored })
}

/// The record of one import in `import_runs`, which the server's metrics
/// read (an import runs in a process of its own).
struct Run {
    id: i64,
}

impl Run {
    async fn start(
        pool: &PgPool,
        system_id: i64,
        path: &Path,
        bytes_total: u64,
        now: DateTime<Utc>,
    ) -> sqlx::Result<Run> {
        let name: String = path
            .file_name()
            .map(|name| name.to_string_lossy().chars().take(1000).collect())
            .unwrap_or_else(|| "-".to_owned());
        let id = sqlx::query_scalar!(
            "INSERT INTO import_runs (source_system_id, file_name, bytes_total, started_at, updated_at)
             VALUES ($1, $2, $3, $4, $4) RETURNING id",
            system_id,
            name,
            i64::try_from(bytes_total).unwrap_or(i64::MAX),
            now
        )
        .fetch_one(pool)
        .await?;
        Ok(Run { id })
    }

    async fn advance(
        &self,
        pool: &PgPool,
        bytes_read: u64,
        events_read: usize,
    ) -> sqlx::Result<()> {
        sqlx::query!(
            "UPDATE import_runs SET bytes_read = $2, events_read = $3, updated_at = now() WHERE id = $1",
            self.id,
            i64::try_from(bytes_read).unwrap_or(i64::MAX),
            i64::try_from(events_read).unwrap_or(i64::MAX)
        )
        .execute(pool)
        .await?;
        Ok(())
    }

    async fn finish(&self, pool: &PgPool, outcome: &str, stored: Option<u64>) -> sqlx::Result<()> {
        sqlx::query!(
            "UPDATE import_runs SET outcome = $2, events_stored = $3, finished_at = now(),
                 updated_at = now()
             WHERE id = $1",
            self.id,
            outcome,
            stored.map(|stored| i64::try_from(stored).unwrap_or(i64::MAX))
        )
        .execute(pool)
        .await?;
        Ok(())
    }
}

/// What the reading thread needs: the file and the rules to check it by.
struct Reading {
    file: File,
    format: Format,
    pepper: Pepper,
    system: SourceSystem,
    codes: Codes,
    now: DateTime<Utc>,
    retention_months: u32,
}

/// Events per chunk read, checked and stored at a time.
const CHUNK: usize = 10_000;

/// Valid events read so far, passed from the reading thread to the database.
struct Chunk {
    /// Empty once a bad line was found: from then on only the report matters.
    rows: store::Rows,
    bytes_read: u64,
    /// Valid events read so far, these included.
    received: usize,
}

impl Reading {
    /// Reads and checks the whole file, sending the valid events chunk by
    /// chunk; returns how many events the file holds, or every bad line.
    fn run(self, chunks: &tokio::sync::mpsc::Sender<Chunk>) -> Result<usize, ImportError> {
        let rules = Rules::for_system(
            &self.pepper,
            &self.system,
            &self.codes,
            self.now,
            self.retention_months,
        );
        let read = Rc::new(Cell::new(0));
        let file = Counting {
            inner: self.file,
            read: read.clone(),
        };
        let lines: Box<dyn Iterator<Item = std::io::Result<Line>>> = match self.format {
            Format::Ndjson => Box::new(ndjson_lines(BufReader::new(file))),
            Format::Csv => Box::new(csv_lines(file)?),
        };
        let mut collector = Collector::default();
        let mut received = 0;
        let mut lines = lines.peekable();
        while lines.peek().is_some() {
            for line in lines.by_ref().take(CHUNK) {
                let (number, raw) = line?;
                collector.push(number, raw, &rules);
            }
            let mut events = collector.take_events();
            received += events.len();
            if !collector.is_clean() {
                events.clear();
            }
            let chunk = Chunk {
                rows: store::Rows::new(self.system.id, self.now, events),
                bytes_read: read.get(),
                received,
            };
            if chunks.blocking_send(chunk).is_err() {
                // The database side stopped; its error is the one reported.
                return Ok(received);
            }
        }
        collector
            .finish_streamed(received)
            .map_err(ImportError::Refused)?;
        Ok(received)
    }
}

/// NDJSON: one JSON object per line; blank lines are skipped.
fn ndjson_lines(mut reader: impl BufRead) -> impl Iterator<Item = std::io::Result<Line>> {
    let mut number = 0;
    let mut buffer = Vec::new();
    std::iter::from_fn(move || loop {
        buffer.clear();
        match reader.read_until(b'\n', &mut buffer) {
            Err(error) => return Some(Err(error)),
            Ok(0) => return None,
            Ok(_) => {}
        }
        number += 1;
        let text = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let raw = match std::str::from_utf8(text) {
            Ok(text) => RawEvent::from_json(number, text),
            Err(_) => Err(vec![not_utf8(number)]),
        };
        return Some(Ok((number, raw)));
    })
}

fn not_utf8(line: usize) -> LineError {
    LineError {
        line,
        field: None,
        message: "is not valid UTF-8".to_owned(),
    }
}

/// CSV: a header row naming fields of the NDJSON format (any order, unknown
/// names refused), then one event per record; an empty cell is an absent field.
fn csv_lines(
    file: impl Read + 'static,
) -> std::io::Result<impl Iterator<Item = std::io::Result<Line>>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|name| name.trim().to_owned()).collect(),
        Err(error) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, error)),
    };
    // A header cell is not repeated: a file without a header has data (a
    // CPR number, say) where the names should be.
    let header_problems: Vec<LineError> = header
        .iter()
        .enumerate()
        .filter(|(_, name)| !FIELDS.contains(&name.as_str()))
        .map(|(index, _)| LineError {
            line: 1,
            field: None,
            message: format!(
                "column {} of the header is not a known column; the columns are {}",
                index + 1,
                FIELDS.join(", ")
            ),
        })
        .collect();
    let mut header_reported = header_problems.is_empty();
    let mut header_problems = Some(header_problems);
    let mut records = reader.into_records();
    Ok(std::iter::from_fn(move || {
        if !header_reported {
            header_reported = true;
            return Some(Ok((1, Err(header_problems.take().unwrap_or_default()))));
        }
        let record = records.next()?;
        let (number, raw) = match record {
            Ok(record) => {
                let number = record
                    .position()
                    .map_or(0, |position| usize::try_from(position.line()).unwrap_or(0));
                (number, csv_event(number, &header, &record))
            }
            Err(error) => {
                let number = error
                    .position()
                    .map_or(0, |position| usize::try_from(position.line()).unwrap_or(0));
                let problem = match error.kind() {
                    csv::ErrorKind::Utf8 { .. } => not_utf8(number),
                    csv::ErrorKind::Io(_) => {
                        return Some(Err(std::io::Error::other("the file could not be read")))
                    }
                    _ => LineError {
                        line: number,
                        field: None,
                        message: "is not a valid CSV record".to_owned(),
                    },
                };
                (number, Err(vec![problem]))
            }
        };
        Some(Ok((number, raw)))
    }))
}

/// One CSV record as an event, by the header's column names.
fn csv_event(
    line: usize,
    header: &[String],
    record: &csv::StringRecord,
) -> Result<RawEvent, Vec<LineError>> {
    let cell = |name: &str| {
        header
            .iter()
            .position(|column| column == name)
            .and_then(|index| record.get(index))
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let flag = |field: &'static str| match cell(field).as_deref() {
        None => Ok(None),
        Some("true" | "1" | "ja") => Ok(Some(true)),
        Some("false" | "0" | "nej") => Ok(Some(false)),
        Some(_) => Err(LineError {
            line,
            field: Some(field),
            message: "must be true or false".to_owned(),
        }),
    };
    let (bulk, case_closed) = match (flag("bulk"), flag("case_closed")) {
        (Ok(bulk), Ok(case_closed)) => (bulk, case_closed),
        (bulk, case_closed) => {
            return Err([bulk.err(), case_closed.err()]
                .into_iter()
                .flatten()
                .collect())
        }
    };
    Ok(RawEvent {
        id: cell("id"),
        time: cell("time"),
        actor: cell("actor"),
        unit: cell("unit"),
        use_type: cell("use"),
        cpr: cell("cpr"),
        search_criterion: cell("search_criterion"),
        purpose: cell("purpose"),
        case_reference: cell("case_reference"),
        bulk,
        batch_run: cell("batch_run"),
        hidden_until: cell("hidden_until"),
        hidden_reason: cell("hidden_reason"),
        case_closed,
    })
}
