#!/bin/bash
# api-cycle.sh: the office's cycle driven over /api/v1 with a token (session, agenda,
# attendance, votes, notice, tasks, issue) gives the same objects as the CLI's --json.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db a.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
tok=$("$DONDOC" --db a.db user token vanphong api-cycle | tail -1)
"$DONDOC" --db a.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# api METHOD PATH [JSON]: the answer's body; its status in the file status.
api() {
	curl -s -o body.json -w '%{http_code}' -X "$1" -H "Authorization: Bearer $tok" \
		${3:+-H 'Content-Type: application/json' --data "$3"} "${url%/}$2" >status
	cat body.json
}

sid=$(api POST /api/v1/sessions '{"organ":"HU:bch","term":"XXII","date":"2023-11-02","time":"08:00"}' | j 'd["id"]')
check_eq "the session is made (201)" "$(cat status)" "201"
api POST "/api/v1/sessions/$sid/agenda" '{"kind":"Báo cáo","title":"kết quả tháng 10"}' >/dev/null
api POST "/api/v1/sessions/$sid/agenda" '{"kind":"Tờ trình","title":"về cụm công nghiệp"}' >/dev/null
api POST "/api/v1/sessions/$sid/attendance" '{"rest_present":true}' >/dev/null
items=$(api GET "/api/v1/sessions/$sid" | j '" ".join(str(a["id"]) for a in d["agenda"])')
set -- $items
api POST "/api/v1/agenda-items/$1/vote" '{"for":30,"against":2,"abstain":1}' >/dev/null
check_eq "the first vote is recorded (201)" "$(cat status)" "201"
api POST "/api/v1/agenda-items/$2/vote" '{"for":10,"against":20,"abstain":3}' >/dev/null
api PUT "/api/v1/agenda-items/$1/vote" '{"for":29,"against":3,"abstain":1,"reason":"Cộng nhầm"}' >/dev/null
check_eq "a vote is corrected with its reason (200)" "$(cat status)" "200"

# The session as the API and as the CLI give it: one shape.
api GET "/api/v1/sessions/$sid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' >api-session.json
"$DONDOC" --db a.db --json session show "$sid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' >cli-session.json
check_eq "GET /api/v1/sessions/{id} is 'session show --json'" \
	"$(cmp -s api-session.json cli-session.json && echo same || diff api-session.json cli-session.json | head -5)" "same"

nid=$(api POST /api/v1/notices "{\"session_id\":$sid}" | j 'd["id"]')
check_eq "the notice is drafted from the session (201)" "$(cat status)" "201"
api POST "/api/v1/notices/$nid/tasks" \
	'{"content":"Hoàn thiện báo cáo tháng 10","lead_unit_id":1,"coord_unit_ids":[2],"deadline":"02 tháng tới"}' >/dev/null
check_eq "a task row is added (201)" "$(cat status)" "201"
api POST "/api/v1/notices/$nid/tasks" '{"section":"2","content":"Rà soát quy hoạch","lead_unit_id":3,"deadline":"30/11/2023"}' >/dev/null
api POST "/api/v1/notices/$nid/tasks" '{"content":"Thiếu hạn","lead_unit_id":3,"deadline":"sớm"}' >/dev/null
check_eq "a deadline that is none is refused (400)" "$(cat status)" "400"
check_eq "… naming the field" "$(j '",".join(d["error"]["fields"])' <body.json)" "deadline"

# The rows as the API and as the CLI give them.
api GET "/api/v1/notices/$nid/tasks" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["data"], sort_keys=True))' >api-rows.json
"$DONDOC" --db a.db --json notice tasks "$nid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' >cli-rows.json
check_eq "GET /api/v1/notices/{id}/tasks is 'notice tasks --json'" \
	"$(cmp -s api-rows.json cli-rows.json && echo same || diff api-rows.json cli-rows.json | head -5)" "same"
check_eq "two rows" "$(j 'len(d)' <cli-rows.json)" "2"

check_eq "the next number is shown, not taken" \
	"$("$DONDOC" --db a.db doc number next --body HU --type TB --term XXII --peek)" "513"
sym=$(api POST "/api/v1/notices/$nid/issue" '{"date":"2023-11-03"}' | j 'd["symbol"]')
check_eq "issued as 513-TB/HU" "$sym" "513-TB/HU"
check_eq "the CLI sees the same notice" \
	"$("$DONDOC" --db a.db --json notice show "$nid" | j 'd["status"] + " " + d["symbol"]')" "issued 513-TB/HU"
# The tasks it made, by the API and by the CLI.
first=$(api GET "/api/v1/notices/$nid/tasks" | j 'd["data"][0]["task"].rsplit("/", 1)[1]')
api GET "/api/v1/tasks/$first" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["content"], d["deadline"], d["source_doc"] is not None)' >api-task.txt
"$DONDOC" --db a.db --json tasks show "$first" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["content"], d["deadline"], d["source_doc"] is not None)' >cli-task.txt
check_eq "the task it made reads the same by API and CLI" "$(cat api-task.txt)" "$(cat cli-task.txt)"
check_eq "… with its source, content and deadline" "$(cat cli-task.txt)" "Hoàn thiện báo cáo tháng 10 02 tháng tới True"
# The whole session now holds its notice and the tasks assigned at it, by API and CLI alike.
check_eq "the session lists its notice and its two tasks" \
	"$(api GET "/api/v1/sessions/$sid" | j '" ".join(n["symbol"] for n in d["conclusion_notices"]) + " " + str(len(d["tasks"]))')" "513-TB/HU 2"
api GET "/api/v1/sessions/$sid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' >api-session2.json
"$DONDOC" --db a.db --json session show "$sid" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))' >cli-session2.json
check_eq "and the API's session is still the CLI's" \
	"$(cmp -s api-session2.json cli-session2.json && echo same || diff api-session2.json cli-session2.json | head -5)" "same"
api POST "/api/v1/notices/$nid/tasks" '{"content":"Muộn","lead_unit_id":1}' >/dev/null
check_eq "an issued notice takes no more rows (409)" "$(cat status)" "409"
done_testing
