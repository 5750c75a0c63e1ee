#!/usr/bin/env bash
# PostgreSQL 15 from the OS packages on a private data folder and port.
#   deploy/local/postgres.sh start|stop|status|port
# Idempotent: start reuses a server already running on this data folder; stop ends only that server.
# As root, the server runs as the 'postgres' OS user (PostgreSQL refuses to run as root).
source "$(dirname "$0")/lib.sh"

PG_VERSION=15
PG_DIR="$STATE/postgres"

# The real paths (PG_DIR may be a link, see prepare_dir): the postgres OS user must not need to
# traverse this checkout.
resolve_paths() {
  local real
  real="$(readlink -f "$PG_DIR" 2>/dev/null || echo "$PG_DIR")"
  PGDATA="$real/data"
  PG_LOG="$real/postgres.log"
}
resolve_paths

pg_bin() {
  local d
  for d in "/usr/lib/postgresql/$PG_VERSION/bin" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

ensure_installed() {
  PGBIN="$(pg_bin || true)"
  [[ -n "$PGBIN" ]] && command -v psql >/dev/null 2>&1 && return
  if [[ $EUID -ne 0 ]]; then
    die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them: sudo apt-get install -y postgresql-$PG_VERSION"
  fi
  log "PostgreSQL not found: installing postgresql-$PG_VERSION with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" postgresql-client >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || die "apt-get could not install PostgreSQL; install postgresql-$PG_VERSION by hand"
  PGBIN="$(pg_bin)" || die "PostgreSQL installed but initdb not found under /usr/lib/postgresql"
}

# as_pg CMD...: run as the postgres OS user when we are root, else as ourselves.
as_pg() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# As root, the data folder must belong to 'postgres'. When 'postgres' cannot reach this checkout
# (a clone in a private 0700 folder, say), the data lives under /var/tmp and PG_DIR links to it.
prepare_dir() {
  if [[ $EUID -ne 0 ]]; then mkdir -p "$PG_DIR"; return; fi
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user: install postgresql-$PG_VERSION"
  if [[ ! -e "$PG_DIR" ]]; then
    mkdir -p "$PG_DIR"
    if ! runuser -u postgres -- test -x "$PG_DIR"; then
      rmdir "$PG_DIR"
      local alt
      alt="/var/tmp/capaian-postgres-$CAPAIAN_ENV-$(printf '%s' "$CAPAIAN_ROOT" | md5sum | cut -c1-8)"
      mkdir -p "$alt"
      ln -s "$alt" "$PG_DIR"
      log "the postgres OS user cannot reach $STATE; its data lives in $alt (linked from $PG_DIR)"
    fi
  fi
  chown postgres: "$(readlink -f "$PG_DIR")"
  resolve_paths
}

running() { [[ -n "${PGBIN:-}" ]] && [[ -f "$PGDATA/PG_VERSION" ]] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$CAPAIAN_PG_PORT" -U postgres -d postgres "$@"; }

create_databases() {
  local db
  for db in "${DATABASES[@]}"; do
    psql_admin <<SQL
SELECT 'CREATE ROLE $db LOGIN PASSWORD ''$db''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') \gexec
SELECT 'CREATE DATABASE $db OWNER $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \gexec
SQL
  done
}

start() {
  ensure_installed
  if running; then
    log "PostgreSQL already running on port $CAPAIAN_PG_PORT"
  else
    port_open "$CAPAIAN_PG_PORT" && die "port $CAPAIAN_PG_PORT is taken by another process; free it or choose another with CAPAIAN_PG_PORT=<port>"
    prepare_dir
    if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
      log "initializing a PostgreSQL data folder in $PGDATA"
      as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || die "initdb failed; see $PG_DIR/initdb.log"
    fi
    log "starting PostgreSQL on 127.0.0.1:$CAPAIAN_PG_PORT"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $CAPAIAN_PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${CAPAIAN_PG_FSYNC:-on}" start >/dev/null \
      || die "PostgreSQL did not start; see $PG_LOG"
  fi
  create_databases
}

stop() {
  PGBIN="$(pg_bin || true)"
  if running; then
    log "stopping PostgreSQL on port $CAPAIAN_PG_PORT"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  fi
}

status() {
  PGBIN="$(pg_bin || true)"
  if running; then echo "postgres: running on 127.0.0.1:$CAPAIAN_PG_PORT (data $PGDATA)"; else echo "postgres: stopped"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  port) echo "$CAPAIAN_PG_PORT" ;;
  *) echo "usage: $0 start|stop|status|port" >&2; exit 2 ;;
esac
