#!/usr/bin/env bash
# pg-test-server.sh start|stop DIR PORT — a throwaway PostgreSQL server for the tests (no
# systemd needed): initdb with trust auth in DIR, listening on 127.0.0.1:PORT only.
# Prints the admin URL on start.
set -euo pipefail
cmd=$1 dir=$2 port=$3
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/bash -c "$*"
	else
		bash -c "$*"
	fi
}
case "$cmd" in
start)
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
	chmod 700 "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as_pg "$bin/initdb -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
	fi
	as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
	echo "postgresql://postgres@127.0.0.1:$port/postgres"
	;;
stop)
	as_pg "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop DIR PORT" >&2
	exit 2
	;;
esac
