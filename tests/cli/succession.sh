#!/bin/bash
# succession.sh: two communes merged into a new one (hợp nhất): their open tasks appear under the
# successor with their history, ids unchanged; the successor's report compares with the sum of the
# predecessors' figures a year earlier; the merged communes are no longer expected after the date;
# bad input refused, nothing written; the form on /admin/bodies and its /api/v1 twin.
. "$(dirname "$0")/lib.sh"

D() { "$DONDOC" --db s.db "$@"; }
q() { sql s.db "$1"; }
jid() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

D init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
hu=$(q "SELECT id FROM body WHERE code = 'HU'")
ls=$(q "SELECT id FROM body WHERE level = 'xa' AND place = 'Liên Sơn'")
ly=$(q "SELECT id FROM body WHERE level = 'xa' AND place = 'Ngọc Lý'")
ns=$(D --json body add --level xa --kind party --name 'Đảng ủy xã Tân Sơn' --code ĐU \
	--place 'Tân Sơn' --parent "$hu" --from 01/07/2025 | jid)

# Before: the district gives each commune a task; Liên Sơn reports on its own; one is completed;
# Liên Sơn gives a task of its own to its People's Committee.
t1=$(D --json tasks add --body "$hu" --lower-body "$ls" --lead 'Đảng ủy xã Liên Sơn' \
	--assigned 20/11/2024 --deadline 31/12/2027 --content 'Rà soát hộ nghèo ZT1Z' | jid)
t2=$(D --json tasks add --body "$hu" --lower-body "$ly" --lead 'Đảng ủy xã Ngọc Lý' \
	--coord 'Văn phòng Huyện ủy' --assigned 20/11/2024 --deadline 31/12/2027 \
	--content 'Làm đường liên thôn ZT2Z' | jid)
t3=$(D --json tasks add --body "$hu" --lower-body "$ls" --lead 'Đảng ủy xã Liên Sơn' \
	--assigned 20/11/2024 --deadline 31/03/2025 --content 'Tổng kết năm ZT3Z' | jid)
t4=$(D --json tasks add --body "$ls" --lead 'Ủy ban nhân dân xã Liên Sơn' --assigned 01/12/2024 \
	--deadline 30/09/2026 --content 'Chỉnh trang trụ sở ZT4Z' | jid)
check "Liên Sơn reports on the district's task" D tasks report "$t1" --unit 'Đảng ủy xã Liên Sơn' \
	--text 'Đã rà soát 3 thôn ZR1Z' --percent 40 --date 01/03/2025
check "the district confirms the other one" D tasks confirm "$t3" --date 20/03/2025
printf '%s\n' 'indicator,body,period,kind,baseline,estimate,value' \
	"industry,$ls,2024-T09,actual,,0,120.5" "industry,$ly,2024-T09,actual,,0,80" \
	"industry,$ns,2025-T09,actual,,0,230" "industry,$hu,2025-T09,actual,,0,5000" >v.csv
check "the figures of the communes and the district are entered" D indicators import v.csv
due=$(date -d '+20 days' +%d/%m/%Y)
rq=$(D --json request add --body "$hu" --kind progress --due "$due" | jid)
ns_unit_before=$(q "SELECT count(*) FROM unit WHERE body_id = $hu AND lower_body_id = $ns")

# Bad input: refused with the reason, nothing written.
D body add --level coso --kind party --name 'Chi bộ thôn Ngọc Vân 1' --code CB \
	--parent 'Đảng ủy xã Ngọc Vân' >/dev/null
top=$(q "SELECT max(id) FROM audit_log")
refused() { # refused NAME WORDS ARGS...: non-zero exit, the message has WORDS
	local name=$1 words=$2 out rc
	shift 2
	out=$(D "$@" 2>&1)
	rc=$?
	case "$rc:$out" in 0:*) not_ok "$name" "rc=0 $out" ;; *"$words"*) ok "$name" ;; *) not_ok "$name" "rc=$rc $out" ;; esac
}
refused "a body cannot succeed itself" "không thể là chính cơ quan kết thúc" \
	body end 'Đảng ủy xã Ngọc Vân' --successor 'Đảng ủy xã Ngọc Vân' --on 01/07/2025
refused "a successor under the ended body is a cycle" "vòng lặp" \
	body end 'Đảng ủy xã Ngọc Vân' --successor 'Chi bộ thôn Ngọc Vân 1' --on 01/07/2025
