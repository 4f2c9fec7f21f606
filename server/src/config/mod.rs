//! The server's one typed configuration.
//!
//! Layered as defaults, then an optional TOML file (`--config FILE` or
//! `INDBLIK_CONFIG_FILE`), then `INDBLIK_`-prefixed environment variables.
//! `DATABASE_URL` is accepted as a fallback for `INDBLIK_DATABASE_URL` so the
//! sqlx tooling and the server can share one variable. Unknown keys are errors,
//! and every error names the setting at fault. Secrets are held in
//! [`SecretString`] and never printed. Every setting is listed in
//! `docs/configuration.md`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use url::Url;

use chrono::NaiveTime;
use lettre::message::Mailbox;
use lettre::Address;
use sqlx::types::ipnetwork::IpNetwork;

use app::identity::sealed_cpr::CprSealKey;
use app::identity::subject_key::Pepper;
use app::requests::store::RequestSettings;

use crate::auth::claims::{Assurance, CprClaim};
use crate::auth::lockout::LockoutPolicy;

mod parse;
mod validate;

/// Prefix of every environment variable the server reads.
pub const ENV_PREFIX: &str = "INDBLIK_";

/// How log lines are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines (the default).
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Validated settings of a running Indblik server.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address and port the HTTP server listens on.
    pub listen_addr: SocketAddr,
    /// Address and port of the Prometheus metrics (`GET /metrics`, plain
    /// http, no sign-in): for the operator's network only. Off when unset.
    #[serde(default)]
    pub metrics_listen_addr: Option<SocketAddr>,
    /// The address citizens use to reach the portal; used in redirects and e-mails.
    pub public_url: Url,
    /// PEM file with the server's TLS certificate (and its chain), for
    /// serving https itself without a proxy; with `tls_private_key_file`.
    /// Read again on SIGHUP.
    #[serde(default)]
    pub tls_certificate_file: Option<PathBuf>,
    /// PEM file with the private key of `tls_certificate_file`.
    #[serde(default)]
    pub tls_private_key_file: Option<PathBuf>,
    /// PostgreSQL connection URL (secret: may contain a password): the role
    /// the portal serves with.
    pub database_url: SecretString,
    /// Connection URL of the role that owns the schema, when it is not
    /// `database_url`'s role: the server applies the migrations with it at
    /// start and grants `database_url`'s role what it needs and nothing
    /// more (docs/operations.md, "PostgreSQL"). Unset: `database_url`'s
    /// role owns the schema and does both.
    #[serde(default)]
    pub database_owner_url: Option<SecretString>,
    /// Largest number of pooled database connections.
    pub database_max_connections: u32,
    /// `text` or `json`.
    pub log_format: LogFormat,
    /// Which log lines to write, in `tracing` filter syntax (e.g. `info,sqlx=warn`).
    pub log_filter: String,
    /// Folder with the compiled site (cargo-leptos's `target/site`).
    pub site_root: PathBuf,
    /// The municipality's name, shown in the header and the policy pages.
    pub municipality_name: String,
    /// The municipality's own website.
    pub municipality_url: Url,
    /// Address of the municipality's logo for the header (optional).
    pub logo_url: Option<Url>,
    /// Address citizens write to with questions about the portal.
    #[serde(deserialize_with = "parse::email")]
    pub contact_email: Address,
    /// Address of the municipality's data protection officer.
    #[serde(deserialize_with = "parse::email")]
    pub dpo_email: Address,
    /// Issuer URL of the MitID broker (OpenID Connect discovery is read from it).
    pub citizen_oidc_issuer: Url,
    /// The portal's client id at the MitID broker.
    pub citizen_oidc_client_id: String,
    /// The portal's client secret at the MitID broker (secret).
    pub citizen_oidc_client_secret: SecretString,
    /// Which claim carries the CPR number: a broker preset (`signicat`,
    /// `signaturgruppen`, `idura`, `nemlogin`) or the claim's own name.
    #[serde(deserialize_with = "parse::cpr_claim")]
    pub citizen_cpr_claim: CprClaim,
    /// The lowest NSIS assurance level accepted: `low`, `substantial` or `high`.
    #[serde(deserialize_with = "parse::assurance")]
    pub citizen_min_assurance: Assurance,
    /// Secret pepper for the citizen's subject key, at least 32 characters (secret).
    #[serde(deserialize_with = "parse::pepper")]
    pub subject_key_pepper: Pepper,
    /// Minutes without activity before a user is signed out, 5 to 20.
    pub session_idle_minutes: u32,
    /// Development only: send the session cookie without `Secure` and without
    /// the `__Host-` prefix, so it works over plain http. Refused unless
    /// `public_url` is http://127.0.0.1 or http://localhost.
    pub insecure_http_session_cookie_on_loopback: bool,
    /// Issuer URL of the municipality's workforce identity provider (staff sign-in).
    pub staff_oidc_issuer: Url,
    /// The portal's client id at the workforce identity provider.
    pub staff_oidc_client_id: String,
    /// The portal's client secret at the workforce identity provider (secret).
    pub staff_oidc_client_secret: SecretString,
    /// Scopes to request besides `openid`, separated by spaces.
    pub staff_oidc_scopes: String,
    /// Claim listing the staff member's roles (`caseworker`, `dpo`, `admin`).
    pub staff_roles_claim: String,
    /// Claim holding the staff member's organisational unit code.
    pub staff_unit_claim: String,
    /// An `amr` value that proves two-factor authentication (required).
    pub staff_required_amr: String,
    /// The TLS-terminating proxies in front of the portal, as addresses or
    /// CIDR ranges separated by spaces or commas (e.g. `10.0.0.5, 10.1.0.0/16`).
    /// Only a request from one of them has its client address read from
    /// `Forwarded` or `X-Forwarded-For`; by default none.
    #[serde(default, deserialize_with = "parse::networks")]
    pub trusted_proxies: Vec<IpNetwork>,
    /// Consecutive rejected attempts that block an address or identity, 2 to
    /// 5 (the processor instruction allows at most 5 attempts).
    pub lockout_threshold: u32,
    /// Hours within which rejected attempts count towards a block, 1 to 720.
    pub lockout_window_hours: u32,
    /// Requests to sign in, sign-in callbacks and sign-outs one client
    /// address may make per minute (a burst of this many, then evenly
    /// spread), 1 to 100,000. Raise it when many staff share one address.
    pub rate_limit_sign_in_per_minute: u32,
    /// Form posts and server-function calls one client address may make per
    /// minute, 1 to 100,000.
    pub rate_limit_forms_per_minute: u32,
    /// Ingestion API requests one client address may make per minute, 1 to
    /// 100,000.
    pub rate_limit_ingest_per_minute: u32,
    /// Months the access log keeps events, 6 to 60 (whole months are dropped).
    pub log_retention_months: u32,
    /// Months the portal keeps rejected access attempts, and blocks once
    /// lifted or expired, 2 to 60.
    pub security_log_retention_months: u32,
    /// Months the portal keeps its record of successful sign-ins, 2 to 60.
    pub sign_in_retention_months: u32,
    /// Days the outbox keeps a mail once it is sent, 1 to 3650.
    pub sent_mail_retention_days: u32,
    /// Largest accepted body of one ingestion request, in bytes (1 KiB to 100 MiB).
    pub ingest_max_body_bytes: usize,
    /// Also count Grundlovsdag (5 June), juleaftensdag and nytårsaftensdag as
    /// non-working days when computing request deadlines.
    pub deadline_half_holidays_closed: bool,
    /// Key that seals CPR numbers kept with requests (AES-256-GCM), 64
    /// hexadecimal characters (secret). Changing it makes stored requests'
    /// CPR numbers unreadable.
    #[serde(deserialize_with = "parse::seal_key")]
    pub cpr_encryption_key: CprSealKey,
    /// Before a month of the access log is dropped, copy what open requests
    /// need of it (an open access request's answer, the row a question asks
    /// about) and keep the copy while they need it (docs/rules.md §2.6).
    pub purge_waits_for_open_access_requests: bool,
    /// How many days past its deadline in force a request may keep its
    /// held copy of the log, 0 to 365.
    pub log_hold_days_after_deadline: u32,
    /// Code of the organisational unit that receives requests filed in the
    /// portal (but questions about a log row).
    pub request_intake_unit: String,
    /// Code of the unit that answers citizens' questions about a row of
    /// their log (requests for information about one processing, art. 15):
    /// by default the DPO's unit, never the unit whose employee made the
    /// look-up.
    pub log_question_unit: String,
    /// Code of the purpose under which staff look-ups in the portal are
    /// logged on the citizen.
    pub request_purpose: String,
    /// Code of the purpose under which the control of the log (searches
    /// of the raw log, flags) is logged on the citizen.
    pub log_control_purpose: String,
    /// The largest document a caseworker may attach to an answer, in
    /// megabytes (MiB), 1 to 50.
    pub answer_document_max_mb: u32,
    /// The municipality's postal address at the top of a letter to a
    /// citizen, lines separated by newlines (or `|`), at most 6.
    #[serde(default)]
    pub municipality_postal_address: Option<String>,
    /// The SMTP server mail goes through, e.g. `smtp://127.0.0.1:2525`,
    /// `smtps://user:password@mail.example.dk` or
    /// `smtp://user:password@mail.example.dk:587?tls=required` (secret: may
    /// hold a password). Without it, mail waits in the outbox.
    pub smtp_url: Option<SecretString>,
    /// The sender of the portal's e-mail, e.g. `Indblik <indblik@kommune.dk>`;
    /// by default the portal's name with `contact_email`.
    #[serde(default, deserialize_with = "parse::mailbox")]
    pub mail_from: Option<Mailbox>,
    /// When the daily deadline digest is written, `HH:MM` Europe/Copenhagen.
    #[serde(deserialize_with = "parse::time_of_day")]
    pub digest_time: NaiveTime,
    /// The digest lists open requests overdue or due within this many days, 1 to 60.
    pub digest_due_within_days: u32,
    /// The DPO's page flags a source system that has delivered no events
    /// for longer than this many hours, 1 to 8760.
    pub source_silence_warning_hours: u32,
    /// The national portals allowed to call `GET /aggregator/v3/findUsage`
    /// for any citizen (Data Tracker protocol; docs/interop.md): each a
    /// `[[data_tracker_aggregators]]` table with `name`, `key_sha256` (from
    /// `server aggregator-key`), and the `unit` and `purpose` its calls are
    /// logged under. None by default.
    #[serde(default)]
    pub data_tracker_aggregators: Vec<crate::access_log::data_tracker::aggregator::Aggregator>,
}

