#!/bin/bash
# import-web.sh: importing an existing notice on the web (/imports: preview, then store) and over
# POST /api/v1/imports: what is read, what is stored and by whom, duplicates, the office's
# roles and scopes, files that cannot be read; nothing written by a refusal.
. "$(dirname "$0")/lib.sh"
SEED="$DONDOC_SEEDS/seed/tan-yen-2023-10-04-phien-26.md"
TESTS="$DONDOC_SRCDIR/tests/import"

# A store with the seed's issuer (Huyện ủy Tân Yên) and a commune under it; the office of each,
# a reader, a global administrator.
D=("$DONDOC" --db w.db)
"${D[@]}" init >/dev/null
HU=$("${D[@]}" body add --level huyen --kind party --name "Huyện ủy Tân Yên" --code HU --place "Tân Yên" | tail -1)
XA=$("${D[@]}" body add --level xa --kind party --name "Đảng ủy xã Liên Sơn" --code ĐU --parent "$HU" | tail -1)
echo demo-vanphong | "${D[@]}" user add vanphong --role office --body "$HU" >/dev/null
echo demo-lienson | "${D[@]}" user add lienson --role office --body "$XA" >/dev/null
echo demo-xem | "${D[@]}" user add xem --role viewer --body "$HU" >/dev/null
echo demo-admin | "${D[@]}" user add admin --role admin >/dev/null
office=$("${D[@]}" user token vanphong imp | tail -1)
commune=$("${D[@]}" user token lienson imp | tail -1)
reader=$("${D[@]}" user token xem imp | tail -1)
admin=$("${D[@]}" user token admin imp | tail -1)
"${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)

notices() { sql w.db "SELECT count(*) FROM notice"; }
rows() { sql w.db "SELECT (SELECT count(*) FROM notice) || ' ' || (SELECT count(*) FROM task) || ' ' || (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM body) || ' ' || (SELECT count(*) FROM import_file)"; }
# csrf LOGIN PATH: the CSRF token of the form on PATH for LOGIN's session
csrf() { curl -s -b "$1.jar" "${url}$2" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
# preview LOGIN FILE OUT: POST /imports with FILE; prints the status, the page in OUT
preview() {
	curl -s -b "$1.jar" -o "$3" -w '%{http_code}' -F "_csrf=$(csrf "$1" imports)" -F "file=@$2" "${url}imports"
}
# store LOGIN PAGE: posts the preview PAGE's "Nhập vào kho" form back; prints status and Location
store() {
	local args=()
	while IFS= read -r l; do args+=(--data-urlencode "$l"); done < <(python3 - "$2" <<'PY'
import html, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
f = t[t.rindex('<form'):]
for n, v in re.findall(r'name="(\w+)" value="([^"]*)"', f):
    print(n + "=" + html.unescape(v))
PY
	)
	curl -s -b "$1.jar" -o store.html -w '%{http_code} %{redirect_url}' "${args[@]}" "${url}imports"
}
# api TOKEN FILE QUERY: POST /api/v1/imports with FILE; prints the status, the answer in api.json
api() {
	curl -s -o api.json -w '%{http_code}' -H "Authorization: Bearer $1" -F "file=@$2" "${url}api/v1/imports$3"
}

check_eq "the office logs in" "$(web_login vanphong)" "303"
web_login lienson >/dev/null
web_login xem >/dev/null
web_login admin >/dev/null

case "$(curl -s -b vanphong.jar "${url}notices")" in
*'href="/imports"'*'Nhập văn bản đã có'*) ok "the notices page leads to the import page" ;;
*) not_ok "the notices page leads to the import page" ;; esac
page=$(curl -s -b vanphong.jar "${url}imports")
case "$page" in
*'type="file" name="file"'*'accept=".txt,.md,.docx,.pdf"'*'Xem trước'*) ok "GET /imports: a file field and \"Xem trước\"" ;;
*) not_ok "GET /imports: a file field and \"Xem trước\"" "$(echo "$page" | head -c 400)" ;; esac

# The preview: what was read, nothing written.
before=$(rows)
code=$(preview vanphong "$SEED" prev.html)
check_eq "the preview answers 200" "$code" "200"
case "$(cat prev.html)" in
*'Huyện ủy Tân Yên'*'Phiên họp thứ 26 của Ban Chấp hành Đảng bộ huyện'*) ok "the preview shows the issuer and the session's number" ;;
*) not_ok "the preview shows the issuer and the session's number" ;; esac
case "$(cat prev.html)" in
*'Nghị quyết số 22-NQ/HU ngày 15/04/2021'*) ok "the preview lists the references" ;;
*) not_ok "the preview lists the references" "$(grep -o 'Nghị quyết[^<]*' prev.html | head -2)" ;; esac
case "$(cat prev.html)" in
*'data-label="Chủ trì">Văn phòng Huyện ủy'*'02 tháng tới (04/12/2023)'*) ok "the preview's tasks name their lead unit and deadline, words and date" ;;
*'02 tháng tới (04/12/2023)'*'data-label="Chủ trì">Văn phòng Huyện ủy'*) ok "the preview's tasks name their lead unit and deadline, words and date" ;;
*) not_ok "the preview's tasks name their lead unit and deadline, words and date" "$(grep -o '<td[^>]*Chủ trì[^<]*' prev.html | head -3)" ;; esac
check_eq "the preview writes nothing" "$(rows)" "$before"