refused "a date before the successor's start is refused" "trước ngày bắt đầu 01/07/2025" \
	body merge "Đảng ủy xã Liên Sơn,Đảng ủy xã Ngọc Lý" --into 'Đảng ủy xã Tân Sơn' --on 01/01/2025
refused "a date to come is refused" "chưa đến" \
	body end 'Đảng ủy xã Ngọc Vân' --successor "$ns" --on 01/01/2099
refused "an ended successor is refused" "đã kết thúc" \
	body end 'Đảng ủy xã Ngọc Vân' --successor 'UBND huyện Tân Yên' --on 01/07/2025
refused "a body named twice is refused" "được nêu hai lần" \
	body merge "Đảng ủy xã Liên Sơn,Đảng ủy xã Liên Sơn" --into 'Đảng ủy xã Tân Sơn' --on 01/07/2025
refused "a merger of one body is refused" "ít nhất hai cơ quan" \
	body merge "Đảng ủy xã Liên Sơn" --into 'Đảng ủy xã Tân Sơn' --on 01/07/2025
refused "an unknown successor is refused" "Không Có" \
	body end 'Đảng ủy xã Ngọc Vân' --successor 'Đảng ủy xã Không Có' --on 01/07/2025
check_eq "nothing was written by the refusals" "$(q "SELECT max(id) FROM audit_log")" "$top"

# The merger.
check_eq "body merge: the new commune takes the three open tasks" \
	"$(D body merge "Đảng ủy xã Liên Sơn,Đảng ủy xã Ngọc Lý" --into 'Đảng ủy xã Tân Sơn' --on 01/07/2025)" \
	"Đảng ủy xã Tân Sơn tiếp nhận 3 nhiệm vụ đang thực hiện"
check_eq "the two communes end the day before, succeeded by Tân Sơn" \
	"$(q "SELECT active_to || ' ' || successor_id FROM body WHERE id IN ($ls, $ly) ORDER BY id" | paste -sd';' -)" \
	"2025-06-30 $ns;2025-06-30 $ns"
check_eq "the district has a unit for the new commune" \
	"$(q "SELECT count(*) FROM unit WHERE body_id = $hu AND lower_body_id = $ns AND kind = 'lower_body'")" \
	"$((ns_unit_before + 1))"
check_eq "the district's tasks are now given to Tân Sơn, their ids unchanged" \
	"$(q "SELECT t.id || ':' || t.lower_body_id || ':' || u.name FROM task t JOIN task_unit tu ON tu.task_id = t.id AND tu.role = 'lead' JOIN unit u ON u.id = tu.unit_id WHERE t.id IN ($t1, $t2) ORDER BY t.id" | paste -sd';' -)" \
	"$t1:$ns:Đảng ủy xã Tân Sơn;$t2:$ns:Đảng ủy xã Tân Sơn"
check_eq "the co-ordinating office stays on Ngọc Lý's task" \
	"$(D tasks show "$t2" | grep -c '^Phối hợp: Văn phòng Huyện ủy$')" "1"
show=$(D tasks show "$t1")
check_eq "the task's history is kept: the assignment, Liên Sơn's report, then the passing" \
	"$(echo "$show" | sed -n '/^Diễn biến:/,$p' | grep -cE 'giao nhiệm vụ|ZR1Z|chuyển giao: chuyển sang Đảng ủy xã Tân Sơn do hợp nhất từ ngày 01/07/2025 \(Đảng ủy xã Liên Sơn kết thúc\)')" \
	"3"
check_eq "the report is still Liên Sơn's" "$(echo "$show" | grep -c 'Đảng ủy xã Liên Sơn.*ZR1Z\|ZR1Z.*Đảng ủy xã Liên Sơn')" "1"
check_eq "the completed task stays Liên Sơn's, untouched" \
	"$(q "SELECT lower_body_id || ' ' || (SELECT count(*) FROM task_event WHERE task_id = $t3 AND kind = 'transferred') FROM task WHERE id = $t3")" \
	"$ls 0"
check_eq "Liên Sơn's own task is Tân Sơn's, led by a committee of the same name there" \
	"$(q "SELECT t.body_id || ' ' || u.body_id || ' ' || u.name FROM task t JOIN task_unit tu ON tu.task_id = t.id JOIN unit u ON u.id = tu.unit_id WHERE t.id = $t4")" \
	"$ns $ns Ủy ban nhân dân xã Liên Sơn"
