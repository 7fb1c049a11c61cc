#!/bin/bash
# session-run.sh: a session with its start time, attendance and votes on the command line; a vote corrected with its reason; --json session show in the API's shape.
. "$(dirname "$0")/lib.sh"

jqr() { jq -r "$1"; }

"$DONDOC" --db d.db init --demo >/dev/null || exit 1
check_fails "session add refuses a time that is not one" \
	"$DONDOC" --db d.db session add --organ HU:bch --term XXII --date 2026-12-18 --time 25:00
check_eq "nothing was written" "$(sql d.db "SELECT count(*) FROM session")" "1"
sid=$("$DONDOC" --db d.db --json session add --organ HU:bch --term XXII --date 2026-12-18 --time 8:30 \
	--place "Hội trường" | jqr .id)
check_eq "the session takes the next number and keeps its start time as HH:MM" \
	"$("$DONDOC" --db d.db --json session show "$sid" | jqr '"\(.number) \(.start_time)"')" "27 08:30"
check "session show prints the start time with the date" \
	sh -c "'$DONDOC' --db d.db session show $sid | grep -q 'Ngày họp:   08:30 ngày 18/12/2026, tại Hội trường'"
"$DONDOC" --db d.db agenda add "$sid" --kind "Tờ trình" --title "dự toán 2027" >/dev/null
item=$(sql d.db "SELECT id FROM agenda_item WHERE session_id = $sid")
"$DONDOC" --db d.db session attend "$sid" --rest-present >/dev/null
check "vote record: 12 of 33 for does not pass" "$DONDOC" --db d.db vote record "$item" --for 12 --against 20
check_eq "the outcome is 'không thông qua'" "$(sql d.db "SELECT outcome FROM agenda_item WHERE id = $item")" \
	"không thông qua"
check_fails "vote correct needs a reason" "$DONDOC" --db d.db vote correct "$item" --for 30 --against 2
check_fails "vote correct refuses more votes than members present" \
	"$DONDOC" --db d.db vote correct "$item" --for 34 --reason "đếm lại"
check_eq "a refused correction leaves the vote" "$(sql d.db "SELECT n_for FROM sw_vote WHERE agenda_item_id = $item")" "12"
check "vote correct with its reason" "$DONDOC" --db d.db vote correct "$item" --for 30 --against 2 --reason "Cộng nhầm"
json=$("$DONDOC" --db d.db --json session show "$sid")
check_eq "--json session show: the item's vote corrected, its reason and outcome" \
	"$(echo "$json" | jqr '.agenda[0] | "\(.vote.for) \(.vote.passed) \(.vote.correction_reason) \(.outcome)"')" \
	"30 true Cộng nhầm thông qua"
check_eq "--json session show: attendance against the rule" \
	"$(echo "$json" | jqr '.attendance | "\(.members) \(.present) \(.quorum_met) \(.rule)"')" "33 33 true quá nửa"
check_eq "the old counts stay in the audit log" \
	"$(sql d.db "SELECT $(sql_json before n_for) FROM audit_log WHERE tbl = 'sw_vote' AND op = 'update'")" "12"
check "vote show names the correction" sh -c "'$DONDOC' --db d.db vote show $item | grep -q 'Đã sửa kết quả, lý do: Cộng nhầm'"
check "the audit chain is whole" "$DONDOC" --db d.db check
done_testing
