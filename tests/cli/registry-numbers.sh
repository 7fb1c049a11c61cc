#!/bin/bash
# registry-numbers.sh: document numbers taken by concurrent processes are distinct and consecutive.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

# The demo's seed was issued as 512-TB/HU: the register goes on from it.
check_eq "looking at the next TB number shows 513" \
	"$("${D[@]}" doc number next --body HU --type TB --term XXII --peek)" "513"
check_eq "looking again does not consume it" \
	"$("${D[@]}" doc number next --body HU --type TB --term XXII --peek)" "513"
check_eq "the next TB number of the term is 513" \
	"$("${D[@]}" doc number next --body HU --type TB --term XXII)" "513"
# 4 processes x 25 allocations at once.
for p in 1 2 3 4; do
	(for i in $(seq 25); do "${D[@]}" doc number next --body HU --type TB --term XXII || echo FAIL; done >"n$p.txt" 2>&1) &
done
wait
check_eq "100 concurrent allocations give 514..613, each once" \
	"$(cat n1.txt n2.txt n3.txt n4.txt | sort -n | tr '\n' ' ')" \
	"$(seq 514 613 | tr '\n' ' ')"
check_eq "each process got its 25" "$(cat n1.txt | wc -l) $(cat n4.txt | wc -l)" "25 25"
check_eq "NQ numbers continue above 56-NQ/HU, already in the register" \
	"$("${D[@]}" doc number next --body HU --type NQ --date 04/10/2023)" "57"
# An office starting mid-term registers its last number of a type.
check_eq "the last QĐ number given before dondoc is recorded" \
	"$("${D[@]}" doc number set 140 --body HU --type QĐ --term XXII)" "141"
check_eq "the next QĐ number follows it" \
	"$("${D[@]}" doc number next --body HU --type QĐ --term XXII)" "141"
out=$("${D[@]}" doc number set 10 --body HU --type TB --term XXII 2>&1)
check_eq "a last number below one already given is refused (exit 3)" "$?" "3"
case "$out" in *"nhỏ hơn số 613"*) ok "the refusal names the number in the register" ;; *) not_ok "the refusal names the number in the register" "$out" ;; esac
check_eq "and changes nothing" \
	"$("${D[@]}" doc number next --body HU --type TB --term XXII --peek)" "614"
done_testing
