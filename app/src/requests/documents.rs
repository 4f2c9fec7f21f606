//! [ssr] Documents a caseworker attaches to an answer or a refusal
//! (docs/rules.md §1.12): PDF, PNG or JPEG, recognised by their content
//! (the `infer` crate's signatures), never by their name or the type the
//! browser claims; a name whose extension says another type is refused, so
//! the citizen never opens a file that is not what its name says. Each is
//! at most the configured size, and an answer carries at most
//! [`MAX_DOCUMENTS`].

use super::forms::FieldErrors;
use super::store::NewAttachment;
use crate::i18n::{Arg, Lang};

/// The form field the files come in.
pub const FIELD: &str = "documents";

pub use super::views::MAX_DOCUMENTS;

/// A file as the browser sent it: the name it gave and the bytes.
#[derive(Clone, Debug)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The kinds of document an answer may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DocumentType {
    Pdf,
    Png,
    Jpeg,
}

impl DocumentType {
    const ALL: [DocumentType; 3] = [DocumentType::Pdf, DocumentType::Png, DocumentType::Jpeg];

    fn mime(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Png => "image/png",
            DocumentType::Jpeg => "image/jpeg",
        }
    }

    /// The extensions a name of this type may end in (lower case).
    fn extensions(self) -> &'static [&'static str] {
        match self {
            DocumentType::Pdf => &["pdf"],
            DocumentType::Png => &["png"],
            DocumentType::Jpeg => &["jpg", "jpeg"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            DocumentType::Pdf => "PDF",
            DocumentType::Png => "PNG",
            DocumentType::Jpeg => "JPEG",
        }
    }

    /// The type of `bytes` by their content, when it is one of ours.
    fn of_content(bytes: &[u8]) -> Option<DocumentType> {
        let found = infer::get(bytes)?;
        DocumentType::ALL
            .into_iter()
            .find(|kind| kind.mime() == found.mime_type())
    }

    /// The type a file name's extension claims, when it is one of ours.
    fn of_name(name: &str) -> Option<DocumentType> {
        let (_, extension) = name.rsplit_once('.')?;
        let extension = extension.to_lowercase();
        DocumentType::ALL
            .into_iter()
            .find(|kind| kind.extensions().contains(&extension.as_str()))
    }
}

/// The name shown to the citizen: the last part of what the browser sent
/// (some send a path), without control characters, at most 120 characters
/// (the extension kept).
fn clean_name(sent: &str) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned();
    if clean.chars().count() <= 120 {
        return clean;
    }
    match clean.rsplit_once('.') {
        Some((stem, extension)) if extension.chars().count() <= 10 => {
            let keep = 120 - extension.chars().count() - 1;
            format!(
                "{}.{extension}",
                stem.chars().take(keep).collect::<String>()
            )
        }
        _ => clean.chars().take(120).collect(),
    }
}

/// The documents among `uploads` (a file input left empty sends a part
/// without name or bytes, which is skipped), each checked; any problem is an
/// error at the field that names the file, and nothing is attached.
pub fn check_documents(
    uploads: Vec<Upload>,
    max_bytes: usize,
    lang: Lang,
) -> Result<Vec<NewAttachment>, FieldErrors> {
    let uploads: Vec<Upload> = uploads
        .into_iter()
        .filter(|upload| !(upload.file_name.is_empty() && upload.bytes.is_empty()))
        .collect();
    let mut problems = Vec::new();
    if uploads.len() > MAX_DOCUMENTS {
        problems.push(lang.text_with("form-documents-too-many", &[("max", MAX_DOCUMENTS.into())]));
    }
    let megabytes = max_bytes / (1024 * 1024);
    let mut documents = Vec::with_capacity(uploads.len());
    for upload in uploads {
        let name = clean_name(&upload.file_name);
        let shown = || -> Arg {
            if name.is_empty() {
                lang.text("form-documents-unnamed").into()
            } else {
                name.clone().into()
            }
        };
        if upload.bytes.is_empty() {
            problems.push(lang.text_with("form-documents-empty", &[("name", shown())]));
            continue;
        }
        if upload.bytes.len() > max_bytes {
            problems.push(lang.text_with(
                "form-documents-too-large",
                &[("name", shown()), ("max", megabytes.into())],
            ));
            continue;
        }
        let Some(kind) = DocumentType::of_content(&upload.bytes) else {
            problems.push(lang.text_with("form-documents-type", &[("name", shown())]));
            continue;
        };
        match DocumentType::of_name(&name) {
            Some(claimed) if claimed == kind => {}
            Some(claimed) => {
                problems.push(lang.text_with(
                    "form-documents-name-lies",
                    &[
                        ("name", shown()),
                        ("claimed", claimed.name().into()),
                        ("actual", kind.name().into()),
                    ],
                ));
                continue;
            }
            None => {
                problems.push(lang.text_with(
                    "form-documents-extension",
                    &[("name", shown()), ("actual", kind.name().into())],
                ));
                continue;
            }
        }
        documents.push(NewAttachment {
            file_name: name,
            content_type: kind.mime().to_owned(),
            body: upload.bytes,
        });
    }
    let mut errors = FieldErrors::new(lang);
    if !problems.is_empty() {
        errors.0.insert(FIELD.to_owned(), problems.join(" "));
    }
    errors.result(|| documents)
}

