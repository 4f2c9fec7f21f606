//! The configuration's tests: layering, defaults, and a named error for
//! every bad value.
use super::*;
use figment::Jail;
use secrecy::ExposeSecret;

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
        assert_eq!(
            config.metrics_listen_addr, None,
            "metrics are off by default"
        );
        assert!(
            config.data_tracker_aggregators.is_empty(),
            "no aggregator is allowed by default"
        );
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
        let config = Config::load(Some(Path::new("indblik.toml"))).expect("valid configuration");
        assert_eq!(config.municipality_name, "Miljøkommune");
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.citizen_cpr_claim.name, "dk.cpr");
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
        (
            "INDBLIK_METRICS_LISTEN_ADDR",
            "metrics",
            "metrics_listen_addr",
        ),
        (
            "INDBLIK_METRICS_LISTEN_ADDR",
            "127.0.0.1:3000",
            "metrics_listen_addr",
        ),
        (
            "INDBLIK_METRICS_LISTEN_ADDR",
            "0.0.0.0:3000",
            "metrics_listen_addr",
        ),
        ("INDBLIK_PUBLIC_URL", "not a url", "public_url"),
        ("INDBLIK_PUBLIC_URL", "ftp://example.dk", "public_url"),
        (
            "INDBLIK_PUBLIC_URL",
            "http://indblik.kommune.dk",
            "public_url",
        ),
        (
            "INDBLIK_CITIZEN_OIDC_ISSUER",
            "http://mitid-broker.example",
            "citizen_oidc_issuer",
        ),
        (
            "INDBLIK_STAFF_OIDC_ISSUER",
            "http://login.kommune.dk",
            "staff_oidc_issuer",
        ),
        ("INDBLIK_DATABASE_URL", "mysql://x@y/z", "database_url"),
        ("INDBLIK_DATABASE_URL", "nonsense", "database_url"),
        (
            "INDBLIK_DATABASE_OWNER_URL",
            "nonsense",
            "database_owner_url",
        ),
        (
            "INDBLIK_DATABASE_OWNER_URL",
            "postgres://owner@127.0.0.1:5432/another",
            "database_owner_url",
        ),
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
        (
            "INDBLIK_CITIZEN_MIN_ASSURANCE",
            "low",
            "citizen_min_assurance",
        ),
        ("INDBLIK_SUBJECT_KEY_PEPPER", "kort", "subject_key_pepper"),
        ("INDBLIK_CPR_ENCRYPTION_KEY", "abcd", "cpr_encryption_key"),
        ("INDBLIK_REQUEST_INTAKE_UNIT", " ", "request_intake_unit"),
        ("INDBLIK_LOG_QUESTION_UNIT", "", "log_question_unit"),
        ("INDBLIK_DIGEST_TIME", "7", "digest_time"),
        (
            "INDBLIK_ANSWER_DOCUMENT_MAX_MB",
            "0",
            "answer_document_max_mb",
        ),
        (
            "INDBLIK_ANSWER_DOCUMENT_MAX_MB",
            "51",
            "answer_document_max_mb",
        ),
        (
            "INDBLIK_DIGEST_DUE_WITHIN_DAYS",
            "0",
            "digest_due_within_days",
        ),
        (
            "INDBLIK_SOURCE_SILENCE_WARNING_HOURS",
            "0",
            "source_silence_warning_hours",
        ),
        ("INDBLIK_MAIL_FROM", "ikke en adresse", "mail_from"),
        ("INDBLIK_SESSION_IDLE_MINUTES", "4", "session_idle_minutes"),
        ("INDBLIK_SESSION_IDLE_MINUTES", "21", "session_idle_minutes"),
        ("INDBLIK_LOCKOUT_THRESHOLD", "1", "lockout_threshold"),
        ("INDBLIK_LOCKOUT_THRESHOLD", "6", "lockout_threshold"),
        ("INDBLIK_TRUSTED_PROXIES", "10.0.0.300", "trusted_proxies"),
        (
            "INDBLIK_TRUSTED_PROXIES",
            "10.0.0.0/33, 10.1.0.1",
            "trusted_proxies",
        ),
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

