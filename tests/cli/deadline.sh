#!/bin/bash
# deadline.sh: one deadline from the imported notice and from 'tasks add': the same kind, words and date.
. "$(dirname "$0")/lib.sh"
SEED="$DONDOC_SEEDS/seed/tan-yen-2023-10-04-phien-26.md"

# dl FILE: a task's deadline as 'tasks show --json' gives it: kind|words|due|cycle
dl() {
	python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print("|".join(str(t.get(k)) for k in ["deadline_kind", "deadline", "due", "cycle"]))' "$1"
}

"$DONDOC" --db s.db init >/dev/null
check "the seed is imported into a fresh store" sh -c "'$DONDOC' --db s.db --json import '$SEED' > imp.json"
DOC=$(python3 -c 'import json; print(json.load(open("imp.json"))["stored"]["document"])' 2>/dev/null)
check "the import names the notice's document" test -n "$DOC"
check_eq "the extraction gives the deadline as one value" \
	"$(python3 -c 'import json; t=json.load(open("imp.json"))["tasks"][0]; print(t["deadline"])')" \
	"{'kind': 'span', 'words': '02 tháng tới', 'due': '2023-12-04'}"
IMP=$("$DONDOC" --db s.db --json tasks list --source "$DOC" |
	python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin)["tasks"] if t.get("due")][0])' 2>/dev/null)
check "the imported task with a deadline is listed" test -n "$IMP"
"$DONDOC" --db s.db --json tasks show "$IMP" > imported.json
check_eq "the imported deadline keeps its kind, its words and its date" "$(dl imported.json)" \
	"span|02 tháng tới|2023-12-04|None"

check "the same task is added by hand from the notice's document" "$DONDOC" --db s.db tasks add \
	--doc "$DOC" --section 2 --lead 'Văn phòng Huyện ủy' --deadline '02 tháng tới' \
	--content 'rà soát, đẩy nhanh việc thực hiện các nhiệm vụ chính trị của huyện'
ADDED=$("$DONDOC" --db s.db --json tasks list --source "$DOC" |
	python3 -c 'import json,sys; print(max(t["id"] for t in json.load(sys.stdin)["tasks"]))')
"$DONDOC" --db s.db --json tasks show "$ADDED" > added.json
check_eq "imported and added, the deadlines are equal" "$(dl added.json)" "$(dl imported.json)"
check_eq "… assigned on the session's day" \
	"$(python3 -c 'import json; print(json.load(open("added.json"))["assigned_on"])')" "2023-10-04"

# Other words, read as the importer reads them and as the field reads them.
for w in 'trước ngày 10/12/2023|date|2023-12-10' 'quý IV/2023|period|2023-12-31' \
	'trong 15 ngày|span|2023-10-19' '6 tháng đầu năm 2024|period|2024-06-30' \
	'thường xuyên|standing|None'; do
	words=${w%%|*}
	check "'$words' is taken as a deadline" "$DONDOC" --db s.db tasks add --doc "$DOC" \
		--lead 'Văn phòng Huyện ủy' --deadline "$words" --content "Việc có thời hạn $words"
	id=$("$DONDOC" --db s.db --json tasks list --source "$DOC" |
		python3 -c 'import json,sys; print(max(t["id"] for t in json.load(sys.stdin)["tasks"]))')
	"$DONDOC" --db s.db --json tasks show "$id" > t.json
	check_eq "'$words' keeps its kind, words and date" "$(dl t.json | cut -d'|' -f1-3)" \
		"$(echo "$w" | cut -d'|' -f2)|$words|$(echo "$w" | cut -d'|' -f3)"
done

# The notice still renders as the seed after its tasks are read.
NOTICE=$(python3 -c 'import json; print(json.load(open("imp.json"))["stored"]["notice"])')
"$DONDOC" --db s.db notice render "$NOTICE" --format txt --output n.txt
check_eq "the notice keeps the deadline's words as written" "$(grep -c 'thời gian 02 tháng tới là giai đoạn' n.txt)" "1"
check_fails "a deadline nobody can read is refused" "$DONDOC" --db s.db tasks add --doc "$DOC" \
	--lead 'Văn phòng Huyện ủy' --deadline 'sớm nhất' --content X
done_testing
