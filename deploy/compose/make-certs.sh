#!/bin/sh
# Makes the TLS material docker-compose needs, into deploy/compose/certs/ (git-ignored; never commit it):
#   ca.crt, ca.key        a private CA for this installation (keep ca.key offline once the certificates exist)
#   kafka.pem             the broker's key and certificate (CN=kafka: also its client identity, the super user)
#   postgres.crt, .key    PostgreSQL's server certificate
# Services verify the names kafka and postgres against ca.crt (sslmode=verify-full; Kafka's host name check).
#
#   deploy/compose/make-certs.sh [DIR]      # refuses to overwrite an existing CA
set -eu
DIR=${1:-$(dirname "$0")/certs}
DAYS=${LANTERN_CERT_DAYS:-825}
mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"
if [ -e ca.key ]; then
  echo "$DIR/ca.key exists: remove the folder to start over" >&2
  exit 1
fi
umask 077
openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 -days "$DAYS" \
  -subj "/CN=Lantern compose CA" -keyout ca.key -out ca.crt \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

issue() {  # name, subjectAltName, extendedKeyUsage
  openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/CN=$1" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=%s\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n' "$2" "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$DAYS" -sha256 -extfile "$1.ext" \
    -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
issue kafka "DNS:kafka,DNS:localhost,IP:127.0.0.1" "serverAuth,clientAuth"
openssl pkcs8 -topk8 -nocrypt -in kafka.key > kafka.pem
cat kafka.crt >> kafka.pem
rm -f kafka.key kafka.crt
issue postgres "DNS:postgres,DNS:localhost,IP:127.0.0.1" "serverAuth"
rm -f ca.srl
# Readable inside the containers (kafka runs as uid 1000, the services as 10001); the folder itself stays 0700.
chmod 644 ca.crt kafka.pem postgres.crt postgres.key
echo "wrote $(pwd): ca.crt ca.key kafka.pem postgres.crt postgres.key"
