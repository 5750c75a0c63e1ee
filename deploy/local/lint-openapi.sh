#!/usr/bin/env bash
# Lints the committed OpenAPI documents (budget-service, indicator-service, report-service) with Redocly
# CLI's recommended rules, every warning an error (redocly.yaml at the root). Run by ./mvnw verify.
# The pinned CLI (deploy/lint/package.json and package-lock.json) is installed with `npm ci` into
# deploy/local/var/lint, again whenever the committed lock changes; Node.js comes from deploy/local/node.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VAR="${CAPAIAN_VAR:-$ROOT/deploy/local/var}"
NODE_BIN="$("$ROOT/deploy/local/node.sh")"
export PATH="$NODE_BIN:$PATH"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

DIR="$VAR/lint"
if ! cmp -s "$ROOT/deploy/lint/package-lock.json" "$DIR/package-lock.json" || [[ ! -x "$DIR/node_modules/.bin/redocly" ]]; then
  mkdir -p "$DIR"
  cp "$ROOT/deploy/lint/package.json" "$ROOT/deploy/lint/package-lock.json" "$DIR/"
  (cd "$DIR" && npm ci --no-audit --no-fund >&2)
fi

cd "$ROOT"
exec "$DIR/node_modules/.bin/redocly" lint --config "$ROOT/redocly.yaml" "$@"
