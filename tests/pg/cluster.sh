#!/bin/sh
# cluster.sh: a throwaway PostgreSQL cluster for the tests, in a folder of its own.
#   cluster.sh start DIR   creates and starts it; prints its address (a libpq URI
#                          with a password, over TCP on a free loopback port)
#   cluster.sh stop DIR    stops it and removes DIR
# As root the server runs as the 'postgres' account (initdb refuses root).
set -eu

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "cluster.sh: PostgreSQL is not installed (scripts/deps)" >&2; exit 2; }

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: cluster.sh start|stop DIR" >&2; exit 2; }

case $cmd in
start)
	mkdir -p "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		# the server's account must reach DIR: a test's private temporary parent is opened for passing through
		chmod a+x "$(dirname "$dir")"
		chown postgres "$dir"
	fi
	pass=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
	printf '%s\n' "$pass" >"$dir/pw"
	[ "$(id -u)" -ne 0 ] || chown postgres "$dir/pw"
	as_owner "$PGBIN/initdb" -D "$dir/data" -U dondoc --pwfile="$dir/pw" -E UTF8 \
		--locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	port=$(free_port)
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$PGBIN/createdb" -h "$dir" -p "$port" -U dondoc dondoc
	printf '%s\n' "$port" >"$dir/port"
	echo "postgresql://dondoc:$pass@127.0.0.1:$port/dondoc"
	;;
stop)
	[ -d "$dir/data" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: cluster.sh start|stop DIR" >&2
	exit 2
	;;
esac
