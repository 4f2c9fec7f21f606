//! Server-side state shared by every request: the database pool and the
//! settings the pages need. Built once by the server at start-up and provided
//! to pages and server functions through Leptos context.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use sqlx::PgPool;

use crate::error::AppError;
use crate::site::SiteSettings;

/// Everything a page or server function may use on the server.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub site: Arc<SiteSettings>,
    pub requests: Arc<crate::requests::store::RequestSettings>,
    pub control: Arc<crate::log_control::ControlSettings>,
    pub oversight: crate::access_log::deliveries::OversightSettings,
    /// Where the pages send the browser for the static files.
    pub static_paths: crate::shell::StaticPaths,
    /// The names of units, systems and purposes, as last read.
    pub master_data: crate::access_log::master_data::MasterData,
}

impl AppState {
    /// Where citizens' summaries are read from.
    pub fn summaries(&self) -> crate::access_log::summary::SummarySource<'_> {
        crate::access_log::summary::SummarySource {
            pool: &self.pool,
            names: &self.master_data,
        }
    }
}

/// The [`AppState`] provided to the current render or server-function call.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
