#!/bin/bash
# web_bench.sh: wrk against 'dondoc serve' on 127.0.0.1: the task list API (10,000 tasks) and the
# dashboard, at 32 connections; prints req/s, p99 latency, the server's RSS and the ratio to
# Redmine 5's GET /issues.json?limit=25 (20.5 req/s on this class of machine).
set -eu
build=${1:-build}
dondoc=$(cd "$build" && pwd)/dondoc
redmine_rps=${REDMINE_RPS:-20.5}
n=${BENCH_TASKS:-10000}
secs=${BENCH_SECONDS:-10}
if ! command -v wrk >/dev/null; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-webbench.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
db=$work/bench.db
"$dondoc" --db "$db" init >/dev/null
echo "bench-password" | "$dondoc" --db "$db" user add bench --role admin >/dev/null
token=$("$dondoc" --db "$db" user token bench wrk)

# The data: one district with a term, an organ, 200 sessions, and n documents;
# with the tasks module, n tasks. Written with sqlite3 in one transaction.
tasks_sql=""
if sqlite3 "$db" "SELECT 1 FROM sqlite_schema WHERE name = 'task'" | grep -q 1; then
	tasks_sql=$(sed "s/\$n/$n/g" "$(dirname "$0")/web_bench_tasks.sql")
fi
sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO body(id, level, kind, name, code, place) VALUES (1, 'huyen', 'party', 'Huyện ủy Tân Yên', 'HU', 'Tân Yên');
INSERT INTO term(id, body_id, name, year_from, year_to) VALUES (1, 1, 'XXII', 2020, 2025);
INSERT INTO organ(id, body_id, kind, name) VALUES (1, 1, 'btv', 'Ban Thường vụ Huyện ủy');
INSERT INTO unit(id, body_id, kind, name) VALUES (1, 1, 'agency', 'Văn phòng Huyện ủy');
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)
INSERT INTO session(organ_id, term_id, number, date, status)
SELECT 1, 1, i, date('2021-01-01', '+' || (i * 7) || ' days'), 'concluded' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
INSERT INTO document(type_code, body_id, term_id, issuer_code, number, symbol, date, title, status)
SELECT 'TB', 1, 1, 'HU', i, i || '-TB/HU', date('2021-01-01', '+' || (i % 1500) || ' days'),
       'Kết luận của Ban Thường vụ Huyện ủy số ' || i, 'issued' FROM s;
$tasks_sql
COMMIT;
SQL

"$dondoc" --db "$db" serve --listen 127.0.0.1:0 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
url=${url%/}

# The dashboard needs a web session: log in as a browser would.
pre=$(curl -s -D - -o "$work/login.html" "$url/login" | sed -n 's/.*dd_login=\([0-9a-f]*\).*/\1/p')
sess=$(curl -s -D - -o /dev/null -b "dd_login=$pre" \
	--data "_csrf=$pre&login=bench&password=bench-password" "$url/login" |
	sed -n 's/.*dd_session=\([0-9a-f]*\).*/\1/p')

api_path="/api/v1/tasks?limit=25"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$api_path")" = 200 ] ||
	api_path="/api/v1/documents?limit=25"

run() { # NAME PATH HEADER
	local out rps p99
	out=$(wrk -t2 -c32 -d"${secs}s" --latency -H "$3" "$url$2")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
	printf '%-34s %10s req/s   p99 %8s   %s\n' "$1" "$rps" "$p99" "${non2xx:+non-2xx: $non2xx}"
	echo "$rps" >"$work/rps"
}
echo "store: $n rows under $api_path, 200 sessions; wrk -t2 -c32 -d${secs}s"
run "GET $api_path" "$api_path" "Authorization: Bearer $token"
api=$(cat "$work/rps")
run "GET / (dashboard)" "/" "Cookie: dd_session=$sess"
rss=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")
echo "server peak RSS: $rss"
awk -v a="$api" -v r="$redmine_rps" 'BEGIN { printf "API vs Redmine 5 GET /issues.json?limit=25 (%s req/s): %.0fx\n", r, a / r }'
