#!/bin/bash
# registry-refuse.sh: every registry verb refuses malformed arguments with a message and writes nothing.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }

# Every verb refuses malformed arguments, exits non-zero and writes nothing.
before=$(store_dump demo.db | md5sum)
refuse() {
	local name=$1
	shift
	if out=$("${D[@]}" "$@" 2>&1); then
		not_ok "$name" "expected failure: $*" "$out"
	elif [ -z "$out" ]; then
		not_ok "$name" "no message: $*"
	else
		ok "$name"
	fi
}
refuse "body add: bad level" body add --level quan --kind party --name X --code X
refuse "body add: bad kind" body add --level xa --kind church --name X --code X
refuse "body add: missing name" body add --level xa --kind party --code X
refuse "body add: impossible date" body add --level xa --kind party --name X --code X --from 31/02/2023
refuse "body add: unknown parent" body add --level xa --kind party --name X --code X --parent NOPE
refuse "body add: same name twice" body add --level huyen --kind party --name "Huyện ủy Tân Yên" --code HU --parent TU
refuse "body list: stray argument" body list extra
refuse "term add: bad years" term add --body HU --name XXIII --years 2025
refuse "term add: reversed years" term add --body HU --name XXIII --years 2030-2025
refuse "term add: duplicate" term add --body HU --name XXII --years 2020-2025
refuse "term list: unknown body" term list --body 999
refuse "organ add: bad kind" organ add --body HU --kind council --name X
refuse "organ list: unknown option" organ list --bogus
refuse "unit add: bad kind" unit add --body HU --kind club --name X
refuse "unit add: bad email" unit add --body HU --kind group --name X --email nowhere
refuse "unit add: a display name and brackets around the address" unit add --body HU --kind group --name X --email "Văn phòng <vp@tanyen.vn>"
refuse "unit add: two addresses in one" unit add --body HU --kind group --name X --email "vp@tanyen.vn,bch@tanyen.vn"
refuse "unit add: a domain without a dot" unit add --body HU --kind group --name X --email vp@tanyen
refuse "person add: a domain label ending in a hyphen" person add --name "Nguyễn Văn A" --email "a@tanyen-.vn"
check_eq "an address refusal names the field and the fault, in Vietnamese" \
	"$("${D[@]}" unit add --body HU --kind group --name X --email vp@tanyen 2>&1 | grep -c "thư điện tử 'vp@tanyen' không hợp lệ: tên miền phải có dấu chấm")" "1"
refuse "person add: position without organ" person add --name "Nguyễn Văn A" --position "Ủy viên"
refuse "person add: unknown organ" person add --name "Nguyễn Văn A" --organ HU:nope --position "Ủy viên"
refuse "person list: bad date" person list --organ HU:bch --date 2023-13-01
refuse "session add: bad date" session add --organ HU:bch --term XXII --date 30/02/2024
refuse "session add: bad kind" session add --organ HU:bch --term XXII --date 1/3/2024 --kind weekly
refuse "session add: existing number" session add --organ HU:bch --term XXII --date 1/3/2024 --number 26
refuse "session add: term of another body" session add --organ HU:bch --term 1 --date 1/3/2024
refuse "session add: bad organ" session add --organ bch --term XXII --date 1/3/2024
refuse "session show: bad id" session show abc
refuse "session show: unknown id" session show 999
refuse "session status: backwards" session status 1 planned
refuse "session status: unknown status" session status 1 done
refuse "agenda add: unknown session" agenda add 999 --kind "Báo cáo" --title X
refuse "agenda add: missing title" agenda add 1 --kind "Báo cáo"
refuse "agenda add: taken position" agenda add 1 --kind "Báo cáo" --title X --position 1
refuse "doc add: bad symbol" doc add --symbol "NQ 22"
refuse "doc add: unknown type" doc add --type ZZ --body HU
refuse "doc add: duplicate" doc add --symbol 22-NQ/HU --date 15/4/2021
refuse "doc add: bad confidentiality" doc add --type TB --body HU --confidentiality secret
refuse "doc add: missing file" doc add --type TB --body HU --text-file /nonexistent
printf 'Thông báo\0 phần sau' >nul.txt
printf 'Th\xf4ng b\xe1o' >latin.txt
refuse "doc add: a text file with a NUL byte" doc add --type TB --body HU --text-file nul.txt
refuse "doc add: a text file not in UTF-8" doc add --type TB --body HU --text-file latin.txt
check_eq "the refusal names the file and the byte" \
	"$("${D[@]}" doc add --type TB --body HU --text-file latin.txt 2>&1 | grep -c "tệp 'latin.txt'.*byte thứ 3 (0xF4)")" "1"
refuse "doc add: bad reference" doc add --type BC --body HU --ref "số hai"
refuse "doc show: unknown symbol" doc show 99-NQ/HU
refuse "doc list: unknown type" doc list --type ZZ
refuse "doc issue: unknown document" doc issue 999
refuse "doc symbol: two arguments" doc symbol 1-TB/HU 2-TB/HU
refuse "doc number: without next" doc number --body HU --type TB
refuse "doc number: unknown type" doc number next --body HU --type ZZ
refuse "doc number: no term at that date" doc number next --body HU --type TB --date 1/1/2019
check_eq "refused commands wrote nothing" "$(store_dump demo.db | md5sum)" "$before"
check "every registry verb answers --help" "${D[@]}" doc number --help
done_testing
