//! Checking a loaded configuration: every bound, every pairing and every
//! address rule, each refusal naming its setting.

use secrecy::ExposeSecret;
use url::Url;

use super::{invalid, Config, ConfigError};

/// A PostgreSQL connection URL, or the refusal naming `setting`.
fn postgres_url(setting: &'static str, text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text).map_err(|_| {
        invalid(
            setting,
            "is not a URL (expected postgres://user@host:port/database)",
        )
    })?;
    if !matches!(url.scheme(), "postgres" | "postgresql") {
        return Err(invalid(
            setting,
            "must start with postgres:// or postgresql://",
        ));
    }
    Ok(url)
}

impl Config {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        for (place, aggregator) in self.data_tracker_aggregators.iter().enumerate() {
            if let Some(problem) = aggregator.problem() {
                return Err(invalid("data_tracker_aggregators", problem));
            }
            let earlier = &self.data_tracker_aggregators[..place];
            if earlier.iter().any(|other| {
                other.name.trim() == aggregator.name.trim()
                    || other
                        .key_sha256
                        .trim()
                        .eq_ignore_ascii_case(aggregator.key_sha256.trim())
            }) {
                return Err(invalid(
                    "data_tracker_aggregators",
                    format!(
                        "{} has the name or key of an earlier entry; give each aggregator its own",
                        aggregator.name
                    ),
                ));
            }
        }
        let database_url = postgres_url("database_url", self.database_url.expose_secret())?;
        if let Some(owner_url) = &self.database_owner_url {
            let owner_url = postgres_url("database_owner_url", owner_url.expose_secret())?;
            let database = |url: &Url| {
                (
                    url.host_str().map(str::to_owned),
                    url.port(),
                    url.path().to_owned(),
                )
            };
            if database(&owner_url) != database(&database_url) {
                return Err(invalid(
                    "database_owner_url",
                    "must name the same server and database as database_url (another role only)",
                ));
            }
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
        require_secure_url("public_url", &self.public_url)?;
        require_http_url("municipality_url", &self.municipality_url)?;
        if let Some(logo) = &self.logo_url {
            require_http_url("logo_url", logo)?;
        }
        if self.municipality_name.trim().is_empty() || self.municipality_name.chars().count() > 100
        {
            return Err(invalid("municipality_name", "must be 1 to 100 characters"));
        }
        require_secure_url("citizen_oidc_issuer", &self.citizen_oidc_issuer)?;
        if self.citizen_oidc_client_id.trim().is_empty() {
            return Err(invalid("citizen_oidc_client_id", "must not be empty"));
        }
        if self.citizen_oidc_client_secret.expose_secret().is_empty() {
            return Err(invalid("citizen_oidc_client_secret", "must not be empty"));
        }
        require_secure_url("staff_oidc_issuer", &self.staff_oidc_issuer)?;
        for (setting, value) in [
            ("staff_oidc_client_id", self.staff_oidc_client_id.as_str()),
            (
                "staff_oidc_client_secret",
                self.staff_oidc_client_secret.expose_secret(),
            ),
            ("staff_roles_claim", self.staff_roles_claim.as_str()),
            ("staff_unit_claim", self.staff_unit_claim.as_str()),
            ("staff_required_amr", self.staff_required_amr.as_str()),
            ("request_intake_unit", self.request_intake_unit.as_str()),
            ("log_question_unit", self.log_question_unit.as_str()),
            ("request_purpose", self.request_purpose.as_str()),
            ("log_control_purpose", self.log_control_purpose.as_str()),
        ] {
            if value.trim().is_empty() {
                return Err(invalid(setting, "must not be empty"));
            }
        }
        within(
            "log_hold_days_after_deadline",
            u64::from(self.log_hold_days_after_deadline),
            0..=365,
        )?;
        if let Some(address) = &self.municipality_postal_address {
            let lines = address
                .split(['\n', '|'])
                .filter(|line| !line.trim().is_empty())
                .count();
            if lines > 6 || address.chars().count() > 500 {
                return Err(invalid(
                    "municipality_postal_address",
                    "must be at most 6 lines and 500 characters",
                ));
            }
        }
        within(
            "answer_document_max_mb",
            u64::from(self.answer_document_max_mb),
            1..=50,
        )?;
        within(
            "digest_due_within_days",
            u64::from(self.digest_due_within_days),
            1..=60,
        )?;
        within(
            "source_silence_warning_hours",
            u64::from(self.source_silence_warning_hours),
            1..=8760,
        )?;
        within(
            "session_idle_minutes",
            u64::from(self.session_idle_minutes),
            5..=20,
        )?;
        within(
            "lockout_threshold",
            u64::from(self.lockout_threshold),
            2..=5,
        )?;
        within(
            "lockout_window_hours",
            u64::from(self.lockout_window_hours),
            1..=720,
        )?;
        for (setting, value) in [
            (
                "rate_limit_sign_in_per_minute",
                self.rate_limit_sign_in_per_minute,
            ),
            (
                "rate_limit_forms_per_minute",
                self.rate_limit_forms_per_minute,
            ),
            (
                "rate_limit_ingest_per_minute",
                self.rate_limit_ingest_per_minute,
            ),
        ] {
            within(setting, u64::from(value), 1..=100_000)?;
        }
        for (setting, value) in [
            (
                "security_log_retention_months",
                self.security_log_retention_months,
            ),
            ("sign_in_retention_months", self.sign_in_retention_months),
        ] {
            within(setting, u64::from(value), 2..=60)?;
        }
        within(
            "sent_mail_retention_days",
            u64::from(self.sent_mail_retention_days),
            1..=3650,
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
        if let Some(metrics) = self.metrics_listen_addr {
            if metrics.port() == self.listen_addr.port()
                && (metrics.ip() == self.listen_addr.ip()
                    || metrics.ip().is_unspecified()
                    || self.listen_addr.ip().is_unspecified())
            {
                return Err(invalid(
                    "metrics_listen_addr",
                    "must differ from listen_addr (the metrics have an address of their own)",
                ));
            }
        }
        match (&self.tls_certificate_file, &self.tls_private_key_file) {
            (Some(_), None) => {
                return Err(invalid(
                    "tls_private_key_file",
                    "must be set when tls_certificate_file is",
                ))
            }
            (None, Some(_)) => {
                return Err(invalid(
                    "tls_certificate_file",
                    "must be set when tls_private_key_file is",
                ))
            }
            (Some(_), Some(_)) if self.public_url.scheme() != "https" => {
                return Err(invalid(
                    "public_url",
                    "must be an https:// address when the server serves TLS itself",
                ))
            }
            _ => {}
        }
        if self.insecure_http_session_cookie_on_loopback
            && !(is_loopback(&self.public_url) && self.public_url.scheme() == "http")
        {
            return Err(invalid(
                "insecure_http_session_cookie_on_loopback",
                "may only be true when public_url is http://127.0.0.1 or http://localhost",
            ));
        }
        Ok(())
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

/// Whether `url` points at this machine (development and tests).
fn is_loopback(url: &Url) -> bool {
    matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
}

/// An https:// address, or http:// on loopback only (development): sign-in
/// and the portal's own address never travel in the clear.
fn require_secure_url(setting: &'static str, url: &Url) -> Result<(), ConfigError> {
    require_http_url(setting, url)?;
    if url.scheme() == "http" && !is_loopback(url) {
        return Err(invalid(
            setting,
            "must be an https:// address (http:// only on 127.0.0.1 or localhost, for development)",
        ));
    }
    Ok(())
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
