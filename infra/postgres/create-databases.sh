#!/usr/bin/env bash
# Creates the services' PostgreSQL databases if they are missing (idempotent).
#
#   bash infra/postgres/create-databases.sh            # create missing ones
#   bash infra/postgres/create-databases.sh --fresh    # DROP (even with open connections) + CREATE, for tests
#   bash infra/postgres/create-databases.sh [--fresh] db1 db2   # only these databases
#
# Server: standard libpq env vars, PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres),
# PGPASSWORD (optional). Statements run from the maintenance database PGDATABASE (default postgres).
# Keep the default list in sync with init/01-databases.sql (used by docker-compose).
set -euo pipefail

DEFAULT_DATABASES=(hardship_cases education_grants medical_aid organisation)

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-postgres}"

fresh=false
databases=()
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "create-databases.sh: unknown option $arg" >&2
      exit 2
      ;;
    *) databases+=("$arg") ;;
  esac
done
((${#databases[@]})) || databases=("${DEFAULT_DATABASES[@]}")

for db in "${databases[@]}"; do
  # Names are interpolated into SQL: allow plain lower-case identifiers only.
  if [[ ! "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
    echo "create-databases.sh: invalid database name '$db'" >&2
    exit 2
  fi
done

if ! command -v psql >/dev/null 2>&1; then
  echo "create-databases.sh: psql not found (apt-get install postgresql-client)" >&2
  exit 1
fi

psql_run() {
  psql -X -q -v ON_ERROR_STOP=1 "$@"
}

if ! psql_run -Atc 'SELECT 1' >/dev/null 2>&1; then
  echo "create-databases.sh: cannot connect to postgres://$PGUSER@$PGHOST:$PGPORT/$PGDATABASE" >&2
  psql_run -Atc 'SELECT 1' >/dev/null || true # show libpq's error
  echo "Local server down? pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
fi

for db in "${databases[@]}"; do
  if [[ "$fresh" == true ]]; then
    # WITH (FORCE) (PostgreSQL 13+) terminates leftover connections, e.g. from a crashed test run.
    psql_run -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    echo "dropped  $db"
  fi
  exists="$(psql_run -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  if [[ "$exists" == 1 ]]; then
    echo "exists   $db"
    continue
  fi
  # CREATE DATABASE cannot run in a DO block / function; \gexec runs it only when still missing
  # (another process may have created it since the check above).
  psql_run <<SQL
SELECT 'CREATE DATABASE "$db"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')
\\gexec
SQL
  echo "created  $db"
done
