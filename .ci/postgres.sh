#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store's tests and prints the line that points
# them at it:   eval "$(bash .ci/postgres.sh)"
# The cluster lives in a temporary folder owned by `postgres`, listens on 127.0.0.1 only, on a
# free port, with trust authentication and fsync off (test data need not survive a crash;
# TERN_PG_DURABLE=1 keeps PostgreSQL's defaults, fsync and synchronous commit on, as the
# benchmarks want). It runs without systemd: pg_ctl starts it, and `pg_ctl stop -D DIR`
# (printed too) ends it.
set -euo pipefail

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server found (install the postgresql package)" >&2
    exit 1
fi
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

# A port nobody listens on: ask the kernel for one, then hand it to the server.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/tern-postgres.XXXXXX)
chown postgres: "$dir"
chmod 700 "$dir"

as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
CONF
if [ "${TERN_PG_DURABLE:-0}" != 1 ]; then
    printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$dir/data/postgresql.conf"
fi
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2

for _ in $(seq 1 100); do
    if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then break; fi
    sleep 0.1
done
as_postgres psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE tern LOGIN SUPERUSER" -c "CREATE DATABASE tern OWNER tern" >&2

echo "export TERN_TEST_POSTGRES_URL=postgres://tern@127.0.0.1:$port/tern"
echo "# stop with: runuser -u postgres -- $bin/pg_ctl -D $dir/data stop"
