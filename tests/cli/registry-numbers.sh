#!/bin/bash
# registry-numbers.sh: document numbers taken by concurrent processes are distinct and consecutive.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

check_eq "the first TB number of the term is 1" \
	"$("${D[@]}" doc number next --body HU --type TB --term XXII)" "1"
# 4 processes x 25 allocations at once.
for p in 1 2 3 4; do
	(for i in $(seq 25); do "${D[@]}" doc number next --body HU --type TB --term XXII || echo FAIL; done >"n$p.txt" 2>&1) &
done
wait
check_eq "100 concurrent allocations give 2..101, each once" \
	"$(cat n1.txt n2.txt n3.txt n4.txt | sort -n | tr '\n' ' ')" \
	"$(seq 2 101 | tr '\n' ' ')"
check_eq "each process got its 25" "$(cat n1.txt | wc -l) $(cat n4.txt | wc -l)" "25 25"
check_eq "NQ numbers continue above 56-NQ/HU, already in the register" \
	"$("${D[@]}" doc number next --body HU --type NQ --date 04/10/2023)" "57"
done_testing
