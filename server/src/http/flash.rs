//! Post/Redirect/Get for forms that post to an address other than their own
//! page's (a case action, the CPR reveal, the citizen's reply, the DPO's
//! lift form): the handler stores what the page must show once (a
//! [`Carried`] thing) in the session and answers 303 to the page; the next
//! `GET` of that page takes it out of the session again ([`deliver`]) and
//! the page renders with it. A reload shows the page without it and repeats
//! nothing; the address in the bar is always a page's.
//!
//! A carried thing is for one page and is kept only briefly: one left behind
//! (the redirect never followed) is not shown on a later visit.

use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use app::form::FormReply;
use app::pages::casework::RevealCpr;

use crate::clock;

/// The session key of the one pending flash.
const FLASH_KEY: &str = "flash";

/// How long a carried thing waits for its page.
const KEPT_FOR: Duration = Duration::minutes(2);

/// What a page shows once after a form posted elsewhere.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Carried {
    /// A form that failed: what was typed and what is wrong.
    FormReply(FormReply),
    /// The CPR number in full (shown, and logged, by this one rendering).
    RevealCpr,
}

#[derive(Debug, Serialize, Deserialize)]
struct Flash {
    /// The page it is for.
    path: String,
    at: DateTime<Utc>,
    carried: Carried,
}

/// Stores `carried` for the page at `path` in the session of the request
/// `parts` came with, and answers 303 to `path` plus `fragment` (an
/// element on the page, or empty). Without a session (which the pages with
/// such forms always have) the carried thing is lost and the page is shown
/// plain.
pub async fn redirect_with(
    parts: &Parts,
    path: &str,
    fragment: &str,
    carried: Carried,
) -> Response {
    if let Some(session) = parts.extensions.get::<Session>() {
        let carried = match carried {
            Carried::FormReply(reply) => Carried::FormReply(storable(reply)),
            other => other,
        };
        let flash = Flash {
            path: path.to_owned(),
            at: clock::now(),
            carried,
        };
        if let Err(error) = session.insert(FLASH_KEY, flash).await {
            tracing::error!(error = %error, "cannot keep a form's reply in the session");
        }
    }
    Redirect::to(&format!("{path}{fragment}")).into_response()
}

/// `reply` as the session store can keep it: PostgreSQL's `jsonb` has no
/// NUL character, so one typed (always an error of its own) is shown as
/// U+FFFD.
fn storable(mut reply: FormReply) -> FormReply {
    for value in reply.values.values_mut() {
        if value.contains('\0') {
            *value = value.replace('\0', "\u{FFFD}");
        }
    }
    reply
}

/// Middleware: the next `GET` of a page (not a server function's) takes
/// the flash out of the session; when it is the page the flash is for, what
/// it carries goes in the request's extensions, where the page's rendering
/// finds it (`render::provide_app_context`).
pub async fn deliver(mut request: Request, next: Next) -> Response {
    if request.method() == Method::GET && !request.uri().path().starts_with("/api/") {
        if let Some(session) = request.extensions().get::<Session>().cloned() {
            if let Some(carried) = take(&session, request.uri().path()).await {
                match carried {
                    Carried::FormReply(reply) => {
                        request.extensions_mut().insert(reply);
                    }
                    Carried::RevealCpr => {
                        request.extensions_mut().insert(RevealCpr);
                    }
                }
            }
        }
    }
    next.run(request).await
}

/// The flash for `path`, removed from the session; a stale one is dropped.
async fn take(session: &Session, path: &str) -> Option<Carried> {
    let flash: Flash = match session.get(FLASH_KEY).await {
        Ok(Some(flash)) => flash,
        Ok(None) => return None,
        Err(error) => {
            tracing::warn!(error = %error, "unreadable flash in the session");
            let _ = session.remove_value(FLASH_KEY).await;
            return None;
        }
    };
    let _ = session.remove_value(FLASH_KEY).await;
    (flash.path == path && clock::now() - flash.at <= KEPT_FOR).then_some(flash.carried)
}
