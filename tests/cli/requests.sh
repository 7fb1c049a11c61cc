#!/bin/bash
# requests.sh: a district asks its five communes for a report; three answer; the request
# shows 3/5 and names the two missing; bad input is refused naming the field, writing nothing.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db r.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
D() { "$DONDOC" --db r.db "$@"; }
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
due=$(date -d '+10 days' +%d/%m/%Y)
count() { sql r.db "SELECT (SELECT count(*) FROM report_request) || '/' || (SELECT count(*) FROM report_request_to)"; }

id=$(D --json request add --body HU --kind progress --due "$due" --note "Báo cáo tiến độ quý IV" | j 'd["id"]')
check_eq "the request goes to the five communes of HU" \
	"$(D --json request show "$id" | j '",".join(a["body"] for a in d["addressees"])')" \
	"Đảng ủy xã Liên Sơn,Đảng ủy xã Ngọc Lý,Đảng ủy xã Ngọc Vân,Đảng ủy xã Lam Cốt,Đảng ủy xã Việt Lập"
check "Liên Sơn answers" D request answer "$id" --body "Đảng ủy xã Liên Sơn"
check "Ngọc Lý answers" D request answer "$id" --body "Đảng ủy xã Ngọc Lý"
check "Lam Cốt answers" D request answer "$id" --body "Đảng ủy xã Lam Cốt"
check_fails "an addressee cannot answer twice" D request answer "$id" --body "Đảng ủy xã Lam Cốt"
show=$(D request show "$id")
case "$show" in *"3/5 đã báo cáo"*) ok "the request shows 3/5" ;; *) not_ok "the request shows 3/5" "$show" ;; esac
check_eq "the two missing are named" "$(D --json request show "$id" | j '",".join(d["missing"])')" \
	"Đảng ủy xã Ngọc Vân,Đảng ủy xã Việt Lập"
check_eq "Liên Sơn's answer has its time" \
	"$(D --json request show "$id" | j 'd["addressees"][0]["answered"] and d["addressees"][0]["answered_at"][:4].isdigit()')" "True"
check_eq "the list counts 3 of 5" "$(D --json request list --body HU | j '"%d/%d" % (d[0]["answered"], d[0]["addressees_count"])')" "3/5"
check_eq "a commune's list has the request addressed to it" \
	"$(D --json request list --body "Đảng ủy xã Việt Lập" | j 'len(d)')" "1"

# A subset, and figures: answered only once the commune has values for the period.
fid=$(D --json request add --body HU --kind figures --period 2023-T09 --due "$due" --to "Đảng ủy xã Liên Sơn" --to 6 | j 'd["id"]')
check_eq "a request to a subset has two addressees" "$(D --json request show "$fid" | j 'd["addressees_count"]')" "2"
err=$(D request answer "$fid" --body 5 2>&1)
case "$err" in *"chưa nhập số liệu chỉ tiêu kỳ 2023-T09"*) ok "figures without values are refused" ;; *) not_ok "figures without values are refused" "$err" ;; esac
printf 'indicator,body,period,kind,estimate,value\nagriculture,5,2023-T09,actual,0,1200\n' >v.csv
D indicators import v.csv >/dev/null 2>&1
check "with a value for the period, the figures are sent" D request answer "$fid" --body 5
check_fails "a body the request is not addressed to cannot answer" D request answer "$fid" --body 7

# Bad input: refused naming the field, nothing written.
before=$(count)
refused() { # refused NAME WORDS ARGS...: exit 3 or 4, the message has WORDS
	local name=$1 words=$2 out rc
	shift 2
	out=$(D request add "$@" 2>&1)
	rc=$?
	case "$rc:$out" in [34]:*"$words"*) ok "$name" ;; *) not_ok "$name" "rc=$rc $out" ;; esac
}
refused "an unknown body is refused" "--body 'Huyện ủy Không Có'" --body "Huyện ủy Không Có" --kind progress --due "$due"
refused "an unknown addressee is refused" "--to 'Xã Không Có'" --body HU --kind progress --due "$due" --to "Xã Không Có"
refused "a body that is not a lower body is refused" "không phải cơ quan cấp dưới trực tiếp" --body HU --kind progress --due "$due" --to "Tỉnh ủy Bắc Giang"
refused "a past due date is refused" "hạn báo cáo 01/01/2020 đã qua" --body HU --kind progress --due 01/01/2020
refused "figures without a period are refused" "kỳ báo cáo" --body HU --kind figures --due "$due"
refused "a bad period is refused" "kỳ báo cáo 'quý 9'" --body HU --kind figures --period "quý 9" --due "$due"
refused "a body without lower bodies is refused" "không có cơ quan cấp dưới" --body "Đảng ủy xã Liên Sơn" --kind progress --due "$due"
check_eq "nothing was written by the refusals" "$(count)" "$before"

