//! Rendering a page from inside a route handler: a form that failed is
//! answered with its page again (the same Leptos route, rendered with extra
//! context such as the [`app::form::FormReply`]) instead of a redirect, so
//! nothing the person typed is lost, with or without JavaScript.

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode, Uri};
use axum::response::Response;
use leptos::prelude::provide_context;

use app::shell;
use app::state::AppState;

/// Provides what every page and server function reads from context.
pub fn provide_app_context(state: &AppState) {
    provide_context(state.site.as_ref().clone());
    provide_context(state.clone());
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
