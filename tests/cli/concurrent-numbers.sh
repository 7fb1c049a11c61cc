#!/bin/bash
# concurrent-numbers.sh: session numbers, agenda positions and yearly document numbers taken by
# two processes at once are distinct and leave no gap (each is one upsert on a counter row).
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db c.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

# twice N CMD...: runs CMD N times in each of two processes started together, outputs in p1, p2.
twice() {
	local n=$1
	shift
	for p in 1 2; do
		(for _ in $(seq "$n"); do "$@" || echo FAIL; done >"p$p" 2>&1) &
	done
	wait
}

# The demo's last session of the BCH in term XXII is the 26th.
twice 50 "${D[@]}" session add --organ HU:bch --term XXII --date 2026-11-20
check_eq "100 sessions added at once are numbered 27..126, each once" \
	"$(cat p1 p2 | sed -n 's/.*phiên họp thứ \([0-9]*\).*/\1/p' | sort -n | tr '\n' ' ')" \
	"$(seq 27 126 | tr '\n' ' ')"
check_eq "no add failed" "$(cat p1 p2 | grep -c FAIL)" "0"

sid=$("${D[@]}" --json session add --organ HU:bch --term XXII --date 2026-12-01 |
	sed -n 's/.*"id": *\([0-9]*\).*/\1/p')
check_eq "a new session is numbered after them" \
	"$(sql c.db "SELECT number FROM session WHERE id = $sid")" "127"
twice 50 "${D[@]}" agenda add "$sid" --kind "Báo cáo" --title "nội dung"
check_eq "100 agenda items added at once hold positions 1..100, each once" \
	"$(sql c.db "SELECT position FROM agenda_item WHERE session_id = $sid ORDER BY position" | tr '\n' ' ')" \
	"$(seq 1 100 | tr '\n' ' ')"
check_eq "no agenda add failed" "$(cat p1 p2 | grep -c FAIL)" "0"

# NQ numbers of 2023 continue above 56-NQ/HU, already in the register.
twice 50 "${D[@]}" doc number next --body HU --type NQ --date 04/10/2023
check_eq "100 yearly numbers taken at once are 57..156, each once" \
	"$(cat p1 p2 | sort -n | tr '\n' ' ')" "$(seq 57 156 | tr '\n' ' ')"

# A number given by hand is stepped over by the counter.
check "a session numbered by hand" "${D[@]}" session add --organ HU:bch --term XXII --date 2026-12-02 --number 140
check_eq "the next session without a number follows the one given by hand" \
	"$("${D[@]}" session add --organ HU:bch --term XXII --date 2026-12-03 | sed -n 's/.*phiên họp thứ \([0-9]*\).*/\1/p')" "141"
# A notice's task rows: numbered by the counter; a last row deleted frees its number, as before.
nid=$("${D[@]}" --json notice compose "$sid" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
positions() { "${D[@]}" --json notice tasks "$nid" | python3 -c 'import json,sys; print(" ".join(str(t["position"]) for t in json.load(sys.stdin)))'; }
base=$(positions | wc -w)
for i in 1 2 3; do "${D[@]}" notice task "$nid" --content "việc $i" --lead 1 >/dev/null; done
last=$("${D[@]}" --json notice tasks "$nid" | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
check "the last task row is removed" "${D[@]}" notice untask "$last"
"${D[@]}" notice task "$nid" --content "việc 4" --lead 1 >/dev/null
check_eq "a task added after the last was removed takes its number again" \
	"$(positions)" "$(seq 1 $((base + 3)) | tr '\n' ' ' | sed 's/ $//')"
check_eq "the store checks clean" "$("${D[@]}" check >/dev/null 2>&1; echo $?)" "0"
done_testing
