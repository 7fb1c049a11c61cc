#!/bin/bash
# tasks.sh: 'dondoc tasks …' on the demo: lists, stats by hand count, follow-up report, bad input.
. "$(dirname "$0")/lib.sh"

if ! msg=$("$DONDOC" --db t.db init --demo 2>&1); then
	echo "1..0 # SKIP the demo cannot be built in this store: $msg"
	exit 0
fi
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Hand count at 27/11/2023 (see src/core/demo/demo_tasks.c): section 3 done 25/10 before its
# 31/10 deadline; the 22-NQ report done 23/10 after 20/10; section 2 (04/12) and the land
# review (30/11) still in time; the Quy chế task (15/11) overdue; section 5 standing.
stats=$("$DONDOC" --db t.db --json tasks stats --as-of 2023-11-27)
check_eq "stats: total" "$(echo "$stats" | j 'd["all"]["total"]')" "6"
check_eq "stats: by status" \
	"$(echo "$stats" | j '[d["all"][k] for k in ("dung_han","tre_han","trong_han","qua_han","thuong_xuyen")]')" \
	"[1, 1, 2, 1, 1]"
check_eq "stats: due and rate" "$(echo "$stats" | j '"%s %s" % (d["all"]["due"], d["all"]["rate"])')" "3 66.67"
check_eq "stats: the office leads four" \
	"$(echo "$stats" | j '[g["total"] for g in d["groups"] if g["label"]=="Văn phòng Huyện ủy"][0]')" "4"
check_eq "stats at 10/12/2023: section 2 and the land review overdue" \
	"$("$DONDOC" --db t.db --json tasks stats --as-of 2023-12-10 | j 'd["all"]["qua_han"]')" "3"

check_eq "list --overdue" \
	"$("$DONDOC" --db t.db --json tasks list --overdue --as-of 2023-11-27 | j '[t["id"] for t in d["tasks"]]')" "[5]"
check_eq "list --unit" \
	"$("$DONDOC" --db t.db --json tasks list --unit 'thu truong cac co quan, don vi' --as-of 2023-11-27 | j 'len(d["tasks"])')" "2"
check_eq "list --status by Vietnamese name" \
	"$("$DONDOC" --db t.db --json tasks list --status 'hoàn thành quá hạn' --as-of 2023-11-27 | j '[t["id"] for t in d["tasks"]]')" "[4]"
check_eq "section 2 is due 04/12/2023" \
	"$("$DONDOC" --db t.db --json tasks show 1 | j 'd["due"] + " " + d["section"]')" "2023-12-04 2"
check_eq "stale: no report for 30 days at 27/11" \
	"$("$DONDOC" --db t.db --json tasks list --stale 30 --as-of 2023-11-27 | j '[t["id"] for t in d["tasks"]]')" "[5]"
check "show prints the timeline" sh -c "'$DONDOC' --db t.db tasks show 2 | grep -q 'xác nhận hoàn thành'"

# The follow-up report in every format: of the demo notice, else of session 26.
src=$("$DONDOC" --db t.db --json tasks show 1 | j 'd["source_doc"] or ""')
ses=$("$DONDOC" --db t.db --json tasks show 1 | j 'd["source_session"] or ""')
if [ -z "$src" ] && [ -z "$ses" ]; then
	# Neither the notice nor the session is in this store: make session 26 by hand.
	sql t.db "INSERT INTO organ(body_id,kind,name) SELECT id,'bch','BCH' FROM body LIMIT 1;
		INSERT INTO term(body_id,name,year_from,year_to) SELECT id,'XXII',2020,2025 FROM body LIMIT 1;
		INSERT INTO session(organ_id,term_id,number,date) SELECT max(o.id),max(t.id),26,'2023-10-04' FROM organ o, term t;
		UPDATE task SET source_session_id=(SELECT max(id) FROM session);"
	ses=$(sql t.db 'SELECT max(id) FROM session')
