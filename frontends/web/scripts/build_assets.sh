#!/usr/bin/env bash
# Builds the web app's static assets from npm packages (package-lock.json): USWDS's CSS, fonts, images and script,
# and htmx, into lantern_web/static/vendor/ (git-ignored). Node and npm are only build tools here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null 2>&1 || { echo "build_assets: npm is required (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d node_modules/@uswds/uswds ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi
out=lantern_web/static/vendor
rm -rf "$out.tmp" && mkdir -p "$out.tmp/uswds" "$out.tmp/htmx"
cp -r node_modules/@uswds/uswds/dist/css node_modules/@uswds/uswds/dist/fonts "$out.tmp/uswds/"
mkdir -p "$out.tmp/uswds/img" "$out.tmp/uswds/js"
cp -r node_modules/@uswds/uswds/dist/img/usa-icons node_modules/@uswds/uswds/dist/img/*.svg "$out.tmp/uswds/img/"
cp node_modules/@uswds/uswds/dist/js/uswds.min.js "$out.tmp/uswds/js/"
cp node_modules/htmx.org/dist/htmx.min.js "$out.tmp/htmx/"
rm -rf "$out" && mv "$out.tmp" "$out"
echo "build_assets: $out" >&2
