#!/bin/bash
# deploy.sh: the deployment files in dist/ are well-formed, and haproxy with dist/haproxy.cfg
# spreads requests over two 'dondoc serve' started as dist/dondoc@.service starts them,
# passing the client's address, and goes on answering when one of them dies.
. "$(dirname "$0")/lib.sh"
DIST="$(cd "$(dirname "$0")/../../dist" && pwd)"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

# systemd's own check of the units, the binary under test in place of /usr/local/bin/dondoc.
if command -v systemd-analyze >/dev/null; then
	mkdir units
	for f in "$DIST"/*.service "$DIST"/*.timer; do
		sed "s#/usr/local/bin/dondoc#$DONDOC#" "$f" >"units/$(basename "$f")"
	done
	cp units/dondoc@.service units/dondoc@1.service
	for u in dondoc.service dondoc@1.service dondoc-remind.service dondoc-remind.timer; do
		out=$(cd units && systemd-analyze verify --man=no "./$u" 2>&1)
		check_eq "systemd-analyze verify $u says nothing" "$out" ""
	done
else
	ok "# SKIP systemd-analyze is not installed"
fi

if ! command -v haproxy >/dev/null; then
	ok "# SKIP haproxy is not installed (scripts/deps installs it)"
	done_testing
	exit 0
fi
check "haproxy -c accepts dist/haproxy.cfg" haproxy -c -q -f "$DIST/haproxy.cfg"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
"$DONDOC" --db s.db init >/dev/null 2>&1
# The options dondoc@.service gives, with an ephemeral port each.
args=$(sed -n 's#^ExecStart=/usr/local/bin/dondoc serve --listen [^ ]* ##p' "$DIST/dondoc@.service")
for i in 1 2; do
	# shellcheck disable=SC2086
	"$DONDOC" --db s.db serve --listen 127.0.0.1:0 $args >"serve$i.out" 2>"serve$i.err" &
	PIDS+=($!)
	for _ in $(seq 100); do [ -s "serve$i.out" ] && break; sleep 0.1; done
done
p1=$(sed -n 's#^http://127.0.0.1:\([0-9]*\)/$#\1#p' serve1.out)
p2=$(sed -n 's#^http://127.0.0.1:\([0-9]*\)/$#\1#p' serve2.out)
front=$(free_port)
# dist/haproxy.cfg with this test's ports: its frontend on $front, its servers the two above.
sed -e "s#^\tbind :80\$#\tbind 127.0.0.1:$front#" -e '/^\tserver serve3 /d' \
	-e "s#^\tserver serve1 127.0.0.1:8081#\tserver serve1 127.0.0.1:$p1#" \
	-e "s#^\tserver serve2 127.0.0.1:8082#\tserver serve2 127.0.0.1:$p2#" \
	-e 's#inter 5s#inter 300ms#' "$DIST/haproxy.cfg" >haproxy.cfg
check_eq "the test's haproxy.cfg differs from dist/ in its ports and check interval only" \
	"$(diff "$DIST/haproxy.cfg" haproxy.cfg | grep -c '^>')" "4"
haproxy -db -f haproxy.cfg >haproxy.log 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$front/login" && break; sleep 0.1; done
# The health check reaches both servers (GET /login, answered 200).
for _ in $(seq 50); do
	grep -q '127.0.0.1 GET /login 200' serve1.err && grep -q '127.0.0.1 GET /login 200' serve2.err && break
	sleep 0.1
done
check_eq "haproxy's health check is answered by both servers" \
	"$(grep -c '127.0.0.1 GET /login 200' serve1.err | grep -vc '^0$')$(grep -c '127.0.0.1 GET /login 200' serve2.err | grep -vc '^0$')" "11"
codes=""
for _ in 1 2 3 4; do
	codes="$codes$(curl -s --interface 127.0.0.5 -o /dev/null -w '%{http_code} ' "http://127.0.0.1:$front/login")"
done
check_eq "the login page answers through haproxy" "$codes" "200 200 200 200 "
check_eq "both servers answered, and logged the client's address passed in X-Forwarded-For" \
	"$(grep -c '127.0.0.5 GET /login 200' serve1.err | grep -vc '^0$')$(grep -c '127.0.0.5 GET /login 200' serve2.err | grep -vc '^0$') $(cat serve1.err serve2.err | grep -c '127.0.0.5 GET /login 200')" "11 4"
kill -KILL "${PIDS[0]}"
wait "${PIDS[0]}" 2>/dev/null
codes=""
for _ in 1 2 3 4; do
	codes="$codes$(curl -s -o /dev/null -w '%{http_code} ' "http://127.0.0.1:$front/login")"
done
check_eq "with one server killed, every request is still answered" "$codes" "200 200 200 200 "
done_testing
