#!/usr/bin/env bash
# Installs what building, running and testing Indblik needs beyond the Rust
# toolchain, PostgreSQL and Node: each step is skipped when the tool is already
# there at the right version. Only package registries are used (crates.io, npm,
# Debian); nothing downloads binaries from elsewhere.
#
#   scripts/install-tools.sh run    what `make run` needs
#   scripts/install-tools.sh test   that, plus what `make test` needs (sqlx-cli,
#                                   Debian's chromium and binaryen)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
purpose="${1:-run}"
CARGO_LEPTOS_VERSION=0.3.10
SQLX_CLI_VERSION=0.8.6

say() { echo "install-tools: $*" >&2; }

lock_version() {
  # The version of crate $1 in Cargo.lock.
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

wasm_bindgen_version="$(lock_version wasm-bindgen)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (matches Cargo.lock)"
  # Without --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

npm_ci() {
  # npm ci in folder $1 when node_modules is missing or older than the lock file.
  local dir="$root/$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $1/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

npm_ci style
npm_ci scripts/idp
npm_ci scripts/smtp-sink
"$root/scripts/dkfds-assets.sh" >&2

if [ "$purpose" = test ]; then
  # It prints "sqlx-cli-sqlx 0.8.6": compare the version only.
  if [ "$(cargo sqlx --version 2>/dev/null | awk '{print $NF}')" != "$SQLX_CLI_VERSION" ]; then
    say "installing sqlx-cli $SQLX_CLI_VERSION"
    cargo install sqlx-cli --version "$SQLX_CLI_VERSION" --no-default-features --features rustls,postgres --locked
  fi
  # Chromium for the end-to-end tests; binaryen's wasm-opt, which
  # `cargo leptos build --release` runs on the WebAssembly.
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v wasm-opt >/dev/null || missing+=(binaryen)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      say "error: missing Debian packages; install them: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
    say "installing Debian's ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  npm_ci end2end
fi