# Storing the text the preview sent back.
res=$(store vanphong prev.html)
case "$res" in
"303 ${url}notices/"*) ok "\"Nhập vào kho\" answers 303 to the new notice" ;;
*) not_ok "\"Nhập vào kho\" answers 303 to the new notice" "$res" ;; esac
NOTICE=$(echo "$res" | sed -n 's|.*/notices/\([0-9]*\).*|\1|p')
check_eq "one notice is stored" "$(notices)" "1"
page=$(curl -s -b vanphong.jar "${url}notices/$NOTICE")
case "$page" in
*'Nhiệm vụ đang theo dõi từ phiên họp (3)'*'theo dõi, đôn đốc việc thực hiện Thông báo này'*) ok "its page lists its three tasks" ;;
*) not_ok "its page lists its three tasks" "$(echo "$page" | grep -o 'Nhiệm vụ đang[^<]*')" ;; esac
check_eq "the stored hash is the text's, as the CLI's" \
	"$(sql w.db "SELECT sha256 FROM import_file")" "$(sha256sum "$SEED" | cut -c1-64)"
check_eq "the audit log names the web account as the writer of the notice and its tasks" \
	"$(sql w.db "SELECT DISTINCT actor FROM audit_log WHERE tbl IN ('notice', 'task', 'document')")" "web:vanphong"
case "$(curl -s -b vanphong.jar "${url}audit")" in
*'vanphong <span class="muted">(trang web)</span>'*) ok "the audit page shows the web account" ;;
*) not_ok "the audit page shows the web account" ;; esac

# The same text again: 409, a link to the notice, no second notice.
before=$(rows)
res=$(store vanphong prev.html)
check_eq "storing again answers 409" "${res%% *}" "409"
case "$(cat store.html)" in
*'Văn bản này đã được nhập'*"href=\"/notices/$NOTICE\""*) ok "and says so, with a link to the notice" ;;
*) not_ok "and says so, with a link to the notice" "$(grep -o 'Văn bản này[^<]*' store.html)" ;; esac
check_eq "and writes nothing" "$(rows)" "$before"
check_eq "the API answers 409 for the same file" "$(api "$office" "$SEED" "")" "409"
check_eq "in the API's error shape" "$(jq -r '.error.status, .error.code' api.json | tr '\n' ' ')" "409 ERR_EXISTS "
check_eq "naming the notice imported before" "$(jq -r .error.message api.json)" \
	"Văn bản này đã được nhập: /api/v1/notices/$NOTICE"

# The API's dry run is the CLI's.
check_eq "API dry run: 200" "$(api "$office" "$SEED" "?dry_run=1")" "200"
"$DONDOC" import --dry-run --json "$SEED" >cli.json
check_eq "its JSON is the CLI's (but for source.file)" \
	"$(jq -S 'del(.source.file)' api.json | md5sum)" "$(jq -S 'del(.source.file)' cli.json | md5sum)"
check_eq "source.file is the upload's name" "$(jq -r .source.file api.json)" "$(basename "$SEED")"
check_eq "and writes nothing" "$(rows)" "$before"

# Roles: a reader may not import.
check_eq "a reader's preview is refused (403)" "$(preview xem "$SEED" r.html)" "403"
check_eq "a reader's API import is refused (403)" "$(api "$reader" "$SEED" "?dry_run=1")" "403"

# Scopes: the commune's office may not store the district's notice, nor create a body.
before=$(rows)
check_eq "the commune's office previews the district's notice" "$(preview lienson "$SEED" l.html)" "200"
res=$(store lienson l.html)
check_eq "but storing it is refused (403)" "${res%% *}" "403"
case "$(cat store.html)" in
*'Huyện ủy Tân Yên'*'nằm ngoài phạm vi'*) ok "naming the issuer" ;;
*) not_ok "naming the issuer" "$(grep -o 'class="ferr"[^<]*' store.html)" ;; esac
check_eq "API: refused too (403)" "$(api "$commune" "$SEED" "")" "403"
check_eq "in the API's error shape" "$(jq -r '.error.status' api.json)" "403"
code=$(api "$office" "$TESTS/ubnd-lang-giang-2023-11-15.txt" "")
check_eq "a body that does not exist is not created by a scoped office (403)" "$code" "403"
case "$(jq -r .error.message api.json)" in
*'Ủy ban nhân dân huyện Lạng Giang'*'chưa có trong hệ thống'*) ok "naming the issuer" ;;
*) not_ok "naming the issuer" "$(cat api.json)" ;; esac
check_eq "the refusals write nothing" "$(rows)" "$before"
code=$(api "$admin" "$TESTS/ubnd-lang-giang-2023-11-15.txt" "")
check_eq "a global administrator's import creates the body (201)" "$code:$(jq -r '.stored.notice > 0' api.json)" "201:true"

