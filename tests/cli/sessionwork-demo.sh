#!/bin/bash
# sessionwork-demo.sh: the demo's session 26 as the seed notice tells it, and golden renderings of it.
. "$(dirname "$0")/lib.sh"

jqr() { jq -r "$1"; }

"$DONDOC" --db d.db init --demo >/dev/null || exit 1
sid=$(sql d.db "SELECT s.id FROM session s JOIN organ o ON o.id = s.organ_id WHERE o.kind = 'bch' AND s.number = 26")
check_eq "demo: session 26's attendance meets its rules" \
	"$("$DONDOC" --db d.db --json session attendance "$sid" | jqr '"\(.attend_ok) \(.present > (.members / 2))"')" "true true"
check_eq "demo: five agenda items voted 'cơ bản nhất trí'" \
	"$(sql d.db "SELECT count(*) FROM sw_vote v JOIN agenda_item a ON a.id = v.agenda_item_id WHERE a.session_id = $sid AND v.passed = 1 AND v.wording = 'cơ bản nhất trí' AND a.outcome = v.wording")" "5"
check_eq "demo: no questioning" "$("$DONDOC" --db d.db question paragraph "$sid")" "Không có nội dung chất vấn."
doc=$(sql d.db "SELECT id FROM document WHERE title = 'những việc Ban Thường vụ Huyện ủy đã giải quyết trong quý III/2023'")
check_eq "demo: section 3's comments on the standing committee's report, taken in by the office" \
	"$("$DONDOC" --db d.db --json comment table "$doc" | jqr '.comments[0] | "\(.group) \(.response) \(.responder)"')" \
	"true tiep-thu Văn phòng Huyện ủy"
G="${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/golden/sessionwork"
"$DONDOC" --db d.db comment table "$doc" >table.txt
"$DONDOC" --db d.db comment table "$doc" --html >table.html
"$DONDOC" --db d.db minutes show "$sid" >minutes.txt
check "demo: the incorporation table as text matches its golden file" diff -u "$G/demo-table.txt" table.txt
check "demo: the incorporation table as HTML matches its golden file" diff -u "$G/demo-table.html" table.html
check "demo: the drafted minutes match their golden file" diff -u "$G/demo-minutes.txt" minutes.txt
done_testing