# Reminders: 'dondoc remind' mails the two communes that have not answered, once.
sql r.db "UPDATE unit SET email = 'xa' || lower_body_id || '@tanyen.example' WHERE kind = 'lower_body' AND body_id = 3"
remind_for() { # the addressees of request $1 that a dry run would remind
	D --json remind --dry-run --before 30 | python3 -c "
import json, sys
d = json.load(sys.stdin)['digests']
print(','.join(sorted(str(e['body_id']) for x in d for e in x['events'] if e.get('request') == $1)))"
}
check_eq "the reminder goes to Ngọc Vân and Việt Lập only" "$(remind_for "$id")" "7,9"
SINK="$here/smtp_sink.py"
mkdir -p mail
python3 "$SINK" "$PWD/mail" &
sink=$!
for _ in $(seq 50); do [ -f mail/port ] && break; sleep 0.1; done
D remind --before 30 --smtp "smtp://127.0.0.1:$(cat mail/port)" --from vp@tanyen.example >/dev/null 2>&1
kill "$sink" 2>/dev/null
wait "$sink" 2>/dev/null
check_eq "a reminder about the request was mailed to each of the two" \
	"$(grep -l "yêu cầu số $id)" mail/msg-*.eml 2>/dev/null | xargs grep -h '^To:' | tr -d '\r' | sort | tr '\n' ' ')" \
	"To: <xa7@tanyen.example> To: <xa9@tanyen.example> "
check_eq "and is not planned again" "$(remind_for "$id")" ""

# Over the web: the district office asks by the API; the commune's office sees the request
# addressed to it and answers, by the API and by the page's "Gửi báo cáo" button.
"$DONDOC" --db r.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
url=${url%/}
tok_vp=$(D user token vanphong requests | tail -1)
tok_ls=$(D user token lienson requests | tail -1)
# api TOKEN METHOD PATH [JSON]: the answer's body; its status in the file status.
api() {
	curl -s -o body.json -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" \
		${4:+-H 'Content-Type: application/json' --data "$4"} "$url$3" >status
	cat body.json
}
iso=$(date -d '+10 days' +%F)
wid=$(api "$tok_vp" POST /api/v1/requests "{\"body\":3,\"kind\":\"progress\",\"due\":\"$iso\",\"note\":\"Qua web\"}" | j 'd["id"]')
check_eq "the district office's request is made (201)" "$(cat status)" "201"
check_eq "it goes to five communes" "$(api "$tok_vp" GET "/api/v1/requests/$wid" | j 'd["addressees_count"]')" "5"
check_eq "Liên Sơn's office sees it" "$(api "$tok_ls" GET /api/v1/requests | j "[r['id'] for r in d['data']].count($wid)")" "1"
api "$tok_ls" POST /api/v1/requests '{"body":3,"kind":"progress","due":"'"$iso"'"}' >/dev/null
check_eq "a commune's office cannot ask for its district (400)" "$(cat status)" "400"
api "$tok_ls" POST "/api/v1/requests/$wid/answer" '{"body":6}' >/dev/null
check_eq "nor answer for another commune (400)" "$(cat status)" "400"
check_eq "Liên Sơn answers by the API" "$(api "$tok_ls" POST "/api/v1/requests/$wid/answer" '{}' | j 'd["answered"]')" "1"
out=$(api "$tok_vp" POST /api/v1/requests '{"body":3,"kind":"progress","due":"2020-01-01"}')
case "$(cat status):$out" in 400:*'"due"'*"đã qua"*) ok "a past due date is refused by the API, naming due" ;; *) not_ok "a past due date is refused by the API, naming due" "$(cat status) $out" ;; esac

