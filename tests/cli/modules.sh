#!/bin/bash
# modules.sh: the server maps the PDF, PostgreSQL and mail libraries only when first used; a
# missing module is said clearly (503 on the web, a non-zero exit in the CLI) and writes nothing.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db m.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
# A draft (the correction of the issued seed) is rendered anew at each download.
N=$("$DONDOC" --db m.db --json notice correct 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
servers=
trap 'for p in $servers; do kill -TERM $p 2>/dev/null; wait $p 2>/dev/null; done; rm -rf "$WORK"' EXIT

# serve NAME [ENV...]: starts a server on m.db with ENV; its pid in $pid, its address in $url.
serve() {
	local name=$1
	shift
	env "$@" "$DONDOC" --db m.db serve --listen 127.0.0.1:0 >"$name.out" 2>"$name.err" &
	pid=$!
	servers="$servers $pid"
	for _ in $(seq 100); do [ -s "$name.out" ] && break; sleep 0.1; done
	url=$(head -1 "$name.out")
}


# mapped PATTERN: the shared objects of the server $pid whose file names (not their folders,
# whose random names may hold anything) match PATTERN.
mapped() {
	awk '$6 ~ /\.so(\.[0-9]+)*$/ { print $6 }' "/proc/$pid/maps" | xargs -r -n1 basename |
		grep -E "$1" | sed 's/\.so.*/.so/' | sort -u
}

HEAVY='lib(poppler|cairo|pango|pangocairo|fontconfig|pq|curl|ssl|crypto|zip|xml2|xlsxwriter)[-.]|dondoc-'
serve s
check_eq "the server answers" "$(curl -s -o /dev/null -w '%{http_code}' "${url}login")" "200"
check_eq "the office logs in" "$(web_login vanphong)" "303"
check_eq "a page of tasks is served" "$(curl -s -b vanphong.jar -o /dev/null -w '%{http_code}' "${url}tasks")" "200"
check_eq "before any PDF, no PDF, DOCX, PostgreSQL or mail library is mapped" "$(mapped "$HEAVY" | tr '\n' ' ')" ""
code=$(curl -s -b vanphong.jar -o n.pdf -w '%{http_code}' "${url}notices/$N/pdf")
check_eq "the notice's PDF downloads" "$code:$(head -c 5 n.pdf)" "200:%PDF-"
check_eq "then the PDF module and cairo are mapped, not poppler nor libpq" \
	"$(mapped 'dondoc-pdf\.so|libcairo\.so' | tr '\n' ' ')$(mapped 'libpoppler|libpq' | tr '\n' ' ')" \
	"dondoc-pdf.so libcairo.so "
check_eq "a second PDF downloads too" \
	"$(curl -s -b vanphong.jar "${url}notices/$N/pdf" | head -c 5)" "%PDF-"
code=$(curl -s -b vanphong.jar -o n.docx -w '%{http_code}' "${url}notices/$N/docx")
check_eq "the notice's DOCX downloads (the office module)" "$code:$(head -c 2 n.docx)" "200:PK"
check_eq "then libzip and libxml2 are mapped" "$(mapped 'libzip|libxml2' | tr '\n' ' ')" "libxml2.so libzip.so "
check_eq "the downloaded DOCX imports" \
	"$("$DONDOC" --db m.db import n.docx --dry-run 2>&1 | grep -c '3 nhiệm vụ')" "1"
check_eq "the downloaded PDF imports (the PDF reading module)" \
	"$("$DONDOC" --db m.db import n.pdf --dry-run 2>&1 | grep -c '3 nhiệm vụ')" "1"

# A missing module directory: the web says so (503 naming the module), the CLI exits non-zero.
serve none DONDOC_MODULE_DIR="$WORK/none"
check_eq "the server without modules still answers its pages" \
	"$(web_login vanphong):$(curl -s -b vanphong.jar -o /dev/null -w '%{http_code}' "${url}tasks")" "303:200"
code=$(curl -s -b vanphong.jar -o none.html -w '%{http_code}' "${url}notices/$N/pdf")
check_eq "a PDF without its module is 503 naming the module" \
	"$code:$(grep -c 'dondoc-pdf.so' none.html)" "503:1"
before=$(store_dump m.db | md5sum)
out=$(DONDOC_MODULE_DIR="$WORK/none" "$DONDOC" --db m.db notice render 1 --format pdf --output r.pdf 2>&1)
rc=$?
check_eq "notice render without the module fails, naming it, and writes no file" \
	"$rc:$(echo "$out" | grep -c "không nạp được mô-đun dondoc-pdf.so: $WORK/none/dondoc-pdf.so"):$(test -e r.pdf && echo file)" \
	"16:1:"
out=$(DONDOC_MODULE_DIR="$WORK/none" "$DONDOC" --db m.db import n.pdf 2>&1)
rc=$?
check_eq "import of a PDF without its module fails, naming it" \
	"$rc:$(echo "$out" | grep -c 'dondoc-pdfread.so')" "16:1"
check_eq "nothing was written to the store" "$(store_dump m.db | md5sum)" "$before"
mkdir bad && head -c 4096 /dev/zero >bad/dondoc-pdf.so
out=$(DONDOC_MODULE_DIR="$WORK/bad" "$DONDOC" --db m.db notice render 1 --format pdf --output r.pdf 2>&1)
check_eq "a damaged module is refused with the loader's reason" \
	"$?:$(echo "$out" | grep -c 'dondoc-pdf.so: invalid ELF header')" "16:1"
# another module in its place: a shared object without the table
command cp "$(dirname "$DONDOC")/dondoc-mail.so" bad/dondoc-pdf.so
out=$(DONDOC_MODULE_DIR="$WORK/bad" "$DONDOC" --db m.db notice render 1 --format pdf --output r.pdf 2>&1)
check_eq "a module without its table is refused" \
	"$?:$(echo "$out" | grep -c "mô-đun $WORK/bad/dondoc-pdf.so hỏng: .*dondoc_mod_pdf")" "16:1"
done_testing
