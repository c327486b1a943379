#!/usr/bin/env bash
# The order-pipeline benchmark (bench/README.md): builds the suite and the driver, starts the suite
# as ./run-local.sh --no-demo does, drives it from a separate JVM over Kafka as the order system would,
# prints the figures and stops everything it started. It prints figures; it is not a test.
# Options: ./bench.sh --help. A two-minute run: ./bench.sh --quick. Also: --no-build (reuse the jars).
set -euo pipefail
cd "$(dirname "$0")"

driver_jar=bench/target/bench-0.1.0-SNAPSHOT-exec.jar
build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help|-h) [ -f "$driver_jar" ] && build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && [ -z "${LOYALTY_DB_URL:-}" ]; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  else
    echo "PostgreSQL is not answering on 127.0.0.1:5432; start it or set LOYALTY_DB_URL" >&2
    exit 1
  fi
fi

if $build; then
  echo "Building the suite and the benchmark (tests skipped)"
  mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl local-suite,bench -am
fi

# The suite starts exactly as run-local.sh starts it: its java line, with --no-demo.
suite_jvm_options=$(sed -n 's/^exec java \(.*\) -jar local-suite\/.*$/\1/p' run-local.sh | head -n 1)
suite_jar=local-suite/target/local-suite-0.1.0-SNAPSHOT-exec.jar
BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || true)
export BENCH_COMMIT
exec java -Xmx768m -jar "$driver_jar" \
  --suite-command "java ${suite_jvm_options} -jar ${suite_jar} --no-demo" ${args[@]+"${args[@]}"}
