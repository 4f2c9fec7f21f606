//! TLS in the server itself, for a municipality without a TLS-terminating
//! proxy: the certificate chain and private key come from PEM files named
//! in the settings (`tls_certificate_file`, `tls_private_key_file`), and are
//! read again on SIGHUP, so a renewed certificate is taken into use without
//! a restart. A reload that fails (a missing file, a key that does not fit)
//! is logged and the certificate in use stays. `rustls` through
//! `axum-server` (ring as the crypto provider, the one the rest of the
//! portal already uses).

use std::path::{Path, PathBuf};

use anyhow::Context;
use axum_server::tls_rustls::RustlsConfig;

/// The certificate and key files of the settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsFiles {
    pub certificate: PathBuf,
    pub private_key: PathBuf,
}

impl TlsFiles {
    /// Reads the files into a server configuration.
    pub async fn load(&self) -> anyhow::Result<RustlsConfig> {
        RustlsConfig::from_pem_file(&self.certificate, &self.private_key)
            .await
            .with_context(|| self.problem())
    }

    /// Reads the files again into `config`; on an error, `config` is
    /// unchanged.
    pub async fn reload(&self, config: &RustlsConfig) -> anyhow::Result<()> {
        config
            .reload_from_pem_file(&self.certificate, &self.private_key)
            .await
            .with_context(|| self.problem())
    }

    fn problem(&self) -> String {
        format!(
            "cannot use the TLS certificate {} with the private key {} \
             (settings tls_certificate_file and tls_private_key_file; both PEM)",
            shown(&self.certificate),
            shown(&self.private_key)
        )
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reloads `config` from `files` at every SIGHUP, for as long as the server
/// runs.
pub async fn reload_on_hangup(files: TlsFiles, config: RustlsConfig) {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut hangups) = signal(SignalKind::hangup()) else {
        tracing::error!("cannot listen for SIGHUP: the TLS certificate is not reloaded");
        return;
    };
    while hangups.recv().await.is_some() {
        match files.reload(&config).await {
            Ok(()) => tracing::info!("TLS certificate reloaded"),
            Err(error) => tracing::error!(
                error = format!("{error:#}"),
                "TLS certificate not reloaded; the one in use stays"
            ),
        }
    }
}
