#!/usr/bin/env bash
# The compose init job: as the super user, creates every Kafka user with its password from the
# environment, then grants every ACL, both from access.sh (generated from KafkaAccess). Safe to run
# again: a user's password is set to the environment's, an ACL that exists stays as it is.
set -euo pipefail
bootstrap=${KAFKA_BOOTSTRAP:-kafka:19092}
here=$(cd "$(dirname "$0")" && pwd)
admin_config=$here/admin.properties
bin=${KAFKA_HOME:-/opt/kafka}/bin

# user NAME PASSWORD_VARIABLE
user() {
    local name=$1 variable=$2
    local password=${!variable:-}
    if [[ ! $password =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
        echo "$variable must be set to at least 16 letters, digits or ._~- (see deploy/secrets.example.env)" >&2
        exit 1
    fi
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --alter \
        --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-256=[iterations=8192,password=$password]"
}

# allow NAME OPERATION RESOURCE_OPTIONS...
allow() {
    local name=$1 operation=$2
    shift 2
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add \
        --allow-principal "User:$name" --operation "$operation" "$@"
}

# The cluster profile: the services create their topics with KAFKA_REPLICAS copies, so every broker
# must be in the cluster before they start.
replicas=${KAFKA_REPLICAS:-1}
for attempt in $(seq 1 60); do
    brokers=$("$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" 2>/dev/null | grep -c '(id: ' || true)
    [ "$brokers" -ge "$replicas" ] && break
    [ "$attempt" = 60 ] && { echo "Only $brokers of the $replicas brokers KAFKA_REPLICAS asks for are up" >&2; exit 1; }
    sleep 2
done
echo "$brokers broker(s) up; topics get $replicas replica(s)"

source "$here/access.sh"
echo "Kafka users and ACLs are in place."
