#!/bin/bash
# followup-docs.sh: the demo's follow-up report as PDF and DOCX — counts, every task's status, well-formed parts, LibreOffice.
. "$(dirname "$0")/lib.sh"

"$DONDOC" --db d.db init --demo >/dev/null || exit 1
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# The report is of the demo notice (by its notice id) when tasks carry it, else of session 26.
src=$("$DONDOC" --db d.db --json tasks show 1 | j 'd["source_doc"] or ""')
if [ -n "$src" ]; then set -- "$("$DONDOC" --db d.db --json notice list | j 'd[-1]["id"]')"; else set -- "$("$DONDOC" --db d.db --json tasks show 1 | j 'd["source_session"]')" --session; fi
"$DONDOC" --db d.db --json tasks list --as-of 2023-11-27 >tasks.json

for f in txt html pdf docx; do
	check "follow-up renders as $f" "$DONDOC" --db d.db tasks followup "$@" --as-of 2023-11-27 --format "$f" --output "f.$f"
	check "the $f file is not empty" test -s "f.$f"
done
check_eq "PDF: a PDF file" "$(head -c 5 f.pdf)" "%PDF-"

pdftotext -raw -enc UTF-8 f.pdf f.pdf.txt
check_eq "PDF: the title, the reference date and the rate" \
	"$(tr -s ' \n' '  ' <f.pdf.txt | grep -o -e 'BÁO CÁO' -e 'tính đến ngày 27/11/2023' -e 'đã hoàn thành 2, đạt 66,67%' | sort -u | wc -l)" "3"
# Every task's status, in its own row: between its content and the next task's.
check_eq "PDF: every task's status in its row" "$(python3 - tasks.json f.pdf.txt <<'PY'
import json, re, sys
tasks = json.load(open(sys.argv[1]))["tasks"]
text = " ".join(open(sys.argv[2], encoding="utf-8").read().split())
table = text[text.index("Báo cáo gần nhất"):]
starts = sorted((table.index(t["content"][:25]), t) for t in tasks)
bad = []
for k, (at, t) in enumerate(starts):
    end = starts[k + 1][0] if k + 1 < len(starts) else len(table)
    if not re.search(r"(?<!chưa )" + re.escape(t["status_name"]), table[at + len(t["content"]):end]):
        bad.append(f"task {t['id']}: no '{t['status_name']}'")
print("; ".join(bad) or f"{len(tasks)} tasks")
PY
)" "$(j 'str(len(d["tasks"])) + " tasks"' <tasks.json)"
check_eq "PDF: the count of each status" \
	"$(tr -s ' \n' '  ' <f.pdf.txt | grep -o 'Thường xuyên [0-9]* [0-9]* [0-9]* [0-9]* [0-9]*')" \
	"Thường xuyên $(j '" ".join(str(sum(t["status_name"] == s for t in d["tasks"])) for s in ["hoàn thành đúng hạn", "hoàn thành quá hạn", "chưa hoàn thành trong hạn", "chưa hoàn thành quá hạn", "thường xuyên"])' <tasks.json)"

check_eq "DOCX: every XML part well-formed, with the task table" "$(python3 - f.docx <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        xml.dom.minidom.parseString(z.read(n))
doc = z.read("word/document.xml").decode()
print("ok" if "Báo cáo gần nhất" in doc and "chưa hoàn thành quá hạn" in doc else "missing")
PY
)" "ok"
check_eq "HTML: one row per task" "$(grep -c '<tr class=' f.html)" "$(j 'len(d["tasks"])' <tasks.json)"

# Bad input: nothing written.
check_fails "PDF without --output is refused" "$DONDOC" --db d.db tasks followup "$@" --format pdf
check_fails "an unknown notice is refused" "$DONDOC" --db d.db tasks followup 9999 --format pdf --output bad.pdf
check "and no file appears" test ! -e bad.pdf

if command -v soffice >/dev/null; then
	HOME="$WORK" timeout 100 soffice -env:UserInstallation="file://$WORK/lo" --headless \
		--convert-to pdf --outdir "$WORK/out" f.docx >lo.log 2>&1
	check_eq "soffice converts the DOCX without error" "$?" "0"
	check "and writes a PDF holding the report" sh -c "pdftotext -enc UTF-8 out/f.pdf - | grep -q 'BÁO CÁO'"
else
	ok "soffice conversion # SKIP LibreOffice (soffice) is not installed"
fi
done_testing
