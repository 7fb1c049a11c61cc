#!/bin/bash
# attachments.sh: files attached to a document and to a task report, over /api/v1 and the pages:
# stored with their hash, size and type, listed on the document's and task's page and on the API
# (GET /api/v1/documents/ID/attachments, /api/v1/tasks/ID/attachments), downloaded only
# by those who may see the document or task (a confidential one only by the cleared), audited;
# a file of another type, or too big, refused with nothing written.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db t.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
DOC=$(sql t.db "SELECT id FROM document WHERE body_id = 3 AND confidentiality = 'thuong' ORDER BY id LIMIT 1")
SECRET=$(sql t.db "SELECT id FROM document WHERE body_id = 3 AND id <> $DOC ORDER BY id LIMIT 1")
sql t.db "UPDATE document SET confidentiality = 'mat' WHERE id = $SECRET"
TASK=$(sql t.db "SELECT t.id FROM task t JOIN task_unit u ON u.task_id = t.id AND u.role = 'lead' JOIN account a ON a.unit_id = u.unit_id WHERE a.login = 'donvi' ORDER BY t.id LIMIT 1")
office=$("${D[@]}" user token vanphong att | tail -1)
reporter=$("${D[@]}" user token donvi att | tail -1)
viewer=$("${D[@]}" user token xem att | tail -1)
outside=$("${D[@]}" user token lienson att | tail -1)
"${D[@]}" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)

# the files: a small PDF, a PNG, a text file named .pdf, a PDF past the limit
printf '%%PDF-1.4\n%% Biên bản họp\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' >bien-ban.pdf
python3 -c 'import sys; sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)' >anh.png
printf 'không phải PDF\n' >gia.pdf
python3 -c 'import sys; sys.stdout.buffer.write(b"%PDF-1.4\n" + b"0" * (1536 * 1024))' >lon.pdf
rows() { sql t.db "SELECT count(*) FROM attachment"; }
# up TOKEN PATH FILE: POST the file as multipart "file"; prints the status, the answer in up.json
up() {
	curl -s -o up.json -w '%{http_code}' -H "Authorization: Bearer $1" -F "file=@$3" "${url}api/v1/$2"
}
field() { python3 -c 'import json,sys; d=json.load(open("up.json")); print(eval("d"+sys.argv[1]))' "$1"; }
# dl TOKEN ID OUT: GET /attachments/ID; prints the status
dl() { curl -s -o "$3" -w '%{http_code}' -H "Authorization: Bearer $1" "${url}attachments/$2"; }

code=$(up "$office" "documents/$DOC/attachments" bien-ban.pdf)
check_eq "API: the office attaches a PDF to a document (201, type, size, hash)" \
	"$code:$(field '["type"]'):$(field '["size"]'):$(field '["sha256"]'):$(field '["name"]')" \
	"201:application/pdf:$(stat -c %s bien-ban.pdf):$(sha256sum bien-ban.pdf | cut -c1-64):bien-ban.pdf"
A1=$(field '["id"]')
check_eq "the store keeps its bytes, hash and size" \
	"$(sql t.db "SELECT sha256 || ' ' || size || ' ' || CASE WHEN $(sql_hex data) = '$(xxd -p bien-ban.pdf | tr -d '\n' | tr a-f A-F)' THEN 1 ELSE 0 END FROM attachment WHERE id = $A1")" \
	"$(sha256sum bien-ban.pdf | cut -c1-64) $(stat -c %s bien-ban.pdf) 1"
check_eq "and the audit log records it (its hash, not its bytes)" \
	"$(sql t.db "SELECT $(sql_json after sha256) || ' ' || CASE WHEN $(sql_json after data) IS NULL THEN 1 ELSE 0 END FROM audit_log WHERE tbl = 'attachment' AND row_id = $A1 AND op = 'insert'")" \
	"$(sha256sum bien-ban.pdf | cut -c1-64) 1"

# refused: another type, too big, an empty request; nothing written
before=$(rows)
code=$(up "$office" "documents/$DOC/attachments" gia.pdf)
case "$code:$(cat up.json)" in 400:*'"file"'*"chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG"*) ok "a file of another type is refused (400, in Vietnamese, naming the field)" ;;
*) not_ok "a file of another type is refused (400, in Vietnamese, naming the field)" "$code $(cat up.json)" ;; esac
code=$(up "$office" "documents/$DOC/attachments" lon.pdf)
check_eq "a file past the limit is refused (413)" "$code" "413"
check_eq "nothing written by the refusals" "$(rows)" "$before"

# downloads: in scope yes, out of scope and the wrong role no
code=$(dl "$viewer" "$A1" got.pdf)
check_eq "a viewer of the district downloads it, byte for byte" "$code:$(cmp -s got.pdf bien-ban.pdf && echo same)" "200:same"
code=$(dl "$outside" "$A1" no.out)
check_eq "the commune's office (outside the district) gets 404" "$code" "404"
code=$(dl "$reporter" "$A1" no.out)
check_eq "a unit's reporter, who reads no documents, gets 403" "$code" "403"
code=$(up "$outside" "documents/$DOC/attachments" bien-ban.pdf)
check_eq "the commune's office cannot attach to the district's document (404)" "$code" "404"
code=$(curl -s -o /dev/null -w '%{http_code}' "${url}attachments/$A1")
case "$code" in 303 | 401) ok "without logging in: no file ($code)" ;; *) not_ok "without logging in: no file" "$code" ;; esac

