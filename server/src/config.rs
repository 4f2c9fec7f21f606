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
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use app::identity::sealed_cpr::CprSealKey;
use app::identity::subject_key::Pepper;
use app::requests::store::RequestSettings;

use crate::auth::claims::{Assurance, CprClaim};
use crate::auth::lockout::LockoutPolicy;

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
    /// The address citizens use to reach the portal; used in redirects and e-mails.
    pub public_url: Url,
    /// PostgreSQL connection URL (secret: may contain a password).
    pub database_url: SecretString,
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
    pub contact_email: String,
    /// Address of the municipality's data protection officer.
    pub dpo_email: String,
    /// Issuer URL of the MitID broker (OpenID Connect discovery is read from it).
    pub citizen_oidc_issuer: Url,
    /// The portal's client id at the MitID broker.
    pub citizen_oidc_client_id: String,
    /// The portal's client secret at the MitID broker (secret).
    pub citizen_oidc_client_secret: SecretString,
    /// Which claim carries the CPR number: a broker preset (`signicat`,
    /// `signaturgruppen`, `idura`, `nemlogin`) or the claim's own name.
    pub citizen_cpr_claim: String,
    /// The lowest NSIS assurance level accepted: `low`, `substantial` or `high`.
    pub citizen_min_assurance: String,
    /// Secret pepper for the citizen's subject key, at least 32 characters (secret).
    pub subject_key_pepper: SecretString,
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
    /// Consecutive rejected attempts that block an address or identity, 2 to 100.
    pub lockout_threshold: u32,
    /// Hours within which rejected attempts count towards a block, 1 to 720.
    pub lockout_window_hours: u32,
    /// Months the access log keeps events, 6 to 60 (whole months are dropped).
    pub log_retention_months: u32,
    /// Largest accepted body of one ingestion request, in bytes (1 KiB to 100 MiB).
    pub ingest_max_body_bytes: usize,
    /// Also count Grundlovsdag (5 June), juleaftensdag and nytårsaftensdag as
    /// non-working days when computing request deadlines.
    pub deadline_half_holidays_closed: bool,
    /// Key that seals CPR numbers kept with requests (AES-256-GCM), 64
    /// hexadecimal characters (secret). Changing it makes stored requests'
    /// CPR numbers unreadable.
    pub cpr_encryption_key: SecretString,
    /// Keep a month of the access log past retention while a citizen with
    /// uses in it has an access request that is not answered yet.
    pub purge_waits_for_open_access_requests: bool,
    /// Code of the organisational unit that receives requests filed in the
    /// portal (questions about a log row go to the row's unit).
    pub request_intake_unit: String,
    /// Code of the purpose under which staff look-ups in the portal are
    /// logged on the citizen.
    pub request_purpose: String,
    /// The SMTP server mail goes through, e.g. `smtp://127.0.0.1:2525`,
    /// `smtps://user:password@mail.example.dk` or
    /// `smtp://user:password@mail.example.dk:587?tls=required` (secret: may
    /// hold a password). Without it, mail waits in the outbox.
    pub smtp_url: Option<SecretString>,
    /// The sender of the portal's e-mail, e.g. `Indblik <indblik@kommune.dk>`;
    /// by default the portal's name with `contact_email`.
    pub mail_from: Option<String>,
    /// When the daily deadline digest is written, `HH:MM` Europe/Copenhagen.
    pub digest_time: String,
    /// The digest lists open requests overdue or due within this many days, 1 to 60.
    pub digest_due_within_days: u32,
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
    log_retention_months: u32,
    ingest_max_body_bytes: usize,
    deadline_half_holidays_closed: bool,
    request_intake_unit: &'static str,
    request_purpose: &'static str,
    digest_time: &'static str,
    digest_due_within_days: u32,
    purge_waits_for_open_access_requests: bool,
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
            log_retention_months: 6,
            ingest_max_body_bytes: 10 * 1024 * 1024,
            deadline_half_holidays_closed: false,
            request_intake_unit: "BS",
            request_purpose: "rettigheder",
            digest_time: "07:00",
            digest_due_within_days: 7,
            purge_waits_for_open_access_requests: true,
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

