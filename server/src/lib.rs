//! Indblik's server: configuration, database, HTTP router and middleware, and
//! the commands of the `server` binary. The pages themselves live in the `app`
//! crate; this crate wires them to axum and PostgreSQL.

pub mod access_log;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod db;
pub mod demo_control;
pub mod demo_data;
pub mod demo_events;
pub mod demo_requests;
pub mod http;
pub mod jobs;
pub mod log_control;
pub mod mail;
pub mod metrics;
pub mod requests;
pub mod retention;
pub mod staff_directory;
pub mod telemetry;
pub mod tls;
pub mod usage_review;

use std::sync::Arc;

use leptos::config::LeptosOptions;
use sqlx::PgPool;

use app::site::SiteSettings;
use app::state::AppState;

use crate::auth::Auth;
use crate::config::Config;

/// Everything the router is built from.
pub struct Services {
    pub state: AppState,
    pub auth: Arc<Auth>,
    pub sessions: tower_sessions::SessionManagerLayer<auth::store::PgSessionStore>,
    pub ingest: access_log::api::IngestState,
    /// The national portals allowed to ask for any citizen's uses.
    pub aggregators: Arc<[access_log::data_tracker::aggregator::Aggregator]>,
    /// Whose forwarding headers name the client's address.
    pub trusted_proxies: http::client_addr::TrustedProxies,
    /// The refusal of cross-site form posts.
    pub same_origin: http::same_origin::SameOrigin,
    /// Whether citizens reach the portal over https (`Strict-Transport-Security`).
    pub https: bool,
    /// Requests per minute and client address on what needs no sign-in.
    pub rate_limits: http::rate_limit::RateLimits,
}

/// Builds the router's services from the configuration and an open pool.
/// Contacts no identity provider (that happens at the first sign-in).
pub fn services(config: &Config, pool: PgPool) -> anyhow::Result<Services> {
    let store = auth::store::PgSessionStore::new(pool.clone());
    let same_origin = http::same_origin::SameOrigin {
        origin: http::same_origin::SameOrigin::origin_of(&config.public_url).into(),
        pool: pool.clone(),
        lockout: config.lockout_policy(),
    };
    Ok(Services {
        ingest: access_log::api::IngestState {
            pool: pool.clone(),
            pepper: Arc::new(config.subject_key_pepper.clone()),
            retention_months: config.log_retention_months,
            max_body_bytes: config.ingest_max_body_bytes,
            lockout: config.lockout_policy(),
        },
        aggregators: config.data_tracker_aggregators.clone().into(),
        state: app_state(config, pool)?,
        auth: Arc::new(Auth::from_config(config)?),
        sessions: auth::session::layer(store, config),
        trusted_proxies: http::client_addr::TrustedProxies::new(config.trusted_proxies.clone()),
        same_origin,
        https: config.served_over_https(),
        rate_limits: config.rate_limits(),
    })
}

/// The state shared by every request, built from the configuration and an
/// open pool.
pub fn app_state(config: &Config, pool: PgPool) -> anyhow::Result<AppState> {
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(config.listen_addr)
        .build();
    Ok(AppState {
        leptos_options,
        pool,
        site: Arc::new(site_settings(config)),
        requests: Arc::new(config.request_settings()),
        control: Arc::new(config.control_settings()),
        oversight: app::access_log::deliveries::OversightSettings {
            source_silence_hours: config.source_silence_warning_hours,
        },
        static_paths: http::static_assets::paths(&config.site_root),
        master_data: app::access_log::master_data::MasterData::default(),
    })
}

/// The municipality's public details from the configuration.
pub fn site_settings(config: &Config) -> SiteSettings {
    SiteSettings {
        municipality_name: config.municipality_name.clone(),
        municipality_url: config.municipality_url.to_string(),
        logo_url: config.logo_url.as_ref().map(ToString::to_string),
        contact_email: config.contact_email.to_string(),
        dpo_email: config.dpo_email.to_string(),
        session_idle_minutes: config.session_idle_minutes,
        log_retention_months: config.log_retention_months,
        retention: config.record_retention(),
    }
}
