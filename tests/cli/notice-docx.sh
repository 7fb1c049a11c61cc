#!/bin/bash
# notice-docx.sh: LibreOffice opens the demo notice's DOCX and converts it to PDF (skipped where absent).
. "$(dirname "$0")/lib.sh"

# A skip, as meson reads TAP: a plan of none (an exit status of 77 is an error there).
skip() {
	echo "1..0 # SKIP $1"
	exit 0
}
command -v soffice >/dev/null || skip "LibreOffice (soffice) is not installed"
"$DONDOC" --db demo.db init --demo >/dev/null 2>&1 || skip "the demo has no bodies in this build"
ID=$("$DONDOC" --db demo.db --json notice list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
check "render docx" "$DONDOC" --db demo.db notice render "$ID" --format docx --output n.docx
HOME="$WORK" timeout 110 soffice -env:UserInstallation="file://$WORK/lo" --headless \
	--convert-to pdf --outdir "$WORK/out" n.docx >lo.log 2>&1
check_eq "soffice converts the DOCX without error" "$?" "0"
check "and writes a PDF" test -s out/n.pdf
if command -v pdftotext >/dev/null; then
	pdftotext -enc UTF-8 out/n.pdf out.txt
	grep -q "Đinh Đức Cảnh" out.txt && grep -q "THÔNG BÁO" out.txt && ok "the converted PDF holds the notice" || not_ok "the converted PDF holds the notice"
fi
done_testing