/// Defaults for the settings that have one; the rest must be given.
#[derive(Serialize)]
struct Defaults {
    listen_addr: &'static str,
    public_url: &'static str,
    database_max_connections: u32,
    log_format: LogFormat,
    log_filter: &'static str,
    site_root: &'static str,
    citizen_cpr_claim: &'static str,
    citizen_min_assurance: &'static str,
    session_idle_minutes: u32,
    insecure_http_session_cookie_on_loopback: bool,
    lockout_threshold: u32,
    lockout_window_hours: u32,
    security_log_retention_months: u32,
    sign_in_retention_months: u32,
    sent_mail_retention_days: u32,
    rate_limit_sign_in_per_minute: u32,
    rate_limit_forms_per_minute: u32,
    rate_limit_ingest_per_minute: u32,
    log_retention_months: u32,
    ingest_max_body_bytes: usize,
    deadline_half_holidays_closed: bool,
    request_intake_unit: &'static str,
    log_question_unit: &'static str,
    request_purpose: &'static str,
    log_control_purpose: &'static str,
    answer_document_max_mb: u32,
    digest_time: &'static str,
    digest_due_within_days: u32,
    source_silence_warning_hours: u32,
    purge_waits_for_open_access_requests: bool,
    log_hold_days_after_deadline: u32,
    staff_oidc_scopes: &'static str,
    staff_roles_claim: &'static str,
    staff_unit_claim: &'static str,
    staff_required_amr: &'static str,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            listen_addr: "127.0.0.1:3000",
            public_url: "http://127.0.0.1:3000",
            database_max_connections: 10,
            log_format: LogFormat::Text,
            log_filter: "info,sqlx=warn",
            site_root: "target/site",
            citizen_cpr_claim: "signicat",
            citizen_min_assurance: "substantial",
            session_idle_minutes: 15,
            insecure_http_session_cookie_on_loopback: false,
            lockout_threshold: 5,
            lockout_window_hours: 24,
            security_log_retention_months: 6,
            sign_in_retention_months: 6,
            sent_mail_retention_days: 90,
            rate_limit_sign_in_per_minute: 60,
            rate_limit_forms_per_minute: 300,
            rate_limit_ingest_per_minute: 1200,
            log_retention_months: 6,
            ingest_max_body_bytes: 10 * 1024 * 1024,
            deadline_half_holidays_closed: false,
            request_intake_unit: "BS",
            log_question_unit: "JUR",
            request_purpose: "rettigheder",
            log_control_purpose: "logkontrol",
            answer_document_max_mb: 10,
            digest_time: "07:00",
            digest_due_within_days: 7,
            source_silence_warning_hours: 72,
            purge_waits_for_open_access_requests: true,
            log_hold_days_after_deadline: 30,
            staff_oidc_scopes: "profile roles",
            staff_roles_claim: "roles",
            staff_unit_claim: "unit",
            staff_required_amr: "mfa",
        }
    }
}

