#!/bin/bash
# pages.sh: what a clerk reads on the pages of the demo, fetched from the real server with curl.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db p.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
"$DONDOC" --db p.db doc add --type BC --body HU --date 01/11/2023 --title "Báo cáo mật về công tác cán bộ" \
	--confidentiality mat >/dev/null 2>&1
"$DONDOC" --db p.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)

check_eq "the office logs in" "$(web_login vanphong)" "303"
curl -s -b vanphong.jar "${url}documents" >docs.html
# One table row per line, to read each document's own row.
sed 's/<tr/\n<tr/g' docs.html >rows.txt
check_eq "the document register lists the demo's resolutions" "$(grep -c '56-NQ/HU' rows.txt)" "1"
check_eq "an ordinary document carries no confidentiality badge" \
	"$(grep '56-NQ/HU' rows.txt | grep -c 'class="mat"')" "0"
check_eq "no ordinary document is called 'Tối mật'" "$(grep -c 'Tối mật' rows.txt)" "0"
check_eq "the confidential report is marked 'Mật'" \
	"$(grep 'Báo cáo mật về công tác cán bộ' rows.txt | grep -c 'class="mat">Mật<')" "1"

# The notice editor keeps what it is given: the template saved unchanged from the browser
# (whose textarea sends CRLF line ends) renders as before. The seed is issued (512-TB/HU):
# its correction is the draft with the demo's template.
N=$("$DONDOC" --db p.db --json notice correct 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$DONDOC" --db p.db notice template "$N" >tmpl.txt
"$DONDOC" --db p.db notice render "$N" --format txt --output before.txt
csrf=$(curl -s -b vanphong.jar "${url}notices/$N" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
sed 's/$/\r/' tmpl.txt >tmpl-crlf.txt
code=$(curl -s -b vanphong.jar -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$csrf" \
	--data-urlencode "template@tmpl-crlf.txt" "${url}notices/$N/template")
check_eq "the office saves the template unchanged from the page" "$code" "303"
"$DONDOC" --db p.db notice template "$N" >tmpl-after.txt
check_eq "the saved template has the lines it had" "$(cmp -s tmpl.txt tmpl-after.txt && echo same)" "same"
"$DONDOC" --db p.db notice render "$N" --format txt --output after.txt
check_eq "and the notice renders word for word as before" "$(cmp -s before.txt after.txt && echo same)" "same"
check_eq "no figure prints as [?]" "$(grep -c '\[?\]' after.txt)" "0"

# The composer's fields saved unchanged (as the page fills them) keep the render too.
page=$(curl -s -b vanphong.jar "${url}notices/$N")
field() { echo "$page" | python3 -c "import sys,re,html; m=re.search(r'<input name=\"$1\" value=\"([^\"]*)\"', sys.stdin.read()); print(html.unescape(m.group(1)) if m else '')"; }
body=$(echo "$page" | python3 -c "import sys,re,html; m=re.search(r'<textarea id=\"noi-dung\" name=\"body\"[^>]*>(.*?)</textarea>', sys.stdin.read(), re.S); print(html.unescape(m.group(1)), end='')")
printf '%s' "$body" >body.txt
code=$(curl -s -b vanphong.jar -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$csrf" \
	--data-urlencode "sign_form=T/M" --data-urlencode "sign_body=$(field sign_body)" \
	--data-urlencode "sign_position=$(field sign_position)" --data-urlencode "sign_name=$(field sign_name)" \
	--data-urlencode "recipients=$(field recipients)" --data-urlencode "archive=$(field archive)" \
	--data-urlencode "period=$(field period)" --data-urlencode "plan=$(field plan)" \
	--data-urlencode "body@body.txt" "${url}notices/$N/compose")
check_eq "the composer's fields are saved" "$code" "303"
"$DONDOC" --db p.db notice render "$N" --format txt --output after2.txt
check_eq "and the notice renders word for word as before" "$(cmp -s before.txt after2.txt && echo same)" "same"

done_testing