/// Refuses `value` of `setting` outside `range`, saying the bounds.
fn within(
    setting: &'static str,
    value: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<(), ConfigError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            setting,
            format!(
                "must be between {} and {}, got {value}",
                range.start(),
                range.end()
            ),
        ))
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

    fn validate(&self) -> Result<(), ConfigError> {
        let database_url = Url::parse(self.database_url.expose_secret()).map_err(|_| {
            invalid(
                "database_url",
                "is not a URL (expected postgres://user@host:port/database)",
            )
        })?;
        if !matches!(database_url.scheme(), "postgres" | "postgresql") {
            return Err(invalid(
                "database_url",
                "must start with postgres:// or postgresql://",
            ));
        }
        within(
            "database_max_connections",
            u64::from(self.database_max_connections),
            1..=200,
        )?;
        if tracing_subscriber::EnvFilter::try_new(&self.log_filter).is_err() {
            return Err(invalid(
                "log_filter",
                "is not a valid filter (example: info,sqlx=warn)",
            ));
        }
        require_http_url("public_url", &self.public_url)?;
        require_http_url("municipality_url", &self.municipality_url)?;
        if let Some(logo) = &self.logo_url {
            require_http_url("logo_url", logo)?;
        }
        if self.municipality_name.trim().is_empty() || self.municipality_name.chars().count() > 100
        {
            return Err(invalid("municipality_name", "must be 1 to 100 characters"));
        }
        require_email("contact_email", &self.contact_email)?;
        require_email("dpo_email", &self.dpo_email)?;
        require_http_url("citizen_oidc_issuer", &self.citizen_oidc_issuer)?;
        if self.citizen_oidc_client_id.trim().is_empty() {
            return Err(invalid("citizen_oidc_client_id", "must not be empty"));
        }
        if self.citizen_oidc_client_secret.expose_secret().is_empty() {
            return Err(invalid("citizen_oidc_client_secret", "must not be empty"));
        }
        self.cpr_claim()?;
        require_http_url("staff_oidc_issuer", &self.staff_oidc_issuer)?;
        for (setting, value) in [
            ("staff_oidc_client_id", self.staff_oidc_client_id.as_str()),
            (
                "staff_oidc_client_secret",
                self.staff_oidc_client_secret.expose_secret(),
            ),
            ("staff_roles_claim", self.staff_roles_claim.as_str()),
            ("staff_unit_claim", self.staff_unit_claim.as_str()),
            ("staff_required_amr", self.staff_required_amr.as_str()),
        ] {
            if value.trim().is_empty() {
                return Err(invalid(setting, "must not be empty"));
            }
        }
        self.min_assurance()?;
        self.pepper()?;
        self.cpr_seal_key()?;
        self.digest_at()?;
        self.mail_sender()?;
        within(
            "digest_due_within_days",
            u64::from(self.digest_due_within_days),
            1..=60,
        )?;
        for (setting, value) in [
            ("request_intake_unit", self.request_intake_unit.as_str()),
            ("request_purpose", self.request_purpose.as_str()),
        ] {
            if value.trim().is_empty() {
                return Err(invalid(setting, "must not be empty"));
            }
        }
        within(
            "session_idle_minutes",
            u64::from(self.session_idle_minutes),
            5..=20,
        )?;
        within(
            "lockout_threshold",
            u64::from(self.lockout_threshold),
            2..=100,
        )?;
        within(
            "lockout_window_hours",
            u64::from(self.lockout_window_hours),
            1..=720,
        )?;
        within(
            "log_retention_months",
            u64::from(self.log_retention_months),
            6..=60,
        )?;
        within(
            "ingest_max_body_bytes",
            u64::try_from(self.ingest_max_body_bytes).unwrap_or(u64::MAX),
            1024..=100 * 1024 * 1024,
        )?;
        let loopback = matches!(
            self.public_url.host_str(),
            Some("127.0.0.1" | "localhost" | "[::1]")
        );
        if self.insecure_http_session_cookie_on_loopback
            && !(loopback && self.public_url.scheme() == "http")
        {
            return Err(invalid(
                "insecure_http_session_cookie_on_loopback",
                "may only be true when public_url is http://127.0.0.1 or http://localhost",
            ));
        }
        Ok(())
    }

    /// Where the CPR number is found in the broker's claims.
    pub fn cpr_claim(&self) -> Result<CprClaim, ConfigError> {
        CprClaim::parse(&self.citizen_cpr_claim).ok_or_else(|| {
            invalid(
                "citizen_cpr_claim",
                "must be a preset (signicat, signaturgruppen, idura, nemlogin) or a claim name",
            )
        })
    }

    /// The lowest accepted NSIS assurance level.
    pub fn min_assurance(&self) -> Result<Assurance, ConfigError> {
        Assurance::from_setting(&self.citizen_min_assurance)
            .ok_or_else(|| invalid("citizen_min_assurance", "must be low, substantial or high"))
    }

    /// When repeated rejections block an address or identity.
    pub fn lockout_policy(&self) -> LockoutPolicy {
        LockoutPolicy {
            threshold: self.lockout_threshold,
            window: chrono::Duration::hours(i64::from(self.lockout_window_hours)),
        }
    }

    /// Which days request deadlines skip.
    pub fn deadline_calendar(&self) -> app::deadline::Calendar {
        app::deadline::Calendar {
            half_holidays_closed: self.deadline_half_holidays_closed,
        }
    }

    /// The key that seals CPR numbers.
    pub fn cpr_seal_key(&self) -> Result<CprSealKey, ConfigError> {
        CprSealKey::from_hex(self.cpr_encryption_key.expose_secret()).map_err(|_| {
            invalid(
                "cpr_encryption_key",
                "must be 64 hexadecimal characters (e.g. `openssl rand -hex 32`)",
            )
        })
    }

    /// The time of day the digest is written.
    pub fn digest_at(&self) -> Result<chrono::NaiveTime, ConfigError> {
        chrono::NaiveTime::parse_from_str(self.digest_time.trim(), "%H:%M").map_err(|_| {
            invalid(
                "digest_time",
                format!("must be HH:MM (e.g. 07:00), got {:?}", self.digest_time),
            )
        })
    }

    /// The sender of the portal's e-mail.
    pub fn mail_sender(&self) -> Result<lettre::message::Mailbox, ConfigError> {
        let text = self
            .mail_from
            .clone()
            .unwrap_or_else(|| format!("Indblik <{}>", self.contact_email));
        text.parse().map_err(|_| {
            invalid(
                "mail_from",
                format!("must be an address like `Indblik <indblik@kommune.dk>`, got {text:?}"),
            )
        })
    }

    /// What the request store needs from the configuration.
    pub fn request_settings(&self) -> Result<RequestSettings, ConfigError> {
        Ok(RequestSettings {
            seal_key: self.cpr_seal_key()?,
            pepper: self.pepper()?,
            intake_unit: self.request_intake_unit.clone(),
            purpose: self.request_purpose.clone(),
            calendar: self.deadline_calendar(),
            public_url: self.public_url.to_string(),
        })
    }

    /// The pepper for subject keys.
    pub fn pepper(&self) -> Result<Pepper, ConfigError> {
        Pepper::new(self.subject_key_pepper.expose_secret().as_bytes().to_vec()).map_err(|_| {
            invalid(
                "subject_key_pepper",
                "must be at least 32 characters (e.g. `openssl rand -hex 32`)",
            )
        })
    }
}

