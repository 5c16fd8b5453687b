#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# One role and one database per Lantern service; each role owns and reaches only its own database:
# CONNECT is revoked from PUBLIC on every service database and on the maintenance databases, so a service's
# credentials open nothing else. Passwords come from the environment (<SERVICE>_DB_PASSWORD), never from a file.
#
# To add a service later on an existing volume, run this script by hand:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-lantern-databases.sh
set -euo pipefail

SERVICES=(edge registration devices partners notifications)

# keycloak: the identity provider's own database (docker-compose.yml's keycloak service)
# datakeys: the per-patron data keys every service reaches (lantern_shared.sealing; registration migrates it)
# web: the web app's server-side sessions (docker-compose.yml's web service)
for svc in "${SERVICES[@]}" keycloak datakeys web; do
  var="${svc^^}_DB_PASSWORD"
  password="${!var:-}"
  if [ -z "$password" ]; then
    echo "init-databases: $var is not set; refusing to create role $svc without a password" >&2
    exit 1
  fi
  # psql variables keep the password off the command line and quote it (:'pw' literal, :"svc" identifier).
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v svc="$svc" -v pw="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'svc') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'svc') \gexec
ALTER ROLE :"svc" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'svc', :'svc')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'svc') \gexec
ALTER DATABASE :"svc" OWNER TO :"svc";
REVOKE ALL ON DATABASE :"svc" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"svc" TO :"svc";
SQL
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$svc" -v svc="$svc" <<'SQL'
ALTER SCHEMA public OWNER TO :"svc";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
  echo "init-databases: role and database '$svc' ready"
done

# The maintenance databases are for the superuser only.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
SQL
