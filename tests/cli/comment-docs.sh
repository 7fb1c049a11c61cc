#!/bin/bash
# comment-docs.sh: the demo's incorporation table in every format — PDF text, DOCX parts, LibreOffice, --html kept.
. "$(dirname "$0")/lib.sh"

"$DONDOC" --db d.db init --demo >/dev/null || exit 1
doc=$(sql d.db "SELECT id FROM document WHERE title = 'những việc Ban Thường vụ Huyện ủy đã giải quyết trong quý III/2023'")
check "the demo holds the commented report" test -n "$doc"
G="${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/golden/sessionwork"

for f in txt html pdf docx; do
	check "the table renders as $f" "$DONDOC" --db d.db comment table "$doc" --format "$f" --output "c.$f"
	check "the $f file is not empty" test -s "c.$f"
done
check "--format txt to a file is the golden text" diff -u "$G/demo-table.txt" c.txt
check "--format html to a file is the golden HTML" diff -u "$G/demo-table.html" c.html
check "--html still prints the golden HTML" sh -c "'$DONDOC' --db d.db comment table $doc --html | diff -u '$G/demo-table.html' -"
check_eq "PDF: a PDF file" "$(head -c 5 c.pdf)" "%PDF-"
pdftotext -raw -enc UTF-8 c.pdf c.pdf.txt
check_eq "PDF: the title, the column heads, the response and the totals" \
	"$(tr -s ' \n' '  ' <c.pdf.txt | grep -o -e 'BẢNG TỔNG HỢP' -e 'Tiếp thu, giải trình ý kiến góp ý' -e 'Nội dung ý kiến' -e 'Văn phòng Huyện ủy tiếp thu' -e 'Tổng số: 1 ý kiến; tiếp thu 1' | sort -u | wc -l)" "5"
check_eq "DOCX: every XML part well-formed, with the table" "$(python3 - c.docx <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        xml.dom.minidom.parseString(z.read(n))
doc = xml.dom.minidom.parseString(z.read("word/document.xml"))
tbl = [t for t in doc.getElementsByTagName("w:tbl") if len(t.getElementsByTagName("w:gridCol")) == 7]
print("ok" if len(tbl) == 1 and len(tbl[0].getElementsByTagName("w:tr")) == 2 else "missing")
PY
)" "ok"

# Bad input: refused, nothing written.
check_fails "an unknown format is refused" "$DONDOC" --db d.db comment table "$doc" --format odt --output bad.odt
check_fails "PDF without --output is refused" "$DONDOC" --db d.db comment table "$doc" --format pdf
check_fails "--html with --format pdf is refused" "$DONDOC" --db d.db comment table "$doc" --html --format pdf --output bad.pdf
check_fails "an unknown document is refused" "$DONDOC" --db d.db comment table 9999 --format pdf --output bad.pdf
check "and no file appears" sh -c 'test ! -e bad.pdf && test ! -e bad.odt'

if command -v soffice >/dev/null; then
	HOME="$WORK" timeout 100 soffice -env:UserInstallation="file://$WORK/lo" --headless \
		--convert-to pdf --outdir "$WORK/out" c.docx >lo.log 2>&1
	check_eq "soffice converts the DOCX without error" "$?" "0"
	check "and writes a PDF holding the table" sh -c "pdftotext -enc UTF-8 out/c.pdf - | grep -q 'BẢNG TỔNG HỢP'"
else
	ok "soffice conversion # SKIP LibreOffice (soffice) is not installed"
fi
done_testing