fn require_http_url(setting: &'static str, url: &Url) -> Result<(), ConfigError> {
    match url.scheme() {
        "http" | "https" => Ok(()),
        other => Err(invalid(
            setting,
            format!("must be an http:// or https:// address, got {other}://"),
        )),
    }
}

/// A deliberately simple check: one `@`, something on each side, a dot in the
/// domain and no spaces. Enough to catch typos in a setting.
fn require_email(setting: &'static str, value: &str) -> Result<(), ConfigError> {
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if valid {
        Ok(())
    } else {
        Err(invalid(
            setting,
            format!("`{value}` is not an e-mail address (expected name@example.dk)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::Jail;

    /// Runs `test` in a figment jail: a private environment and working folder.
    #[allow(clippy::result_large_err)] // figment's own error type, in its own API
    fn in_jail(test: impl FnOnce(&mut Jail)) {
        Jail::expect_with(|jail| {
            test(jail);
            Ok(())
        });
    }

    const REQUIRED: &[(&str, &str)] = &[
        (
            "INDBLIK_DATABASE_URL",
            "postgres://indblik@127.0.0.1:5432/indblik",
        ),
        ("INDBLIK_MUNICIPALITY_NAME", "Eksempel Kommune"),
        ("INDBLIK_MUNICIPALITY_URL", "https://www.eksempel.dk"),
        ("INDBLIK_CONTACT_EMAIL", "indblik@eksempel.dk"),
        ("INDBLIK_DPO_EMAIL", "dpo@eksempel.dk"),
        ("INDBLIK_CITIZEN_OIDC_ISSUER", "http://127.0.0.1:4000"),
        ("INDBLIK_CITIZEN_OIDC_CLIENT_ID", "indblik"),
        ("INDBLIK_CITIZEN_OIDC_CLIENT_SECRET", "hemmelig-klient"),
        (
            "INDBLIK_SUBJECT_KEY_PEPPER",
            "0123456789abcdef0123456789abcdef",
        ),
        (
            "INDBLIK_CPR_ENCRYPTION_KEY",
            "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100",
        ),
        ("INDBLIK_STAFF_OIDC_ISSUER", "http://127.0.0.1:4001"),
        ("INDBLIK_STAFF_OIDC_CLIENT_ID", "indblik-staff"),
        ("INDBLIK_STAFF_OIDC_CLIENT_SECRET", "hemmelig-medarbejder"),
    ];

    /// Sets every required setting, after clearing whatever the test process
    /// inherited (a developer's shell or `make test` may export some).
    fn with_required(jail: &mut Jail) {
        with_required_except(jail, "");
    }

    /// Like [`with_required`], leaving out the variable `missing`.
    fn with_required_except(jail: &mut Jail, missing: &str) {
        jail.clear_env();
        for (key, value) in REQUIRED.iter().filter(|(key, _)| *key != missing) {
            jail.set_env(key, value);
        }
    }

    fn load_error(jail: &mut Jail, key: &str, value: &str) -> String {
        with_required(jail);
        jail.set_env(key, value);
        match Config::load(None) {
            Ok(_) => format!("{key}={value} was accepted"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn defaults_fill_in_optional_settings() {
        in_jail(|jail| {
            with_required(jail);
            let config = Config::load(None).expect("valid configuration");
            assert_eq!(config.listen_addr.to_string(), "127.0.0.1:3000");
            assert_eq!(config.log_format, LogFormat::Text);
            assert_eq!(config.database_max_connections, 10);
            assert!(config.logo_url.is_none());
        });
    }

    #[test]
    fn plain_database_url_is_a_fallback() {
        in_jail(|jail| {
            with_required_except(jail, "INDBLIK_DATABASE_URL");
            jail.set_env("DATABASE_URL", "postgres://fallback@127.0.0.1:1/x");
            let config = Config::load(None).expect("valid configuration");
            assert_eq!(
                config.database_url.expose_secret(),
                "postgres://fallback@127.0.0.1:1/x"
            );

            jail.set_env("INDBLIK_DATABASE_URL", "postgres://preferred@127.0.0.1:1/x");
            let config = Config::load(None).expect("valid configuration");
            assert_eq!(
                config.database_url.expose_secret(),
                "postgres://preferred@127.0.0.1:1/x"
            );
        });
    }

    #[test]
    fn toml_file_is_read_and_environment_wins() {
        in_jail(|jail| {
            jail.clear_env();
            jail.create_file(
                "indblik.toml",
                r#"
                    database_url = "postgres://file@127.0.0.1:5432/indblik"
                    municipality_name = "Filkommune"
                    municipality_url = "https://fil.dk"
                    contact_email = "kontakt@fil.dk"
                    dpo_email = "dpo@fil.dk"
                    log_format = "json"
                    citizen_oidc_issuer = "https://mitid-broker.example"
                    citizen_oidc_client_id = "fil"
                    citizen_oidc_client_secret = "fil-hemmelighed"
                    citizen_cpr_claim = "signaturgruppen"
                    subject_key_pepper = "fil-peber-som-er-mindst-32-tegn-lang"
                    cpr_encryption_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
                    staff_oidc_issuer = "https://login.fil.dk"
                    staff_oidc_client_id = "fil-staff"
                    staff_oidc_client_secret = "fil-staff-hemmelighed"
                "#,
            )
            .expect("test file written");
            jail.set_env("INDBLIK_MUNICIPALITY_NAME", "Miljøkommune");
            let config =
                Config::load(Some(Path::new("indblik.toml"))).expect("valid configuration");
            assert_eq!(config.municipality_name, "Miljøkommune");
            assert_eq!(config.log_format, LogFormat::Json);
            assert_eq!(config.cpr_claim().unwrap().name, "dk.cpr");
        });
    }

    #[test]
    fn missing_file_is_named() {
        in_jail(|jail| {
            with_required(jail);
            let error = Config::load(Some(Path::new("nowhere.toml"))).expect_err("must fail");
            assert!(error.to_string().contains("nowhere.toml"), "{error}");
        });
    }

    #[test]
    fn missing_required_setting_is_named() {
        in_jail(|jail| {
            with_required_except(jail, "INDBLIK_DPO_EMAIL");
            let error = Config::load(None).expect_err("must fail").to_string();
            assert!(error.contains("dpo_email"), "{error}");
        });
    }

    #[test]
    fn unknown_setting_is_refused() {
        in_jail(|jail| {
            let error = load_error(jail, "INDBLIK_LISTEN_ADRESS", "127.0.0.1:1");
            assert!(error.to_lowercase().contains("listen_adress"), "{error}");
        });
    }

    #[test]
    fn every_bad_value_names_its_setting() {
        let cases: &[(&str, &str, &str)] = &[
            ("INDBLIK_LISTEN_ADDR", "localhost", "listen_addr"),
            ("INDBLIK_LISTEN_ADDR", "127.0.0.1:99999", "listen_addr"),
            ("INDBLIK_PUBLIC_URL", "not a url", "public_url"),
            ("INDBLIK_PUBLIC_URL", "ftp://example.dk", "public_url"),
            ("INDBLIK_DATABASE_URL", "mysql://x@y/z", "database_url"),
            ("INDBLIK_DATABASE_URL", "nonsense", "database_url"),
            (
                "INDBLIK_DATABASE_MAX_CONNECTIONS",
                "0",
                "database_max_connections",
            ),
            (
                "INDBLIK_DATABASE_MAX_CONNECTIONS",
                "many",
                "database_max_connections",
            ),
            (
                "INDBLIK_DATABASE_MAX_CONNECTIONS",
                "-3",
                "database_max_connections",
            ),
            ("INDBLIK_LOG_FORMAT", "xml", "log_format"),
            ("INDBLIK_LOG_RETENTION_MONTHS", "5", "log_retention_months"),
            ("INDBLIK_LOG_RETENTION_MONTHS", "61", "log_retention_months"),
            (
                "INDBLIK_INGEST_MAX_BODY_BYTES",
                "10",
                "ingest_max_body_bytes",
            ),
            (
                "INDBLIK_DEADLINE_HALF_HOLIDAYS_CLOSED",
                "maybe",
                "deadline_half_holidays_closed",
            ),
            ("INDBLIK_LOG_FILTER", "info,[[[", "log_filter"),
            ("INDBLIK_MUNICIPALITY_NAME", "   ", "municipality_name"),
            (
                "INDBLIK_MUNICIPALITY_URL",
                "www.example.dk",
                "municipality_url",
            ),
            ("INDBLIK_LOGO_URL", "javascript:alert(1)", "logo_url"),
            ("INDBLIK_CONTACT_EMAIL", "kontakt", "contact_email"),
            ("INDBLIK_CONTACT_EMAIL", "a@b", "contact_email"),
            ("INDBLIK_DPO_EMAIL", "dpo @eksempel.dk", "dpo_email"),
            (
                "INDBLIK_CITIZEN_OIDC_ISSUER",
                "mitid",
                "citizen_oidc_issuer",
            ),
            (
                "INDBLIK_CITIZEN_OIDC_CLIENT_ID",
                " ",
                "citizen_oidc_client_id",
            ),
            (
                "INDBLIK_CITIZEN_OIDC_CLIENT_SECRET",
                "",
                "citizen_oidc_client_secret",
            ),
            ("INDBLIK_CITIZEN_CPR_CLAIM", "", "citizen_cpr_claim"),
            (
                "INDBLIK_CITIZEN_MIN_ASSURANCE",
                "medium",
                "citizen_min_assurance",
            ),
            ("INDBLIK_SUBJECT_KEY_PEPPER", "kort", "subject_key_pepper"),
            ("INDBLIK_CPR_ENCRYPTION_KEY", "abcd", "cpr_encryption_key"),
            ("INDBLIK_REQUEST_INTAKE_UNIT", " ", "request_intake_unit"),
            ("INDBLIK_DIGEST_TIME", "7", "digest_time"),
            (
                "INDBLIK_DIGEST_DUE_WITHIN_DAYS",
                "0",
                "digest_due_within_days",
            ),
            ("INDBLIK_MAIL_FROM", "ikke en adresse", "mail_from"),
            ("INDBLIK_SESSION_IDLE_MINUTES", "4", "session_idle_minutes"),
            ("INDBLIK_SESSION_IDLE_MINUTES", "21", "session_idle_minutes"),
            ("INDBLIK_LOCKOUT_THRESHOLD", "1", "lockout_threshold"),
            (
                "INDBLIK_STAFF_OIDC_ISSUER",
                "ldap://ad",
                "staff_oidc_issuer",
            ),
            (
                "INDBLIK_STAFF_OIDC_CLIENT_SECRET",
                " ",
                "staff_oidc_client_secret",
            ),
            ("INDBLIK_STAFF_REQUIRED_AMR", "", "staff_required_amr"),
            ("INDBLIK_LOCKOUT_WINDOW_HOURS", "0", "lockout_window_hours"),
            (
                "INDBLIK_LOCKOUT_WINDOW_HOURS",
                "721",
                "lockout_window_hours",
            ),
            (
                "INDBLIK_INSECURE_HTTP_SESSION_COOKIE_ON_LOOPBACK",
                "ja",
                "insecure_http_session_cookie_on_loopback",
            ),
        ];
        for (key, value, setting) in cases {
            in_jail(|jail| {
                let error = load_error(jail, key, value);
                assert!(
                    error.to_lowercase().contains(setting) && !error.contains("was accepted"),
                    "{key}={value}: {error}"
                );
            });
        }
    }

    #[test]
    fn insecure_cookie_only_on_loopback() {
        in_jail(|jail| {
            with_required(jail);
            jail.set_env("INDBLIK_INSECURE_HTTP_SESSION_COOKIE_ON_LOOPBACK", "true");
            assert!(
                Config::load(None).is_ok(),
                "default public_url is http://127.0.0.1"
            );
            jail.set_env("INDBLIK_PUBLIC_URL", "https://indblik.eksempel.dk");
            let error = Config::load(None)
                .expect_err("refused off loopback")
                .to_string();
            assert!(
                error.contains("insecure_http_session_cookie_on_loopback"),
                "{error}"
            );
        });
    }

    #[test]
    fn secrets_are_not_printed() {
        in_jail(|jail| {
            with_required(jail);
            jail.set_env(
                "INDBLIK_DATABASE_URL",
                "postgres://indblik:hemmeligt@127.0.0.1/indblik",
            );
            let config = Config::load(None).expect("valid configuration");
            let printed = format!("{config:?}");
            assert!(!printed.contains("hemmeligt"));
            assert!(!printed.contains("hemmelig-klient"));
            assert!(!printed.contains("hemmelig-medarbejder"));
            assert!(!printed.contains("0123456789abcdef"));
        });
        in_jail(|jail| {
            let error = load_error(
                jail,
                "INDBLIK_DATABASE_URL",
                "mysql://indblik:hemmeligt@x/y",
            );
            assert!(!error.contains("hemmeligt"), "{error}");
        });
    }
}