check_eq "the request still to answer now expects Tân Sơn in place of the two" \
	"$(D --json request show "$rq" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["addressees_count"], [a["body"] for a in d["addressees"]][-1])')" \
	"4 Đảng ủy xã Tân Sơn"
check_eq "a new request goes to the four working communes" \
	"$(D --json request add --body "$hu" --kind progress --due "$due" | python3 -c 'import json,sys; print(json.load(sys.stdin)["addressees_count"])')" "4"
check_fails "an ended body cannot be ended again" D body end 'Đảng ủy xã Liên Sơn' --successor 'Đảng ủy xã Ngọc Vân' --on 01/08/2025

# Figures: the successor's same period last year is the sum of the predecessors'.
D --json indicators report --body "$ns" --period 2025-T09 >body.txt
check_eq "Tân Sơn's 9 months of 2025 compare with Liên Sơn's and Ngọc Lý's of 2024 (120,5 + 80)" \
	"$(python3 -c "import json; d=json.load(open('body.txt')); print([(f['value'], f['same_period'], f['growth_pct']) for f in d['figures'] if f['id'] == 'industry'])")" \
	"[('230', '200.5', '14.7')]"
check_eq "the text report says so" \
	"$(D indicators report --body "$ns" --period 2025-T09 | grep -c 'đạt 230 tỷ đồng, bằng 114,7% so với cùng kỳ')" "1"
check_eq "Tân Sơn's report of 2024 rolls its predecessors' figures in" \
	"$(D indicators report --body "$ns" --period 2024-T09 | grep -c 'đạt 200,5 tỷ đồng')" "1"
D --json indicators report --body "$hu" --period 2025-T09 --rollup >body.txt
check_eq "the district's 2025 roll-up expects Tân Sơn, not the merged communes" \
	"$(python3 -c "import json; d=json.load(open('body.txt')); print([(f['rollup']['value'], f['rollup']['reported'], f['rollup']['expected'], f['rollup']['missing']) for f in d['figures'] if f['id'] == 'industry'])")" \
	"[('230', 1, 4, ['Đảng ủy xã Ngọc Vân', 'Đảng ủy xã Lam Cốt', 'Đảng ủy xã Việt Lập'])]"
printf '%s\n' 'indicator,body,period,kind,baseline,estimate,value' "industry,$hu,2024-T09,actual,,0,4000" >h.csv
D indicators import h.csv >/dev/null
D --json indicators report --body "$hu" --period 2024-T09 --rollup >body.txt
check_eq "the 2024 roll-up still expects the five communes of the time" \
	"$(python3 -c "import json; d=json.load(open('body.txt')); print([(f['rollup']['value'], f['rollup']['reported'], f['rollup']['expected']) for f in d['figures'] if f['id'] == 'industry'])")" \
	"[('200.5', 2, 5)]"

# Accounts: Tân Sơn's office sees the tasks it took over and its predecessors' history;
# Liên Sơn's account keeps reading Liên Sơn's history, not the tasks that left.
echo 'mat-khau-tan-son' | D user add tanson --role office --body "$ns" >/dev/null
"$DONDOC" --db s.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
srv=$!
trap 'kill -TERM $srv 2>/dev/null; wait $srv 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
url=${url%/}
tts=$(D user token tanson kiem-thu 2>/dev/null)
tls=$(D user token lienson kiem-thu 2>/dev/null)
tad=$(D user token admin kiem-thu 2>/dev/null)
api() { # api METHOD PATH TOKEN [JSON]: prints the status; the body in body.txt
	curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data "$4"} -w '\n%{http_code}' "$url$2" >resp.txt
	tail -1 resp.txt
	sed '$d' resp.txt >body.txt
}
json() { python3 -c "import json,sys; d=json.load(open('body.txt')); print($1)"; }
check_eq "GET /api/v1/tasks as Tân Sơn's office answers" "$(api GET /api/v1/tasks "$tts")" "200"
check_eq "Tân Sơn's list has the three tasks it took over and Liên Sơn's completed one" \
	"$(json "sorted(t['id'] for t in d['data'])")" "[$t1, $t2, $t3, $t4]"
