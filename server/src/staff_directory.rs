//! The staff directory (issue 14, docs/rules.md §3.7): who is behind the
//! actor ids the source systems report, read from a CSV file the
//! municipality exports from its HR or identity system, so that the control
//! of the log can name the employee behind a look-up and notice look-ups of
//! oneself. `server staff-directory FILE` replaces the whole directory with
//! the file, in one transaction: every line is checked first, and a file
//! with any bad line changes nothing.
//!
//! The file has a header with the columns `actor`, `name`, `unit`, `email`
//! and `cpr` (in any order; `email` and `cpr` may be left out or empty),
//! separated by `;` or `,`. A CPR number is turned into the subject key at
//! once and only the key is stored.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};

/// One person in the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    /// The id the source systems report the person's uses with.
    pub actor: String,
    pub name: String,
    /// The code of their organisational unit.
    pub unit: String,
    pub email: Option<String>,
    /// The key of their own CPR number, to notice look-ups of oneself.
    pub subject_key: Option<SubjectKey>,
    /// The line of the file it came from (1 is the header).
    pub line: u64,
}

/// A problem with one line of the file (0: the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.message),
            line => write!(f, "line {line}: {}", self.message),
        }
    }
}

fn at(line: u64, message: impl Into<String>) -> LineError {
    LineError {
        line,
        message: message.into(),
    }
}

/// The columns, by what the header calls them.
const COLUMNS: [&str; 5] = ["actor", "name", "unit", "email", "cpr"];
const REQUIRED: [&str; 3] = ["actor", "name", "unit"];

