#!/bin/bash
# remind.sh: 'dondoc remind' against a real SMTP listener on 127.0.0.1.
. "$(dirname "$0")/lib.sh"
SINK="$(dirname "$0")/smtp_sink.py"
SINK_PID=""
trap '[ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

start_sink() { # SMTP_SINK_DELAY, SMTP_SINK_REFUSE pass through to the sink
	rm -f mail/port mail/commands
	mkdir -p mail
	python3 "$SINK" "$PWD/mail" &
	SINK_PID=$!
	for _ in $(seq 50); do [ -f mail/port ] && break; sleep 0.1; done
	PORT=$(cat mail/port)
}
stop_sink() {
	kill "$SINK_PID" 2>/dev/null
	wait "$SINK_PID" 2>/dev/null
	SINK_PID=""
}
nmail() { ls mail/msg-*.eml 2>/dev/null | wc -l; }
nsent() { sql t.db 'SELECT count(*) FROM task_reminder'; }

if ! msg=$("$DONDOC" --db t.db init --demo 2>&1); then
	echo "1..0 # SKIP the demo cannot be built in this store: $msg"
	exit 0
fi
AS_OF=2023-11-28

# The listener is down: nothing is marked sent, the run fails.
check_fails "remind fails while the SMTP server is down" \
	"$DONDOC" --db t.db remind --as-of $AS_OF --smtp smtp://127.0.0.1:1 --from vp@tanyen.example
check_eq "nothing marked sent while the server is down" "$(nsent)" "0"

check "dry run lists the digests" "$DONDOC" --db t.db remind --dry-run --as-of $AS_OF
check_eq "dry run marks nothing sent" "$(nsent)" "0"

start_sink
# Credentials and a server without STARTTLS: nothing goes out, the password least of all.
out=$(DONDOC_SMTP_USER=vp DONDOC_SMTP_PASSWORD=secret "$DONDOC" --db t.db remind --as-of $AS_OF \
	--smtp "smtp://127.0.0.1:$PORT" --from vp@tanyen.example 2>&1)
check_eq "credentials without TLS are refused (exit 8)" "$?" "8"
case "$out" in *"không cung cấp TLS"*"--smtp-insecure"*) ok "the refusal says there is no TLS and names --smtp-insecure" ;;
*) not_ok "the refusal says there is no TLS and names --smtp-insecure" "$out" ;; esac
check_eq "the server was reached" "$(grep -c '^EHLO' mail/commands)" "1"
check_eq "no AUTH reaches the server" "$(grep -ci '^AUTH' mail/commands)" "0"
check_eq "no message reaches the server" "$(nmail)" "0"
check_eq "nothing is marked sent" "$(nsent)" "0"
check "remind sends through the listener" \
	"$DONDOC" --db t.db remind --as-of $AS_OF --smtp "smtp://127.0.0.1:$PORT" --from vp@tanyen.example
# At 28/11/2023: the BCH members (section 2, due in 6 days), the heads of agencies
# (sections 2 and the land review, due in 2 and 6 days), the office (overdue
# Quy chế task; standing report for October was made, so nothing missing).
check_eq "one digest per unit" "$(nmail)" "3"
office=$(grep -l '^X-Envelope-To: vanphong@tanyen.example' mail/msg-*.eml | head -1)
heads=$(grep -l 'To: <thutruong@tanyen.example>' mail/msg-*.eml)
check_eq "the heads' digest arrives once" "$(echo "$heads" | grep -c .)" "1"
check_eq "the heads' digest is copied to the office" \
	"$(grep -c '^X-Envelope-To: vanphong@tanyen.example' "$heads")" "1"
check_eq "the heads' digest names both their tasks" \
	"$(grep -c 'Nhiệm vụ số' "$heads")" "2"
check_eq "the office's own digest reports its overdue task" \
	"$(grep -l 'To: <vanphong@tanyen.example>' mail/msg-*.eml | xargs grep -c 'QUÁ HẠN')" "1"
check_eq "the office is not copied to itself" \
	"$(grep -l 'To: <vanphong@tanyen.example>' mail/msg-*.eml | xargs grep -c '^Cc:')" "0"
[ -n "$office" ] && ok "the office receives mail" || not_ok "the office receives mail"
check_eq "a deadline given in words is named with its date and its words" \
	"$(grep -c 'hạn 04/12/2023 (02 tháng tới)\] Nhiệm vụ số' "$heads")" "1"

check "a second run succeeds" \
	"$DONDOC" --db t.db remind --as-of $AS_OF --smtp "smtp://127.0.0.1:$PORT" --from vp@tanyen.example
check_eq "a second run sends nothing" "$(nmail)" "3"

# A new event (the deadline day of section 2) while the server is down is sent later.
stop_sink
check_fails "remind on the deadline fails with the server down" \
	"$DONDOC" --db t.db remind --as-of 2023-12-04 --smtp "smtp://127.0.0.1:$PORT" --from vp@tanyen.example