check_eq "its task carries the history" \
	"$(api GET "/api/v1/tasks/$t1" "$tts" >/dev/null; json "[e['kind'] for e in d['events']]")" \
	"['created', 'report', 'transferred']"
check_eq "Liên Sơn's account still reads its completed task" "$(api GET "/api/v1/tasks/$t3" "$tls")" "200"
check_eq "but not the tasks that passed to Tân Sơn" "$(api GET "/api/v1/tasks/$t1" "$tls")" "404"
check_eq "the body's JSON says when it ended and who succeeded it" \
	"$(api GET "/api/v1/bodies/$ls" "$tad" >/dev/null; json "(d['active_to'], d['successor'])")" \
	"('2025-06-30', $ns)"

# The API twin: Ngọc Vân ends into Tân Sơn (sáp nhập); bad input is 400 naming the field.
nv=$(q "SELECT id FROM body WHERE place = 'Ngọc Vân' AND level = 'xa'")
check_eq "POST /api/v1/bodies/ID/succession with itself as successor is refused (400)" \
	"$(api POST "/api/v1/bodies/$nv/succession" "$tad" "{\"successor\":$nv,\"on\":\"2025-08-01\"}")" "400"
check_eq "the refusal says why" "$(grep -c 'không thể là chính cơ quan kết thúc' body.txt)" "1"
check_eq "a date before the successor's start names the field on" \
	"$(api POST "/api/v1/bodies/$nv/succession" "$tad" "{\"successor\":$ns,\"on\":\"2025-01-01\"}")$(json "list(d['error']['fields'])")" \
	"400['on']"
check_eq "the office (not an admin) may not (403)" \
	"$(api POST "/api/v1/bodies/$nv/succession" "$tts" "{\"successor\":$ns,\"on\":\"2025-08-01\"}")" "403"
check_eq "the admin ends Ngọc Vân into Tân Sơn (200)" \
	"$(api POST "/api/v1/bodies/$nv/succession" "$tad" "{\"successor\":$ns,\"on\":\"2025-08-01\"}")" "200"
check_eq "the answer is the ended body, its last day and successor" \
	"$(json "(d['id'], d['active_to'], d['successor'], d['tasks'])")" "($nv, '2025-07-31', $ns, 0)"

# The form on /admin/bodies: the message beside the field, then the merger recorded.
pre=$(curl -s -c a.jar "$url/login" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b a.jar -c a.jar -o /dev/null --data "_csrf=$pre&login=admin&password=demo-admin" "$url/login"
csrf=$(curl -s -b a.jar "$url/admin/bodies" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b a.jar -o page.html "$url/admin/bodies"
check_eq "the bodies page has the succession form, the ended bodies with their last day" \
	"$(grep -c 'Kết thúc, sáp nhập, hợp nhất' page.html) $(grep -c '30/06/2025' page.html)" "1 1"
lc=$(q "SELECT id FROM body WHERE place = 'Lam Cốt' AND level = 'xa'")
vl=$(q "SELECT id FROM body WHERE place = 'Việt Lập' AND level = 'xa'")
form() { curl -s -b a.jar -o page.html -w '%{http_code}' --data "_csrf=$csrf&$1" "$url/admin/bodies/succession"; }
check_eq "no body ticked: 400, the form again" "$(form "successor=$ns&on=2025-09-01&mode=hop_nhat")" "400"
check_eq "the message is beside the list" "$(grep -c 'chọn ít nhất một cơ quan' page.html)" "1"
check_eq "a date to come: 400, the message beside the date, the ticks kept" \
	"$(form "end$lc=1&end$vl=1&successor=$ns&on=2099-01-01&mode=hop_nhat")$(grep -c 'chưa đến' page.html)$(grep -c "name=\"end$lc\" value=\"1\" checked" page.html)" \
	"40011"
check_eq "Lam Cốt and Việt Lập merged into Tân Sơn by the form (303)" \
	"$(form "end$lc=1&end$vl=1&successor=$ns&on=2025-09-01&mode=hop_nhat")" "303"
check_eq "both ended on 31/08/2025" \
	"$(q "SELECT count(*) FROM body WHERE id IN ($lc, $vl) AND active_to = '2025-08-31' AND successor_id = $ns")" "2"
kill -TERM $srv 2>/dev/null
wait $srv 2>/dev/null
check "the store's audit chain holds" D check
done_testing
