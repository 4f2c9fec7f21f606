#!/usr/bin/env bash
# Copies the parts of the DKFDS npm package that Indblik serves into public/dkfds/:
# the compiled CSS, every font and image the CSS refers to, the JavaScript bundle and
# the licences. cargo-leptos copies public/ into the site root, so the files end up
# under the one prefix /dkfds/ with the relative ../fonts and ../img URLs intact.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/style/node_modules/dkfds/dist"
dest="$root/public/dkfds"

if [ ! -f "$src/css/dkfds.min.css" ]; then
  (cd "$root/style" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -f "$dest/.version" ] && [ "$(cat "$dest/.version")" = "$(node -p "require('$src/../package.json').version")" ]; then
  exit 0
fi

rm -rf "$dest"
mkdir -p "$dest/css" "$dest/js"
cp "$src/css/dkfds.min.css" "$dest/css/"
cp "$src/js/dkfds.min.js" "$dest/js/"
cp "$src/LICENSE.md" "$dest/LICENSE.md"
# Every url(../…) in the stylesheet, resolved against css/.
grep -o 'url([^)]*)' "$src/css/dkfds.min.css" \
  | sed -e 's/^url(//' -e 's/)$//' -e "s/^[\"']//" -e "s/[\"']$//" \
  | grep '^\.\./' | sed -e 's#^\.\./##' -e 's/[?#].*$//' | sort -u \
  | while read -r rel; do
      if [ -f "$src/$rel" ]; then
        mkdir -p "$dest/$(dirname "$rel")"
        cp "$src/$rel" "$dest/$rel"
      fi
    done
cp "$src/fonts/IBMPlexSans/complete/woff2/license.txt" "$dest/fonts/IBMPlexSans/LICENSE-OFL.txt"
node -p "require('$src/../package.json').version" > "$dest/.version"
echo "DKFDS $(cat "$dest/.version") copied to public/dkfds ($(du -sh "$dest" | cut -f1))"
