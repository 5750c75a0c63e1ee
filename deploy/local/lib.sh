# Shared settings and helpers of the deploy/local scripts. Sourced, not run.
#
# Two environments never share a port or a data folder:
#   CAPAIAN_ENV=run  (default) the demo suite started by deploy/local/run
#   CAPAIAN_ENV=test           the infrastructure that ./mvnw verify starts for its tests
# Every port can be overridden by its environment variable.
#
# The ports lie below Linux's ephemeral range (32768-60999): while a server on a port inside it is stopped,
# the clients' reconnection attempts walk through the range and one is handed that very port as its own
# source and connects to itself (TCP self-connection, ~300 attempts here); it then holds the port and the
# server cannot start again. CI saw it once PostgreSQL had been down for 75 s (PostgresRestartTest).

set -euo pipefail

CAPAIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CAPAIAN_ENV="${CAPAIAN_ENV:-run}"
case "$CAPAIAN_ENV" in
  run)  _pg=25432; _kafka=29092; _ctrl=29093 ;;
  test) _pg=25442; _kafka=29192; _ctrl=29193 ;;
  *) echo "CAPAIAN_ENV must be 'run' or 'test', not '$CAPAIAN_ENV'" >&2; exit 2 ;;
esac
CAPAIAN_PG_PORT="${CAPAIAN_PG_PORT:-$_pg}"
CAPAIAN_KAFKA_PORT="${CAPAIAN_KAFKA_PORT:-$_kafka}"
CAPAIAN_KAFKA_CONTROLLER_PORT="${CAPAIAN_KAFKA_CONTROLLER_PORT:-$_ctrl}"
read -r _lo _hi < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { _lo=32768; _hi=60999; }
for _p in "$CAPAIAN_PG_PORT" "$CAPAIAN_KAFKA_PORT" "$CAPAIAN_KAFKA_CONTROLLER_PORT"; do
  if (( _p >= _lo && _p <= _hi )); then
    printf '[capaian %s] WARNING: port %s lies in the ephemeral range %s-%s: a client may connect to itself on it while the server is down\n' \
      "$CAPAIAN_ENV" "$_p" "$_lo" "$_hi" >&2
  fi
done
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"

# Everything a run leaves behind (data, logs, pids) lives under this one ignored folder.
CAPAIAN_VAR="${CAPAIAN_VAR:-$CAPAIAN_ROOT/deploy/local/var}"
STATE="$CAPAIAN_VAR/$CAPAIAN_ENV"
mkdir -p "$STATE"

TOPICS=(realization-updated realization-updated-dlq)
# 12: up to 12 report instances share realization-updated (deploy/k8s: the KafkaTopics and the report HPA's
# maxReplicas say the same; a deploy/k8s test compares them with this line).
TOPIC_PARTITIONS=12
DATABASES=(budget indicator report)

# java_major JAVA: the feature version of that java (17, 25, ...), from its home's release file.
java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$(readlink -f "$1")")")/release" 2>/dev/null
}

# The JVM that starts the services and trains their start-up archive (deploy/local/run): the PATH's java, the one the
# images run too, or the one CAPAIAN_SERVICE_JAVA names. From a JDK 25 or newer the archive is an AOT cache (classes
# loaded and linked, the methods' profiles): on the bench's machine every service was ready in 1.8-2.0 s instead of
# 2.4-3.0 s with JDK 17's class-data archive, and imported faster, but budget-service held 254-256 MB after the load
# instead of 236 (goal 8: 250). BENCHMARKS.md, session 15.
service_java() {
  if [[ -n "${CAPAIAN_SERVICE_JAVA:-}" ]]; then echo "$CAPAIAN_SERVICE_JAVA"; else command -v java; fi
}

log()  { printf '[capaian %s] %s\n' "$CAPAIAN_ENV" "$*" >&2; }
die()  { printf '[capaian %s] ERROR: %s\n' "$CAPAIAN_ENV" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive FILE: the process named in FILE is running.
pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid FILE NAME: TERM the process of FILE (and only it), wait, then KILL if it lingers.
stop_pid() {
  local file="$1" name="$2" pid
  if ! pid_alive "$file"; then rm -f "$file"; return 0; fi
  pid="$(cat "$file")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 30 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

# wait_for DESCRIPTION SECONDS COMMAND...: poll COMMAND until it succeeds.
wait_for() {
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    (( SECONDS < deadline )) || return 1
    sleep 0.2
  done
}

mvnw() { "$CAPAIAN_ROOT/mvnw" -q -B "$@"; }

# need COMMAND [PACKAGE]: COMMAND on the PATH, else installed from Debian's packages with apt-get when this runs
# as root (as postgres.sh installs PostgreSQL and chromium.sh Chromium), else a message naming the package.
need() {
  local cmd="$1" pkg="${2:-$1}"
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "$cmd not found: installing the Debian package $pkg with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null 2>&1; } || true
  fi
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd not found and not installable here: apt-get install -y $pkg"
}
