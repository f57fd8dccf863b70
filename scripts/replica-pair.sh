#!/usr/bin/env bash
# A throwaway PostgreSQL primary and its streaming replica (ADR 0026), for CI (.ci/run) and
# the reporting-replica test (src/server/access/reporting-replica.test.ts) alike.
#
#   scripts/replica-pair.sh start DIR   prints PRIMARY_URL=… and REPLICA_URL=… (postgres://)
#   scripts/replica-pair.sh stop DIR    stops both servers and removes DIR
#
# The replica is made the way an installation makes one: pg_basebackup -R -X stream from the
# running primary, then started on a second port; it follows the primary by streaming
# replication and answers read-only queries (hot standby). fsync is off: the pair lives for
# one run. The binaries come from PG_BIN, else the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1"
dir="$2"

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_basebackup" ]; then
  echo "replica-pair: no PostgreSQL server binaries (initdb, pg_basebackup) in /usr/lib/postgresql/*/bin; install the postgresql package or set PG_BIN" >&2
  exit 1
fi

as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the clusters belong to the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_pg=(runuser -u postgres --)
fi

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# The same settings on both: a hot standby refuses to start with fewer connections than its primary.
server_options() {
  echo "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
}

start_server() { # data folder, port, log
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$1" -l "$3" -w -t 60 start -o "$(server_options "$2")" >/dev/null \
    || { cat "$3" >&2; exit 1; }
}

stop_pair() {
  for data in "$dir/replica" "$dir/primary"; do
    [ -d "$data" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

case "$action" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "${#as_pg[@]}" -eq 0 ] || chown postgres "$dir"
    primary_port="$(free_port)"
    # initdb's own access rules already let local connections replicate (trust, 127.0.0.1).
    "${as_pg[@]}" "$pg_bin/initdb" -D "$dir/primary" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    start_server "$dir/primary" "$primary_port" "$dir/primary.log"
    "${as_pg[@]}" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres \
      -D "$dir/replica" -R -X stream --no-sync >/dev/null \
      || { echo "replica-pair: pg_basebackup failed" >&2; stop_pair; exit 1; }
    replica_port="$(free_port)"
    start_server "$dir/replica" "$replica_port" "$dir/replica.log"
    echo "PRIMARY_URL=postgres://postgres@127.0.0.1:$primary_port/postgres"
    echo "REPLICA_URL=postgres://postgres@127.0.0.1:$replica_port/postgres"
    ;;
  stop) stop_pair ;;
  *) usage ;;
esac
