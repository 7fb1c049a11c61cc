#!/bin/bash
# import.sh: 'dondoc import --dry-run' reads notices in every supported form as the gold file says.
. "$(dirname "$0")/lib.sh"
SEED="$DONDOC_SEEDS/seed/tan-yen-2023-10-04-phien-26.md"
GOLD="$DONDOC_SEEDS/seed/tan-yen-2023-10-04-phien-26.gold.json"
TESTS="$DONDOC_SRCDIR/tests/import"

check "the seed is read with --dry-run" sh -c "'$DONDOC' --db none.db import --dry-run --json '$SEED' > seed.json"
check_eq "a dry run writes no store" "$(has_store none.db && echo none.db)" ""

# The acceptance check: the extraction against the gold file, field by field.
cat > cmp.py <<'PY'
import json, sys
got = json.load(open(sys.argv[1])); gold = json.load(open(sys.argv[2]))
bad = []
def eq(what, a, b):
    if a != b: bad.append(f"{what}: got {a!r}, want {b!r}")
def near(what, a, b, tol):
    if isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b): bad.append(f"{what}: got {a!r}, want {b!r}"); return
        for i, (x, y) in enumerate(zip(a, b)): near(f"{what}[{i}]", x, y, tol)
        return
    if a is None or abs(a - b) > tol: bad.append(f"{what}: got {a!r}, want {b!r}")
gd, d = gold["document"], got["document"]
for k in ["kind", "kind_name", "title", "number", "issuer", "issuer_symbol"]: eq("document." + k, d[k], gd[k])
eq("signature", d["signature"], gd["signature"])
eq("session", {k: got["session"][k] for k in gold["session"]}, gold["session"])
eq("agenda count", len(got["agenda"]), len(gold["agenda"]))
for g, a in zip(gold["agenda"], got["agenda"]):
    for k in g: eq(f"agenda {g['n']}.{k}", a.get(k), g[k])
eq("references", [{k: r[k] for k in ["symbol", "number", "kind", "issuer", "date"]} for r in got["references"]], gold["references"])
eq("period", got["period"], gold["period"])
eq("figure count", len(got["figures"]), len(gold["figures"]))
gid = {g["id"]: i for i, g in enumerate(gold["figures"])}
oid = {f["id"]: i for i, f in enumerate(got["figures"])}
for i, (g, f) in enumerate(zip(gold["figures"], got["figures"])):
    eq(f"figure {i} label", f["label"], g["label"]); eq(f"figure {i} unit", f["unit"], g["unit"])
    near(f"figure {i} value", f["value"], g["value"], 1e-9)
    for k in ["pct_of_plan", "pct_of_same_period", "growth_pct"]:
        if k in g: near(f"figure {i} {k}", f.get(k), g[k], 1e-9)
        else: eq(f"figure {i} {k}", f.get(k), None)
    eq(f"figure {i} plan_kind", f.get("plan_kind"), g.get("plan_kind"))
    eq(f"figure {i} parent", oid.get(f.get("parent")), gid.get(g.get("parent")))
    for k, v in g.get("derived", {}).items(): near(f"figure {i} derived.{k}", f.get("derived", {}).get(k), v, 0.15)
    eq(f"figure {i} components", len(f.get("components_sum_to_total", [])), len(g.get("components_sum_to_total", [])))
eq("counts", [(c["value"], c.get("names")) for c in got["counts"]], [(c["value"], c.get("names")) for c in gold["counts"]])
eq("task count", len(got["tasks"]), len(gold["tasks"]))
for g, t in zip(gold["tasks"], got["tasks"]):
    for k in g: eq(f"task {g['section']}.{k}", t.get(k), g[k])
    for k in ["due", "report_to", "horizon"]:
        if k not in g: eq(f"task {g['section']}.{k}", t.get(k), None)
eq("questioning", got["questioning"], gold["questioning"])
eq("recipients", got["recipients"], gold["recipients"])
eq("warnings", got["warnings"], [])
print("\n".join(bad)); sys.exit(1 if bad else 0)
PY
if out=$(python3 cmp.py seed.json "$GOLD" 2>&1); then ok "the seed's extraction matches the gold file"; else not_ok "the seed's extraction matches the gold file" "$out"; fi

