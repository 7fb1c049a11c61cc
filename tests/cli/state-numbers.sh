#!/bin/bash
# state-numbers.sh: a state body's numbers restart on 1 January; a committee's run across its term;
# a state body's công văn is numbered number/ISSUER-UNIT.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
ubnd=$("${D[@]}" --json body list | python3 -c 'import json,sys; print([b["id"] for b in json.load(sys.stdin) if b["code"] == "UBND"][0])')

# Documents of the registry: UBND (a People's Committee) and HU (a Party committee).
issue() { # issue BODY TYPE DATE [more doc add options]: prints the symbol
	local body=$1 type=$2 date=$3 id
	shift 3
	id=$("${D[@]}" doc add --type "$type" --body "$body" --title "văn bản $type $date" "$@") &&
		"${D[@]}" --json doc issue "$id" --date "$date" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["symbol"])'
}
check_eq "UBND: the first TB of December 2023 is 01" "$(issue UBND TB 29/12/2023)" "01/TB-UBND"
check_eq "UBND: the next one on 30/12/2023 is 02" "$(issue UBND TB 30/12/2023)" "02/TB-UBND"
check_eq "UBND: on 02/01/2024 numbering starts again at 01" "$(issue UBND TB 02/01/2024)" "01/TB-UBND"
check_eq "UBND: and goes on in 2024" "$(issue UBND TB 03/01/2024)" "02/TB-UBND"
check_eq "doc number next for a state body counts in the year of --date" \
	"$("${D[@]}" doc number next --body UBND --type TB --date 05/01/2024)" "3"
out=$("${D[@]}" doc number next --body UBND --type TB --term "UBND huyện Tân Yên khóa 2021-2026, nhiệm kỳ 2021-2026" 2>&1)
check_eq "a term for a state body's number is refused (exit 3)" "$?" "3"
case "$out" in *"theo năm"*"--date"*) ok "the refusal says state bodies number by year" ;;
*) not_ok "the refusal says state bodies number by year" "$out" ;; esac
# (the demo's register holds the seed, 512-TB/HU, of the term)
check_eq "HU: a Party committee's TB on 30/12/2023" "$(issue HU TB 30/12/2023)" "513-TB/HU"
check_eq "HU: keeps counting across 1 January (the term)" "$(issue HU TB 02/01/2024)" "514-TB/HU"

# A state body's công văn: number / issuer - drafting unit.
id=$("${D[@]}" doc add --type CV --body UBND --title "về việc chuẩn bị Tết")
out=$("${D[@]}" doc issue "$id" --date 04/01/2024 2>&1)
check_eq "a state công văn without a drafting unit is refused (exit 3)" "$?" "3"
case "$out" in *"chưa có đơn vị soạn thảo"*"--drafting-unit"*) ok "the refusal names the missing drafting unit" ;;
*) not_ok "the refusal names the missing drafting unit" "$out" ;; esac
check_eq "the refused công văn stays a draft without number" \
	"$("${D[@]}" --json doc show "$id" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d.get("symbol"))')" \
	"draft None"
check_eq "issued with its drafting unit it is 01/UBND-VP" \
	"$("${D[@]}" --json doc issue "$id" --date 04/01/2024 --drafting-unit VP | python3 -c 'import json,sys; print(json.load(sys.stdin)["symbol"])')" \
	"01/UBND-VP"
check_eq "a công văn registered with its drafting unit: 02/UBND-KT" \
	"$(issue UBND CV 05/01/2024 --drafting-unit KT)" "02/UBND-KT"
check_fails "a malformed drafting unit is refused" "${D[@]}" doc add --type CV --body UBND --title x --drafting-unit "V P"
check_eq "a Party committee's công văn keeps the Party form" "$(issue HU CV 05/01/2024)" "01-CV/HU"

# Notices of a state body (format profile state-2020) follow the same rule.
cat >tb.md <<'T'
@type TB
@profile state-2020
@title THÔNG BÁO
@summary Về lịch làm việc
@recipients -
@sign TM. | ỦY BAN NHÂN DÂN | CHỦ TỊCH | Nguyễn Văn An

Ủy ban nhân dân huyện thông báo lịch làm việc.
T
notice_issue() { # notice_issue TEMPLATE DATE: prints the notice's number
	local id
	id=$("${D[@]}" notice create --body "$ubnd" "$1" | grep -o '[0-9]*$') &&
		"${D[@]}" notice issue "$id" --date "$2" >/dev/null 2>&1 &&
		"${D[@]}" --json notice list | python3 -c "import json,sys; print([n['symbol'] for n in json.load(sys.stdin) if n['id'] == $id][0])"
}
check_eq "a state notice on 30/12/2023 follows the year's TB: 03" "$(notice_issue tb.md 30/12/2023)" "03/TB-UBND"
check_eq "a state notice on 06/01/2024 follows 2024's TB: 04" "$(notice_issue tb.md 06/01/2024)" "04/TB-UBND"
sed 's/^@type TB$/@type CV/' tb.md >cv.md
id=$("${D[@]}" notice create --body "$ubnd" cv.md | grep -o '[0-9]*$')
out=$("${D[@]}" notice issue "$id" --date 06/01/2024 2>&1)
check_eq "a state notice typed CV without @drafting is refused (exit 3)" "$?" "3"
case "$out" in *"@drafting"*) ok "the refusal says to add @drafting" ;; *) not_ok "the refusal says to add @drafting" "$out" ;; esac
sed 's/^@type TB$/@type CV\n@drafting VP/' tb.md >cv2.md
check_eq "with @drafting VP it is numbered 03/UBND-VP" "$(notice_issue cv2.md 06/01/2024)" "03/UBND-VP"
check "the audit chain is intact" "${D[@]}" check
# Looking at a state body's next number of a year takes nothing.
peek=$("${D[@]}" doc number next --body UBND --type TB --date 10/01/2024 --peek)
check_eq "peeking twice shows the same number" \
	"$("${D[@]}" doc number next --body UBND --type TB --date 10/01/2024 --peek)" "$peek"
check_eq "and the next taken is the one shown" \
	"$("${D[@]}" doc number next --body UBND --type TB --date 10/01/2024)" "$peek"
check_fails "a state body's last number is not set by term" \
	"${D[@]}" doc number set 5 --body UBND --type TB --date 10/01/2024
done_testing