# login USER PASSWORD: cookie jar USER.jar, the session's CSRF token in USER.csrf.
login() {
	local pre
	curl -s -c "$1.jar" -o /dev/null "$url/login"
	pre=$(awk '$6 == "dd_login" {print $7}' "$1.jar")
	curl -s -b "$1.jar" -c "$1.jar" -o /dev/null --data "_csrf=$pre&login=$1&password=$2" "$url/login"
	curl -s -b "$1.jar" "$url/requests" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//' >"$1.csrf"
}
login lienson demo-lienson
login vanphong demo-vanphong
page=$(curl -s -b lienson.jar "$url/requests")
case "$page" in *"/requests/$wid/answer"*) not_ok "an answered request has no button" ;; *) ok "an answered request has no button" ;; esac
case "$page" in *"/requests/$id/answer"*) not_ok "nor the CLI's, answered by Liên Sơn" ;; *) ok "nor the CLI's, answered by Liên Sơn" ;; esac
pid2=$(D --json request add --body HU --kind progress --due "$due" | j 'd["id"]')
page=$(curl -s -b lienson.jar "$url/requests")
case "$page" in *"action=\"/requests/$pid2/answer\""*"Gửi báo cáo"*) ok "Liên Sơn's page has a Gửi báo cáo button" ;; *) not_ok "Liên Sơn's page has a Gửi báo cáo button" ;; esac
code=$(curl -s -o /dev/null -w '%{http_code}' -b lienson.jar --data "_csrf=$(cat lienson.csrf)" "$url/requests/$pid2/answer")
check_eq "the button answers (303)" "$code" "303"
check_eq "the answer is recorded for Liên Sơn" "$(D --json request show "$pid2" | j '[a["body"] for a in d["addressees"] if a["answered"]]')" "['Đảng ủy xã Liên Sơn']"
page=$(curl -s -b vanphong.jar "$url/requests")
case "$page" in *"3/5 đã báo cáo"*"Đảng ủy xã Ngọc Vân, Đảng ủy xã Việt Lập"*) ok "the district's page shows 3/5 and who is missing" ;; *) not_ok "the district's page shows 3/5 and who is missing" ;; esac
code=$(curl -s -o form.html -w '%{http_code}' -b vanphong.jar --data "_csrf=$(cat vanphong.csrf)&body=3&kind=progress&due=2020-01-01&note=Gi%E1%BB%AF+l%E1%BA%A1i" "$url/requests")
check_eq "a past due date is refused by the form (400)" "$code" "400"
case "$(cat form.html)" in *"hạn báo cáo 01/01/2020 đã qua"*'value="Giữ lại"'*) ok "the form says why beside the field and keeps the note" ;; *) not_ok "the form says why beside the field and keeps the note" ;; esac

# The form's recipients: all lower bodies by default, resolved when sent; or those ticked.
page=$(curl -s -b vanphong.jar "$url/requests")
case "$page" in *'name="to_all" value="all" checked'*'Tất cả cấp dưới trực thuộc'*'name="to5" value="1"'*) ok "the form offers all lower bodies, checked, and each commune to tick" ;; *) not_ok "the form offers all lower bodies, checked, and each commune to tick" ;; esac
fdue=$(date -d '+12 days' +%F)
post() { curl -s -o form.html -w '%{http_code}' -b vanphong.jar --data "_csrf=$(cat vanphong.csrf)&body=3&kind=progress&due=$fdue&$1" "$url/requests"; }
n_before=$(sql r.db "SELECT count(*) FROM report_request")
check_eq "the form with the default sends (303)" "$(post 'note=ALLZ')" "303"
check_eq "to the five communes of the time" \
	"$(sql r.db "SELECT count(*) FROM report_request_to t JOIN report_request r ON r.id = t.request_id WHERE r.note = 'ALLZ'")" "5"
check_eq "some, none ticked: 400, the message beside the recipients" \
	"$(post 'note=NONEZ&to_all=some')$(grep -c 'id="ferr-to"' form.html)$(grep -c 'name="to_all" value="some" checked' form.html)" "40011"
check_eq "some, Liên Sơn and Lam Cốt ticked: sent (303)" "$(post 'note=SOMEZ&to_all=some&to5=1&to8=1')" "303"
check_eq "to those two only" \
	"$(sql r.db "SELECT t.body_id FROM report_request_to t JOIN report_request r ON r.id = t.request_id WHERE r.note = 'SOMEZ' ORDER BY t.body_id" | paste -sd, -)" "5,8"
check_eq "a ticked body that is not a lower body of the asking one: 400 beside the recipients" \
	"$(post 'note=BADZ&to_all=some&to2=1')$(grep -c 'id="ferr-to"' form.html)" "4001"
check_eq "two requests written, not the refused ones" \
	"$(sql r.db "SELECT count(*) FROM report_request") " "$((n_before + 2)) "

done_testing