#[test]
fn tls_files_come_in_pairs_and_need_an_https_address() {
    in_jail(|jail| {
        with_required(jail);
        jail.set_env("INDBLIK_TLS_CERTIFICATE_FILE", "/etc/indblik/cert.pem");
        let error = Config::load(None).unwrap_err().to_string();
        assert!(error.contains("tls_private_key_file"), "{error}");

        jail.set_env("INDBLIK_TLS_PRIVATE_KEY_FILE", "/etc/indblik/key.pem");
        let error = Config::load(None).unwrap_err().to_string();
        assert!(
            error.contains("public_url") && error.contains("https"),
            "{error}"
        );

        jail.set_env("INDBLIK_PUBLIC_URL", "https://indblik.eksempel.dk");
        let files = Config::load(None).unwrap().tls_files().unwrap();
        assert_eq!(files.certificate, PathBuf::from("/etc/indblik/cert.pem"));
        assert_eq!(files.private_key, PathBuf::from("/etc/indblik/key.pem"));
    });
}

#[test]
fn rate_limits_and_retention_periods_have_bounds() {
    in_jail(|jail| {
        for (key, value) in [
            ("INDBLIK_RATE_LIMIT_SIGN_IN_PER_MINUTE", "0"),
            ("INDBLIK_RATE_LIMIT_FORMS_PER_MINUTE", "100001"),
            ("INDBLIK_RATE_LIMIT_INGEST_PER_MINUTE", "0"),
            ("INDBLIK_SECURITY_LOG_RETENTION_MONTHS", "1"),
            ("INDBLIK_SIGN_IN_RETENTION_MONTHS", "61"),
            ("INDBLIK_SENT_MAIL_RETENTION_DAYS", "0"),
        ] {
            let error = load_error(jail, key, value);
            let setting = key.trim_start_matches("INDBLIK_").to_lowercase();
            assert!(
                error.contains(&setting) && error.contains("between"),
                "{error}"
            );
        }
    });
}

#[test]
fn aggregators_are_read_from_the_file_and_checked() {
    let entry = |name: &str, hash: &str| {
        format!(
            "[[data_tracker_aggregators]]\nname = \"{name}\"\nkey_sha256 = \"{hash}\"\nunit = \"BORGERDK\"\npurpose = \"samlet-visning\"\n"
        )
    };
    let good = "c4d5b5c97e123649ec488ba4b27881c490e85dabe53516fefc9ae5df5a123330";
    let other = "d4d5b5c97e123649ec488ba4b27881c490e85dabe53516fefc9ae5df5a123330";
    in_jail(|jail| {
        with_required(jail);
        jail.create_file(
            "ok.toml",
            &(entry("borger.dk", good) + &entry("andet", other)),
        )
        .expect("test file written");
        let config = Config::load(Some(Path::new("ok.toml"))).expect("valid configuration");
        assert_eq!(config.data_tracker_aggregators.len(), 2);
        assert_eq!(config.data_tracker_aggregators[0].unit, "BORGERDK");
        for (file, text, named) in [
            ("short.toml", entry("borger.dk", "abc"), "64 hexadecimal"),
            (
                "twice.toml",
                entry("borger.dk", good) + &entry("borger.dk", other),
                "earlier entry",
            ),
            (
                "same-key.toml",
                entry("a", good) + &entry("b", good),
                "earlier entry",
            ),
            ("no-name.toml", entry(" ", good), "name"),
        ] {
            jail.create_file(file, &text).expect("test file written");
            let error = Config::load(Some(Path::new(file)))
                .expect_err(file)
                .to_string();
            assert!(
                error.contains("data_tracker_aggregators"),
                "{file}: {error}"
            );
            assert!(error.contains(named), "{file}: {error}");
        }
    });
}
