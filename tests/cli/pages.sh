#!/bin/bash
# pages.sh: what a clerk reads on the pages of the demo, fetched from the real server with curl.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$DONDOC" --db p.db init --demo --force >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
"$DONDOC" --db p.db doc add --type BC --body HU --date 01/11/2023 --title "Báo cáo mật về công tác cán bộ" \
	--confidentiality mat >/dev/null 2>&1
"$DONDOC" --db p.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s serve.out ] && break; sleep 0.1; done
url=$(head -1 serve.out)

# login LOGIN: a session in the cookie jar LOGIN.jar, as a browser gets one.
login() {
	local csrf
	csrf=$(curl -s -c "$1.jar" "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -b "$1.jar" -c "$1.jar" -o /dev/null -w '%{http_code}' \
		--data-urlencode "login=$1" --data-urlencode "password=demo-$1" --data-urlencode "_csrf=$csrf" \
		"${url}login"
}
check_eq "the office logs in" "$(login vanphong)" "303"
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
# (whose textarea sends CRLF line ends) renders as before.
"$DONDOC" --db p.db notice template 1 >tmpl.txt
"$DONDOC" --db p.db notice render 1 --format txt --output before.txt
csrf=$(curl -s -b vanphong.jar "${url}notices/1" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
sed 's/$/\r/' tmpl.txt >tmpl-crlf.txt
code=$(curl -s -b vanphong.jar -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$csrf" \
	--data-urlencode "template@tmpl-crlf.txt" "${url}notices/1/template")
check_eq "the office saves the template unchanged from the page" "$code" "303"
"$DONDOC" --db p.db notice template 1 >tmpl-after.txt
check_eq "the saved template has the lines it had" "$(cmp -s tmpl.txt tmpl-after.txt && echo same)" "same"
"$DONDOC" --db p.db notice render 1 --format txt --output after.txt
check_eq "and the notice renders word for word as before" "$(cmp -s before.txt after.txt && echo same)" "same"
check_eq "no figure prints as [?]" "$(grep -c '\[?\]' after.txt)" "0"

done_testing