fi
# The demo's tasks come from its notice, 512-TB/HU: the report is asked for by the notice's id.
if [ -n "$src" ]; then
	check_eq "the demo tasks' source is the seed notice, 512-TB/HU" \
		"$("$DONDOC" --db t.db --json doc show "$src" | j 'd["symbol"]')" "512-TB/HU"
	set -- "$("$DONDOC" --db t.db --json notice list | j 'd[-1]["id"]')"
else
	set -- "$ses" --session
fi
check "follow-up as text" sh -c "'$DONDOC' --db t.db tasks followup $* --as-of 2023-11-27 > f.txt"
check_eq "text: title and rate" \
	"$(grep -c -e '^Kết quả thực hiện' -e 'đạt 66,67%' f.txt)" "2"
check_eq "text: every task listed" "$(grep -c 'Tình trạng:' f.txt)" "6"
check "follow-up as HTML" "$DONDOC" --db t.db tasks followup "$@" --format html --output f.html --as-of 2023-11-27
check_eq "HTML: one row per task" "$(grep -c '<tr class=' f.html)" "6"
check_eq "HTML: escaped" "$(grep -c '<script' f.html)" "0"
check "follow-up as XLSX" "$DONDOC" --db t.db tasks followup "$@" --format xlsx --output f.xlsx --as-of 2023-11-27
check_eq "XLSX: a zip with a worksheet" \
	"$(python3 -c 'import zipfile; z=zipfile.ZipFile("f.xlsx"); print("xl/worksheets/sheet1.xml" in z.namelist())')" "True"
check_eq "XLSX: the statuses are in it" \
	"$(python3 -c 'import zipfile; print(zipfile.ZipFile("f.xlsx").read("xl/sharedStrings.xml").decode().count("chưa hoàn thành quá hạn"))')" "1"
xl() { python3 "$DONDOC_SRCDIR/tests/cli/xlsx_read.py" f.xlsx | python3 -c "import json,sys; d=json.load(sys.stdin); c=d['cells']; print(($1))"; }
check_eq "XLSX: prints the report one page wide, landscape, headings on every page" \
	"$(xl 'd["print_area"], d["fit_to_page"], d["fit_to_width"], d["fit_to_height"], d["orientation"], d["print_titles"]')" \
	"(\"'Báo cáo'!\$A\$1:\$I\$18\", True, 1, 0, 'landscape', \"'Báo cáo'!\$12:\$12\")"
check_eq "XLSX: the title spans the nine columns" \
	"$(xl '"A1:I1" in d["merged"], c["A1"]["value"].startswith("BÁO CÁO")')" "(True, True)"
check_eq "XLSX: counts are numbers, the rate a percentage number" \
	"$(xl 'c["D2"]["type"], c["D2"]["value"], c["D10"]["type"], round(c["D10"]["value"], 4), c["D10"]["format"]')" \
	"('number', 6.0, 'number', 0.6667, '0.0%')"
# Section 3: due 31/10/2023, done 25/10/2023 (dates as Excel serial numbers, 1900 system).
check_eq "XLSX: deadline and completion are real dates" \
	"$(xl '[(c[k]["type"], c[k]["format"], c[k]["value"]) for k in ("F14", "H14")]')" \
	"[('date', 'dd/mm/yyyy', 45230.0), ('date', 'dd/mm/yyyy', 45224.0)]"
check_eq "XLSX: a standing task's deadline stays words" "$(xl 'c["F15"]["type"], c["F15"]["value"]')" "('string', 'thường xuyên')"
check_eq "review: tasks and indicators in one report" \
	"$("$DONDOC" --db t.db tasks review ${src:-"$@"} --as-of 2023-11-27 | grep -c -e '^Sơ kết việc thực hiện' -e '^PHẦN I\.' -e '^PHẦN II\.' -e 'đạt 66,67%')" "4"
check_fails "an unknown format is refused" "$DONDOC" --db t.db tasks followup "$@" --format odt

# Adding, reporting, confirming.
check "add a task" "$DONDOC" --db t.db tasks add --content 'Báo cáo tiến độ giải phóng mặt bằng' \
	--lead 'Thủ trưởng các cơ quan, đơn vị' --coord 'Văn phòng Huyện ủy' --deadline 'quý IV/2023' \
	--assigned 01/11/2023 --follower 'Văn phòng Huyện ủy'
