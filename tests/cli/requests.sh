#!/bin/bash
# requests.sh: a district asks its five communes for a report; three answer; the request
# shows 3/5 and names the two missing; bad input is refused naming the field, writing nothing.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db r.db init --demo --force >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
D() { "$DONDOC" --db r.db "$@"; }
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
due=$(date -d '+10 days' +%d/%m/%Y)
count() { sqlite3 r.db "SELECT (SELECT count(*) FROM report_request) || '/' || (SELECT count(*) FROM report_request_to)"; }

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

done_testing