# a confidential document's file: the cleared office yes, the viewer no
code=$(up "$office" "documents/$SECRET/attachments" bien-ban.pdf)
check_eq "the office attaches to a confidential document" "$code" "201"
A2=$(field '["id"]')
check_eq "the viewer, not cleared, gets 404 for it" "$(dl "$viewer" "$A2" no.out)" "404"
check_eq "the cleared office downloads it" "$(dl "$office" "$A2" got2.pdf)" "200"

# a task report's file: the unit's reporter attaches a picture, the office reads it
code=$(up "$reporter" "tasks/$TASK/attachments" anh.png)
check_eq "API: the unit's reporter attaches a PNG to its task (201)" "$code:$(field '["type"]')" "201:image/png"
A3=$(field '["id"]')
check_eq "the office downloads it" "$(dl "$office" "$A3" got.png):$(cmp -s got.png anh.png && echo same)" "200:same"
check_eq "the commune's office gets 404" "$(dl "$outside" "$A3" no.out)" "404"

# the lists on the API: those who may see the document or task get its files, others 404
# ls TOKEN PATH: GET /api/v1/PATH; prints the status, the answer in ls.json
ls_att() { curl -s -o ls.json -w '%{http_code}' -H "Authorization: Bearer $1" "${url}api/v1/$2"; }
rows_of() { python3 -c '
import json
d = json.load(open("ls.json"))
print(d["count"], [(a["id"], a["name"], a["type"], a["size"], a["sha256"][:8], a["uploader"], a["url"], len(a["uploaded_at"])) for a in d["data"]])'; }
code=$(ls_att "$viewer" "documents/$DOC/attachments")
check_eq "API list: a viewer of the district gets the document's files (name, type, size, hash, uploader, link)" \
	"$code $(rows_of)" \
	"200 1 [($A1, 'bien-ban.pdf', 'application/pdf', $(stat -c %s bien-ban.pdf), '$(sha256sum bien-ban.pdf | cut -c1-8)', 'vanphong', '/attachments/$A1', 20)]"
check_eq "API list: the commune's account (outside the district) gets 404" \
	"$(ls_att "$outside" "documents/$DOC/attachments")" "404"
check_eq "API list: the viewer, not cleared, gets 404 for the confidential document's" \
	"$(ls_att "$viewer" "documents/$SECRET/attachments")" "404"
code=$(ls_att "$office" "documents/$SECRET/attachments")
check_eq "API list: the cleared office gets the confidential document's" "$code $(rows_of | cut -c1-1)" "200 1"
check_eq "API list: a reporter, who reads no documents, gets 403" \
	"$(ls_att "$reporter" "documents/$DOC/attachments")" "403"
code=$(ls_att "$reporter" "tasks/$TASK/attachments")
check_eq "API list: the unit's reporter gets its task's files, uploaded by it" \
	"$code $(python3 -c 'import json; d=json.load(open("ls.json")); print([(a["name"], a["type"], a["uploader"]) for a in d["data"]])')" \
	"200 [('anh.png', 'image/png', 'donvi')]"
check_eq "API list: the commune's account gets 404 for the task's" \
	"$(ls_att "$outside" "tasks/$TASK/attachments")" "404"

# the pages: the list on the document's and the task's page, the form with its message
csrf=$(curl -s -c vp.jar "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b vp.jar -c vp.jar -o /dev/null --data-urlencode "login=vanphong" \
	--data-urlencode "password=demo-vanphong" --data-urlencode "_csrf=$csrf" "${url}login"
page=$(curl -s -b vp.jar "${url}documents/$DOC")
case "$page" in *'id="dinh-kem"'*"<a href=\"/attachments/$A1\">bien-ban.pdf</a> (PDF, "*'enctype="multipart/form-data"'*) ok "the document's page lists the file and offers the form" ;;
*) not_ok "the document's page lists the file and offers the form" ;; esac
page=$(curl -s -b vp.jar "${url}tasks/$TASK")
case "$page" in *"<a href=\"/attachments/$A3\">anh.png</a> (PNG, "*) ok "the task's page lists the report's picture" ;;
*) not_ok "the task's page lists the report's picture" ;; esac
csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
before=$(rows)
code=$(curl -s -b vp.jar -o form.html -w '%{http_code}' -F "_csrf=$csrf" -F "file=@gia.pdf" "${url}documents/$DOC/attachments")
case "$code:$(cat form.html)" in 400:*'id="ferr-file"'*"chỉ nhận tệp PDF"*) ok "the form refuses another type, the reason beside the field" ;;
*) not_ok "the form refuses another type, the reason beside the field" "$code" ;; esac
code=$(curl -s -b vp.jar -o /dev/null -w '%{http_code}' -F "_csrf=$csrf" -F "file=@anh.png" "${url}documents/$DOC/attachments")
check_eq "the form takes a picture (303 back to the document)" "$code:$(($(rows) - before))" "303:1"
done_testing
