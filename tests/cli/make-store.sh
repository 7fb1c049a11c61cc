#!/bin/bash
# make-store.sh: bench/make-store's province-shaped store holds up: 'dondoc check' passes, the
# counters equal a recount (and a tampered one is named, then repaired), the demo accounts log
# in with their demo passwords and see their scope's tasks. On PostgreSQL (cli-make-store-pg)
# make-store writes into the database standing for p.db, given by its address.
. "$(dirname "$0")/lib.sh"
: "${MAKE_STORE:?MAKE_STORE is the bench program}"

if on_pg; then
	check_eq "the PostgreSQL database for the store is empty" \
		"$(sql p.db "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" "0"
	check "make-store writes 2,000 tasks into it by its address" \
		env DONDOC_AUDIT_KEY="$PWD/p.db.audit-key" "$MAKE_STORE" 2000 "$(pg_uri p.db)"
	check_eq "… the store is there, not in a file" \
		"$(sql p.db "SELECT count(*) FROM task") $(head -c 15 p.db)" "2000 dondoc-pg-store"
else
	check "make-store writes 2,000 tasks" "$MAKE_STORE" 2000 p.db
fi
check_fails "make-store refuses a file that exists" "$MAKE_STORE" 10 p.db
check_fails "make-store refuses a bad count" "$MAKE_STORE" 12x q.db
check "dondoc check passes on it" "$DONDOC" --db p.db check
# check walks the log a page (5,000 entries) at a time: every entry, over several pages
entries=$(sql p.db "SELECT count(*) FROM audit_log")
check_eq "check walks every audit entry, more than two pages of them" \
	"$("$DONDOC" --db p.db --json check | jq .audit_entries) $([ "${entries:-0}" -gt 10000 ] && echo many)" \
	"$entries many"
check_eq "2,000 tasks, as many documents, 100 sessions" \
	"$(sql p.db "SELECT (SELECT count(*) FROM task) || ' ' || (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM session)")" \
	"2000 2000 100"
check_eq "1 province, 10 districts, 100 communes" \
	"$(sql p.db "SELECT count(*) FROM body GROUP BY level ORDER BY level = 'tinh' DESC, level = 'huyen' DESC" | tr '\n' ' ')" \
	"1 10 100 "
check_eq "statuses spread over the five" \
	"$("$DONDOC" --db p.db --json tasks stats --by body --rollup | python3 -c '
import json, sys
top = json.load(sys.stdin)["rows"][0]["subtree"]
print(top["total"], *(top[k] > 100 for k in ("dung_han", "tre_han", "trong_han", "qua_han", "thuong_xuyen")))')" \
	"2000 True True True True True"

# A counter set wrong is named by its unit; --repair-counters rebuilds it.
unit=$(sql p.db "SELECT unit_id FROM task_tally WHERE unit_id <> 0 AND total > 0 ORDER BY unit_id LIMIT 1")
name=$(sql p.db "SELECT name FROM unit WHERE id = $unit")
sql p.db "UPDATE task_tally SET done_late = done_late + 1 WHERE unit_id = $unit" >/dev/null
out=$("$DONDOC" --db p.db check 2>&1)
rc=$?
check_eq "check fails on a wrong counter" "$rc" "17"
check_eq "check names the unit" "$(echo "$out" | grep -c "đơn vị '$name'")" "1"
check "check --repair-counters rebuilds them" "$DONDOC" --db p.db check --repair-counters
check "check passes again" "$DONDOC" --db p.db check

"$DONDOC" --db p.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
pid=$!
for _ in $(seq 100); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
url=${url%/}
# login LOGIN PASSWORD: the web session cookie, empty when refused.
login() {
	local pre
	pre=$(curl -s -D - -o /dev/null "$url/login" | sed -n 's/.*dd_login=\([0-9a-f]*\).*/\1/p')
	curl -s -D - -o /dev/null -b "dd_login=$pre" --data "_csrf=$pre&login=$1&password=$2" \
		"$url/login" | sed -n 's/.*dd_session=\([0-9a-f]*\).*/\1/p'
}
for who in admin vanphong uyvien xem lienson donvi; do
	sess=$(login "$who" "demo-$who")
	check_eq "$who logs in with demo-$who" "$([ -n "$sess" ] && echo yes)" "yes"
	eval "sess_$who=\$sess"
done
check_eq "a wrong password is refused" "$(login lienson demo-vanphong)" ""
# The commune's office sees the tasks given to Liên Sơn, fewer than the district's office.
tasks_of() {
	curl -s -b "dd_session=$1" "$url/" | sed -n 's/.*<h2>Thực hiện nhiệm vụ<\/h2><p>\([0-9.]*\) nhiệm vụ.*/\1/p' | tr -d .
}
ls_n=$(tasks_of "$sess_lienson")
hu_n=$(tasks_of "$sess_vanphong")
all_n=$(tasks_of "$sess_admin")
check_eq "the dashboards count the scope's tasks: 0 < Liên Sơn < Tân Yên < province = 2000" \
	"$([ "${ls_n:-0}" -gt 0 ] && [ "$ls_n" -lt "${hu_n:-0}" ] && [ "$hu_n" -lt "${all_n:-0}" ] && echo "$all_n")" \
	"2000"
kill -TERM "$pid"
wait "$pid"
done_testing
