#!/bin/bash
# pg_bench.sh: dondoc on PostgreSQL beside SQLite, on province-shaped stores of BENCH_TASKS tasks
# (bench/make-store; default 10,000): the task list API, the overdue filter, one task and the
# dashboard at 32 connections (wrk -t2 -c32, BENCH_SECONDS each, default 10), with one 'dondoc
# serve' on SQLite, one on PostgreSQL, and three on PostgreSQL behind haproxy. The PostgreSQL
# cluster is a throwaway one (tests/pg/cluster.sh); BENCH_PG names a store already made instead
# (with DONDOC_AUDIT_KEY set), and BENCH_SQLITE an SQLite store already made (its key beside it),
# e.g. the same store copied with 'dondoc migrate-store'. Each figure is printed with the
# machine's load average at its end. Never run by 'make check'.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dondoc=${DONDOC:-$here/build/dondoc}
make_store=${MAKE_STORE:-$here/build/bench/make_store}
n=${BENCH_TASKS:-10000}
secs=${BENCH_SECONDS:-10}
for t in wrk haproxy; do
	command -v "$t" >/dev/null || { echo "pg_bench: $t is not installed (apt-get install $t)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pgbench.XXXXXX")
pids=""
cleanup() {
	for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ -n "${BENCH_PG:-}" ] || "$here/tests/pg/cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BENCH_PG:-}" ]; then
	pg=$BENCH_PG
else
	pg=$("$here/tests/pg/cluster.sh" start "$work/pg")
	export DONDOC_AUDIT_KEY="$work/audit-key"
	echo "PostgreSQL store: $("$make_store" "$n" "$pg" | tail -1 | sed 's/^make-store: [^ ]* //')"
fi
if [ -n "${BENCH_SQLITE:-}" ]; then
	sq=$BENCH_SQLITE
else
	sq=$work/s.db
	"$make_store" "$n" "$sq" >/dev/null
fi
# A store just filled has no planner statistics yet (autovacuum would gather them later).
psql -q "$pg" -c ANALYZE

nserve=0
serve() { # DB: one more server; its port in $port
	nserve=$((nserve + 1))
	"$dondoc" --db "$1" serve --listen 127.0.0.1:0 >"$work/url$nserve" 2>/dev/null &
	pids="$pids $!"
	for _ in $(seq 400); do [ -s "$work/url$nserve" ] && break; sleep 0.01; done
	port=$(sed -n 's#^http://127.0.0.1:\([0-9]*\)/$#\1#p' "$work/url$nserve")
}
front() { # PORT...: haproxy in front of these servers; its port in $port
	local cfg="$work/haproxy.cfg" i=0
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	{
		printf 'global\n\tmaxconn 1024\ndefaults\n\tmode http\n\ttimeout connect 5s\n\ttimeout client 30s\n\ttimeout server 30s\n'
		printf 'frontend web\n\tbind 127.0.0.1:%s\n\tdefault_backend dondoc\nbackend dondoc\n\tbalance roundrobin\n' "$port"
		for p in "$@"; do i=$((i + 1)); printf '\tserver s%d 127.0.0.1:%s\n' "$i" "$p"; done
	} >"$cfg"
	haproxy -f "$cfg" >/dev/null 2>&1 &
	pids="$pids $!"
	until curl -s -o /dev/null "http://127.0.0.1:$port/login"; do sleep 0.01; done
}
measure() { # LABEL DB PORT
	local url="http://127.0.0.1:$3" token pre sess
	token=$("$dondoc" --db "$2" user token admin "wrk$RANDOM" | tail -1)
	pre=$(curl -s -D - -o /dev/null "$url/login" | sed -n 's/.*dd_login=\([0-9a-f]*\).*/\1/p')
	sess=$(curl -s -D - -o /dev/null -b "dd_login=$pre" --data "_csrf=$pre&login=admin&password=demo-admin" \
		"$url/login" | sed -n 's/.*dd_session=\([0-9a-f]*\).*/\1/p')
	echo "$1"
	for m in "list 25|/api/v1/tasks?limit=25|Authorization: Bearer $token" \
		"overdue, 100|/api/v1/tasks?overdue=1&limit=100|Authorization: Bearer $token" \
		"one task|/api/v1/tasks/1|Authorization: Bearer $token" \
		"dashboard|/|Cookie: dd_session=$sess"; do
		IFS='|' read -r name path hdr <<<"$m"
		# one request alone first (a second one: the first warms the server's statements)
		curl -s -o /dev/null -H "$hdr" "$url$path"
		one=$(curl -s -o /dev/null -H "$hdr" -w '%{http_code} %{time_total}' "$url$path")
		wrk -t2 -c32 -d"${secs}s" --latency -H "$hdr" "$url$path" | awk -v n="$name" -v one="$one" '
			/Requests\/sec/ {r = $2} $1 == "99%" {p = $2} /Non-2xx/ {bad = $NF} /Socket errors/ {to = $NF}
			END {split(one, o, " "); printf "  %-14s %9s req/s  p99 %8s  one request %.1f ms (HTTP %s)%s%s", n, r, p, o[2] * 1000, o[1], bad ? "  non-2xx: " bad : "", to ? "  timeouts (2 s): " to : ""}'
		echo "  (load $(cut -d' ' -f1-3 /proc/loadavg))"
	done
}
tasks=$(psql -At "$pg" -c "SELECT count(*) FROM task")
echo "stores of $tasks tasks; wrk -t2 -c32 -d${secs}s; this machine: $(nproc) processors (server, database and wrk share them)"
serve "$sq"
measure "SQLite, 1 server" "$sq" "$port"
serve "$pg"
p1=$port
measure "PostgreSQL, 1 server" "$pg" "$p1"
serve "$pg"
p2=$port
serve "$pg"
front "$p1" "$p2" "$port"
measure "PostgreSQL, 3 servers behind haproxy" "$pg" "$port"
