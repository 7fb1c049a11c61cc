#!/bin/bash
# province.sh: a task the district assigns to the commune Liên Sơn is the commune's too: its
# office sees it (list, dashboard, API, calendar), reports as the commune, breaks it down for
# its own units; the district's office sees the reports and the children's progress and confirms.
. "$(dirname "$0")/lib.sh"

"$DONDOC" --db p.db init --demo >/dev/null
hu=$(sql p.db "SELECT id FROM body WHERE code = 'HU'")
ls=$(sql p.db "SELECT id FROM body WHERE level = 'xa' AND place = 'Liên Sơn'")
ly=$(sql p.db "SELECT id FROM body WHERE level = 'xa' AND place = 'Ngọc Lý'")
check_eq "the demo has the commune office lienson, scoped to Liên Sơn" \
	"$(sql p.db "SELECT a.role || ' ' || ab.body_id FROM account a JOIN account_body ab ON ab.account_id = a.id WHERE a.login = 'lienson'")" \
	"office $ls"

pid_task=$("$DONDOC" --db p.db --json tasks add --body "$hu" --lower-body "$ls" \
	--lead 'Đảng ủy xã Liên Sơn' --coord 'Văn phòng Huyện ủy' --assigned 20/11/2026 \
	--deadline 31/12/2027 --content 'Rà soát hộ nghèo ZLSZ' |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
other=$("$DONDOC" --db p.db --json tasks add --body "$hu" --lower-body "$ly" \
	--lead 'Đảng ủy xã Ngọc Lý' --assigned 20/11/2026 --deadline 31/12/2027 \
	--content 'Việc của Ngọc Lý ZLYZ' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check_eq "the district assigns a task to Liên Sơn" "$(echo "$pid_task" | grep -cE '^[0-9]+$')" "1"

"$DONDOC" --db p.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
srv=$!
trap 'kill -TERM $srv 2>/dev/null; wait $srv 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
url=${url%/}
tls=$("$DONDOC" --db p.db user token lienson kiem-thu 2>/dev/null)
tvp=$("$DONDOC" --db p.db user token vanphong kiem-thu 2>/dev/null)

# api METHOD PATH TOKEN [JSON]: prints the status, then the body.
api() {
	curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data "$4"} -w '\n%{http_code}' "$url$2" >resp.txt
	tail -1 resp.txt
	sed '$d' resp.txt >body.txt
}
# login LOGIN: a cookie jar LOGIN.jar and its CSRF token in LOGIN.csrf.
login() {
	local pre
	curl -s -c "$1.jar" -o login.html "$url/login"
	pre=$(grep -o 'name="_csrf" value="[0-9a-f]*"' login.html | head -1 | sed 's/.*value="//; s/"//')
	curl -s -b "$1.jar" -c "$1.jar" -o /dev/null --data "_csrf=$pre&login=$1&password=demo-$1" "$url/login"
	curl -s -b "$1.jar" -o home.html "$url/"
	grep -o 'name="_csrf" value="[0-9a-f]*"' home.html | head -1 | sed 's/.*value="//; s/"//' >"$1.csrf"
}
# page LOGIN PATH: prints the status; the page in page.html.
page() {
	curl -s -b "$1.jar" -o page.html -w '%{http_code}' "$url$2"
}
# form LOGIN PATH FIELDS: prints the status; the answer in page.html.
form() {
	curl -s -b "$1.jar" -o page.html -w '%{http_code}' --data "_csrf=$(cat "$1.csrf")&$3" "$url$2"
}
json() { python3 -c "import json,sys; d=json.load(open('body.txt')); print($1)"; }

# The commune's office sees the task as its own, and not another commune's.
check_eq "GET /api/v1/tasks as lienson answers" "$(api GET /api/v1/tasks "$tls")" "200"
check_eq "lienson's /api/v1/tasks lists the task given to Liên Sơn, not Ngọc Lý's nor the district's own" \
	"$(json "[t['id'] for t in d['data']]")" "[$pid_task]"
check_eq "GET /api/v1/tasks/ID as lienson answers" "$(api GET "/api/v1/tasks/$pid_task" "$tls")" "200"
check_eq "Ngọc Lý's task is not found for lienson" "$(api GET "/api/v1/tasks/$other" "$tls")" "404"
login lienson
check_eq "the list page answers lienson" "$(page lienson /tasks)" "200"
check_eq "the list page shows the task" "$(grep -c 'ZLSZ' page.html)" "1"
check_eq "the list page leaves Ngọc Lý's out" "$(grep -c 'ZLYZ' page.html)" "0"
check_eq "the calendar feed has the deadline" \
	"$(curl -s "$url/ical/tasks.ics?token=$tls" | grep -c 'ZLSZ')" "1"
page lienson / >/dev/null
check_eq "the dashboard counts the commune's one task" \
	"$(grep -c 'Thực hiện nhiệm vụ</h2><p>1 nhiệm vụ;' page.html)" "1"

check_eq "the reminders reach the commune's committee at its address" \
	"$("$DONDOC" --db p.db remind --dry-run --as-of 28/12/2027 | sed -n '/^=== Tới: Đảng ủy xã Liên Sơn <lienson@tanyen.example>/,/^===/p' | grep -c 'ZLSZ')" "1"

# It reports as the commune, the lead; not as the district's office.
check_eq "lienson reports by the API (201)" \
	"$(api POST "/api/v1/tasks/$pid_task/reports" "$tls" '{"text":"Đã rà soát 3 thôn ZR1Z","percent":40,"on":"2026-11-25"}')" "201"
check_eq "the report is the commune's" "$(json "d['unit_name']")" "Đảng ủy xã Liên Sơn"
vp_unit=$(sql p.db "SELECT id FROM unit WHERE name = 'Văn phòng Huyện ủy'")
check_eq "lienson may not report as the district's office (400)" \
	"$(api POST "/api/v1/tasks/$pid_task/reports" "$tls" "{\"text\":\"X\",\"unit\":$vp_unit}")" "400"
check_eq "the refusal names the unit" "$(grep -c 'không thuộc phạm vi' body.txt)" "1"
stray=$("$DONDOC" --db p.db --json tasks add --body "$hu" --lower-body "$ls" \
	--lead 'Văn phòng Huyện ủy' --assigned 20/11/2026 --deadline 31/12/2027 \
	--content 'Việc giao xuống mà cấp dưới không chủ trì ZSTZ' |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check_eq "a task given down without the commune among its units takes no report from lienson (400)" \
	"$(api POST "/api/v1/tasks/$stray/reports" "$tls" '{"text":"X"}')" "400"
check_eq "the refusal says why" "$(grep -c 'không báo cáo được nhiệm vụ này' body.txt)" "1"
check_eq "the dashboard shows the latest report" "$(page lienson / >/dev/null; grep -c 'ZR1Z' page.html)" "1"

# Only the district confirms, edits or extends.
check_eq "lienson may not confirm (403)" \
	"$(api POST "/api/v1/tasks/$pid_task/confirm" "$tls" '{"on":"2026-11-30"}')" "403"
check_eq "the refusal says who confirms" "$(grep -c 'chỉ Văn phòng cơ quan đã giao' body.txt)" "1"
check_eq "lienson may not edit (403)" \
	"$(api PATCH "/api/v1/tasks/$pid_task" "$tls" '{"content":"Sửa"}')" "403"
check_eq "nor confirm by the form (403)" "$(form lienson "/tasks/$pid_task/confirm" 'date=2026-11-30')" "403"
check_eq "the task page answers lienson" "$(page lienson "/tasks/$pid_task")" "200"
check_eq "the page offers lienson no confirmation form" "$(grep -c 'Xác nhận hoàn thành</button>' page.html)" "0"
check_eq "the page offers lienson the breakdown form" "$(grep -c 'Giao tiếp cho đơn vị' page.html)" "1"

# It breaks the task down for its own units, by the form and by the API.
check_eq "the breakdown form gives a task to the commune's People's Committee (303)" \
	"$(form lienson "/tasks/$pid_task/split" 'content=R%C3%A0+so%C3%A1t+th%C3%B4n+ZC1Z&leads=%E1%BB%A6y+ban+nh%C3%A2n+d%C3%A2n+x%C3%A3+Li%C3%AAn+S%C6%A1n&assigned_on=2026-11-26')" "303"
check_eq "POST /api/v1/tasks with parent_id gives one to the Front (201)" \
	"$(api POST /api/v1/tasks "$tls" "{\"parent_id\":$pid_task,\"content\":\"Vận động ZC2Z\",\"leads\":[\"Ủy ban Mặt trận Tổ quốc xã Liên Sơn\"],\"deadline\":\"30/06/2027\",\"assigned_on\":\"2026-11-26\"}")" "201"
child2=$(json "d['id']")
check_eq "the new task is the commune's, linked to its parent" \
	"$(json "(d['parent'], d['body'], d['lower_body'])")" "($pid_task, $ls, None)"
check_eq "a unit of the district is refused (400), its field named" \
	"$(form lienson "/tasks/$pid_task/split" 'content=X&leads=V%C4%83n+ph%C3%B2ng+Huy%E1%BB%87n+%E1%BB%A7y&assigned_on=2026-11-26')" "400"
check_eq "the form comes again with the message and what was typed" \
	"$(grep -c 'không phải đơn vị của Đảng ủy xã Liên Sơn' page.html)$(grep -c 'value="Văn phòng Huyện ủy"' page.html)" "11"
check_eq "a deadline past the parent's is refused (400)" \
	"$(api POST /api/v1/tasks "$tls" "{\"parent_id\":$pid_task,\"content\":\"X\",\"leads\":[\"Ủy ban nhân dân xã Liên Sơn\"],\"deadline\":\"31/03/2028\",\"assigned_on\":\"2026-11-26\"}")" "400"
check_eq "the refusal names the deadline" "$(json "list(d['error']['fields'])")" "['deadline']"
check_eq "an unknown unit is refused (400), its field named" \
	"$(api POST /api/v1/tasks "$tls" "{\"parent_id\":$pid_task,\"content\":\"X\",\"leads\":[\"Ban Không Có\"],\"assigned_on\":\"2026-11-26\"}")$(json "list(d['error']['fields'])")" \
	"400['leads']"
check_eq "nothing was written by the refusals" \
	"$(sql p.db "SELECT count(*) FROM task WHERE parent_id = $pid_task")" "2"
check_eq "lienson reports on its own sub-task" \
	"$(api POST "/api/v1/tasks/$child2/reports" "$tls" '{"text":"Đã họp ZR2Z","percent":60,"on":"2026-11-28"}')" "201"

# The district's office sees the reports and the children's progress, and confirms.
check_eq "the district office reads the task" "$(api GET "/api/v1/tasks/$pid_task" "$tvp")" "200"
check_eq "its JSON has the commune's report" "$(json "[e['text'] for e in d['events'] if e['kind'] == 'report']")" "['Đã rà soát 3 thôn ZR1Z']"
check_eq "its JSON lists the two children with status and progress" \
	"$(json "[(c['content'], c['status'], c['percent']) for c in d['children']]")" \
	"[('Rà soát thôn ZC1Z', 'trong_han', None), ('Vận động ZC2Z', 'trong_han', 60)]"
check_eq "tasks show lists the children with their progress" \
	"$("$DONDOC" --db p.db tasks show "$pid_task" --as-of 01/12/2026 | grep -c "Vận động ZC2Z — Đảng ủy xã Liên Sơn: Ủy ban Mặt trận Tổ quốc xã Liên Sơn; chưa hoàn thành trong hạn; tiến độ 60%")" "1"
login vanphong
check_eq "the district's task page answers" "$(page vanphong "/tasks/$pid_task")" "200"
check_eq "the page lists the children with their progress" \
	"$(grep -c 'Nhiệm vụ giao tiếp' page.html)$(grep -c 'ZC1Z' page.html)$(grep -o '60%' page.html | head -1)" "1160%"
check_eq "the district office confirms (200)" \
	"$(api POST "/api/v1/tasks/$pid_task/confirm" "$tvp" '{"on":"2026-11-30"}')" "200"
check_eq "the task is completed" "$(json "d['completed_on']")" "2026-11-30"
check_eq "the breakdown of a completed task is refused (409)" \
	"$(api POST /api/v1/tasks "$tls" "{\"parent_id\":$pid_task,\"content\":\"X\",\"leads\":[\"Ủy ban nhân dân xã Liên Sơn\"],\"assigned_on\":\"2026-11-26\"}")" "409"

# The statistics roll up the body tree: the district's own tasks and, with them, the commune's.
"$DONDOC" --db p.db --json tasks stats --by body --rollup --body "$hu" --as-of 01/12/2026 >body.txt
own_hu=$(sql p.db "SELECT count(*) FROM task WHERE body_id = $hu")
check_eq "tasks stats --rollup starts at the district, the commune under it" \
	"$(json "[(r['name'], r['depth']) for r in d['rows'] if r['body'] in ($hu, $ls)]")" \
	"[('Huyện ủy Tân Yên', 0), ('Đảng ủy xã Liên Sơn', 1)]"
check_eq "the commune's own are its two sub-tasks, both in time" \
	"$(json "[(r['own']['total'], r['own']['trong_han']) for r in d['rows'] if r['body'] == $ls]")" "[(2, 2)]"
check_eq "the district's subtree adds the commune's two to its own" \
	"$(json "[(r['own']['total'], r['subtree']['total']) for r in d['rows'] if r['body'] == $hu]")" \
	"[($own_hu, $((own_hu + 2)))]"
check_eq "the confirmed task counts done on time in the district's own" \
	"$(json "[r['own']['dung_han'] >= 1 for r in d['rows'] if r['body'] == $hu]")" "[True]"
check_fails "--rollup without --by body is refused" "$DONDOC" --db p.db tasks stats --rollup
check_eq "GET /api/v1/tasks/stats as lienson answers" \
	"$(api GET "/api/v1/tasks/stats?by=body&rollup=1&as_of=2026-12-01" "$tls")" "200"
check_eq "lienson's roll-up is its commune alone" \
	"$(json "[(r['body'], r['own']['total'], r['subtree']['total']) for r in d['data']]")" "[($ls, 2, 2)]"
check_eq "the district above is not found for lienson" \
	"$(api GET "/api/v1/tasks/stats?by=body&rollup=1&body=$hu" "$tls")" "404"
check_eq "the district office's dashboard has the roll-up table" \
	"$(page vanphong / >/dev/null; grep -c 'Theo cấp giao, cộng dồn cấp dưới' page.html)" "1"
check_eq "a commune's dashboard, without lower bodies, has none" \
	"$(page lienson / >/dev/null; grep -c 'Theo cấp giao, cộng dồn cấp dưới' page.html)" "0"

# Indicators: two of the five communes enter their figures; the district's report rolls them up.
printf '%s\n' 'indicator,body,period,kind,baseline,estimate,value' \
	'industry,Đảng ủy xã Liên Sơn,2023-T09,actual,,0,120.5' \
	'industry,Đảng ủy xã Ngọc Lý,2023-T09,actual,,0,80' >xa.csv
check "two communes enter their industry figure" "$DONDOC" --db p.db indicators import xa.csv
"$DONDOC" --db p.db --json indicators report --body "$hu" --period 2023-T09 --rollup >body.txt
check_eq "report --rollup: the communes' sum, 2 of 5 reported, the three missing named" \
	"$(json "[(f['rollup']['value'], f['rollup']['reported'], f['rollup']['expected'], f['rollup']['missing']) for f in d['figures'] if f['id'] == 'industry']")" \
	"[('200.5', 2, 5, ['Đảng ủy xã Ngọc Vân', 'Đảng ủy xã Lam Cốt', 'Đảng ủy xã Việt Lập'])]"
check_eq "the district's own figure stays its own" \
	"$(json "[f['value'] for f in d['figures'] if f['id'] == 'industry']")" "['4132']"
check_eq "a figure no commune entered: no sum, 0 of 5" \
	"$(json "[(f['rollup']['value'], f['rollup']['reported'], len(f['rollup']['missing'])) for f in d['figures'] if f['id'] == 'agriculture']")" \
	"[(None, 0, 5)]"
check_eq "the text report says the same" \
	"$("$DONDOC" --db p.db indicators report --body "$hu" --period 2023-T09 --rollup | grep -c 'cấp dưới: 200,5 tỷ đồng; 2/5 đã báo cáo; chưa báo cáo: Đảng ủy xã Ngọc Vân, Đảng ủy xã Lam Cốt, Đảng ủy xã Việt Lập')" "1"
check_fails "--rollup with --csv is refused" "$DONDOC" --db p.db indicators report --body "$hu" --period 2023-T09 --rollup --csv
check_eq "GET /api/v1/indicator-values?rollup=1 answers the district" \
	"$(api GET "/api/v1/indicator-values?body=$hu&period=2023-T09&rollup=1" "$tvp")" "200"
check_eq "its industry figure carries the same roll-up" \
	"$(json "[(f['rollup']['value'], f['rollup']['reported'], len(f['rollup']['missing'])) for f in d['data'] if f['indicator'] == 'industry']")" \
	"[('200.5', 2, 3)]"
check_eq "the indicators page answers" "$(page vanphong "/indicators?body=$hu&period=2023-T09")" "200"
check_eq "its grid: the five communes, two ticks, the sum and 2/5" \
	"$(grep -c 'Cấp dưới báo cáo' page.html) $(grep -o 'class="ok"' page.html | wc -l) $(grep -o '<th>Đảng ủy xã [^<]*</th>' page.html | wc -l) $(grep -c '200,5</td><td class="num" data-label="Đã báo cáo">2/5' page.html)" \
	"1 2 5 1"
# Through a notice: a task row led by the commune's committee is the commune's task once issued.
sid=$("$DONDOC" --db p.db --json session add --organ HU:bch --term XXII --date 2026-11-20 --time 08:00 |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$DONDOC" --db p.db agenda add "$sid" --kind "Báo cáo" --title "giảm nghèo bền vững" >/dev/null
nid=$("$DONDOC" --db p.db --json notice compose "$sid" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
lsu=$(sql p.db "SELECT id FROM unit WHERE body_id = $hu AND lower_body_id = $ls")
"$DONDOC" --db p.db notice task "$nid" --content "Rà soát hộ cận nghèo ZNTZ" --lead "$lsu" \
	--deadline 31/12/2026 >/dev/null
check "the notice is issued" "$DONDOC" --db p.db notice issue "$nid" --date 2026-11-21
check_eq "the commune's office finds the notice's task among its own" \
	"$(api GET /api/v1/tasks "$tls" >/dev/null; json "len([t for t in d['data'] if 'ZNTZ' in t['content']])")" "1"
check "the store's audit chain holds" "$DONDOC" --db p.db check
done_testing
