#!/bin/bash
# province_bench.sh: 'dondoc serve' on a province-shaped store of BENCH_TASKS tasks (bench/make-store,
# default 10,000) at 32 connections (wrk -t2 -c32): the task list API, the overdue filter, one task,
# the /tasks page and the dashboard (req/s, p99, one request's time), a common phrase searched
# (p95), 'tasks stats', the server's RSS after the mixed load, cold start to the first answer; then
# the roll-up of task statistics and of a period's figures over BENCH_BODIES bodies (default 3,400)
# and BENCH_ROLLUP_TASKS tasks (default BENCH_TASKS). Prints the figures and the ratio to Redmine 5.
# Never run by 'make check'; BENCH_SECONDS per wrk run (default 10). BENCH_STORE and
# BENCH_ROLLUP_STORE name stores already made by make-store (of BENCH_TASKS tasks, and of
# BENCH_BODIES bodies and BENCH_ROLLUP_TASKS tasks) to measure instead of making them; they are kept.
set -eu
build=${1:-build}
build=$(cd "$build" && pwd)
dondoc=$build/dondoc
make_store=$build/bench/make_store
redmine_rps=${REDMINE_RPS:-20.5}
n=${BENCH_TASKS:-10000}
bodies=${BENCH_BODIES:-3400}
rollup_n=${BENCH_ROLLUP_TASKS:-$n}
secs=${BENCH_SECONDS:-10}
phrase=${BENCH_PHRASE:-nông thôn mới}
if ! command -v wrk >/dev/null; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-provbench.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
ms() { echo $(($(date +%s%N) / 1000000)); }

db=${BENCH_STORE:-$work/province.db}
[ -n "${BENCH_STORE:-}" ] || "$make_store" "$n" "$db" | tail -1
token=$("$dondoc" --db "$db" user token admin wrk)

start() { # DB: starts the server, sets pid and url, prints the cold start to the first answer
	local t0 t1
	t0=$(ms)
	"$dondoc" --db "$1" serve --listen 127.0.0.1:0 >"$work/url" 2>"$work/log" &
	pid=$!
	for _ in $(seq 2000); do [ -s "$work/url" ] && break; sleep 0.005; done
	url=$(head -1 "$work/url")
	url=${url%/}
	until curl -s -o /dev/null "$url/login"; do sleep 0.002; done
	t1=$(ms)
	echo "cold start to first answer: $((t1 - t0)) ms (goal <= 50 ms)"
}
stop() {
	kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	pid=
}
start "$db"

# The dashboard and /tasks need a web session: log in as a browser would (the demo's admin).
pre=$(curl -s -D - -o /dev/null "$url/login" | sed -n 's/.*dd_login=\([0-9a-f]*\).*/\1/p')
sess=$(curl -s -D - -o /dev/null -b "dd_login=$pre" \
	--data "_csrf=$pre&login=admin&password=demo-admin" "$url/login" |
	sed -n 's/.*dd_session=\([0-9a-f]*\).*/\1/p')
bearer="Authorization: Bearer $token"
cookie="Cookie: dd_session=$sess"

once() { # PATH HEADER: one request's time in ms and its status
	curl -s -o /dev/null -H "$2" -w '%{http_code} %{time_total}' "$url$1" |
		awk '{printf "%.1f ms (HTTP %s)", $2 * 1000, $1}'
}
run() { # NAME PATH HEADER
	local out rps p99 non2xx
	out=$(wrk -t2 -c32 -d"${secs}s" --latency -H "$3" "$url$2")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
	printf '%-44s %10s req/s   p99 %8s   one: %s   %s\n' "$1" "$rps" "$p99" \
		"$(once "$2" "$3")" "${non2xx:+non-2xx: $non2xx}"
	echo "$rps" >"$work/rps"
}
echo "store: $n tasks, $n documents, $((n / 20)) sessions, 111 bodies; wrk -t2 -c32 -d${secs}s"
run "GET /api/v1/tasks?limit=25" "/api/v1/tasks?limit=25" "$bearer"
api=$(cat "$work/rps")
run "GET /api/v1/tasks?overdue=1&limit=100" "/api/v1/tasks?overdue=1&limit=100" "$bearer"
run "GET /api/v1/tasks/1 (one task)" "/api/v1/tasks/1" "$bearer"
run "GET /tasks (page)" "/tasks" "$cookie"
run "GET / (dashboard)" "/" "$cookie"
run "GET /api/v1/tasks/stats?by=body&rollup=1" "/api/v1/tasks/stats?by=body&rollup=1" "$bearer"

# A common phrase searched 100 times, one at a time: the 95th percentile.
q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$phrase")
for _ in $(seq 100); do
	curl -s -o /dev/null -H "$cookie" -w '%{time_total}\n' "$url/search?q=$q"
done | sort -n | awk '{a[NR] = $1} END {printf "search \"%s\": p95 %.1f ms, median %.1f ms (goal p95 <= 20 ms)\n", phrase, a[int(NR * 0.95)] * 1000, a[int(NR / 2)] * 1000}' phrase="$phrase"

rss=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")
echo "server RSS after the mixed load: $rss (peak $hwm)"
stop

t0=$(ms)
"$dondoc" --db "$db" tasks stats >/dev/null
t1=$(ms)
"$dondoc" --db "$db" tasks stats --by body --rollup >/dev/null
t2=$(ms)
echo "tasks stats: $((t1 - t0)) ms; tasks stats --by body --rollup: $((t2 - t1)) ms (whole command; goal <= 200 ms)"
awk -v a="$api" -v r="$redmine_rps" 'BEGIN { printf "API vs Redmine 5 GET /issues.json?limit=25 (%s req/s): %.0fx\n", r, a / r }'
[ -n "${BENCH_STORE:-}" ] || rm -f "$db" "$db"-wal "$db"-shm

# The roll-up over a country-sized tree: BENCH_BODIES bodies, BENCH_ROLLUP_TASKS tasks.
db=${BENCH_ROLLUP_STORE:-$work/rollup.db}
[ -n "${BENCH_ROLLUP_STORE:-}" ] || "$make_store" --bodies "$bodies" "$rollup_n" "$db" | tail -1
best() { # COMMAND...: the best of 5 runs in ms
	local b=999999 t0 t1
	for _ in 1 2 3 4 5; do
		t0=$(ms)
		"$@" >/dev/null
		t1=$(ms)
		[ $((t1 - t0)) -lt "$b" ] && b=$((t1 - t0))
	done
	echo "$b"
}
echo "roll-up of task statistics, $bodies bodies, $rollup_n tasks: best of 5" \
	"$(best "$dondoc" --db "$db" tasks stats --by body --rollup) ms (whole command; goal <= 200 ms)"
echo "roll-up of the figures of 2025 over the same tree (the province's report): best of 5" \
	"$(best "$dondoc" --db "$db" indicators report --body "Tỉnh ủy Bắc Giang" --period 2025 --rollup) ms"
bearer="Authorization: Bearer $("$dondoc" --db "$db" user token admin wrk)"
start "$db" >/dev/null
echo "GET /api/v1/tasks/stats?by=body&rollup=1 on it: $(once "/api/v1/tasks/stats?by=body&rollup=1" "$bearer")"
stop
