//! The routes behind the request forms (plain HTML forms, so they work
//! without JavaScript): the citizen's ([`citizen`]) and the caseworker's
//! ([`casework`]), and the DPO's CSV export ([`dpo`]). Each handler reads the
//! form, validates it (`app::requests::forms`), calls one store function
//! (`app::requests::store`, one transaction) and then either redirects (303)
//! to the next page or shows the form's page again with what was typed and
//! what is wrong ([`app::form::FormReply`]), so nothing is lost: rendered at
//! once when the form posts to its page's own address, through a redirect
//! ([`crate::http::flash`]) when it posts elsewhere, so that a reload never
//! repeats the action.

pub mod casework;
pub mod citizen;
pub mod dpo;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use futures_util::StreamExt;

use app::error::AppError;
use app::form::FormReply;
use app::requests::actions::Notice;
use app::requests::documents::{self, Upload};
use app::requests::forms::{parse_version, FieldErrors, Fields};
use app::requests::store::StoreError;
use app::state::AppState;

use crate::http::flash::{self, Carried};
use crate::http::render;
use crate::http::route_list::Routes;

/// Every request route, to be merged inside the session and guard layers.
pub fn routes() -> Routes<AppState> {
    Routes::new()
        .merge(citizen::routes())
        .merge(casework::routes())
        .merge(dpo::routes())
}

/// A form handled by a route: where its page lives and which form it is.
pub(crate) struct FormPage<'a> {
    state: &'a AppState,
    parts: Parts,
    /// The page to render again on an error.
    path: String,
    /// The form's name on that page ([`FormReply::form`]).
    form: &'static str,
    pub(crate) fields: Fields,
    /// The fields' names in the order the browser sent them.
    field_order: Vec<String>,
    /// The files of a multipart form (`requests::documents::FIELD`).
    uploads: Vec<Upload>,
    /// Whether the form was larger than [`form_limit`] (what came before
    /// the limit in a multipart form is in `fields`, its files are not).
    too_large: bool,
}

impl<'a> FormPage<'a> {
    /// Reads the form of `request` (URL-encoded, or multipart when it
    /// carries files), which came from (and on an error goes back to) the
    /// page at `path`; an unreadable body reads as no fields.
    pub(crate) async fn read(
        state: &'a AppState,
        request: Request,
        path: String,
        form: &'static str,
    ) -> FormPage<'a> {
        let (parts, body) = request.into_parts();
        let (body, cut) = cut_off_after(body, form_limit(state));
        let request = Request::from_parts(parts.clone(), body);
        let multipart = parts
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("multipart/form-data"));
        let (pairs, uploads) = if multipart {
            read_multipart(request).await
        } else {
            match Form::<Vec<(String, String)>>::from_request(request, &()).await {
                Ok(Form(pairs)) => (pairs, Vec::new()),
                Err(_) => (Vec::new(), Vec::new()),
            }
        };
        let too_large = cut.load(Ordering::Relaxed);
        // A URL-encoded body cut off could read as a shorter, valid form:
        // none of it counts. A multipart one keeps its whole fields.
        let pairs = if too_large && !multipart {
            Vec::new()
        } else {
            pairs
        };
        let field_order = pairs.iter().map(|(name, _)| name.clone()).collect();
        let fields: Fields = pairs.into_iter().collect();
        FormPage {
            state,
            parts,
            path,
            form,
            fields,
            field_order,
            uploads: if too_large { Vec::new() } else { uploads },
            too_large,
        }
    }

    /// Who sent the form (from the session, never from a field).
    pub(crate) fn caller(&self) -> app::caller::Caller {
        app::caller::Caller::of(&self.parts)
    }

    /// The language the sender reads the portal in (its messages are
    /// written in it).
    pub(crate) fn lang(&self) -> app::i18n::Lang {
        lang_of(&self.parts)
    }

    /// The page again, with `errors` at their fields, `message` above the
    /// form, the typed values kept, and `status`.
    pub(crate) async fn again(
        self,
        errors: FieldErrors,
        message: Option<String>,
        status: StatusCode,
    ) -> Response {
        let form = self.form;
        self.again_as(form, errors, message, status).await
    }

    /// The page again with what is wrong at each field (422): a form a
    /// person can correct.
    pub(crate) async fn field_errors(self, errors: FieldErrors) -> Response {
        self.again(errors, None, StatusCode::UNPROCESSABLE_ENTITY)
            .await
    }

    async fn again_as(
        self,
        form: &'static str,
        errors: FieldErrors,
        message: Option<String>,
        status: StatusCode,
    ) -> Response {
        let mut values = self.fields;
        // Never echo a CPR number back into a page.
        values.remove("cpr");
        let reply = FormReply {
            form: form.to_owned(),
            values,
            errors: errors.0,
            message,
            field_order: self.field_order,
        };
        // A form posted to another address than its page's: Post/Redirect/Get.
        if self.parts.uri.path() != self.path {
            return flash::redirect_with(&self.parts, &self.path, "", Carried::FormReply(reply))
                .await;
        }
        render::page(
            self.state,
            self.parts,
            &self.path,
            move || leptos::prelude::provide_context(reply.clone()),
            status,
        )
        .await
    }

    /// The page with what was typed (no errors) and `extra` context: a
    /// form that asks for something shown on its own page, such as a search.
    pub(crate) async fn shown_with(
        self,
        extra: impl Fn() + Clone + Send + Sync + 'static,
    ) -> Response {
        let mut values = self.fields;
        values.remove("cpr");
        let reply = FormReply {
            form: self.form.to_owned(),
            values,
            field_order: self.field_order,
            ..FormReply::default()
        };
        render::page(
            self.state,
            self.parts,
            &self.path,
            move || {
                leptos::prelude::provide_context(reply.clone());
                extra();
            },
            StatusCode::OK,
        )
        .await
    }

    /// The version of the request the form was filled in on (optimistic
    /// locking); a form without one is answered here.
    async fn with_version(self) -> Result<(Self, i32), Response> {
        match parse_version(&self.fields) {
            Some(version) => Ok((self, version)),
            None => {
                let message = self.lang().text("form-field-missing");
                Err(self
                    .again(
                        FieldErrors::default(),
                        Some(message),
                        StatusCode::BAD_REQUEST,
                    )
                    .await)
            }
        }
    }

    /// Answers a failed store call: a conflict or a refused step comes back
    /// on the page with its message; anything else is logged.
    async fn store_failed(self, error: StoreError) -> Response {
        match error {
            StoreError::Conflict => {
                let message = self.lang().text("form-conflict");
                self.again_as(
                    "conflict",
                    FieldErrors::default(),
                    Some(message),
                    StatusCode::CONFLICT,
                )
                .await
            }
            StoreError::NotAllowed(key) => {
                let message = self.lang().text(key);
                self.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                    .await
            }
            StoreError::NotFound => {
                let path = self.path.clone();
                render::page(self.state, self.parts, &path, || {}, StatusCode::NOT_FOUND).await
            }
            other => self.internal_error(&other).await,
        }
    }

    /// The page again after a failure of our own: logged, and shown with
    /// only its reference.
    pub(crate) async fn internal_error(self, cause: impl std::fmt::Debug + Send) -> Response {
        let message = AppError::internal(cause).text(self.lang());
        self.again(
            FieldErrors::default(),
            Some(message),
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await
    }
}

