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

use axum::extract::{FromRequest, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use app::error::AppError;
use app::form::FormReply;
use app::requests::actions::Notice;
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
struct FormPage<'a> {
    state: &'a AppState,
    parts: Parts,
    /// The page to render again on an error.
    path: String,
    /// The form's name on that page ([`FormReply::form`]).
    form: &'static str,
    fields: Fields,
    /// The fields' names in the order the browser sent them.
    field_order: Vec<String>,
}

impl<'a> FormPage<'a> {
    /// Reads the form of `request`, which came from (and on an error goes
    /// back to) the page at `path`; an unreadable body reads as no fields.
    async fn read(
        state: &'a AppState,
        request: Request,
        path: String,
        form: &'static str,
    ) -> FormPage<'a> {
        let (parts, body) = request.into_parts();
        let pairs = match Form::<Vec<(String, String)>>::from_request(
            Request::from_parts(parts.clone(), body),
            &(),
        )
        .await
        {
            Ok(Form(pairs)) => pairs,
            Err(_) => Vec::new(),
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
        }
    }

    /// Who sent the form (from the session, never from a field).
    fn caller(&self) -> app::caller::Caller {
        app::caller::Caller::of(&self.parts)
    }

    /// The language the sender reads the portal in (its messages are
    /// written in it).
    fn lang(&self) -> app::i18n::Lang {
        self.parts
            .extensions
            .get::<app::i18n::Lang>()
            .copied()
            .unwrap_or_default()
    }

    /// The page again, with `errors` at their fields, `message` above the
    /// form, the typed values kept, and `status`.
    async fn again(
        self,
        errors: FieldErrors,
        message: Option<String>,
        status: StatusCode,
    ) -> Response {
        let form = self.form;
        self.again_as(form, errors, message, status).await
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
    async fn internal_error(self, cause: impl std::fmt::Debug + Send) -> Response {
        let message = AppError::internal(cause).text(self.lang());
        self.again(
            FieldErrors::default(),
            Some(message),
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await
    }
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
