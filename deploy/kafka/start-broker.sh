#!/usr/bin/env bash
# Starts a compose broker from server.properties. On the first start it formats the log directory
# and puts the admin's SCRAM credential into the bootstrap metadata: the broker authenticates to itself
# as admin on its inter-broker listener, so that user must exist before any client could create it.
# Later starts keep the formatted directory (and the users and ACLs in it).
#
# Node 1 ("kafka", always started) is broker and the controller. The `cluster` profile adds nodes 2
# and 3 (KAFKA_NODE_ID, KAFKA_ADVERTISED_LISTENERS): brokers only, joining node 1's quorum. With
# KAFKA_REPLICAS=3 every broker's defaults and internal topics use replication factor 3 and
# min.insync.replicas 2 (the services create their topics the same way, LOYALTY_KAFKA_REPLICAS).
set -euo pipefail
config=$(cd "$(dirname "$0")" && pwd)/server.properties
bin=${KAFKA_HOME:-/opt/kafka}/bin
: "${KAFKA_CLUSTER_ID:?}" "${KAFKA_ADMIN_PASSWORD:?set it in .env}" "${KAFKA_CONTROLLER_PASSWORD:?set it in .env}"
node=${KAFKA_NODE_ID:-1}
replicas=${KAFKA_REPLICAS:-1}
if [ "$node" != 1 ] && [ "$replicas" -lt 3 ]; then
  echo "Broker $node belongs to the cluster profile, whose topics need KAFKA_REPLICAS=3:" >&2
  echo "  COMPOSE_PROFILES=cluster KAFKA_REPLICAS=3 docker compose up" >&2
  exit 1
fi
min_isr=$(( replicas > 2 ? 2 : 1 ))

# server.properties with this node's settings after it (a later line wins).
own=/tmp/server-$node.properties
{
  cat "$config"
  echo
  echo "# start-broker.sh: node $node, replication factor $replicas"
  echo "node.id=$node"
  echo "default.replication.factor=$replicas"
  echo "min.insync.replicas=$min_isr"
  echo "offsets.topic.replication.factor=$replicas"
  echo "transaction.state.log.replication.factor=$replicas"
  echo "transaction.state.log.min.isr=$min_isr"
  if [ "$node" != 1 ]; then
    # A broker only: no controller listener of its own; it reaches node 1's.
    echo "process.roles=broker"
    echo "listeners=INTERNAL://:19092,EXTERNAL://:9092"
    echo "advertised.listeners=${KAFKA_ADVERTISED_LISTENERS:?}"
  fi
} >"$own"

scram=(--add-scram "SCRAM-SHA-256=[name=admin,password=$KAFKA_ADMIN_PASSWORD]")
[ "$node" = 1 ] || scram=()   # node 1 puts the credential into the cluster's metadata
"$bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$KAFKA_CLUSTER_ID" --config "$own" ${scram[@]+"${scram[@]}"}
exec "$bin/kafka-server-start.sh" "$own"
