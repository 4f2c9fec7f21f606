//! The one error type that crosses the server-function boundary, and the
//! error page shown for it.
//!
//! Every variant's `Display` is safe to show a citizen: internal causes are
//! written to the server log together with a reference id, and only the id
//! reaches the browser.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{use_lang, Lang};

/// Header carrying the id the server gives every request (see the server's
/// request-id middleware). Also the reference printed on error pages.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// An error a page or server function reports to the user, in the words
/// of [`AppError::text`] (its `Display` is the Danish text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// Something failed inside the server; details are only in the log.
    Internal { reference: String },
    /// The caller must sign in first.
    NotSignedIn,
    /// The caller is signed in but may not do this.
    Forbidden,
    /// The action cannot be done in the current state; the text (written by
    /// our own code in the reader's language, never from a cause) says why.
    Refused(String),
    /// There is no such thing, or none the caller may see (the two are not
    /// told apart); the text (in the reader's language) says what was
    /// looked for.
    NotFound(String),
    /// The server could not be reached or answered with something unreadable.
    Unreachable,
}

impl AppError {
    /// What the error says to the reader, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            AppError::Internal { reference } => {
                lang.text_with("error-internal", &[("reference", reference.clone().into())])
            }
            AppError::NotSignedIn => lang.text("error-not-signed-in"),
            AppError::Forbidden => lang.text("error-forbidden"),
            AppError::Refused(text) | AppError::NotFound(text) => text.clone(),
            AppError::Unreachable => lang.text("error-unreachable"),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::Da))
    }
}

impl std::error::Error for AppError {}

impl AppError {
    /// Logs `cause` on the server with the current request's id and returns
    /// an error that shows only that id.
    pub fn internal(cause: impl std::fmt::Debug) -> Self {
        let reference = current_request_id().unwrap_or_else(|| "ukendt".to_owned());
        #[cfg(feature = "ssr")]
        tracing::error!(reference = %reference, cause = %redacted(&cause), "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = cause;
        AppError::Internal { reference }
    }
}

/// `cause` as `{:?}` writes it, without the `detail` of a database error:
/// PostgreSQL puts the offending row's values there ("Key (subject_key)=(…)
/// already exists"), which have no place in a log.
pub fn redacted(cause: &dyn std::fmt::Debug) -> String {
    const DETAIL: &str = "detail: Some(\"";
    let text = format!("{cause:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find(DETAIL) {
        out.push_str(&rest[..start]);
        out.push_str("detail: <left out>");
        let value = &rest[start + DETAIL.len()..];
        // The value ends at the first quote that is not escaped.
        let mut escaped = false;
        let end = value.char_indices().find_map(|(at, c)| {
            let ends = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            ends.then_some(at)
        });
        rest = match end {
            // Past the closing quote and parenthesis.
            Some(at) => value.get(at + 2..).unwrap_or_default(),
            None => "",
        };
    }
    out.push_str(rest);
    out
}

impl AppError {
    /// The HTTP status the error is answered with.
    pub fn status(&self) -> http::StatusCode {
        match self {
            AppError::Internal { .. } => http::StatusCode::INTERNAL_SERVER_ERROR,
            AppError::NotSignedIn => http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden => http::StatusCode::FORBIDDEN,
            AppError::Refused(_) => http::StatusCode::CONFLICT,
            AppError::NotFound(_) => http::StatusCode::NOT_FOUND,
            AppError::Unreachable => http::StatusCode::BAD_GATEWAY,
        }
    }
}

/// The answer of an axum handler or extractor that fails with an
/// [`AppError`]: its status and its safe text.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        (self.status(), self.text(crate::i18n::task_lang())).into_response()
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server, also arguments it cannot read (answered 400
            // by the server's status middleware).
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_) => AppError::Unreachable,
            other => AppError::internal(other),
        }
    }
}

/// The id of the request being handled, when rendering on the server.
pub fn current_request_id() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(REQUEST_ID_HEADER).cloned())
            .and_then(|value| value.to_str().ok().map(str::to_owned))
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Sets the HTTP status of the page being rendered (server only).
pub fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// What a resource loaded, shown by `show`, or its error as an alert.
pub fn shown_or_alert<T>(loaded: Result<T, AppError>, show: impl FnOnce(T) -> AnyView) -> AnyView {
    match loaded {
        Ok(value) => show(value),
        Err(error) => view! { <ErrorAlert text=error.text(use_lang())/> }.into_any(),
    }
}

/// A DKFDS error alert with `text` (for a failed load inside a page).
#[component]
pub fn ErrorAlert(text: String) -> impl IntoView {
    view! {
        <div class="alert alert-error" role="alert">
            <div class="alert-body"><p class="alert-text">{text}</p></div>
        </div>
    }
}

/// A full-width error message in DKFDS style, with a way back.
#[component]
pub fn ErrorMessage(
    /// The page heading, e.g. "Siden findes ikke".
    heading: String,
    /// What happened and what the user can do, safe to show.
    text: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{heading}</h1>
        <div class="alert alert-error" role="alert">
            <div class="alert-body">
                <p class="alert-text">{text}</p>
            </div>
        </div>
        <p class="mt-6">
            <a href="/">{lang.text("signed-out-front")}</a>
        </p>
    }
}

/// The page shown when no route matches; answers with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(http::StatusCode::NOT_FOUND);
    let lang = use_lang();
    let text = match current_request_id() {
        Some(reference) => format!(
            "{} {}",
            lang.text("not-found-text"),
            lang.text_with("error-reference", &[("reference", reference.into())])
        ),
        None => lang.text("not-found-text"),
    };
    view! {
        <leptos_meta::Title text=lang.text("not-found-title")/>
        <ErrorMessage heading=lang.text("not-found-title") text/>
    }
}

/// Shows the errors caught by an `ErrorBoundary`; answers with status 500.
#[component]
pub fn ErrorsView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    let lang = use_lang();
    let text = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| match error.downcast_ref::<AppError>() {
                Some(app_error) => app_error.text(lang),
                None => AppError::internal(error).text(lang),
            })
            .next()
            .unwrap_or_default()
    };
    view! {
        <leptos_meta::Title text=lang.text("error-title")/>
        <ErrorMessage heading=lang.text("error-title") text=text()/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)] // read through Debug
    struct DatabaseError {
        code: &'static str,
        detail: Option<&'static str>,
        table: Option<&'static str>,
    }

    #[test]
    fn a_database_errors_detail_is_left_out_of_the_log() {
        let cause = DatabaseError {
            code: "23505",
            detail: Some("Key (navn)=(\"Anna\" 2403819912) already exists."),
            table: Some("data_requests"),
        };
        let logged = redacted(&cause);
        assert!(
            !logged.contains("2403819912") && !logged.contains("Anna"),
            "{logged}"
        );
        assert!(
            logged.contains("23505") && logged.contains("data_requests"),
            "{logged}"
        );
        assert_eq!(redacted(&"plain"), "\"plain\"");
    }
}