check_eq "its deadline resolved" "$("$DONDOC" --db t.db --json tasks show 7 | j 'd["due"]')" "2023-12-31"
check "report with an attachment" "$DONDOC" --db t.db tasks report 7 --unit 'Văn phòng Huyện ủy' \
	--text 'Đã phối hợp rà soát' --attach /srv/files/bc-gpmb.pdf --date 2023-11-15
check_eq "the attachment is in the timeline" \
	"$("$DONDOC" --db t.db --json tasks show 7 | j 'd["events"][-1]["attachments"]')" "['/srv/files/bc-gpmb.pdf']"
check "report with its progress" "$DONDOC" --db t.db tasks report 7 --unit 'Văn phòng Huyện ủy' \
	--text 'Đã bàn giao mặt bằng' --percent 80 --date 2023-11-20
check_eq "the progress is in the timeline" \
	"$("$DONDOC" --db t.db --json tasks show 7 | j 'd["events"][-1]["percent"]')" "80"
check_eq "… and in the text view" "$("$DONDOC" --db t.db tasks show 7 | grep -c 'tiến độ: 80%')" "1"
events=$(sql t.db "SELECT count(*) FROM task_event")
check_fails "a progress over 100% is refused" "$DONDOC" --db t.db tasks report 7 \
	--unit 'Văn phòng Huyện ủy' --text 'Xong' --percent 150
check_eq "… saying what" "$("$DONDOC" --db t.db tasks report 7 --unit 'Văn phòng Huyện ủy' \
	--text 'Xong' --percent 'nhiều' 2>&1 | grep -c "tiến độ 'nhiều' không hợp lệ")" "1"
check_eq "… writing nothing" "$(sql t.db "SELECT count(*) FROM task_event")" "$events"
check "confirm" "$DONDOC" --db t.db tasks confirm 7 --date 2023-12-20

count() { sql t.db "SELECT (SELECT count(*) FROM task) || '/' || (SELECT count(*) FROM task_event)"; }
before=$(count)
check_fails "a report on a closed task is refused" "$DONDOC" --db t.db tasks report 7 \
	--unit 'Văn phòng Huyện ủy' --text 'Thêm'
check_fails "a completion date before the assignment is refused" "$DONDOC" --db t.db tasks confirm 1 --date 2023-09-30
msg=$("$DONDOC" --db t.db tasks confirm 1 --date 2023-09-30 2>&1)
check_eq "… saying why" "$(echo "$msg" | grep -c 'trước ngày giao nhiệm vụ 04/10/2023')" "1"
check_fails "an unknown unit is refused" "$DONDOC" --db t.db tasks add --content 'X' --lead 'Ban Ma'
msg=$("$DONDOC" --db t.db tasks add --content 'X' --lead 'Ban Ma' 2>&1)
check_eq "… naming it" "$(echo "$msg" | grep -c "không có đơn vị 'Ban Ma'")" "1"
check_fails "a deadline nobody can read is refused" "$DONDOC" --db t.db tasks add --content X \
	--lead 'Văn phòng Huyện ủy' --deadline 'sớm'
msg=$("$DONDOC" --db t.db tasks add --content X --lead 'Văn phòng Huyện ủy' --deadline 04/10/0023 2>&1)
check_eq "a deadline in the year 0023 is refused (exit 3)" "$?" "3"
check_eq "… naming the deadline and the years allowed" \
	"$(echo "$msg" | grep -c "thời hạn '04/10/0023' không hợp lệ.*năm 0023 ngoài khoảng cho phép 1930–2100")" "1"
for d in 31/12/9999 '2101-01-01' 'quý IV/2101' 'năm 1929'; do
	check_fails "a deadline '$d' is refused" "$DONDOC" --db t.db tasks add --content X \
		--lead 'Văn phòng Huyện ủy' --deadline "$d"
done
msg=$("$DONDOC" --db t.db tasks add --content X --lead 'Văn phòng Huyện ủy' --assigned 'ngày 04 tháng 10 năm 0023' 2>&1)
check_eq "an assignment date in the year 0023 is refused, naming the field" \
	"$(echo "$msg" | grep -c "ngày giao.*1930–2100")" "1"
