#!/bin/bash
# assign.sh: the district's office gives a new task, outside any notice, to the commune Liên Sơn
# (its unit standing for the commune) from the tasks list, and through POST /api/v1/tasks with a
# body; the commune sees it as its own; bad input comes back beside its field, what was typed kept.
. "$(dirname "$0")/lib.sh"

D() { "$DONDOC" --db a.db "$@"; }
q() { sql a.db "$1"; }

D init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
hu=$(q "SELECT id FROM body WHERE code = 'HU'")
ls=$(q "SELECT id FROM body WHERE level = 'xa' AND place = 'Liên Sơn'")
"$DONDOC" --db a.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
srv=$!
trap 'kill -TERM $srv 2>/dev/null; wait $srv 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
url=${url%/}
tvp=$(D user token vanphong kiem-thu 2>/dev/null)
tls=$(D user token lienson kiem-thu 2>/dev/null)
api() { # api METHOD PATH TOKEN [JSON]: prints the status; the body in body.txt
	curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data "$4"} -w '\n%{http_code}' "$url$2" >resp.txt
	tail -1 resp.txt
	sed '$d' resp.txt >body.txt
}
json() { python3 -c "import json,sys; d=json.load(open('body.txt')); print($1)"; }
pre=$(curl -s -c v.jar "$url/login" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b v.jar -c v.jar -o /dev/null --data "_csrf=$pre&login=vanphong&password=demo-vanphong" "$url/login"
curl -s -b v.jar -o page.html "$url/tasks"
csrf=$(grep -o 'name="_csrf" value="[0-9a-f]*"' page.html | head -1 | sed 's/.*value="//; s/"//')
form() { curl -s -b v.jar -o page.html -w '%{http_code}' -D head.txt --data "_csrf=$csrf&$1" "$url/tasks"; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$1"; }

check_eq "the tasks list has the form Giao nhiệm vụ, the units offered as suggestions" \
	"$(grep -c '<h2 id="giao">Giao nhiệm vụ</h2>' page.html) $(grep -c '<option value="Đảng ủy xã Liên Sơn">' page.html)" "1 1"
before=$(q "SELECT count(*) FROM task")
check_eq "a lead of another body: 400, the form again" \
	"$(form "by=$hu&content=$(enc 'Kiểm tra ZA0Z')&leads=$(enc 'Ủy ban nhân dân xã Liên Sơn')&deadline=31%2F12%2F2026")" "400"
check_eq "the message is beside the lead, what was typed kept" \
	"$(grep -c 'không phải đơn vị của Huyện ủy Tân Yên' page.html) $(grep -c 'Kiểm tra ZA0Z</textarea>' page.html) $(grep -c 'value="Ủy ban nhân dân xã Liên Sơn"' page.html)" \
	"1 1 1"
check_eq "a deadline that is none: 400 beside the deadline" \
	"$(form "by=$hu&content=X&leads=$(enc 'Đảng ủy xã Liên Sơn')&deadline=$(enc 'ngày mai kia')")$(grep -c 'id="ferr-deadline"' page.html)" \
	"4001"
check_eq "nothing was written by the refusals" "$(q "SELECT count(*) FROM task")" "$before"
check_eq "the office gives Liên Sơn a task by the form (303)" \
	"$(form "by=$hu&content=$(enc 'Rà soát đất công ZA1Z')&leads=$(enc 'Đảng ủy xã Liên Sơn')&coords=$(enc 'Văn phòng Huyện ủy')&deadline=31%2F12%2F2026&assigned_on=2026-11-20")" \
	"303"
id=$(q "SELECT id FROM task WHERE content LIKE '%ZA1Z%'")
check_eq "to the new task's page" "$(grep -ci "^location: /tasks/$id" head.txt)" "1"
check_eq "it is the district's, given down to Liên Sơn, lead and co-ordinating units set" \
	"$(q "SELECT t.body_id || ' ' || t.lower_body_id || ' ' || t.due FROM task t WHERE t.id = $id") $(q "SELECT role FROM task_unit WHERE task_id = $id ORDER BY role" | paste -sd, -)" \
	"$hu $ls 2026-12-31 coord,lead"
check_eq "Liên Sơn's office finds it among its tasks" \
	"$(api GET /api/v1/tasks "$tls" >/dev/null; json "[t['id'] for t in d['data'] if 'ZA1Z' in t['content']]")" "[$id]"

# The API twin.
check_eq "POST /api/v1/tasks with body gives a task down (201)" \
	"$(api POST /api/v1/tasks "$tvp" "{\"body\":$hu,\"content\":\"Báo cáo chuyển đổi số ZA2Z\",\"leads\":[\"Đảng ủy xã Liên Sơn\"],\"deadline\":\"30/06/2027\",\"assigned_on\":\"2026-11-21\"}")" \
	"201"
check_eq "the new task is the district's, given to Liên Sơn, without a parent" \
	"$(json "(d['body'], d['lower_body'], d['parent'], d['due'])")" "($hu, $ls, None, '2027-06-30')"
check_eq "neither body nor parent_id: 400 naming body" \
	"$(api POST /api/v1/tasks "$tvp" '{"content":"X","leads":["Đảng ủy xã Liên Sơn"]}')$(json "list(d['error']['fields'])")" \
	"400['body']"
check_eq "the commune cannot give a task as the district (400 naming body)" \
	"$(api POST /api/v1/tasks "$tls" "{\"body\":$hu,\"content\":\"X\",\"leads\":[\"Đảng ủy xã Liên Sơn\"]}")$(json "list(d['error']['fields'])")" \
	"400['body']"
check_eq "an unknown unit: 400 naming leads" \
	"$(api POST /api/v1/tasks "$tvp" "{\"body\":$hu,\"content\":\"X\",\"leads\":[\"Ban Không Có\"]}")$(json "list(d['error']['fields'])")" \
	"400['leads']"
check_eq "the commune gives its own committee a task (201)" \
	"$(api POST /api/v1/tasks "$tls" "{\"body\":$ls,\"content\":\"Việc của xã ZA3Z\",\"leads\":[\"Ủy ban nhân dân xã Liên Sơn\"]}")$(json "(d['body'], d['lower_body'])")" \
	"201($ls, None)"
kill -TERM $srv 2>/dev/null
wait $srv 2>/dev/null
check "the store's audit chain holds" D check
done_testing
