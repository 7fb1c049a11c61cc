#!/bin/bash
# sessionwork.sh: attendance, votes, comments, questioning, minutes and programmes from the command line.
. "$(dirname "$0")/lib.sh"

D() { "$DONDOC" --db s.db "$@"; }
J() { "$DONDOC" --db s.db --json "$@"; }
jqr() { jq -r "$1"; }

"$DONDOC" --db s.db init >/dev/null || exit 1
# A committee of ten members, its organs, one office unit, two sessions, a draft report.
sql s.db <<'SQL' || exit 1
INSERT INTO body(id, level, kind, name, code) VALUES (1,'huyen','party','Huyện ủy Tân Yên','HU'),
 (2,'huyen','party','Huyện ủy Yên Thế','HU');
INSERT INTO term(id, body_id, name, year_from, year_to) VALUES (1,1,'XXII',2020,2025);
INSERT INTO organ(id, body_id, kind, name) VALUES (1,1,'bch','Ban Chấp hành Đảng bộ huyện'),
 (2,1,'btv','Ban Thường vụ Huyện ủy'), (3,1,'vp','Văn phòng Huyện ủy'), (4,2,'bch','BCH Yên Thế');
INSERT INTO unit(id, body_id, kind, name, organ_id) VALUES (1,1,'organ','Văn phòng Huyện ủy',3);
INSERT INTO person(id, full_name) VALUES (1,'Đinh Đức Cảnh'),(2,'Nguyễn Văn Hưng'),(3,'Trần Thị Thu Hà'),
 (4,'Lê Quang Vinh'),(5,'Hoàng Văn Thắng'),(6,'Phạm Thị Lan'),(7,'Vũ Đình Khoa'),(8,'Ngô Văn Tuấn'),
 (9,'Dương Thị Hồng'),(10,'Đỗ Văn Long'),(11,'Người Huyện Khác');
INSERT INTO membership(person_id, organ_id, position) SELECT id, 1, 'Ủy viên' FROM person WHERE id <= 10;
INSERT INTO membership(person_id, organ_id, position) VALUES (11, 4, 'Ủy viên');
INSERT INTO session(id, organ_id, term_id, number, date) VALUES (1,1,1,26,'2023-10-04'), (2,1,1,27,'2023-12-20');
INSERT INTO document(id, type_code, body_id, title, text) VALUES
 (1,'BC',1,'những việc Ban Thường vụ đã giải quyết trong quý III/2023','Dự thảo.');
INSERT INTO agenda_item(id, session_id, position, doc_kind, title) VALUES
 (1,1,1,'Báo cáo','kinh tế - xã hội'), (2,1,2,'Tờ trình','Quy chế làm việc'), (3,1,3,'Tờ trình','chương trình toàn khóa');
SQL
count() { sql s.db "$1"; }

check "every session-work verb answers --help" D vote record --help
for p in 1 2 3 4 5; do D session attend 1 $p --present >/dev/null; done
check "an absence takes its reason" D session attend 1 6 --absent "đi công tác"
check_fails "an absence without a reason is refused" D session attend 1 7 --absent ""
check_fails "a stranger's attendance is refused" D session attend 1 11 --present
check_eq "attendance shows the rule not met at half present" \
	"$(J session attendance 1 | jqr '"\(.members) \(.present) \(.attend_ok)"')" \
	"10 5 false"
check_fails "a binding vote is refused when the attendance rule is not met" D vote record 1 --for 5
check_eq "the refused vote wrote nothing" "$(count 'SELECT count(*) FROM sw_vote')" "0"
D session attend 1 7 --present >/dev/null
D session attend 1 8 --present >/dev/null
out=$(D vote record 1 --for 7 --against 2 2>&1)
check_eq "a vote count larger than the attendance is refused with the figures" \
	"$(echo "$out" | grep -c 'lớn hơn số thành viên có mặt (7)')" "1"
