#!/usr/bin/env bash
# Installs the pinned Redocly CLI (the independent OpenAPI linter PublishedLintIT runs on the gateway's merged
# document) from the npm registry into $2, unless that exact version is there already.
# usage: install-redocly.sh <version> <prefix-dir>
set -euo pipefail
version="$1" prefix="$2"
bin="$prefix/node_modules/.bin/redocly"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -qx "$version"; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-redocly: npm is needed to install @redocly/cli@$version" >&2; exit 1; }
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "@redocly/cli@$version"
"$bin" --version 2>/dev/null | grep -qx "$version" \
  || { echo "install-redocly: $bin does not report version $version" >&2; exit 1; }
