//! The HTTP surface: the axum router with the Leptos pages and server
//! functions, health endpoints, static assets, and the middleware every
//! request passes through.

pub mod client_addr;
pub mod download;
pub mod error;
pub mod error_page;
pub mod flash;
pub mod health;
pub mod language;
pub mod middleware;
pub mod page_compression;
pub mod rate_limit;
pub mod render;
pub mod route_list;
pub mod same_origin;
pub mod server_fn_status;
pub mod static_assets;
pub mod unavailable;

use axum::Router;
use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;

use app::{shell, App};

use crate::Services;
use rate_limit::{Audience, Counted};
use route_list::{ListedRoute, Routes};

/// The app's routes, generated once per process. Generating them runs the
/// app with resource loading switched off for the whole process (leptos
/// 0.8's `SuppressResourceLoad` is a global flag), and a resource that a page
/// render polls for the first time in that moment waits forever (leptos
/// issue #4773). The server builds its router once at start, before any
/// request; the integration tests build one per test while other tests
/// render pages, which made a render hang now and then.
fn app_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the complete router.
pub fn router(services: Services) -> Router {
    router_and_routes(services).0
}

/// The complete router and the server's own routes it serves (besides the
/// Leptos pages, [`page_paths`], and the server functions, which their own
/// registry lists).
pub fn router_and_routes(services: Services) -> (Router, Vec<ListedRoute>) {
    let Services {
        state,
        auth,
        sessions,
        ingest,
        aggregators,
        trusted_proxies,
        same_origin,
        https,
        rate_limits,
    } = services;
    let frame = error_page::Frame {
        site: state.site.clone(),
        paths: state.static_paths.clone(),
    };
    let guard = crate::auth::guard::GuardState {
        pool: state.pool.clone(),
        auth: auth.clone(),
        frame: frame.clone(),
    };
    let routes = app_routes();
    let context_state = state.clone();
    let provide_state = move || render::provide_app_context(&context_state);

    let layers = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(crate::metrics::track_requests))
        .layer(axum::middleware::from_fn(middleware::request_id))
        .layer(axum::middleware::from_fn(language::choose))
        .layer(axum::middleware::from_fn_with_state(
            unavailable::Unavailable {
                pool: state.pool.clone(),
                frame: frame.clone(),
            },
            unavailable::database_away,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(middleware::request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
        )
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::middleware::from_fn_with_state(
            https,
            middleware::strict_transport,
        ))
        .layer(axum::middleware::from_fn(middleware::canonical_paths))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(trusted_proxies),
            client_addr::attach,
        ))
        .layer(CatchPanicLayer::custom(move |panic| {
            error_page::panic_response(&frame, panic)
        }));

    // Health checks and static assets need no session: routed outside the
    // session layer, fetching them neither reads nor renews a session.
    let site_root = std::path::PathBuf::from(state.leptos_options.site_root.as_ref());
    let without_session = Routes::new()
        .get("/healthz", health::healthz)
        .get("/readyz", health::readyz)
        .merge(language::routes(https))
        .merge(
            crate::access_log::api::routes(ingest.clone()).map(|router| {
                rate_limit::limit(
                    router,
                    rate_limits.ingest_per_minute,
                    Counted::All,
                    Audience::Machine,
                )
            }),
        )
        .merge(
            crate::access_log::data_tracker::machine_routes(ingest, aggregators).map(|router| {
                rate_limit::limit(
                    router,
                    rate_limits.ingest_per_minute,
                    Counted::All,
                    Audience::Machine,
                )
            }),
        )
        .merge(static_assets::routes(&site_root, &state.static_paths));

    let own_routes = Routes::new()
        .merge(crate::auth::routes(auth).map(|router| {
            rate_limit::limit(
                router,
                rate_limits.sign_in_per_minute,
                Counted::All,
                Audience::Person,
            )
        }))
        .merge(crate::access_log::citizen_exports::routes())
        .merge(crate::access_log::data_tracker::citizen_routes())
        .merge(crate::requests::routes())
        .merge(crate::log_control::routes())
        .merge(crate::usage_review::routes());
    let (own_router, own_listed) = own_routes.into_parts();
    let with_session = Router::new()
        .leptos_routes_with_context(&state, routes, provide_state.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .merge(own_router)
        // Any other address: the app's "not found" page. (Leptos's usual
        // fallback would first look for a file of that name in the site
        // root; every file the portal serves has its own route above.)
        .fallback({
            let options = state.leptos_options.clone();
            let render = leptos_axum::render_app_async_with_context(provide_state, move || {
                shell(options.clone())
            });
            move |request: axum::extract::Request| render(request)
        })
        .layer(axum::middleware::from_fn(
            server_fn_status::refusals_keep_their_status,
        ))
        .layer(axum::middleware::from_fn_with_state(
            same_origin,
            same_origin::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            guard,
            crate::auth::guard::guard_pages,
        ))
        // Pages and files with personal data are never kept in a cache.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(axum::middleware::from_fn(flash::deliver))
        .layer(axum::middleware::from_fn_with_state(
            crate::auth::session::idle_limit(state.site.session_idle_minutes),
            crate::auth::session::attach_caller,
        ))
        .layer(sessions)
        // Pages, when the browser takes zstd: compressed in one call.
        .layer(axum::middleware::from_fn(page_compression::zstd_pages))
        // The rest, and pages for browsers without zstd: brotli or gzip,
        // as the browser asks, at the fastest level: they are made per
        // request, and at level 5 brotli cost more CPU than making the page
        // (docs/decisions.md, "Compressing pages"). Static
        // files are not compressed here: `make release` compresses them
        // once, and a development build's 13 MB WebAssembly would cost a
        // second of CPU on every page load.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest));
    // Counted before the session store is read.
    let with_session = rate_limit::limit(
        with_session,
        rate_limits.forms_per_minute,
        Counted::Posts,
        Audience::Person,
    );

    let (without_session, mut listed) = without_session.into_parts();
    listed.extend(own_listed);
    let router = without_session
        .merge(with_session)
        .layer(layers)
        .with_state(state);
    (router, listed)
}

/// The paths of the Leptos pages, as axum writes them (`/x/{id}`).
pub fn page_paths() -> Vec<String> {
    app_routes()
        .iter()
        .map(|route| route.path().to_owned())
        .collect()
}
