#!/usr/bin/env bash
# Starts the whole loyalty suite on this machine: an embedded Kafka (KRaft) broker on 127.0.0.1:9092,
# the local PostgreSQL, an SMTP catcher, all five services on ports 8081-8085 and demo traffic.
# Ctrl-C stops all of it. Options: --no-demo. Environment: see README ("Running locally").
set -euo pipefail
cd "$(dirname "$0")"

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && [ -z "${LOYALTY_DB_URL:-}" ]; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  else
    echo "PostgreSQL is not answering on 127.0.0.1:5432; start it or set LOYALTY_DB_URL" >&2
    exit 1
  fi
fi

echo "Building (tests skipped; run them with: mvn -B verify)"
mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl local-suite -am
exec java -Xmx1g -jar local-suite/target/local-suite-0.1.0-SNAPSHOT-exec.jar "$@"
