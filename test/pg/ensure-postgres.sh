#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1 (only), ensures a `cartlift_test`
# role and database, and prints the connection URL on stdout. Idempotent:
# run it as often as you like. Diagnostics go to stderr.
#
#   export CARTLIFT_TEST_DATABASE_URL="$(test/pg/ensure-postgres.sh)"
#
# Environment: PG_VERSION (default: newest under /usr/lib/postgresql),
# CARTLIFT_PG_PORT (default 5432), CARTLIFT_PG_DATA (default: Debian's cluster
# "main"; set a directory to use a private cluster there instead).
set -euo pipefail

# Only the URL may reach stdout (callers capture it): everything the tools
# print — pg_ctlcluster says "Removed stale pid file." on stdout after a
# reboot — goes to stderr. The URL is written to the saved stdout, fd 3.
exec 3>&1 1>&2

log() { echo "[ensure-postgres] $*" >&2; }

if [ -z "${PG_VERSION:-}" ]; then
  PG_VERSION=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
fi
BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
if [ -z "$PG_VERSION" ] || [ ! -x "$BIN/pg_ctl" ]; then
  log "PostgreSQL is not installed (apt-get install -y postgresql); nothing started."
  exit 1
fi
PORT="${CARTLIFT_PG_PORT:-5432}"
ROLE=cartlift_test
PASSWORD=cartlift_test
DB=cartlift_test

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}
psql_admin() { as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAX "$@"; }

ready() { "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; }

if ! ready; then
  if [ -n "${CARTLIFT_PG_DATA:-}" ]; then
    mkdir -p "$CARTLIFT_PG_DATA"
    chown postgres:postgres "$CARTLIFT_PG_DATA" 2>/dev/null || true
    if [ ! -f "$CARTLIFT_PG_DATA/PG_VERSION" ]; then
      log "initdb into $CARTLIFT_PG_DATA"
      as_postgres "$BIN/initdb" -D "$CARTLIFT_PG_DATA" -U postgres --auth=trust >/dev/null
    fi
    log "starting a private cluster in $CARTLIFT_PG_DATA on 127.0.0.1:$PORT"
    as_postgres "$BIN/pg_ctl" -D "$CARTLIFT_PG_DATA" -l "$CARTLIFT_PG_DATA/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp" start >/dev/null 3>&-
  else
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main"; then
      log "creating Debian cluster $PG_VERSION/main"
      pg_createcluster "$PG_VERSION" main -p "$PORT" >/dev/null
    fi
    CONF="/etc/postgresql/$PG_VERSION/main/postgresql.conf"
    # Loopback only, whatever the packaged default says.
    sed -i -E "s/^#?listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$CONF"
    sed -i -E "s/^#?port\s*=.*/port = $PORT/" "$CONF"
    log "starting Debian cluster $PG_VERSION/main on 127.0.0.1:$PORT"
    pg_ctlcluster "$PG_VERSION" main start 3>&-  # the server must not hold the URL pipe open
  fi
  for _ in $(seq 1 50); do ready && break; sleep 0.2; done
  ready || { log "PostgreSQL did not become ready on 127.0.0.1:$PORT"; exit 1; }
fi

# The Debian cluster authenticates local TCP by password; the admin commands
# run over the Unix socket as the postgres OS user when TCP needs a password.
admin() {
  if psql_admin -c 'select 1' >/dev/null 2>&1; then psql_admin "$@"; else
    as_postgres "$BIN/psql" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qtAX "$@"
  fi
}

if [ "$(admin -c "select 1 from pg_roles where rolname = '$ROLE'")" != 1 ]; then
  log "creating role $ROLE"
  admin -c "create role $ROLE login password '$PASSWORD'"
fi
if [ "$(admin -c "select 1 from pg_database where datname = '$DB'")" != 1 ]; then
  log "creating database $DB"
  admin -c "create database $DB owner $ROLE"
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB" >&3
