#!/bin/sh
# Start the local PostgreSQL cluster and create the test role and database (idempotent).
# Prints the SQLAlchemy URL the tests use on stdout (and nothing else: messages go to stderr).
set -eu
USER_NAME=hallkiosk
DB_NAME=hallkiosk_test
PASSWORD=hallkiosk-test
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/pg-test.sh: run as root, or set KIOSK_TEST_POSTGRES_URL to an existing database" >&2
  exit 1
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
as_pg() { su postgres -c "$1" >&2; }
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'\"" | grep -q 1; then
  as_pg "psql -p $port -c \"CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD'\""
fi
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB_NAME'\"" | grep -q 1; then
  as_pg "createdb -p $port -O $USER_NAME $DB_NAME"
fi
echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:$port/$DB_NAME"