# The same notice in decomposed Unicode (NFD) reads the same.
python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFD", open(sys.argv[1]).read()))' "$SEED" > nfd.md
"$DONDOC" import --dry-run --json nfd.md > nfd.json 2>&1
if out=$(python3 cmp.py nfd.json "$GOLD" 2>&1); then ok "decomposed Unicode reads as the seed"; else not_ok "decomposed Unicode reads as the seed" "$out"; fi

"$DONDOC" import --dry-run --json "$TESTS/ubnd-lang-giang-2023-11-15.txt" > ubnd.json 2>&1

"$DONDOC" import --dry-run --json "$TESTS/dang-uy-xa-2024-03-20.tcvn3.txt" > tcvn3.json 2>&1

"$DONDOC" import --dry-run --json "$TESTS/tinh-uy-btv-2024-07-12.txt" > tu.json 2>&1

# Files that are not notices get a clear error and a non-zero exit.
: > empty.txt
printf 'PK\003\004garbage' > bad.docx
head -c 2000 /dev/urandom > noise.bin
printf '%%PDF-1.4\n%%%%EOF\n' > broken.pdf
check_fails "an empty file is refused" "$DONDOC" import --dry-run empty.txt
check_eq "the error says the file is empty" "$("$DONDOC" import --dry-run empty.txt 2>&1 | grep -c 'tệp rỗng')" "1"
check_fails "a binary is refused" "$DONDOC" import --dry-run noise.bin
check_fails "a broken DOCX is refused" "$DONDOC" import --dry-run bad.docx
check_fails "a broken PDF is refused" "$DONDOC" import --dry-run broken.pdf
check_fails "a missing file is refused" "$DONDOC" import --dry-run missing.md
check_fails "no file is a usage error" "$DONDOC" import --dry-run
check "import answers --help" "$DONDOC" import --help

# A batch goes on past a bad file and sums up.
mkdir batch && cp "$SEED" batch/a.md && cp noise.bin batch/b.bin && cp "$TESTS/ubnd-lang-giang-2023-11-15.txt" batch/c.txt
"$DONDOC" import --dry-run batch > batch.out 2>&1
check_eq "a batch reports read and failed files" "$(tail -n 1 batch.out)" "đã đọc 2, bỏ qua 0, lỗi 1 (tổng 3 tệp)"
check_fails "a batch with a failure exits non-zero" "$DONDOC" import --dry-run batch

# The seed as a DOCX laid out as offices do: body paragraphs, then a two-cell table with
# "Nơi nhận" on the left and the signature on the right, and a page-number header.
cat > mkdocx.py <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
lines = [l.replace("**", "").rstrip("\\ ").strip() for l in open(sys.argv[1], encoding="utf-8")]
cut = lines.index("Nơi nhận:")
body, tail = lines[:cut], lines[cut:]
sig = [l for l in tail if l and not l.startswith("-") and l != "Nơi nhận:"]
rec = [l for l in tail if l.startswith("-") or l == "Nơi nhận:"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def para(t, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
def cell(ps):
    return "<w:tc>" + "".join(para(x) for x in ps) + "</w:tc>"
doc = "".join(para(l) for l in body if l and set(l) != {"-"})
doc += "<w:tbl><w:tr>" + cell(rec) + cell(sig) + "</w:tr></w:tbl>"
z = zipfile.ZipFile(sys.argv[2], "w")
z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{doc}</w:body></w:document>')
z.writestr("word/header1.xml", f'<?xml version="1.0"?><w:hdr {W}><w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:hdr>')
z.close()
PY
python3 mkdocx.py "$SEED" seed.docx
"$DONDOC" import --dry-run --json seed.docx > docx.json 2>&1
if out=$(python3 cmp.py docx.json "$GOLD" 2>&1); then ok "the seed as DOCX matches the gold file"; else not_ok "the seed as DOCX matches the gold file" "$out"; fi
# The other notices: every expected value at once (tests/cli/import_checks.py).
while IFS="$(printf '\t')" read -r verdict name got want; do
	if [ "$verdict" = PASS ]; then ok "$name"; else not_ok "$name" "got:  $got" "want: $want"; fi
done <<CHECKS
$(python3 "$(dirname "$0")/import_checks.py")
CHECKS
done_testing