check_fails "a report dated 9999 is refused" "$DONDOC" --db t.db tasks report 1 \
	--unit 'Văn phòng Huyện ủy' --text 'Thêm' --date 31/12/9999
check_fails "a bad date is refused" "$DONDOC" --db t.db tasks list --as-of 31/02/2023
check_fails "an unknown status is refused" "$DONDOC" --db t.db tasks list --status xong
check_fails "a missing task is refused" "$DONDOC" --db t.db tasks show 999
check_eq "refused commands wrote nothing" "$(count)" "$before"
check "carry-over lists the unfinished" sh -c "'$DONDOC' --db t.db tasks carryover --as-of 2023-12-31 | grep -c '^[0-9]' | grep -qx 4"
check "a sub-task of section 2" "$DONDOC" --db t.db tasks add --parent 1 --content 'Rà soát nhiệm vụ khối Văn phòng' \
	--lead 'Văn phòng Huyện ủy' --deadline 20/11/2023 --assigned 05/10/2023
check_eq "the sub-task rolls up into its parent" \
	"$("$DONDOC" --db t.db --json tasks show 1 --as-of 2023-11-27 | j '"%d %d" % (d["subtasks"]["total"], d["subtasks"]["qua_han"])')" "1 1"

# Deadline extension (gia hạn) of section 2 (task 1, due 04/12/2023).
check "extend task 1 to quý I/2024 with a reason" "$DONDOC" --db t.db tasks extend 1 \
	--deadline 'quý I/2024' --reason 'Chờ hướng dẫn của Tỉnh ủy' --date 20/11/2023
check_eq "the new deadline is the quarter's last day" \
	"$("$DONDOC" --db t.db --json tasks show 1 | j 'd["due"]')" "2024-03-31"
check "the timeline shows old → new and the reason" sh -c \
	"'$DONDOC' --db t.db tasks show 1 | grep -q '04/12/2023) → quý I/2024 (31/03/2024)' &&
	 '$DONDOC' --db t.db tasks show 1 | grep -q 'gia hạn: Chờ hướng dẫn của Tỉnh ủy'"
before=$(count)
msg=$("$DONDOC" --db t.db tasks extend 1 --deadline '15/01/2024' --reason 'Lùi' --date 20/11/2023 2>&1)
check_eq "an earlier deadline is refused, exit 3" "$?" "3"
check_eq "… saying why" "$(echo "$msg" | grep -c 'không sau thời hạn đang có 31/03/2024')" "1"
check_fails "an extension without a reason is refused" "$DONDOC" --db t.db tasks extend 1 \
	--deadline 'quý II/2024' --reason '  '
check_fails "a deadline that is not one is refused" "$DONDOC" --db t.db tasks extend 1 \
	--deadline 'sớm' --reason 'x'
check_fails "a completed task is not extended" "$DONDOC" --db t.db tasks extend 2 \
	--deadline 'quý II/2024' --reason 'x'
check_eq "refused extensions wrote nothing" "$(count)" "$before"

# The follow-up report by the notice's id (notice list), not a document's.
nid=$("$DONDOC" --db t.db --json notice list | j 'd[0]["id"] if isinstance(d, list) else d["notices"][0]["id"]' 2>/dev/null)
if [ -n "$nid" ]; then
	check "follow-up by notice id" sh -c "'$DONDOC' --db t.db tasks followup $nid --as-of 2023-11-27 > fn.txt"
	check_eq "… lists every task of its session" "$(grep -c 'Tình trạng:' fn.txt)" "6"
fi
msg=$("$DONDOC" --db t.db tasks followup 9999 2>&1)
check_eq "an unknown notice id is an error (exit 4)" "$?" "4"
check_eq "… saying it is a notice id" "$(echo "$msg" | grep -c 'không có thông báo kết luận số 9999')" "1"
check "every verb answers --help" "$DONDOC" tasks followup --help
check "extend answers --help" "$DONDOC" tasks extend --help
done_testing
