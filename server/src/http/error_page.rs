//! Pages answered outside the Leptos renderer: the 500 page for a request
//! that panicked (the DKFDS frame with a reference id, and the panic message
//! only in the server log) and the guard's refusals.

use std::any::Any;
use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use leptos::prelude::*;

use app::error::{AppError, ErrorMessage};
use app::i18n::Lang;
use app::layout::{SiteFooter, SiteHeader};
use app::shell::StaticPaths;
use app::site::SiteSettings;

use super::middleware::REQUEST_ID;

/// What such a page's frame shows: the municipality's details, and where
/// the stylesheets are.
#[derive(Clone, Debug)]
pub struct Frame {
    pub site: Arc<SiteSettings>,
    pub paths: StaticPaths,
}

/// Logs a panic with the request's id and answers with the error page.
pub fn panic_response(frame: &Frame, panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    let reference = REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| "ukendt".to_owned());
    tracing::error!(reference = %reference, panic = %message, "request handler panicked");
    let lang = app::i18n::task_lang();
    let page = page(
        frame,
        lang,
        "error-title",
        AppError::Internal { reference }.text(lang),
    );
    (StatusCode::INTERNAL_SERVER_ERROR, Html(page)).into_response()
}

/// A complete HTML document in `lang` with the heading of key `heading` and
/// `text` in the portal's frame, for answers given outside the Leptos
/// renderer (500 after a panic, 403).
pub fn page(frame: &Frame, lang: Lang, heading: &'static str, text: String) -> String {
    let site = frame.site.as_ref().clone();
    let heading = lang.text(heading);
    let title = heading.clone();
    let body = Owner::new().with(move || {
        provide_context(lang);
        view! {
            <a class="skipnav" href="#main-content">{lang.text("skip-to-content")}</a>
            <SiteHeader site=Some(site.clone()) language_switch=false/>
            <main id="main-content" class="container page-container">
                <ErrorMessage heading text/>
            </main>
            <SiteFooter site=Some(site)/>
        }
        .to_html()
    });
    format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Indblik</title>\
         <link rel=\"stylesheet\" href=\"{dkfds}\">\
         <link rel=\"stylesheet\" href=\"{own}\"></head><body>{body}</body></html>",
        code = lang.code(),
        title = app::form::escape_text(&title),
        dkfds = frame.paths.dkfds_stylesheet(),
        own = frame.paths.stylesheet(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn frame() -> Frame {
        Frame {
            site: site(),
            paths: StaticPaths::of_versions("p1", "d1"),
        }
    }

    fn site() -> Arc<SiteSettings> {
        Arc::new(SiteSettings {
            municipality_name: "Testkommune".to_owned(),
            municipality_url: "https://www.test.dk".to_owned(),
            logo_url: None,
            contact_email: "kontakt@test.dk".to_owned(),
            dpo_email: "dpo@test.dk".to_owned(),
            session_idle_minutes: 15,
            log_retention_months: 6,
            retention: app::site::RecordRetention {
                security_log_months: 6,
                sign_ins_months: 6,
                sent_mail_days: 90,
            },
        })
    }

    #[tokio::test]
    async fn a_panic_shows_the_reference_and_hides_the_message() {
        let response = REQUEST_ID.sync_scope("ref-123".to_owned(), || {
            panic_response(&frame(), Box::new("secret detail: row 42".to_owned()))
        });
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let html = String::from_utf8_lossy(&body);
        assert!(html.contains("Oplys referencen ref-123"), "{html}");
        assert!(!html.contains("secret detail"), "{html}");
        assert!(html.contains(r#"<html lang="da">"#));
        assert!(html.contains("Testkommune"));
        assert!(html.contains(r#"<main id="main-content""#));
        assert!(html.contains(r#"<link rel="stylesheet" href="/dkfds/d1/css/dkfds.min.css">"#));
        assert!(html.contains(r#"<link rel="stylesheet" href="/pkg/p1/indblik.css">"#));
    }

    #[tokio::test]
    async fn the_panic_page_is_in_the_requests_language() {
        let response = app::i18n::REQUEST_LANG.sync_scope(Lang::En, || {
            REQUEST_ID.sync_scope("ref-9".to_owned(), || {
                panic_response(&frame(), Box::new("boom".to_owned()))
            })
        });
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let html = String::from_utf8_lossy(&body);
        assert!(html.contains(r#"<html lang="en">"#), "{html}");
        assert!(
            html.contains("<title>An error occurred · Indblik</title>"),
            "{html}"
        );
        assert!(html.contains("Give the reference ref-9"), "{html}");
    }
}
