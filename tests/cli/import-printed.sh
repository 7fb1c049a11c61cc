#!/bin/bash
# import-printed.sh: what a notice prints that used to be dropped on import is stored and read
# back: a deadline named by an event (task page, /api/v1/tasks/{id}, 'tasks show'), a
# range's upper end and a reference whose hyphen a PDF lost.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db a.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
cat > tb.txt <<'TXT'
HUYỆN ỦY TÂN YÊN
*
Số 640-TB/HU

THÔNG BÁO
Kết luận của Ban Thường vụ Huyện ủy tại phiên họp thứ 61

Ngày 12/12/2023, Ban Thường vụ Huyện ủy Tân Yên khóa XXII, nhiệm kỳ 2020-2025 họp phiên thứ 61 theo Nghị định số 45/2020/NĐCP ngày 09/4/2020 của Chính phủ.

1. Lũy kế 11 tháng đầu năm 2023, thu ngân sách trên địa bàn đạt từ 120 đến 150,5 tỷ đồng.

2. Giao Phòng Lao động - Thương binh và Xã hội rà soát, hỗ trợ các hộ nghèo đón Tết, xong trước Tết Nguyên đán.

3. Giao Văn phòng Huyện ủy theo dõi, đôn đốc, hoàn thành trước ngày 29/12/2023.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Hùng
TXT
check "the notice is imported into the store" "$DONDOC" --db a.db import tb.txt
q() { sql a.db "$1"; }
tid=$(q "SELECT t.id FROM task t JOIN document d ON d.id = t.source_doc_id WHERE d.symbol = '640-TB/HU' AND t.content LIKE 'rà soát%'")
check_eq "the task with an event deadline is stored without a date, its words kept" \
	"$(q "SELECT deadline_kind || '|' || coalesce(due, '') || '|' || deadline_event FROM task WHERE id = $tid")" \
	"none||trước Tết Nguyên đán"
check_eq "a task with a date has no event words" \
	"$(q "SELECT count(*) FROM task t JOIN document d ON d.id = t.source_doc_id WHERE d.symbol = '640-TB/HU' AND t.due = '2023-12-29' AND t.deadline_event IS NULL")" "1"
check_eq "the reference restored from '45/2020/NĐCP' is flagged repaired" \
	"$(q "SELECT r.symbol || '|' || r.repaired FROM doc_ref r JOIN document d ON d.id = r.from_id WHERE d.symbol = '640-TB/HU'")" \
	"45/2020/NĐ-CP|1"
check_eq "the range 'từ 120 đến 150,5 tỷ đồng' keeps its upper end at the value's scale" \
	"$(q "SELECT v.units || '|' || v.scale || '|' || v.units_to FROM ind_value v JOIN body b ON b.id = v.body_id WHERE b.name = 'Huyện ủy Tân Yên' AND v.period = '2023-T11' AND v.kind = 'actual' AND v.units_to IS NOT NULL")" \
	"1200|1|1505"
check_eq "the audit log records the event words" \
	"$(q "SELECT count(*) FROM audit_log WHERE tbl = 'task' AND row_id = $tid AND after LIKE '%trước Tết Nguyên đán%'")" "1"

"$DONDOC" --db a.db tasks show "$tid" >show.out 2>&1
check_eq "'tasks show' gives the deadline's words" "$(grep -c '^Thời hạn: trước Tết Nguyên đán$' show.out)" "1"

tok=$("$DONDOC" --db a.db user token vanphong import-printed | tail -1)
"$DONDOC" --db a.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)
curl -s -H "Authorization: Bearer $tok" "${url%/}/api/v1/tasks/$tid" >task.json
check_eq "/api/v1/tasks/{id} gives the deadline's words and the event" \
	"$(python3 -c 'import json,sys; d=json.load(open("task.json")); print(d["deadline"], "|", d["deadline_event"], "|", d["due"], "|", d["deadline_kind"])')" \
	"trước Tết Nguyên đán | trước Tết Nguyên đán | None | none"
csrf=$(curl -s -c jar "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b jar -c jar -o /dev/null --data-urlencode "login=vanphong" \
	--data-urlencode "password=demo-vanphong" --data-urlencode "_csrf=$csrf" "${url}login"
curl -s -b jar "${url}tasks/$tid" >task.html
check_eq "the task page shows 'Thời hạn: trước Tết Nguyên đán'" \
	"$(grep -c '<dt>Thời hạn</dt><dd class="deadline">trước Tết Nguyên đán</dd>' task.html)" "1"
curl -s -H "Authorization: Bearer $tok" "${url%/}/api/v1/tasks?source=$(q "SELECT id FROM document WHERE symbol = '640-TB/HU'")" >list.json
check_eq "the task list gives the event as the deadline" \
	"$(python3 -c 'import json; d=json.load(open("list.json")); print(sorted(t["deadline"] for t in d["data"]))')" \
	"['trước Tết Nguyên đán', 'trước ngày 29/12/2023']"
done_testing
