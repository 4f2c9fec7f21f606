#!/usr/bin/env bash
# `make release`: the production build. The release site (optimised,
# size-focused WebAssembly: the `wasm-release` profile) and the release
# `server` binary, every compressible static file precompressed beside it
# (brotli and gzip), and the sizes as served. What goes on a server is
# `target/release/server` and `target/site/` (docs/operations.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scripts/install-tools.sh run
cargo leptos build --release
node scripts/precompress.mjs --clean target/site
node scripts/precompress.mjs target/site/pkg target/site/dkfds >/dev/null

echo
echo "release build:"
printf '  %-20s %9s bytes\n' "server binary" "$(stat -c %s target/release/server)"
# The WebAssembly's budget (issue 15), which `make test` enforces too.
node scripts/asset-budget.mjs target/site/pkg