before=$(nsent)
start_sink
check "the next run sends what was missed, logging in without TLS as DONDOC_SMTP_INSECURE=1 allows" \
	env DONDOC_SMTP_USER=vp DONDOC_SMTP_PASSWORD=secret DONDOC_SMTP_INSECURE=1 "$DONDOC" --db t.db remind --as-of 2023-12-04 --smtp "smtp://127.0.0.1:$PORT" --from vp@tanyen.example
check_eq "the missed digests arrive" "$([ "$(nmail)" -ge 2 ] && echo yes)" "yes"
check_eq "and are then marked sent" "$([ "$(nsent)" -gt "$before" ] && echo yes)" "yes"
check_eq "the client logged in before each message" \
	"$(grep -ci '^AUTH' mail/commands) $(grep -ci '^MAIL FROM' mail/commands)" "3 3"
check_eq "the subject is UTF-8 encoded" "$(grep -c '^Subject: =?UTF-8?B?' mail/msg-1.eml)" "1"
stop_sink
check_fails "remind without a server and without --dry-run is a usage error" \
	env -u DONDOC_SMTP_URL "$DONDOC" --db t.db remind --as-of 2023-12-04

# Several hosts share one store: every message is claimed by one run before it is sent.
"$DONDOC" --db c.db init --demo >/dev/null 2>&1
cs() { sql c.db "$1"; }
R=("$DONDOC" --db c.db remind --as-of $AS_OF --from vp@tanyen.example)
# A server that is up but refuses every recipient: nothing is marked sent, nothing stays claimed.
SMTP_SINK_REFUSE=1 start_sink
check_fails "remind fails while the server refuses the recipients" "${R[@]}" --smtp "smtp://127.0.0.1:$PORT"
check_eq "the server was asked for each digest" "$(grep -c '^RCPT' mail/commands)" "3"
check_eq "nothing is marked sent after the refusal" "$(cs 'SELECT count(*) FROM task_reminder')" "0"
check_eq "no claim is left behind by the refused run" "$(cs 'SELECT count(*) FROM job_claim')" "0"
stop_sink
rm -f mail/msg-*.eml
# A slow server, so that two runs started together overlap: each digest is sent once.
SMTP_SINK_DELAY=0.4 start_sink
"${R[@]}" --smtp "smtp://127.0.0.1:$PORT" >run1.out 2>&1 &
p1=$!
"${R[@]}" --smtp "smtp://127.0.0.1:$PORT" >run2.out 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
check_eq "both runs started together succeed" "$s1 $s2" "0 0"
check_eq "the refused run's digests arrive, each once, from the two runs together" "$(nmail)" "3"
check_eq "each unit receives one digest" \
	"$(grep -h '^To:' mail/msg-*.eml | sort | uniq -d | wc -l) $(grep -h '^To:' mail/msg-*.eml | sort -u | wc -l)" "0 3"
check_eq "each event is marked sent once" "$(cs 'SELECT count(*) FROM task_reminder')" "4"
check_eq "no claim is left behind" "$(cs 'SELECT count(*) FROM job_claim')" "0"
stop_sink

# A unit's digest is claimed whole, so two runs never split it between two messages. A claim
# held by a live run is respected; one left by a run that died 10 minutes ago and more is taken
# over. At 04/12/2023: the BCH (unit 4) and the heads (unit 5) have the deadline day of task 1,
# the heads also task 6 overdue, the office its missing October report.
rm -f mail/msg-*.eml
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cs "INSERT INTO job_claim VALUES('remind:unit:4', '$now', 'other-host:1'),
	('remind:unit:5', '2000-01-01T00:00:00Z', 'dead-host:1')"
start_sink
out=$("$DONDOC" --db c.db remind --as-of 2023-12-04 --from vp@tanyen.example --smtp "smtp://127.0.0.1:$PORT" 2>&1)
check_eq "a run leaves the digest another live run holds" "$(grep -l 'To: <bch@tanyen.example>' mail/msg-*.eml 2>/dev/null | wc -l)" "0"
case "$out" in *"1 thư do lần chạy khác gửi"*) ok "the run says one digest was left to another run" ;; *) not_ok "the run says one digest was left to another run" "$out" ;; esac
heads=$(grep -l 'To: <thutruong@tanyen.example>' mail/msg-*.eml)
check_eq "the digest a dead run held is taken over and sent whole" \
	"$(grep -c 'Nhiệm vụ số 6' "$heads") $(grep -c 'Nhiệm vụ số 1' "$heads")" "1 1"
check_eq "the BCH's event stays unsent for the run that holds it" \
	"$(cs "SELECT count(*) FROM task_reminder WHERE unit_id = 4 AND event = 'den_han:2023-12-04'")" "0"
check_eq "the live run's claim stays, the taken-over one is gone" \
	"$(cs "SELECT key FROM job_claim ORDER BY key" | tr '\n' ' ')" "remind:unit:4 "
stop_sink
done_testing