# Files that cannot be read: the reason beside the file field, nothing written.
before=$(rows)
: >empty.txt
code=$(preview vanphong empty.txt e.html)
check_eq "an empty file: 400" "$code" "400"
case "$(cat e.html)" in *'id="ferr-file"'*'tệp rỗng'*) ok "beside the file field: the file is empty" ;;
*) not_ok "beside the file field: the file is empty" "$(grep -o 'ferr[^<]*' e.html)" ;; esac
python3 - <<'PY'
# a page with no text layer, as a scanner gives
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream"]
out = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open("scan.pdf", "wb").write(out)
PY
code=$(preview vanphong scan.pdf s.html)
check_eq "a PDF with no text: 422" "$code" "422"
case "$(cat s.html)" in *'id="ferr-file"'*'không có lớp chữ'*) ok "beside the file field, with its reason: $(grep -o 'id="ferr-file">[^<]*' s.html | cut -c16-90)" ;;
*) not_ok "beside the file field, with its reason" "$(grep -o 'ferr[^<]*' s.html)" ;; esac
check_eq "API: a PDF with no text: 422" "$(api "$office" scan.pdf "")" "422"
case "$(jq -r .error.fields.file api.json)" in *'lớp chữ'*) ok "fields.file says why" ;;
*) not_ok "fields.file says why" "$(cat api.json)" ;; esac
check_eq "API: an empty file: 400" "$(api "$office" empty.txt "")" "400"
code=$(curl -s -o n.html -w '%{http_code}' -b vanphong.jar -F "_csrf=$(csrf vanphong imports)" "${url}imports")
check_eq "no file: 400" "$code" "400"
python3 -c 'import sys; sys.stdout.buffer.write(b"x" * (2 << 20))' >big.txt
check_eq "a file past the limit: 413" "$(api "$office" big.txt "")" "413"
check_eq "the refused files write nothing" "$(rows)" "$before"

# A notice that assigns more tasks than the notice's page shows at once (100): the page
# says so and links to the next ones, which hold the rest and no further link.
python3 - "$SEED" <<'PY' >long.md
import sys
t = open(sys.argv[1], encoding="utf-8").read().replace("thứ 26", "thứ 91")
extra = "".join(
    "\nGiao Ban Tổ chức Huyện ủy rà soát hồ sơ đợt %d, hoàn thành trước ngày 30/11/2023.\n" % k
    for k in range(1, 106))
print(t.replace("\n4. Ban Chấp hành", extra + "\n4. Ban Chấp hành"), end="")
PY
LONG=$("${D[@]}" --json import long.md | jq -r '.stored.notice')
check_eq "the long notice gives 108 tasks" "$("${D[@]}" --json import --dry-run long.md | jq '.tasks | length')" "108"
# tracked PAGE: the notice page's section of tracked tasks alone (the page holds the text too)
tracked() { python3 -X utf8 -c 'import sys; t = open(sys.argv[1]).read(); i = t.index("id=\"theo-doi\""); print(t[i:t.index("</section>", i)])' "$1"; }
curl -s -b vanphong.jar "${url}notices/$LONG" | tracked /dev/stdin >long1.html
next=$(sed -n 's|.*href="\(/notices/[0-9]*?after=[0-9]*\)#theo-doi".*|\1|p' long1.html | head -1)
case "$(cat long1.html)" in *'Mỗi trang 100 nhiệm vụ'*'rà soát hồ sơ đợt 98<'*) ok "the page shows the first 100 and says it pages" ;;
*) not_ok "the page shows the first 100 and says it pages" "$(grep -o 'đợt [0-9]*<' long1.html | tail -2)" ;; esac
check_eq "not the 101st on the first page" "$(grep -c 'rà soát hồ sơ đợt 99<' long1.html)" "0"
curl -s -b vanphong.jar "${url}${next#/}" | tracked /dev/stdin >long2.html
case "$(cat long2.html)" in *'rà soát hồ sơ đợt 99<'*'rà soát hồ sơ đợt 105<'*) ok "\"Xem thêm\" shows the rest" ;;
*) not_ok "\"Xem thêm\" shows the rest" "$next" ;; esac
check_eq "and no further link" "$(grep -c 'after=[0-9]*#theo-doi' long2.html)" "0"

done_testing
