//! Pages compressed in one call. The portal renders a page whole before it
//! sends it (Leptos's async mode), so when the browser takes zstd, the
//! finished HTML is compressed in one call with its size known: zstd then
//! sizes its tables to the page. tower-http's `CompressionLayer`, which
//! handles everything else (brotli, gzip; exports, server functions),
//! streams and cannot know the size, so it sets up tables for a window of
//! megabytes on every response: for a 62 KB `/min-log` that was 0.35 ms of
//! CPU at its fastest level where this takes 0.08 ms at level 3
//! (docs/benchmarks.md, "Compressed pages").

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// zstd's level for pages: its default, a tenth of a millisecond for a
/// large page.
const LEVEL: i32 = 3;

/// Pages smaller than this go as they are (or to the layer's rules).
const SMALLEST: usize = 1024;

/// The largest page read into memory to compress, far above any the portal
/// makes (its largest are a few hundred KB); a larger one is an error.
const LARGEST: usize = 32 * 1024 * 1024;

/// Middleware: an HTML page is compressed with zstd in one call when the
/// browser takes zstd at least as gladly as brotli or gzip.
pub async fn zstd_pages(request: Request, next: Next) -> Response {
    let takes_zstd = prefers_zstd(request.headers());
    let response = next.run(request).await;
    if !takes_zstd || !is_uncompressed_html(response.headers()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let page = match axum::body::to_bytes(body, LARGEST).await {
        Ok(page) => page,
        Err(error) => {
            tracing::error!(error = %error, "cannot read a page to compress it");
            return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if page.len() < SMALLEST {
        return Response::from_parts(parts, Body::from(page));
    }
    let compressed = match zstd::bulk::compress(&page, LEVEL) {
        Ok(compressed) => compressed,
        Err(error) => {
            tracing::warn!(error = %error, "zstd could not compress a page; sent as it is");
            return Response::from_parts(parts, Body::from(page));
        }
    };
    parts
        .headers
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("zstd"));
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    Response::from_parts(parts, Body::from(compressed))
}

/// Whether the response is HTML that nothing has compressed yet.
fn is_uncompressed_html(headers: &HeaderMap) -> bool {
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    html && !headers.contains_key(header::CONTENT_ENCODING)
}

/// Whether `Accept-Encoding` names zstd with a weight above 0 and at least
/// that of brotli and gzip (which the streaming layer would choose).
fn prefers_zstd(headers: &HeaderMap) -> bool {
    let mut zstd = 0.0_f32;
    let mut others = 0.0_f32;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let weight = parts
                .find_map(|parameter| parameter.trim().strip_prefix("q="))
                .map_or(Some(1.0), |weight| weight.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if name.eq_ignore_ascii_case("zstd") {
                zstd = zstd.max(weight);
            } else if name.eq_ignore_ascii_case("br") || name.eq_ignore_ascii_case("gzip") {
                others = others.max(weight);
            }
        }
    }
    zstd > 0.0 && zstd >= others
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn zstd_is_chosen_only_when_the_browser_takes_it_as_gladly_as_the_others() {
        assert!(prefers_zstd(&accepting("gzip, deflate, br, zstd")));
        assert!(prefers_zstd(&accepting("zstd")));
        assert!(prefers_zstd(&accepting("br;q=0.9, ZSTD;q=0.9")));
        assert!(!prefers_zstd(&accepting("gzip, deflate, br")));
        assert!(!prefers_zstd(&accepting("br, zstd;q=0.5")));
        assert!(!prefers_zstd(&accepting("zstd;q=0")));
        assert!(!prefers_zstd(&accepting("zstd;q=nonsense")));
        assert!(!prefers_zstd(&HeaderMap::new()));
    }
}
