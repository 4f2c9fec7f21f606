//! [ssr] The rows of an access answer's log, kept with its attachment
//! (`answer_log_rows`, append-only), and what a staff reader sees of them
//! ([`crate::requests::answer_log`]): on the case page, and as the file
//! staff download. The citizen's download is the whole file as sent.

use sqlx::PgConnection;

use super::{corrupt, StoreError};
use crate::access_log::my_log::LogRow;
use crate::capability::CaseReader;
use crate::requests::answer_log::{view_for, AnswerLogRow, AnswerLogView, LogReader};

/// How `reader` reads an answer's log: the DPO every row, a caseworker
/// their unit's.
fn log_reader(reader: &CaseReader) -> LogReader<'_> {
    match reader.unit_codes() {
        Some([own]) => LogReader::Unit(own),
        // One unit per caseworker; anything else sees as the DPO only if
        // it reads every unit.
        Some(_) => LogReader::Unit(""),
        None => LogReader::Dpo,
    }
}

/// Keeps `rows` as the rows of the log in attachment `attachment_id`.
pub(super) async fn store_rows(
    db: &mut PgConnection,
    attachment_id: i64,
    rows: &[AnswerLogRow],
) -> Result<(), StoreError> {
    let positions: Vec<i32> = (0..rows.len())
        .map(|position| i32::try_from(position).unwrap_or(i32::MAX))
        .collect();
    let units: Vec<String> = rows.iter().map(|row| row.unit_code.clone()).collect();
    let sensitive: Vec<bool> = rows.iter().map(|row| row.sensitive).collect();
    let data = rows
        .iter()
        .map(|row| serde_json::to_value(&row.row))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| corrupt("answer_log_rows.row_data"))?;
    sqlx::query!(
        "INSERT INTO answer_log_rows (attachment_id, position, unit_code, sensitive, row_data)
         SELECT $1, * FROM UNNEST($2::int4[], $3::text[], $4::bool[], $5::jsonb[])",
        attachment_id,
        &positions,
        &units,
        &sensitive,
        &data
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The rows kept with attachment `attachment_id`; empty for a file that
/// is not an answer's log.
async fn rows_of(
    db: &mut PgConnection,
    attachment_id: i64,
) -> Result<Vec<AnswerLogRow>, StoreError> {
    sqlx::query!(
        "SELECT unit_code, sensitive, row_data FROM answer_log_rows
         WHERE attachment_id = $1 ORDER BY position",
        attachment_id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|stored| {
        let row: LogRow =
            serde_json::from_value(stored.row_data).map_err(|_| corrupt("row_data"))?;
        Ok(AnswerLogRow {
            row,
            unit_code: stored.unit_code,
            sensitive: stored.sensitive,
        })
    })
    .collect()
}

/// What `reader` sees of the log in attachment `attachment_id`, when it
/// is an answer's log with rows.
pub(super) async fn view_of_attachment(
    db: &mut PgConnection,
    reader: &CaseReader,
    attachment_id: i64,
) -> Result<Option<AnswerLogView>, StoreError> {
    // A log without rows (a citizen with no uses) has nothing to withhold:
    // its file is the same for everyone.
    let rows = rows_of(db, attachment_id).await?;
    Ok((!rows.is_empty()).then(|| view_for(rows, log_reader(reader))))
}

/// What `reader` sees of the log the answer to request `request_id`
/// carries, when it has been answered with one.
pub(super) async fn view_of_request(
    db: &mut PgConnection,
    reader: &CaseReader,
    request_id: i64,
) -> Result<Option<AnswerLogView>, StoreError> {
    let attachment = sqlx::query_scalar!(
        "SELECT max(f.id) FROM data_request_attachments f
         WHERE f.request_id = $1
           AND EXISTS (SELECT 1 FROM answer_log_rows r WHERE r.attachment_id = f.id)",
        request_id
    )
    .fetch_one(&mut *db)
    .await?;
    match attachment {
        Some(id) => view_of_attachment(db, reader, id).await,
        None => Ok(None),
    }
}
