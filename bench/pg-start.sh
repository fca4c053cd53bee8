#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the benchmarks (as ./test does for the tests) and prints
# its connection string. Needs the PostgreSQL server binaries (apt-get install postgresql) and, when run
# as root, the postgres system user (the server refuses to run as root).
#
#   bench/pg-start.sh [PORT]            start; prints the connection string and the stop command
#   bench/pg-start.sh stop DIR          stop the cluster in DIR and delete it
#
# The cluster is on 127.0.0.1 only, trusts local connections (no password), keeps PostgreSQL's defaults
# (fsync=on, synchronous_commit=on, shared_buffers=128MB) except max_connections=300 (the app's pool and the
# benchmark's floor pool, 100 each by default, must both fit).
set -euo pipefail

pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql, or set PGBIN)." >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  dir=${2:?usage: pg-start.sh stop DIR}
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  echo "Stopped and removed $dir"
  exit 0
fi

port=${1:-}
if [ -z "$port" ]; then
  # A free port: ask the kernel for one.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
fi

dir=$(mktemp -d /tmp/agentpath-bench-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
if ! as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
  echo "initdb failed:" >&2; tail -n 20 "$dir/initdb.log" >&2; exit 1
fi
if ! as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
     -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null; then
  echo "pg_ctl start failed:" >&2; tail -n 20 "$dir/server.log" >&2; exit 1
fi

echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') running in $dir on port $port"
echo "Connection string (pass to --pg):"
echo "  Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "Stop and delete it with:"
echo "  bench/pg-start.sh stop $dir"