/// Why the configuration could not be loaded. The message names the setting.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Figment(Box<figment::Error>),
    #[error("configuration: setting `{setting}` (env {ENV_PREFIX}{env}): {problem}")]
    Invalid {
        setting: &'static str,
        env: String,
        problem: String,
    },
    #[error("configuration file `{0}` does not exist")]
    MissingFile(PathBuf),
}

impl From<figment::Error> for ConfigError {
    fn from(error: figment::Error) -> Self {
        ConfigError::Figment(Box::new(error))
    }
}

impl ConfigError {
    /// A setting with a value that cannot be used.
    pub fn invalid(setting: &'static str, problem: impl Into<String>) -> ConfigError {
        invalid(setting, problem)
    }
}

fn invalid(setting: &'static str, problem: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        setting,
        env: setting.to_uppercase(),
        problem: problem.into(),
    }
}

impl Config {
    /// Loads the configuration from the process environment and, when given,
    /// a TOML file.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        Self::from_figment(Self::figment(file)?)
    }

    /// Only the built-in defaults, without file or environment; tests add
    /// their own values on top.
    pub fn defaults() -> Figment {
        Figment::from(Serialized::defaults(Defaults::default()))
    }

    /// The layered sources, without validation.
    pub fn figment(file: Option<&Path>) -> Result<Figment, ConfigError> {
        let mut figment = Self::defaults().merge(
            Env::raw()
                .only(&["DATABASE_URL"])
                .map(|_| "database_url".into()),
        );
        if let Some(file) = file {
            if !file.exists() {
                return Err(ConfigError::MissingFile(file.to_path_buf()));
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        Ok(figment.merge(Env::prefixed(ENV_PREFIX).ignore(&["config_file"])))
    }

    /// Extracts and validates the configuration from `figment`.
    pub fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let config: Config = figment.extract()?;
        config.validate()?;
        Ok(config)
    }

    /// When repeated rejections block an address or identity, and whom a
    /// block is told to.
    pub fn lockout_policy(&self) -> LockoutPolicy {
        LockoutPolicy {
            threshold: self.lockout_threshold,
            window: chrono::Duration::hours(i64::from(self.lockout_window_hours)),
            notify: self.dpo_email.to_string(),
            public_url: self.public_url.to_string(),
        }
    }

    /// The certificate and key when the server serves TLS itself.
    pub fn tls_files(&self) -> Option<crate::tls::TlsFiles> {
        Some(crate::tls::TlsFiles {
            certificate: self.tls_certificate_file.clone()?,
            private_key: self.tls_private_key_file.clone()?,
        })
    }

    /// How long the portal keeps its own records.
    pub fn record_retention(&self) -> app::site::RecordRetention {
        app::site::RecordRetention {
            security_log_months: self.security_log_retention_months,
            sign_ins_months: self.sign_in_retention_months,
            sent_mail_days: self.sent_mail_retention_days,
        }
    }

    /// How many requests per minute each client address may make.
    pub fn rate_limits(&self) -> crate::http::rate_limit::RateLimits {
        crate::http::rate_limit::RateLimits {
            sign_in_per_minute: self.rate_limit_sign_in_per_minute,
            forms_per_minute: self.rate_limit_forms_per_minute,
            ingest_per_minute: self.rate_limit_ingest_per_minute,
        }
    }

    /// Which days request deadlines skip.
    pub fn deadline_calendar(&self) -> app::deadline::Calendar {
        app::deadline::Calendar {
            half_holidays_closed: self.deadline_half_holidays_closed,
        }
    }

    /// The sender of the portal's e-mail: `mail_from`, or the portal's name
    /// with `contact_email`.
    pub fn mail_sender(&self) -> Mailbox {
        self.mail_from
            .clone()
            .unwrap_or_else(|| Mailbox::new(Some("Indblik".to_owned()), self.contact_email.clone()))
    }

    /// Whether citizens reach the portal over https (then browsers are told
    /// to use nothing else).
    pub fn served_over_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// How the purge holds the log for open requests, if it does.
    pub fn hold_policy(&self) -> Option<crate::access_log::partitions::HoldPolicy> {
        self.purge_waits_for_open_access_requests.then_some(
            crate::access_log::partitions::HoldPolicy {
                days_after_deadline: self.log_hold_days_after_deadline,
            },
        )
    }

    /// What the control of the log needs from the configuration.
    pub fn control_settings(&self) -> app::log_control::ControlSettings {
        app::log_control::ControlSettings {
            pepper: self.subject_key_pepper.clone(),
            seal_key: self.cpr_encryption_key.clone(),
            purpose: self.log_control_purpose.clone(),
            calendar: self.deadline_calendar(),
            log_retention_months: self.log_retention_months,
        }
    }

    /// What the request store needs from the configuration.
    pub fn request_settings(&self) -> RequestSettings {
        RequestSettings {
            seal_key: self.cpr_encryption_key.clone(),
            pepper: self.subject_key_pepper.clone(),
            intake_unit: self.request_intake_unit.clone(),
            log_question_unit: self.log_question_unit.clone(),
            purpose: self.request_purpose.clone(),
            calendar: self.deadline_calendar(),
            public_url: self.public_url.to_string(),
            dpo_email: self.dpo_email.to_string(),
            letterhead: app::requests::store::Letterhead {
                name: self.municipality_name.clone(),
                address: self
                    .municipality_postal_address
                    .as_deref()
                    .unwrap_or_default()
                    .split(['\n', '|'])
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect(),
            },
            document_max_bytes: usize::try_from(self.answer_document_max_mb)
                .unwrap_or(usize::MAX)
                .saturating_mul(1024 * 1024),
            due_soon_days: self.digest_due_within_days,
            log_retention_months: self.log_retention_months,
        }
    }
}

#[cfg(test)]
mod tests;
