#!/bin/sh
# The kafka-setup job of docker-compose: creates every topic and grants each service's user exactly the rights
# listed in access.txt (generated from the code by deploy/k8s/generate.py), as the broker's own identity on the
# INTERNAL listener. Safe to run again: topics that exist are left alone, ACLs that exist are not doubled.
set -eu
BIN=/opt/kafka/bin
ACCESS=/etc/kafka/lantern/access.txt
ADMIN="--bootstrap-server kafka:9095 --command-config /etc/kafka/lantern/internal.properties"
PARTITIONS=${LANTERN_TOPIC_PARTITIONS:-6}

# every topic named in a write or read line, once (inbound topics are read-only here: other systems write them)
# (inbound topics carry outside systems' unsealed data, a kiosk's card number: they keep a day, docs/privacy.md)
for topic in $(awk '$2 == "write" || $2 == "read" {print $3}' "$ACCESS" | sort -u); do
  case "$topic" in lantern.inbound.*) keep="--config retention.ms=86400000" ;; *) keep="" ;; esac
  # shellcheck disable=SC2086
  $BIN/kafka-topics.sh $ADMIN --create --if-not-exists --topic "$topic" --partitions "$PARTITIONS" \
    --replication-factor 1 $keep >/dev/null
  echo "topic $topic"
done

for user in $(awk '!/^#/ {print $1}' "$ACCESS" | sort -u); do
  writes=$(awk -v u="$user" '$1 == u && $2 == "write" {printf " --topic %s", $3}' "$ACCESS")
  reads=$(awk -v u="$user" '$1 == u && $2 == "read" {printf " --topic %s", $3}' "$ACCESS")
  groups=$(awk -v u="$user" '$1 == u && $2 == "group" {printf " --group %s", $3}' "$ACCESS")
  # shellcheck disable=SC2086
  [ -z "$writes" ] || $BIN/kafka-acls.sh $ADMIN --add --allow-principal "User:$user" \
    --operation Write --operation Describe $writes >/dev/null
  # shellcheck disable=SC2086
  [ -z "$reads" ] || $BIN/kafka-acls.sh $ADMIN --add --allow-principal "User:$user" \
    --operation Read --operation Describe $reads >/dev/null
  # shellcheck disable=SC2086
  [ -z "$groups" ] || $BIN/kafka-acls.sh $ADMIN --add --allow-principal "User:$user" \
    --operation Read --operation Describe --resource-pattern-type prefixed $groups >/dev/null
  echo "acls for $user:$writes (write)$reads (read)$groups (group prefix)"
done