/// The language the sender of a request reads the portal in.
fn lang_of(parts: &Parts) -> app::i18n::Lang {
    parts
        .extensions
        .get::<app::i18n::Lang>()
        .copied()
        .unwrap_or_default()
}

/// Room in a form for its text fields besides its files.
const FORM_TEXT_BYTES: usize = 256 * 1024;

/// The largest form read: an answer with every document at its largest,
/// and its text. (Routes that take no files also keep axum's default limit.)
fn form_limit(state: &AppState) -> usize {
    state
        .requests
        .document_max_bytes
        .saturating_mul(documents::MAX_DOCUMENTS)
        .saturating_add(FORM_TEXT_BYTES)
}

/// `body` ending quietly after `limit` bytes, and a flag that says it was
/// cut. Ending rather than failing lets a multipart form keep the fields
/// that came before the files (a stream error would lose them all, as the
/// parser reads ahead).
fn cut_off_after(body: Body, limit: usize) -> (Body, Arc<AtomicBool>) {
    let cut = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cut);
    let stream = body.into_data_stream().scan(0_usize, move |seen, chunk| {
        let keep = match chunk {
            Ok(bytes) => {
                *seen = seen.saturating_add(bytes.len());
                if *seen > limit {
                    flag.store(true, Ordering::Relaxed);
                    None
                } else {
                    Some(Ok(bytes))
                }
            }
            Err(error) => Some(Err(error)),
        };
        std::future::ready(keep)
    });
    (Body::from_stream(stream), cut)
}

/// The text fields and files of a multipart form, up to its end or its
/// first error. A field that is not valid UTF-8 reads as empty; a file's
/// name is what the browser sent (checked later).
async fn read_multipart(request: Request) -> (Vec<(String, String)>, Vec<Upload>) {
    let (mut pairs, mut uploads) = (Vec::new(), Vec::new());
    let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
        return (pairs, uploads);
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let Ok(bytes) = field.bytes().await else {
            break;
        };
        match file_name {
            Some(file_name) if name == documents::FIELD => uploads.push(Upload {
                file_name,
                bytes: bytes.to_vec(),
            }),
            Some(_) => {}
            None => pairs.push((name, String::from_utf8(bytes.to_vec()).unwrap_or_default())),
        }
    }
    (pairs, uploads)
}

/// After a successful action: to `path` with the notice's code.
fn done(path: &str, notice: Notice) -> Response {
    Redirect::to(&format!("{path}?besked={}", notice.code())).into_response()
}

/// A file from the database as a download.
fn file(attachment: app::requests::store::NewAttachment) -> Response {
    crate::http::download::download(
        &attachment.content_type,
        &attachment.file_name,
        attachment.body,
    )
}
