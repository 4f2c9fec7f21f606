//! TLS in the server itself: the certificate from the settings' files, and
//! a reload (what SIGHUP does) that takes a renewed certificate into use, or
//! keeps the one in use when the new files cannot be used.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::routing::get;
use server::tls::TlsFiles;

/// A self-signed certificate for `localhost` and its key, both PEM.
fn self_signed() -> (String, String) {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    (certified.cert.pem(), certified.key_pair.serialize_pem())
}

fn write(files: &TlsFiles, (certificate, key): &(String, String)) {
    std::fs::write(&files.certificate, certificate).unwrap();
    std::fs::write(&files.private_key, key).unwrap();
}

/// Whether a client trusting only `certificate` gets an answer from `addr`.
async fn trusted_by(certificate: &str, addr: SocketAddr) -> bool {
    let client = reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(certificate.as_bytes()).unwrap())
        .resolve("localhost", addr)
        .build()
        .unwrap();
    client
        .get(format!("https://localhost:{}/", addr.port()))
        .send()
        .await
        .is_ok_and(|reply| reply.status().is_success())
}

#[tokio::test]
async fn the_server_serves_the_certificate_of_its_files_and_a_reload_renews_it() {
    let dir = std::env::temp_dir().join(format!("indblik-tls-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = TlsFiles {
        certificate: dir.join("cert.pem"),
        private_key: dir.join("key.pem"),
    };
    let first = self_signed();
    write(&files, &first);
    let config = files.load().await.unwrap();

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = axum_server::Handle::new();
    let app = axum::Router::new().route("/", get(|| async { "ok" }));
    let served = tokio::spawn(
        axum_server::from_tcp_rustls(listener, config.clone())
            .handle(handle.clone())
            .serve(app.into_make_service()),
    );

    let renewed = self_signed();
    assert!(trusted_by(&first.0, addr).await);
    assert!(
        !trusted_by(&renewed.0, addr).await,
        "only the certificate of the files"
    );

    // A renewed certificate is taken into use by a reload.
    write(&files, &renewed);
    files.reload(&config).await.unwrap();
    assert!(trusted_by(&renewed.0, addr).await);
    assert!(!trusted_by(&first.0, addr).await);

    // Files that cannot be used leave the certificate in use as it was.
    std::fs::write(&files.private_key, "not a key").unwrap();
    let error = format!("{:#}", files.reload(&config).await.unwrap_err());
    assert!(error.contains("tls_private_key_file"), "{error}");
    assert!(trusted_by(&renewed.0, addr).await);

    handle.shutdown();
    served.await.unwrap().unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn missing_files_are_an_error_that_names_the_settings() {
    let files = TlsFiles {
        certificate: PathBuf::from("/nonexistent/cert.pem"),
        private_key: PathBuf::from("/nonexistent/key.pem"),
    };
    let error = format!("{:#}", files.load().await.unwrap_err());
    assert!(
        error.contains("tls_certificate_file") && error.contains("/nonexistent/cert.pem"),
        "{error}"
    );
}
