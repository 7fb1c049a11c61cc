#!/bin/bash
# pg-cluster.sh: several dondoc processes on one PostgreSQL store: a login made on one server
# is valid on the others, numbers taken by three processes at once are distinct without gaps,
# a writer killed mid-load loses no write it acknowledged, two reminder runs at once send each
# e-mail once, and the audit chain stays linear.
. "$(dirname "$0")/lib.sh"

CLUSTER="${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/pg/cluster.sh"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pg.XXXXXX")
PIDS=""
trap 'kill $PIDS 2>/dev/null; wait 2>/dev/null; "$CLUSTER" stop "$PGDIR/c"; rm -rf "$PGDIR" "$WORK"' EXIT
PG=$("$CLUSTER" start "$PGDIR/c") || { not_ok "a PostgreSQL cluster starts" "$PG"; done_testing; }
export DONDOC_AUDIT_KEY="$WORK/pg.audit-key"
D=("$DONDOC" --db "$PG")
check "the demo is created on PostgreSQL" "${D[@]}" init --demo

# Three servers on the one store.
for i in 1 2 3; do
	"${D[@]}" serve --listen 127.0.0.1:0 >"serve$i.out" 2>"serve$i.err" &
	PIDS="$PIDS $!"
done
for i in 1 2 3; do
	for _ in $(seq 100); do [ -s "serve$i.out" ] && break; sleep 0.1; done
done
url1=$(head -1 serve1.out)
url2=$(head -1 serve2.out)
url3=$(head -1 serve3.out)
csrf=$(curl -s -c jar "${url1}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
check_eq "the office logs in on the first server" \
	"$(curl -s -b jar -c jar -o /dev/null -w '%{http_code}' --data-urlencode login=vanphong \
		--data-urlencode password=demo-vanphong --data-urlencode "_csrf=$csrf" "${url1}login")" "303"
check_eq "its session is valid on the second and third servers" \
	"$(curl -s -b jar -o /dev/null -w '%{http_code} ' "${url2}tasks")$(curl -s -b jar -o /dev/null -w '%{http_code}' "${url3}tasks")" \
	"200 200"
check_eq "without it the third server asks for a login" \
	"$(curl -s -o /dev/null -w '%{http_code}' "${url3}tasks")" "303"

# Three processes × 50 document numbers at once: NQ of 2023 continue above 56-NQ/HU.
for p in 1 2 3; do
	(for _ in $(seq 50); do "${D[@]}" doc number next --body HU --type NQ --date 04/10/2023 || echo FAIL; done >"n$p" 2>&1) &
done
wait_writers() { for j in $(jobs -p); do case " $PIDS " in *" $j "*) ;; *) wait "$j" ;; esac; done; }
wait_writers
check_eq "150 numbers taken by three processes at once are 57..206, each once" \
	"$(cat n1 n2 n3 | sort -n | tr '\n' ' ')" "$(seq 57 206 | tr '\n' ' ')"

# Three writers adding sessions; one is killed (SIGKILL) mid-load. Every session a writer
# acknowledged (its number printed) is in the store, and numbers stay distinct.
for p in 1 2 3; do
	(for _ in $(seq 40); do "${D[@]}" session add --organ HU:bch --term XXII --date 2026-11-20 || echo FAIL; done >"s$p" 2>&1) &
	echo $! >"w$p"
done
sleep 1
pkill -KILL -P "$(cat w2)" 2>/dev/null
kill -KILL "$(cat w2)" 2>/dev/null
wait_writers
acked=$(cat s1 s2 s3 | sed -n 's/.*phiên họp thứ \([0-9]*\).*/\1/p' | sort -n)
stored=$("${D[@]}" --json session list | jq -r '.[] | select(.number > 26) | .number' 2>/dev/null | sort -n)
check_eq "the writers acknowledged sessions before and after the kill" \
	"$([ "$(echo "$acked" | wc -l)" -gt 60 ] && echo yes)" "yes"
missing=$(comm -23 <(echo "$acked") <(echo "$stored") | tr '\n' ' ')
check_eq "no acknowledged session is lost when a writer is killed" "$missing" ""
check_eq "the sessions' numbers are distinct" "$(echo "$stored" | uniq -d | wc -l)" "0"
# Two 'remind' runs started together against a slow SMTP server: each digest is sent once.
mkdir -p mail
SMTP_SINK_DELAY=0.4 python3 "${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/cli/smtp_sink.py" "$PWD/mail" &
PIDS="$PIDS $!"
for _ in $(seq 50); do [ -f mail/port ] && break; sleep 0.1; done
R=("${D[@]}" remind --as-of 2023-11-28 --from vp@tanyen.example --smtp "smtp://127.0.0.1:$(cat mail/port)")
"${R[@]}" >run1.out 2>&1 &
r1=$!
"${R[@]}" >run2.out 2>&1 &
r2=$!
wait $r1
s1=$?
wait $r2
s2=$?
check_eq "two reminder runs started together succeed" "$s1 $s2" "0 0"
check_eq "each unit receives its digest once" \
	"$(grep -h '^To:' mail/msg-*.eml | sort | uniq -d | wc -l) $(grep -h '^To:' mail/msg-*.eml | sort -u | wc -l)" "0 3"
check "the audit chain is linear and sealed after all of it" "${D[@]}" check
done_testing
