#!/usr/bin/env bash
# Apache Kafka (KRaft, single node: broker and controller in one JVM) from Maven Central artifacts.
#   deploy/local/kafka.sh start|stop|status|bootstrap
# Idempotent: start reuses a broker already running from this folder; stop ends only that broker.
source "$(dirname "$0")/lib.sh"

KAFKA_LIB="$CAPAIAN_VAR/kafka-$KAFKA_VERSION/lib"
KAFKA_DIR="$STATE/kafka"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_CONF="$KAFKA_DIR/server.properties"
HERE="$(cd "$(dirname "$0")" && pwd)"

ensure_jars() {
  [[ -f "$KAFKA_LIB/.complete" ]] && return
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 or newer (apt-get install -y openjdk-17-jdk-headless)"
  log "resolving Apache Kafka $KAFKA_VERSION from Maven Central into $KAFKA_LIB"
  rm -rf "$KAFKA_LIB"; mkdir -p "$KAFKA_LIB"
  mvnw -f "$HERE/kafka/pom.xml" dependency:copy-dependencies -Dkafka.version="$KAFKA_VERSION" \
    -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime >"$CAPAIAN_VAR/kafka-resolve.log" 2>&1 \
    || die "could not resolve Kafka $KAFKA_VERSION from Maven Central; see $CAPAIAN_VAR/kafka-resolve.log"
  touch "$KAFKA_LIB/.complete"
}

write_config() {
  mkdir -p "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  cat >"$KAFKA_CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CAPAIAN_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$CAPAIAN_KAFKA_PORT,CONTROLLER://127.0.0.1:$CAPAIAN_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$CAPAIAN_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=$TOPIC_PARTITIONS
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
}

# Kafka's command-line tools (storage format, topics); their output goes to the caller's log files.
kafka_tool() { java -Xmx256m -cp "$KAFKA_LIB/*" "$@"; }

# The event topic is compacted (key = subject, every event the subject's full state): it keeps the latest state
# of every subject for ever, so a read model can be rebuilt from it; a consumer within min.compaction.lag of the
# head still sees every change. Kept in step with deploy/k8s/base/kafka.yaml.
topic_configs() {
  case "$1" in
    realization-updated) echo "--config cleanup.policy=compact --config min.compaction.lag.ms=86400000 --config delete.retention.ms=604800000" ;;
  esac
}

create_topics() {
  local t
  for t in "${TOPICS[@]}"; do
    # shellcheck disable=SC2046 # the flags are split on purpose
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$CAPAIAN_KAFKA_PORT" \
      --create --if-not-exists --topic "$t" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 $(topic_configs "$t") \
      >>"$KAFKA_DIR/logs/topics.log" 2>&1 || die "could not create topic $t; see $KAFKA_DIR/logs/topics.log"
  done
  # A topic made by an earlier version keeps its partitions under --if-not-exists: grow it once (partitions
  # never shrink; --alter to the count it already has only complains, hence the marker and || true).
  if [[ "$(cat "$KAFKA_DIR/partitions" 2>/dev/null)" != "$TOPIC_PARTITIONS" ]]; then
    for t in "${TOPICS[@]}"; do
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$CAPAIAN_KAFKA_PORT" \
        --alter --topic "$t" --partitions "$TOPIC_PARTITIONS" >>"$KAFKA_DIR/logs/topics.log" 2>&1 || true
    done
    echo "$TOPIC_PARTITIONS" >"$KAFKA_DIR/partitions"
  fi
}

start() {
  ensure_jars
  if pid_alive "$KAFKA_PID" && port_open "$CAPAIAN_KAFKA_PORT"; then
    log "Kafka already running on port $CAPAIAN_KAFKA_PORT"
  else
    stop_pid "$KAFKA_PID" kafka
    local p
    for p in "$CAPAIAN_KAFKA_PORT" "$CAPAIAN_KAFKA_CONTROLLER_PORT"; do
      port_open "$p" && die "port $p is taken by another process; free it or choose others with CAPAIAN_KAFKA_PORT / CAPAIAN_KAFKA_CONTROLLER_PORT"
    done
    write_config
    # The tests' own start (LocalInfrastructure): an empty log, as the fresh databases of the application under test.
    if [[ "${CAPAIAN_KAFKA_FRESH:-}" == 1 && "$CAPAIAN_ENV" == test ]]; then
      log "emptying the test broker's log ($KAFKA_DIR/data)"
      rm -rf "$KAFKA_DIR/data" "$KAFKA_DIR/partitions"
    fi
    if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
      log "formatting Kafka storage in $KAFKA_DIR/data"
      kafka_tool kafka.tools.StorageTool format -t "$(kafka_tool kafka.tools.StorageTool random-uuid)" \
        -c "$KAFKA_CONF" >"$KAFKA_DIR/logs/format.log" 2>&1 || die "could not format Kafka storage; see $KAFKA_DIR/logs/format.log"
    fi
    log "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$CAPAIAN_KAFKA_PORT"
    # setsid: the broker outlives this script, and a Ctrl-C in the caller's terminal does not reach it.
    setsid bash -c 'exec "$@"' kafka java -Xmx${CAPAIAN_KAFKA_HEAP:-512m} -Dkafka.logs.dir="$KAFKA_DIR/logs" \
      -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF" \
      >"$KAFKA_DIR/logs/stdout.log" 2>&1 </dev/null &
    echo $! >"$KAFKA_PID"
    wait_for "Kafka" 90 port_open "$CAPAIAN_KAFKA_PORT" || { stop_pid "$KAFKA_PID" kafka; die "Kafka did not open port $CAPAIAN_KAFKA_PORT in 90 s; see $KAFKA_DIR/logs/server.log"; }
    pid_alive "$KAFKA_PID" || die "Kafka exited at start; see $KAFKA_DIR/logs/server.log and stdout.log"
  fi
  create_topics
}

stop() { stop_pid "$KAFKA_PID" kafka; }

status() {
  if pid_alive "$KAFKA_PID"; then echo "kafka: running on 127.0.0.1:$CAPAIAN_KAFKA_PORT (pid $(cat "$KAFKA_PID"))"; else echo "kafka: stopped"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  bootstrap) echo "127.0.0.1:$CAPAIAN_KAFKA_PORT" ;;
  *) echo "usage: $0 start|stop|status|bootstrap" >&2; exit 2 ;;
esac
