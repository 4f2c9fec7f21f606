//! Rendering a page from inside a route handler: a form that posts to its
//! own page's address and failed is answered with its page again (the same
//! Leptos route, rendered with extra context such as the
//! [`app::form::FormReply`]), so nothing the person typed is lost, with or
//! without JavaScript. (A form that posts elsewhere is answered by a
//! redirect to its page instead: [`super::flash`].)

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode, Uri};
use axum::response::Response;
use leptos::prelude::{provide_context, use_context};

use app::form::FormReply;
use app::pages::casework::RevealCpr;
use app::shell;
use app::state::AppState;

/// Provides what every page and server function reads from context, and
/// what a form that posted elsewhere left for this page
/// ([`super::flash::deliver`] put it in the request's extensions).
pub fn provide_app_context(state: &AppState) {
    provide_context(state.site.as_ref().clone());
    provide_context(state.static_paths.clone());
    provide_context(state.clone());
    if let Some(parts) = use_context::<Parts>() {
        if let Some(reply) = parts.extensions.get::<FormReply>() {
            provide_context(reply.clone());
        }
        if let Some(reveal) = parts.extensions.get::<RevealCpr>() {
            provide_context(*reveal);
        }
    }
}

/// Renders the page at `path` for the request `parts` came with (same
/// session and caller), with `extra` context, answering with `status`.
pub async fn page(
    state: &AppState,
    mut parts: Parts,
    path: &str,
    extra: impl Fn() + Clone + Send + Sync + 'static,
    status: StatusCode,
) -> Response {
    parts.method = Method::GET;
    parts.uri = path
        .parse::<Uri>()
        .unwrap_or_else(|_| Uri::from_static("/"));
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            provide_app_context(&context_state);
            extra();
        },
        move || shell(options.clone()),
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}