check_eq "nothing written by the refused count" "$(count 'SELECT count(*) FROM sw_vote')" "0"
check_fails "calling five of ten votes agreement is refused" D vote record 1 --for 5 --wording "nhất trí"
check "five of ten votes are recorded as not passed" D vote record 1 --for 5 --against 2
check_eq "exactly half of the members is not enough" \
	"$(J vote show 1 | jqr '"\(.passed) \(.wording)"')" \
	"false không thông qua"
check "six votes pass with the office's wording" D vote record 2 --for 6 --wording "cơ bản nhất trí"
check_eq "the agenda item's outcome is the wording" \
	"$(count "SELECT outcome FROM agenda_item WHERE id = 2")" "cơ bản nhất trí"
check_fails "a bad count is a usage error" D vote record 3 --for x

# Comments on the draft, the office's response, the new version and the table.
cid=$(J comment add 1 --by 2 --session 1 --para "mục 2" "Bổ sung kết quả <giải ngân>." | jqr .id)
check "a group's comment is recorded" D comment add 1 --group 1 "Đề nghị đổi tên."
check_fails "a comment needs its author" D comment add 1 "không tên"
# A text file with a NUL byte, or not UTF-8, is refused naming the file and the byte; nothing written.
printf 'Đề nghị bổ sung\0 phần sau bị cắt mất' >nul.txt
printf 'Ý ki\xe1n theo b\xe1ng m\xe3 c\xfc' >latin.txt
ncmt=$(count 'SELECT count(*) FROM sw_comment')
out=$(D comment add 1 --by 3 --file nul.txt 2>&1)
check_eq "a comment file with a NUL byte is refused (exit 3)" "$?" "3"
check_eq "the refusal names the file and the byte of the NUL" \
	"$(echo "$out" | grep -c "tệp 'nul.txt'.*NUL.*byte thứ 23")" "1"
out=$(D comment add 1 --by 3 --file latin.txt 2>&1)
check_eq "a comment file that is not UTF-8 is refused (exit 3)" "$?" "3"
check_eq "the refusal names the file and the first bad byte" \
	"$(echo "$out" | grep -c "tệp 'latin.txt'.*UTF-8.*byte thứ 6")" "1"
out=$(D comment add 1 --by 3 --file - <nul.txt 2>&1)
check_eq "standard input with a NUL byte is refused too" "$(echo "$out" | grep -c 'đầu vào chuẩn.*NUL')" "1"
check_eq "the refused comments wrote nothing" "$(count 'SELECT count(*) FROM sw_comment')" "$ncmt"
check "the office takes a comment in" D comment respond "$cid" --as tiep-thu --unit 1
check_fails "explaining needs its text" D comment respond 2 --as giai-trinh
check "the office explains another" D comment respond 2 --as giai-trinh --unit 1 "Tên theo quy định."
check "a new version takes the comment in" D comment revise 1 "Bản đã sửa." --note "tiếp thu"
check_eq "version 1 keeps the draft as tabled" "$(D comment version 1 --version 1)" "Dự thảo."
check_eq "the latest version is the revision" "$(D comment version 1)" "Bản đã sửa."
check_fails "a response taken into a version is locked" D comment respond "$cid" --as khong-tiep-thu x
check_eq "the incorporation table renders as text" \
	"$(D comment table 1 | grep -c -e 'BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN' -e 'Tiếp thu, giải trình: Tiếp thu (Văn phòng Huyện ủy)' -e 'Đã thể hiện trong bản sửa lần 1')" "3"
check_eq "the incorporation table renders as escaped HTML" \
	"$(D comment table 1 --html | grep -c -e '&lt;giải ngân&gt;' -e '<td>Giải trình</td>')" "2"

