#!/bin/bash
# import-store.sh: 'dondoc import' stores a notice so that rendering it gives back its text; duplicates, batches, DOCX and PDF.
. "$(dirname "$0")/lib.sh"
SEED="$DONDOC_SEEDS/seed/tan-yen-2023-10-04-phien-26.md"
TESTS="$DONDOC_SRCDIR/tests/import"

# normalise FILE: the notice issue's comparison (as in notice.sh).
normalise() {
	python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read().replace("**", "")
t = "\n".join(l for l in t.split("\n") if not re.fullmatch(r"-{3,}", l.strip()))
t = re.sub(r"\s+", " ", t)
a = t.index("THÔNG BÁO"); b = t.index("Đinh Đức Cảnh") + len("Đinh Đức Cảnh")
print(t[a:b])
PY
}

# The acceptance check: an empty store, the seed imported, the notice rendered as text.
"$DONDOC" --db s.db init >/dev/null
check "the seed is imported into an empty store" sh -c "'$DONDOC' --db s.db --json import '$SEED' > imp.json"
ID=$(python3 -c 'import json; print(json.load(open("imp.json"))["stored"]["notice"])' 2>/dev/null)
check "the import names the notice it made" test -n "$ID"
check "the imported notice checks clean" "$DONDOC" --db s.db notice check "$ID"
check "render txt" "$DONDOC" --db s.db notice render "$ID" --format txt --output n.txt
if [ "$(normalise n.txt)" = "$(normalise "$SEED")" ]; then
	ok "the imported notice as text gives back the seed"
else
	not_ok "the imported notice as text gives back the seed" \
		"$(diff <(normalise n.txt | tr ' ' '\n') <(normalise "$SEED" | tr ' ' '\n') | head -20)"
fi
tmpl=$("$DONDOC" --db s.db notice template "$ID" 2>/dev/null)
case "$tmpl" in
*'{{fig revenue_land_use pct_plan dec=2'*) ok "figures are placeholders with their printed decimals" ;;
*) not_ok "figures are placeholders with their printed decimals" "$(echo "$tmpl" | head -c 600)" ;;
esac
check_eq "the ten figures are stored as values of 9 months of 2023" \
	"$("$DONDOC" --db s.db --json indicators report --body HU --period 2023-T09 2>/dev/null |
		python3 -c 'import json,sys; print(sum(1 for x in json.load(sys.stdin)["figures"] if x.get("value") is not None))' 2>/dev/null)" "10"
check_eq "a plan is derived from the printed percentage" \
	"$("$DONDOC" --db s.db --json indicators report --body HU --period 2023-T09 |
		python3 -c 'import json,sys; print([x["plan"] for x in json.load(sys.stdin)["figures"] if x["id"] == "industry"][0])')" "6076.5"
check_eq "the three tasks are stored" \
	"$("$DONDOC" --db s.db --json tasks list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["tasks"]))')" "3"
check_eq "the section-2 task is due 2023-12-04" \
	"$("$DONDOC" --db s.db --json tasks list | python3 -c 'import json,sys; print(sorted(t.get("due") or "" for t in json.load(sys.stdin)["tasks"])[-1])')" "2023-12-04"
check "the audit chain holds after the import" "$DONDOC" --db s.db check

# The same notice again: skipped, never a duplicate.
out=$("$DONDOC" --db s.db import "$SEED" 2>&1)
check_eq "importing the same file again succeeds" "$?" "0"
case "$out" in *"bỏ qua"*) ok "and says it was skipped" ;; *) not_ok "and says it was skipped" "$out" ;; esac
{ cat "$SEED"; echo; echo; } > same-notice.md
"$DONDOC" --db s.db import same-notice.md >/dev/null 2>&1
check_eq "another file of the same notice is skipped too" \
	"$("$DONDOC" --db s.db --json notice list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "1"

# A batch: one bad file does not stop it; the summary counts imported, skipped and failed.
mkdir -p batch
cp "$SEED" batch/a-seed.md
cp "$TESTS/ubnd-lang-giang-2023-11-15.txt" batch/b-ubnd.txt
printf '' > batch/c-empty.txt
if "$DONDOC" --db s.db --json import batch > batch.json 2>/dev/null; then
	not_ok "a batch with a bad file fails (exit non-zero)"
else
	ok "a batch with a bad file fails (exit non-zero)"
fi
check_eq "the batch summary" \
	"$(python3 -c 'import json; s=json.load(open("batch.json"))["summary"]; print(s["imported"], s["skipped"], s["failed"])')" "1 1 1"
check_eq "the failed file is named with its reason" \
	"$(python3 -c 'import json; f=json.load(open("batch.json"))["failed"]; print(len(f), f[0]["file"].endswith("c-empty.txt"), bool(f[0]["error"]))')" "1 True True"

