#!/usr/bin/env bash
# Starts the compose broker from server.properties. On the first start it formats the log directory
# and puts the admin's SCRAM credential into the bootstrap metadata: the broker authenticates to itself
# as admin on its inter-broker listener, so that user must exist before any client could create it.
# Later starts keep the formatted directory (and the users and ACLs in it).
set -euo pipefail
config=$(cd "$(dirname "$0")" && pwd)/server.properties
bin=${KAFKA_HOME:-/opt/kafka}/bin
: "${KAFKA_CLUSTER_ID:?}" "${KAFKA_ADMIN_PASSWORD:?set it in .env}" "${KAFKA_CONTROLLER_PASSWORD:?set it in .env}"

"$bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$KAFKA_CLUSTER_ID" --config "$config" \
    --add-scram "SCRAM-SHA-256=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
exec "$bin/kafka-server-start.sh" "$config"