/// Reads and checks the file; every problem, line by line.
pub fn parse(bytes: &[u8], pepper: &Pepper) -> Result<Vec<DirectoryEntry>, Vec<LineError>> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| vec![at(0, "the file is not UTF-8 text")])?
        .trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|error| vec![at(1, format!("cannot read the header: {error}"))])?
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect();
    let mut errors = Vec::new();
    for name in &header {
        if !COLUMNS.contains(&name.as_str()) {
            errors.push(at(
                1,
                format!(
                    "unknown column \"{name}\"; the columns are {}",
                    COLUMNS.join(", ")
                ),
            ));
        }
    }
    for name in REQUIRED {
        if !header.iter().any(|column| column == name) {
            errors.push(at(1, format!("the column \"{name}\" is missing")));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let column = |name: &str| header.iter().position(|column| column == name);
    let mut entries = Vec::new();
    let mut first_line_of: BTreeMap<String, u64> = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                errors.push(at(line, format!("cannot be read: {error}")));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        let value = |name: &str| {
            column(name)
                .and_then(|index| record.get(index))
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        let before = errors.len();
        let mut text = |name: &str, max: usize| {
            let value = value(name);
            if value.is_empty() {
                errors.push(at(line, format!("{name} is empty")));
            } else if value.chars().count() > max || value.chars().any(char::is_control) {
                errors.push(at(
                    line,
                    format!("{name} must be at most {max} characters, without control characters"),
                ));
            }
            value
        };
        let actor = text("actor", 200);
        let name = text("name", 200);
        let unit = text("unit", 64);
        let email = Some(value("email")).filter(|email| !email.is_empty());
        if let Some(email) = &email {
            if lettre::Address::from_str(email).is_err() {
                errors.push(at(
                    line,
                    format!("email \"{email}\" is not an e-mail address"),
                ));
            }
        }
        let cpr = value("cpr");
        let subject_key = if cpr.is_empty() {
            None
        } else {
            match Cpr::parse(&cpr) {
                // Never the number itself in a message: it is personal data.
                Err(_) => {
                    errors.push(at(line, "cpr is not a valid CPR number (DDMMYY-XXXX)"));
                    None
                }
                Ok(cpr) => Some(SubjectKey::derive(pepper, &cpr)),
            }
        };
        if !actor.is_empty() {
            if let Some(first) = first_line_of.get(&actor) {
                errors.push(at(
                    line,
                    format!("actor \"{actor}\" is also on line {first}"),
                ));
            } else {
                first_line_of.insert(actor.clone(), line);
            }
        }
        if errors.len() == before {
            entries.push(DirectoryEntry {
                actor,
                name,
                unit,
                email,
                subject_key,
                line,
            });
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// Why an import changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{} bad line(s); nothing was imported", .0.len())]
    Refused(Vec<LineError>),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Replaces the directory with `entries` at `now`, all or nothing; a unit
/// the master data does not have refuses its lines. Returns how many
/// people the directory now has.
pub async fn replace(
    pool: &PgPool,
    entries: &[DirectoryEntry],
    now: DateTime<Utc>,
) -> Result<usize, ImportError> {
    let units: BTreeMap<String, i64> = sqlx::query!("SELECT code, id FROM org_units")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|unit| (unit.code, unit.id))
        .collect();
    let unknown: Vec<LineError> = entries
        .iter()
        .filter(|entry| !units.contains_key(&entry.unit))
        .map(|entry| {
            at(
                entry.line,
                format!("unit \"{}\" is not in the master data", entry.unit),
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::Refused(unknown));
    }
    let actors: Vec<String> = entries.iter().map(|entry| entry.actor.clone()).collect();
    let names: Vec<String> = entries.iter().map(|entry| entry.name.clone()).collect();
    let unit_ids: Vec<i64> = entries.iter().map(|entry| units[&entry.unit]).collect();
    let emails: Vec<Option<String>> = entries.iter().map(|entry| entry.email.clone()).collect();
    let keys: Vec<Option<Vec<u8>>> = entries
        .iter()
        .map(|entry| entry.subject_key.map(|key| key.as_bytes().to_vec()))
        .collect();
    let mut tx = pool.begin().await?;
    sqlx::query!("DELETE FROM staff_directory")
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "INSERT INTO staff_directory (actor, name, org_unit_id, email, subject_key, imported_at)
         SELECT a, n, u, e, k, $6
         FROM UNNEST($1::text[], $2::text[], $3::int8[], $4::text[], $5::bytea[]) AS t(a, n, u, e, k)",
        &actors,
        &names,
        &unit_ids,
        &emails as &[Option<String>],
        &keys as &[Option<Vec<u8>>],
        now
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pepper() -> Pepper {
        Pepper::new(vec![7; 32]).unwrap()
    }

    #[test]
    fn a_file_with_either_separator_and_optional_columns_is_read() {
        let semicolons = "actor;name;unit;email;cpr\n\
                          m1001;Sara Sagsbehandler;BS;sara@eksempel.dk;240381-9912\n\
                          m1002;Kim Kollega;BS;;\n\
                          \n";
        let entries = parse(semicolons.as_bytes(), &pepper()).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].email.as_deref(), Some("sara@eksempel.dk"));
        let key = SubjectKey::derive(&pepper(), &Cpr::parse("2403819912").unwrap());
        assert_eq!(entries[0].subject_key, Some(key));
        assert_eq!(
            (entries[1].email.clone(), entries[1].subject_key),
            (None, None)
        );
        assert_eq!(entries[1].line, 3);

        let commas = "\u{feff}Name,Unit,Actor\nJens Jobcenter,JC,m2001\n";
        let entries = parse(commas.as_bytes(), &pepper()).unwrap();
        assert_eq!(entries[0].actor, "m2001");
        assert_eq!(entries[0].unit, "JC");
    }

    #[test]
    fn every_bad_line_is_named_and_no_cpr_number_is_repeated() {
        let file = "actor;name;unit;email;cpr\n\
                    m1;Sara;BS;ikke-en-adresse;\n\
                    ;Kim;BS;;\n\
                    m1;Jens;JC;;\n\
                    m4;Dan;JUR;;320190-1234\n";
        let errors = parse(file.as_bytes(), &pepper()).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "line 2: email \"ikke-en-adresse\" is not an e-mail address",
                "line 3: actor is empty",
                "line 4: actor \"m1\" is also on line 2",
                "line 5: cpr is not a valid CPR number (DDMMYY-XXXX)",
            ]
        );
        assert!(!lines.concat().contains("320190"));
    }

    #[test]
    fn a_header_without_the_required_columns_or_with_unknown_ones_is_refused() {
        let errors = parse(b"actor;navn;unit\nm1;Sara;BS\n", &pepper()).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "line 1: unknown column \"navn\"; the columns are actor, name, unit, email, cpr",
                "line 1: the column \"name\" is missing",
            ]
        );
        assert!(parse(&[0xff, 0xfe], &pepper()).is_err());
    }
}