# A file that cannot be stored writes nothing.
before=$(sql s.db 'SELECT COUNT(*) FROM document' 2>/dev/null || echo x)
"$DONDOC" --db s.db import batch/c-empty.txt >/dev/null 2>&1
check_eq "an unreadable file fails" "$?" "3"
check_eq "and writes nothing" "$(sql s.db 'SELECT COUNT(*) FROM document' 2>/dev/null || echo x)" "$before"

# The seed rendered by dondoc's own renderers (DOCX, PDF) reads as the same extraction.
if "$DONDOC" --db demo.db init --demo >/dev/null 2>&1; then
	DID=$("$DONDOC" --db demo.db --json notice list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
	"$DONDOC" --db demo.db notice render "$DID" --format docx --output seed.docx >/dev/null
	"$DONDOC" --db demo.db notice render "$DID" --format pdf --output seed.pdf >/dev/null
	"$DONDOC" import --dry-run --json "$SEED" > md.json
	cat > keys.py <<'PY'
import json, sys
def key(f):
    d = json.load(open(f))
    return {
        "kind": d["document"]["kind"], "title": d["document"]["title"],
        "signature": d["document"]["signature"],
        "session": {k: d["session"].get(k) for k in ("organ", "number", "term", "date")},
        "agenda": [(a.get("kind"), a.get("title")) for a in d["agenda"]],
        "references": sorted((r["symbol"], r.get("date")) for r in d["references"]),
        "figures": [(f["id"], f["value"], f.get("pct_of_plan"), f.get("pct_of_same_period"),
                     f.get("growth_pct"), f.get("parent")) for f in d["figures"]],
        "counts": len(d["counts"]),
        "tasks": [(t.get("section"), t.get("assignees"), t.get("due")) for t in d["tasks"]],
        "recipients": d["recipients"],
    }
a, b = key(sys.argv[1]), key(sys.argv[2])
bad = [k for k in a if a[k] != b[k]]
for k in bad:
    print(k, a[k], "!=", b[k])
sys.exit(1 if bad else 0)
PY
	for f in docx pdf; do
		if "$DONDOC" import --dry-run --json "seed.$f" > "$f.json" 2>"$f.err" &&
			res=$(python3 keys.py md.json "$f.json"); then
			ok "the seed as $f (dondoc's renderer) reads as the same extraction"
		else
			not_ok "the seed as $f (dondoc's renderer) reads as the same extraction" "$res $(cat "$f.err")"
		fi
	done
else
	echo "# the demo store could not be made: the DOCX and PDF round trip is not tested"
fi

# An unknown issuer goes under the superior its header names, found by its committee's name
# ("Đảng bộ tỉnh Bắc Giang" is led by "Tỉnh ủy Bắc Giang") or made as that committee.
{
	printf '%s\n' 'ĐẢNG BỘ TỈNH BẮC GIANG' 'HUYỆN ỦY TÂN YÊN' '*' 'Số 512-TB/HU' '' \
		'ĐẢNG CỘNG SẢN VIỆT NAM' '' 'Tân Yên, ngày 06 tháng 10 năm 2023'
	cat "$SEED"
} >headed.md
"$DONDOC" --db h.db init >/dev/null
check "the seed with its header is imported into an empty store" "$DONDOC" --db h.db import headed.md
check_eq "Huyện ủy Tân Yên is placed under Tỉnh ủy Bắc Giang, made at the province's level" \
	"$(sql h.db "SELECT c.level || ' ' || p.name || ' ' || p.level || ' ' || p.code FROM body c JOIN body p ON p.id = c.parent_id WHERE c.name = 'Huyện ủy Tân Yên'")" \
	"huyen Tỉnh ủy Bắc Giang tinh TU"
"$DONDOC" --db k.db init >/dev/null
check "the province's own notice is imported first" "$DONDOC" --db k.db import "$TESTS/tinh-uy-btv-2024-07-12.txt"
check "then the district's, its header naming the province" "$DONDOC" --db k.db import headed.md
check_eq "the district goes under the province already known, not a second one" \
	"$(sql k.db "SELECT count(*) || ' ' || (SELECT p.name FROM body c JOIN body p ON p.id = c.parent_id WHERE c.name = 'Huyện ủy Tân Yên') FROM body WHERE name = 'Tỉnh ủy Bắc Giang'")" \
	"1 Tỉnh ủy Bắc Giang"
"$DONDOC" --db x.db init >/dev/null
check "a commune's notice (TCVN3) is imported" "$DONDOC" --db x.db import "$TESTS/dang-uy-xa-2024-03-20.tcvn3.txt"
check_eq "the commune is a commune, under the district committee its header names" \
	"$(sql x.db "SELECT c.level || ' ' || p.name || ' ' || p.level FROM body c JOIN body p ON p.id = c.parent_id WHERE c.name = 'Đảng ủy xã Tiến Dũng'")" \
	"xa Huyện ủy Yên Dũng huyen"
done_testing
