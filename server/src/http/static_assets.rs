//! The site's static files: the portal's script, WebAssembly and stylesheet
//! (`<site>/pkg`) and DKFDS's stylesheet, fonts and icons (`<site>/dkfds`).
//!
//! Each tree is served under a path that names its version, a hash of its
//! files' names and content (`/pkg/<version>/indblik.wasm`), with
//! `Cache-Control: public, max-age=31536000, immutable`: a browser keeps
//! them for a year without asking again, and a new release's pages name a
//! new path. A path of another version answers 404. The server computes the
//! versions once, at start, from the files it serves, so no build step and
//! no file beside the binary can fall out of step with them. The favicon
//! keeps its name (browsers ask for `/favicon.svg` by name) and is checked
//! before reuse (`no-cache`, answered 304).
//!
//! Files come with their precompressed `.br` or `.gz` sibling when there is
//! one and the browser takes it (`make release` makes them); a file without
//! one goes out as it is, never compressed per request.

use std::path::{Path, PathBuf};

use axum::http::{header, HeaderValue, Method};
use sha2::{Digest, Sha256};
use tower::Layer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

use app::shell::{StaticPaths, DKFDS_PREFIX, PKG_PREFIX};

use super::route_list::Routes;

/// How long a browser may keep a versioned file: a year, the most
/// `max-age` HTTP caches are asked to honour.
const VERSIONED: &str = "public, max-age=31536000, immutable";

/// The paths the pages give for the static files under `site_root`.
pub fn paths(site_root: &Path) -> StaticPaths {
    StaticPaths::of_versions(
        &version_of(&site_root.join(tree_dir(PKG_PREFIX))),
        &version_of(&site_root.join(tree_dir(DKFDS_PREFIX))),
    )
}

/// The directory under the site root that the URL prefix `prefix` serves.
fn tree_dir(prefix: &str) -> &str {
    prefix.trim_start_matches('/')
}

/// The version of the files under `dir`: 16 hex digits of a SHA-256 over
/// each file's path below `dir`, length and content, in path order. The
/// compressed copies follow their originals and are left out. A missing
/// directory has the version of an empty one.
pub fn version_of(dir: &Path) -> String {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files.sort();
    let mut hash = Sha256::new();
    for file in files {
        let Ok(content) = std::fs::read(&file) else {
            continue;
        };
        let name = file.strip_prefix(dir).unwrap_or(&file).to_string_lossy();
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(
            u64::try_from(content.len())
                .unwrap_or(u64::MAX)
                .to_be_bytes(),
        );
        hash.update(&content);
    }
    hex::encode(&hash.finalize()[..8])
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else if !matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("br" | "gz")
        ) {
            files.push(path);
        }
    }
}

/// The routes serving the static files under `site_root` at `paths`,
/// listed as `/pkg/{version}/{*file}`, `/dkfds/{version}/{*file}` and
/// `/favicon.svg`.
pub fn routes<S: Clone + Send + Sync + 'static>(
    site_root: &Path,
    paths: &StaticPaths,
) -> Routes<S> {
    let tree = |prefix: &'static str, at: &str| {
        let files = ServeDir::new(site_root.join(tree_dir(prefix)))
            .precompressed_br()
            .precompressed_gzip();
        let at = at.to_owned();
        move |router: axum::Router<S>| router.nest_service(&at, cached(files, VERSIONED))
    };
    let favicon = ServeFile::new(site_root.join("favicon.svg"))
        .precompressed_br()
        .precompressed_gzip();
    Routes::new()
        .serving(
            Method::GET,
            format!("{PKG_PREFIX}/{{version}}/{{*file}}"),
            tree(PKG_PREFIX, &paths.pkg),
        )
        .serving(
            Method::GET,
            format!("{DKFDS_PREFIX}/{{version}}/{{*file}}"),
            tree(DKFDS_PREFIX, &paths.dkfds),
        )
        .serving(Method::GET, "/favicon.svg".to_owned(), |router| {
            router.route_service("/favicon.svg", cached(favicon, "no-cache"))
        })
}

/// `files` answered with `Cache-Control: policy`.
fn cached<S>(files: S, policy: &'static str) -> SetResponseHeader<S, HeaderValue> {
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(policy))
        .layer(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_follows_names_and_content_and_not_the_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("indblik-assets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("css")).unwrap();
        std::fs::write(dir.join("css/site.css"), "main { margin: 0 }").unwrap();
        let first = version_of(&dir);
        assert_eq!(first.len(), 16);
        assert_eq!(version_of(&dir), first, "the same files, the same version");
        std::fs::write(dir.join("css/site.css.br"), "compressed").unwrap();
        assert_eq!(version_of(&dir), first, "compressed copies do not count");
        std::fs::write(dir.join("css/site.css"), "main { margin: 1px }").unwrap();
        let changed = version_of(&dir);
        assert_ne!(changed, first, "new content, new version");
        std::fs::rename(dir.join("css/site.css"), dir.join("css/other.css")).unwrap();
        assert_ne!(version_of(&dir), changed, "a new name, a new version");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            version_of(&dir),
            version_of(&dir.join("missing")),
            "nothing"
        );
    }
}
