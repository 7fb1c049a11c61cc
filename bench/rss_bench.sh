#!/bin/bash
# rss_bench.sh DONDOC DB [SECS]: the server's memory under a long mixed load. Starts 'DONDOC serve'
# on the store DB with its defaults, drives it with wrk at 32 connections for SECS seconds (default
# 600) with the issue's requests in turn (the task list API, the overdue filter, one task, the /tasks
# page, the dashboard, a search for a common phrase, a task's page; task ids drawn from 1 to
# RSS_TASKS, default 10000), and prints the server's RSS (VmRSS) and peak (VmHWM) every minute and
# at the end, then again after 5 s idle. The peak includes the login's password check (libsodium's
# argon2id takes 64 MiB for a moment). Never run by 'make check'. Logs in as the demo's admin
# (make-store's stores have it) and writes an API token named wrk, as bench/province_bench.sh does.
set -eu
dondoc=${1:?usage: rss_bench.sh DONDOC DB [SECS]}
db=${2:?usage: rss_bench.sh DONDOC DB [SECS]}
secs=${3:-600}
ntask=${RSS_TASKS:-10000}
phrase=${RSS_PHRASE:-nông thôn mới}
command -v wrk >/dev/null || {
	echo "rss_bench.sh: wrk is needed (apt-get install wrk)" >&2
	exit 1
}
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-rssbench.XXXXXX")
pid=
wpid=
cleanup() {
	[ -n "$wpid" ] && kill "$wpid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

token=$("$dondoc" --db "$db" user token admin wrk)
"$dondoc" --db "$db" serve --listen 127.0.0.1:0 >"$work/url" 2>"$work/log" &
pid=$!
for _ in $(seq 2000); do [ -s "$work/url" ] && break; sleep 0.005; done
url=$(head -1 "$work/url")
url=${url%/}
until curl -s -o /dev/null "$url/login"; do sleep 0.01; done
pre=$(curl -s -D - -o /dev/null "$url/login" | sed -n 's/.*dd_login=\([0-9a-f]*\).*/\1/p')
sess=$(curl -s -D - -o /dev/null -b "dd_login=$pre" \
	--data "_csrf=$pre&login=admin&password=demo-admin" "$url/login" |
	sed -n 's/.*dd_session=\([0-9a-f]*\).*/\1/p')
[ -n "$sess" ] || {
	echo "rss_bench.sh: could not log in as admin" >&2
	exit 1
}
q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$phrase")

# Each wrk thread turns through the seven requests; both credentials go with every request.
cat >"$work/mix.lua" <<EOF
local n = 0
local paths = {"/api/v1/tasks?limit=25", "/api/v1/tasks?overdue=1&limit=100", "/api/v1/tasks/",
	"/tasks", "/", "/search?q=$q", "/tasks/"}
function init(args)
	wrk.headers["Authorization"] = "Bearer $token"
	wrk.headers["Cookie"] = "dd_session=$sess"
	math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end
function request()
	n = n + 1
	local p = paths[n % #paths + 1]
	if p:sub(-1) == "/" and #p > 1 then
		p = p .. math.random($ntask)
	end
	return wrk.format("GET", p)
end
EOF

mem() { # LABEL: the server's resident memory (of it, heap and files mapped) and peak
	awk -v l="$1" '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2} /^RssAnon/ {a = $2} /^RssFile/ {f = $2}
		END {printf "%-22s RSS %.1f MB (anonymous %.1f, files %.1f)   peak %.1f MB\n", l,
			r / 1024, a / 1024, f / 1024, h / 1024}' /proc/$pid/status
}
echo "rss_bench: $db, wrk -t2 -c32 for ${secs}s, the server's defaults; $(uptime)"
mem "start"
wrk -t2 -c32 -d"${secs}s" -s "$work/mix.lua" "$url" >"$work/wrk" 2>&1 &
wpid=$!
t=0
while kill -0 "$wpid" 2>/dev/null; do
	sleep 1
	t=$((t + 1))
	[ $((t % 60)) -eq 0 ] && mem "after $((t / 60)) min"
done
wait "$wpid" || true
wpid=
mem "end of load (${t} s)"
sleep 5
mem "after 5 s idle"
awk '/requests in/ {print "requests: " $1 " in " $4} /Requests\/sec/ {print "req/s: " $2}
	/Non-2xx/ {print "non-2xx: " $NF}' "$work/wrk"