/// The error when the whole form was larger than a server accepts (every
/// file at its largest).
pub fn too_large_in_all(max_bytes: usize, lang: Lang) -> FieldErrors {
    let mut errors = FieldErrors::new(lang);
    errors.0.insert(
        FIELD.to_owned(),
        lang.text_with(
            "form-documents-too-large-in-all",
            &[
                ("max", (max_bytes / (1024 * 1024)).into()),
                ("count", MAX_DOCUMENTS.into()),
            ],
        ),
    );
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            file_name: name.to_owned(),
            bytes: bytes.to_vec(),
        }
    }

    fn check(uploads: Vec<Upload>) -> Result<Vec<NewAttachment>, String> {
        check_documents(uploads, 1024 * 1024, Lang::Da).map_err(|errors| errors.0[FIELD].clone())
    }

    #[test]
    fn pdf_png_and_jpeg_are_known_by_their_content() {
        let documents = check(vec![
            upload("Afgørelse.PDF", PDF),
            upload("C:\\Users\\sara\\kort.png", PNG),
            upload("foto.jpeg", JPEG),
            upload("foto2.JPG", JPEG),
            // A file input left empty.
            upload("", b""),
        ])
        .unwrap();
        let seen: Vec<(&str, &str)> = documents
            .iter()
            .map(|d| (d.file_name.as_str(), d.content_type.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("Afgørelse.PDF", "application/pdf"),
                ("kort.png", "image/png"),
                ("foto.jpeg", "image/jpeg"),
                ("foto2.JPG", "image/jpeg"),
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_what_its_name_says_is_refused() {
        // A PNG named .pdf, a script named .pdf, a PDF without extension.
        let lie = check(vec![upload("svar.pdf", PNG)]).unwrap_err();
        assert_eq!(
            lie,
            "Filen svar.pdf hedder PDF, men dens indhold er PNG. Ret navnet eller vælg den rigtige fil."
        );
        let script = check(vec![upload("svar.pdf", b"<script>alert(1)</script>")]).unwrap_err();
        assert!(
            script.contains("er ikke en PDF-, PNG- eller JPEG-fil"),
            "{script}"
        );
        let bare = check(vec![upload("svar", PDF)]).unwrap_err();
        assert!(bare.contains("navnet skal ende på"), "{bare}");
        // One bad file stops them all.
        assert!(check(vec![upload("a.pdf", PDF), upload("b.png", PDF)]).is_err());
    }

    #[test]
    fn size_count_and_empty_files_are_checked() {
        let big = vec![b'%'; 2 * 1024 * 1024];
        let mut pdf = PDF.to_vec();
        pdf.extend_from_slice(&big);
        let too_large = check(vec![upload("stor.pdf", &pdf)]).unwrap_err();
        assert!(too_large.contains("større end 1 MB"), "{too_large}");
        let empty = check(vec![upload("tom.pdf", b"")]).unwrap_err();
        assert!(
            empty.contains("tom.pdf") && empty.contains("tom"),
            "{empty}"
        );
        let many = (0..=MAX_DOCUMENTS)
            .map(|n| upload(&format!("{n}.pdf"), PDF))
            .collect();
        assert!(check(many).unwrap_err().contains("højst 10"));
    }

    #[test]
    fn names_lose_paths_and_control_characters_and_keep_their_extension() {
        assert_eq!(clean_name("../../etc/passwd.pdf"), "passwd.pdf");
        assert_eq!(clean_name("a\u{0}b\u{1b}c.pdf"), "abc.pdf");
        let long = format!("{}.pdf", "x".repeat(300));
        let cleaned = clean_name(&long);
        assert_eq!(cleaned.chars().count(), 120);
        assert!(cleaned.ends_with(".pdf"));
    }
}
