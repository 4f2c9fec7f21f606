//! Files the portal hands out: the one Danish CSV writer used by every CSV
//! export (the citizen's log, the log attached to an access answer, the
//! DPO's request list) and the download response every file goes out as.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The content type of every CSV the portal writes.
pub const CSV_CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// A CSV file as Danish spreadsheet programs read it: UTF-8 with a
/// byte-order mark, `;` between cells, and no cell a spreadsheet would run
/// as a formula.
pub struct DanishCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl DanishCsv {
    /// A file whose first line is `header`.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Result<DanishCsv, csv::Error> {
        let mut file = DanishCsv {
            writer: csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(b"\xEF\xBB\xBF".to_vec()),
        };
        file.row(header.iter().map(AsRef::as_ref))?;
        Ok(file)
    }

    /// Appends one line; every cell is made inert first.
    pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.writer.write_record(
            cells
                .into_iter()
                .map(|cell| inert(cell.as_ref()).into_owned()),
        )
    }

    /// The file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, csv::Error> {
        self.writer
            .into_inner()
            .map_err(|error| error.into_error().into())
    }
}

/// A cell a spreadsheet will not run as a formula: text starting with `=`,
/// `+`, `-`, `@` or a tab or carriage return gets a leading apostrophe.
fn inert(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// What `filename*` must percent-encode: all but RFC 5987's `attr-char`.
const FILENAME_UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// A file to download: its type, its name, never cached.
pub fn download(content_type: &str, file_name: &str, body: Vec<u8>) -> Response {
    // The plain name is ASCII without quotes (anything else becomes `_`);
    // the full name, with its Danish letters, goes in `filename*` (RFC 6266).
    let safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let full = percent_encoding::utf8_percent_encode(file_name, FILENAME_UNSAFE);
    let disposition = format!("attachment; filename=\"{safe}\"; filename*=UTF-8''{full}");
    match (
        HeaderValue::from_str(content_type),
        HeaderValue::from_str(&disposition),
    ) {
        (Ok(content_type), Ok(disposition)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CONTENT_DISPOSITION, disposition),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response(),
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_inert_and_the_file_is_for_danish_spreadsheets() {
        let mut file = DanishCsv::new(&["Enhed", "Antal"]).unwrap();
        file.row(["=cmd|'/c calc'!A1", "2"]).unwrap();
        file.row(["@SUM(A1)", "+1"]).unwrap();
        file.row(["\tx", "Borgerservice"]).unwrap();
        let text = String::from_utf8(file.finish().unwrap()).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("\u{feff}Enhed;Antal"));
        assert_eq!(lines.next(), Some("'=cmd|'/c calc'!A1;2"));
        assert_eq!(lines.next(), Some("'@SUM(A1);'+1"));
        assert_eq!(lines.next(), Some("'\tx;Borgerservice"));
    }

    #[test]
    fn a_name_with_danish_letters_or_quotes_is_kept_whole_and_safe() {
        let response = download("application/pdf", "Afgørelse \"2\".pdf", b"%PDF".to_vec());
        let disposition = response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            disposition,
            "attachment; filename=\"Afg_relse__2_.pdf\"; filename*=UTF-8''Afg%C3%B8relse%20%222%22.pdf"
        );
    }
}
