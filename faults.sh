#!/usr/bin/env bash
# The fault suite (docs/reliability.md): starts Kafka brokers and the services as separate processes,
# kills and restarts them (and PostgreSQL) under the benchmark's load, feeds hostile records, and
# reconciles every point, tier and event exactly. Prints a table; exits 1 if anything was lost or doubled.
#   ./faults.sh                      # every scenario (about 35 minutes on two cores)
#   ./faults.sh crash poison         # just those; ./faults.sh --help lists them and the options
#   ./faults.sh --no-build ...       # reuse the jars
# It runs on its own PostgreSQL cluster (default: "faults" on port 5433, created here with trust
# auth on first use), so that restarting it disturbs nothing else; the brokers use ports 19092-19094,
# the services 18081-18086 and the outage scenario's provider stand-ins 18025-18026.
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

pg_port=${FAULTS_PG_PORT:-5433}
pg_cluster=${FAULTS_PG_CLUSTER:-faults}
pg_version=${FAULTS_PG_VERSION:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)}
if [ -z "$pg_version" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "The fault suite needs PostgreSQL's cluster tools (pg_createcluster, pg_ctlcluster)" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version $pg_cluster"; then
  echo "Creating the PostgreSQL cluster $pg_version/$pg_cluster on port $pg_port (trust auth, this machine only)"
  pg_createcluster "$pg_version" "$pg_cluster" --port "$pg_port" -- --auth=trust >/dev/null
  # Small: it only holds one scenario's database at a time.
  pg_conftool "$pg_version" "$pg_cluster" set shared_buffers 64MB
  pg_conftool "$pg_version" "$pg_cluster" set max_connections 200
fi
if ! pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_cluster" start
fi

if $build; then
  echo "Building the services and the fault suite (tests skipped)"
  mvn -B -q package -DskipTests -Dspotless.check.skip=true -Pfaults \
    -pl points-service,tier-service,member-service,notification-service,fault-suite -am
fi

export FAULTS_REPOSITORY=$PWD
export FAULTS_SELF_JAR=$PWD/fault-suite/target/fault-suite-0.1.0-SNAPSHOT-exec.jar
export FAULTS_PG_PORT=$pg_port FAULTS_PG_CLUSTER=$pg_cluster FAULTS_PG_VERSION=$pg_version
exec java -Xmx512m -jar "$FAULTS_SELF_JAR" ${args[@]+"${args[@]}"}
