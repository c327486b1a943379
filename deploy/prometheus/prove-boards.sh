#!/usr/bin/env bash
# Proves the Grafana boards and the alert rules against a real Prometheus scraping the running suite
# (docs/operations.md, "Prove the boards"):
#   1. starts the local run (./run-local.sh, demo traffic on: three members, six orders);
#   2. starts Prometheus (Debian package prometheus) scraping every service's /actuator/prometheus
#      every 5 s, with deploy/prometheus/alerts.yml loaded;
#   3. after the demo, drives what it does not do (BoardsTraffic.java: a refund, a redelivered order,
#      a record every consumer rejects; prove_boards.py redeem: a coupon used at checkout);
#   4. evaluates every panel query of deploy/grafana/dashboards and every loaded rule through
#      Prometheus's HTTP API (prove_boards.py check) and fails on an error, a metric never scraped, or
#      a panel without data;
#   5. runs promtool check config / check rules; stops everything it started.
# Options: --no-build (reuse local-suite's jar), --keep (leave suite and Prometheus running; prints how
# to stop them). Environment: LOYALTY_PORT_OFFSET (moves the suite's ports, as for run-local.sh),
# PROMETHEUS_PORT (default 9090 + offset), LOYALTY_KAFKA_PORT, LOYALTY_DB_URL (as run-local.sh).
# Takes 3-6 minutes. Not part of mvn verify: it starts the whole suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/deploy/prometheus
cd "$root"

build=true
keep=false
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --keep) keep=true ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
for tool in prometheus promtool python3 java; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (prometheus, promtool: Debian package prometheus)" >&2; exit 1; }
done

offset=${LOYALTY_PORT_OFFSET:-0}
prometheus_port=${PROMETHEUS_PORT:-$((9090 + offset))}
jar=local-suite/target/local-suite-0.1.0-SNAPSHOT-exec.jar
work=$(mktemp -d -t prove-boards.XXXXXX)
suite_pid=
prometheus_pid=
echo "Working directory: $work"

stop() {
  if $keep; then
    echo "Left running: suite pid ${suite_pid:-none}, Prometheus pid ${prometheus_pid:-none} (kill them by pid)"
    return
  fi
  [ -n "$prometheus_pid" ] && kill "$prometheus_pid" 2>/dev/null && wait "$prometheus_pid" 2>/dev/null || true
  if [ -n "$suite_pid" ]; then
    kill "$suite_pid" 2>/dev/null || true            # the suite's shutdown hook stops Kafka and the services
    for _ in $(seq 1 60); do kill -0 "$suite_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$suite_pid" 2>/dev/null || true
  fi
  echo "Stopped what this script started; logs in $work"
}
trap stop EXIT

await_line() { # await_line FILE PATTERN SECONDS
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$suite_pid" 2>/dev/null || { echo "The suite stopped; see $1" >&2; tail -n 30 "$1" >&2; return 1; }
    sleep 1
  done
  echo "Timed out waiting for '$2' in $1" >&2
  return 1
}

# 1. The local run, exactly as a developer starts it (it builds first unless --no-build).
if $build; then
  ./run-local.sh >"$work/suite.log" 2>&1 &
else
  [ -f "$jar" ] || { echo "$jar is missing; run without --no-build" >&2; exit 1; }
  java_options=$(sed -n 's/^exec java \(.*\) -jar local-suite\/.*$/\1/p' run-local.sh | head -n 1)
  # shellcheck disable=SC2086
  java $java_options -jar "$jar" >"$work/suite.log" 2>&1 &
fi
suite_pid=$!
echo "Suite starting (pid $suite_pid, log $work/suite.log)"
await_line "$work/suite.log" "Loyalty suite is ready" 900
bootstrap=$(sed -n 's/^ *Kafka bootstrap *//p' "$work/suite.log" | head -n 1 | tr -d '[:space:]')
echo "Suite ready; Kafka at $bootstrap"

# 2. Prometheus, scraping the five services of this run, with the suite's alert rules.
cp "$here/alerts.yml" "$work/alerts.yml"
{
  echo "global: {scrape_interval: 5s, evaluation_interval: 5s}"
  echo "rule_files: [alerts.yml]"
  echo "scrape_configs:"
  echo "  - job_name: loyalty"          # the job name the alert rules select
  echo "    metrics_path: /actuator/prometheus"
  echo "    static_configs:"
  echo "      - targets:"
  for port in 8081 8082 8083 8084 8085; do echo "          - 127.0.0.1:$((port + offset))"; done
} >"$work/prometheus.yml"
promtool check config "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
prometheus_url=http://127.0.0.1:$prometheus_port
for _ in $(seq 1 60); do curl -fsS "$prometheus_url/-/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$prometheus_url/-/ready" >/dev/null || { echo "Prometheus did not start; see $work/prometheus.log" >&2; exit 1; }
echo "Prometheus on $prometheus_url (pid $prometheus_pid)"

# 3. The demo's orders, then what the demo does not do.
await_line "$work/suite.log" "DEMO done" 300
(cd "$work" && jar xf "$root/$jar" $(jar tf "$root/$jar" | grep -E '^BOOT-INF/lib/(kafka-clients|slf4j-api)-[0-9.]+\.jar$'))
java -cp "$work/BOOT-INF/lib/*" "$here/BoardsTraffic.java" "$bootstrap" 2>&1 | grep -v '^SLF4J'
python3 "$here/prove_boards.py" redeem .local-run/clients.env "http://127.0.0.1:$((8084 + offset))"

# Every target up, then a minute of 5 s scrapes, so rates and increases have samples to work with.
for _ in $(seq 1 60); do
  up=$(curl -fsS "$prometheus_url/api/v1/query" --data-urlencode 'query=sum(up{job="loyalty"})' |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)')
  [ "$up" = 5 ] && break
  sleep 2
done
echo "Targets up: $up of 5; scraping for 60 s"
sleep 60

# 4 and 5.
status=0
python3 "$here/prove_boards.py" check "$prometheus_url" "$root/deploy/grafana/dashboards" || status=1
(cd "$here" && promtool check config prometheus.yml && promtool check rules alerts.yml) || status=1
exit $status