# Questioning.
check_eq "no questioning gives the notice's sentence" "$(D question paragraph 1)" "Không có nội dung chất vấn."
check_fails "a respondent outside the organ's level is refused" D question add 1 --by 2 --member 11 "nội dung"
check_eq "the refused question wrote nothing" "$(count 'SELECT count(*) FROM sw_question')" "0"
check "a plain question is recorded as such" D question add 1 --by 3 --kind hoi "hỏi để biết"
check_eq "a plain question is no questioning" "$(D question paragraph 1)" "Không có nội dung chất vấn."
qid=$(J question add 1 --by 2 --member 3 "việc chậm giải phóng mặt bằng" | jqr .id)
check "the answer" D question answer "$qid" "Đang làm."
check "sent back as evasive" D question judge "$qid" --return "né tránh"
check "answered again" D question answer "$qid" "Vướng đền bù 12 hộ."
check "accepted" D question judge "$qid" --accept
check "verification ordered" D question verify "$qid" "Giao Ủy ban Kiểm tra xác minh."
check "concluded" D question conclude "$qid" "Có khuyết điểm."
check "handled" D question handle "$qid" "Kiểm điểm rút kinh nghiệm."
check_eq "the questioning item went through verification" \
	"$(J question list 1 | jqr '.[] | select(.kind == "chat-van") | .stage')" "handled"
check_eq "the notice's paragraph reports it" "$(D question paragraph 1 | grep -c 'Có 1 ý kiến chất vấn')" "1"

# Minutes.
check "minutes are drafted from the session" D minutes draft 1
check_eq "the draft has the attendance" "$(D minutes show 1 | grep -c 'có mặt: 7; vắng mặt: 1')" "1"
check "a draft may be edited" D minutes edit 1 "Biên bản đã sửa."
check "minutes are approved" D minutes approve 1 --by 1
check_fails "an edit to approved minutes is refused" D minutes edit 1 "sửa lén"
out=$(D minutes edit 1 "sửa lén" 2>&1; echo "rc=$?")
check_eq "with the locked exit code and a clear message" \
	"$(echo "$out" | grep -c -e 'đã khóa' -e 'rc=6')" "2"
check_eq "the approved text is unchanged" \
	"$(J minutes show 1 | jqr '"\(.text) \(.locked)"')" \
	"Biên bản đã sửa. true"

# Carry-over, regulation, programme.
check "an item not concluded is carried to the next session" D agenda carry 3 --to 2 --reason "chưa đủ tài liệu"
check_eq "its history spans both sessions" \
	"$(J agenda history 3 | jqr '[.[].session_number] | map(tostring) | join(" ")')" "26 27"
check_fails "a concluded item is not carried" D agenda carry 2 --to 2
check "a regulation version" D regulation set 1 --from 01/11/2023 --vote 2/3 --frequency "3 tháng một lần"
check_fails "a bad fraction is refused" D regulation set 1 --from 2024-01-01 --vote 3/2
check_eq "the rule in force depends on the date" \
	"$(J regulation show 1 --at 2023-10-04 | jqr '.vote_more_than | map(tostring) | join("/")') $(J regulation show 1 --at 2023-12-01 | jqr '.vote_more_than | map(tostring) | join("/")')" \
	"1/2 2/3"
pid=$(J programme add 1 --term 1 --date 2020-10-01 "Chương trình công tác toàn khóa" | jqr .id)
tid=$(J programme topic "$pid" --year 2023 --quarter 4 --unit 1 "Quy chế làm việc" | jqr .id)
check "a topic is ticked off by a session's item" D programme tick "$tid" --item 2
check "a revision is opened" D programme revise "$pid" --date 04/10/2023 "rà soát, điều chỉnh"
check_eq "the programme shows the revision and the done topic" \
	"$(J programme show "$pid" | jqr '"\(.revisions) \(.done) \(.topics[0].done_session_number)"')" "2 1 26"
D session attend 2 1 --absent "ốm" >/dev/null
check_eq "the rest of the members are recorded present at once" "$(J session attend 2 --rest-present | jqr .recorded)" "9"
check "invitations to the members" D invite members 2
check_eq "ten invited" "$(J invite list 2 | jqr length)" "10"
done_testing
