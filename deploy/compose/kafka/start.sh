#!/bin/sh
# Starts the compose Kafka broker with deploy/compose/kafka/server.properties. On the first start it formats the
# storage and creates each service's SCRAM-SHA-512 user with the password from .env (KAFKA_<SERVICE>_PASSWORD);
# later password changes go through kafka-configs.sh (docs/operations.md#rotating-secrets).
set -eu
CONFIG=/etc/kafka/lantern/server.properties
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG" --cluster-id "$CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=lantern-registration,password=$KAFKA_REGISTRATION_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=lantern-devices,password=$KAFKA_DEVICES_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=lantern-partners,password=$KAFKA_PARTNERS_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=lantern-notifications,password=$KAFKA_NOTIFICATIONS_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
