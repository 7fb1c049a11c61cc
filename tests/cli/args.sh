#!/bin/bash
# args.sh: every verb's arguments are parsed against its declaration: refusals name the option, --help lists it.
. "$(dirname "$0")/lib.sh"

D=("$DONDOC" --db demo.db)
"${D[@]}" init --demo >/dev/null 2>&1 || { not_ok "init --demo"; done_testing; exit 1; }
before=$(store_dump demo.db | md5sum)

# usage NAME PATTERN ARGS...: the command is a usage error (exit 2) whose message matches
# PATTERN and ends with the verb's usage line.
usage() {
	local name=$1 pattern=$2
	shift 2
	out=$("${D[@]}" "$@" 2>&1)
	rc=$?
	if [ "$rc" -ne 2 ]; then
		not_ok "$name" "exit $rc, want 2: $*" "$out"
	elif ! grep -q -- "$pattern" <<<"$out"; then
		not_ok "$name" "no '$pattern' in: $*" "$out"
	elif ! grep -q "^usage: dondoc $1" <<<"$out"; then
		not_ok "$name" "no usage line: $*" "$out"
	else
		ok "$name"
	fi
}

usage "an unknown option is named" "tùy chọn không hợp lệ: '--bogus'" tasks list --bogus
usage "an unknown option with a value is named without it" "tùy chọn không hợp lệ: '--bogus'$" \
	tasks list --bogus=1
usage "a short option is unknown" "tùy chọn không hợp lệ: '-x'" unit list -x
usage "a missing value names the option" "tùy chọn '--unit' cần một giá trị" tasks list --unit
usage "a flag given a value is refused" "tùy chọn '--open' không nhận giá trị" tasks list --open=1
usage "a bad id option names the option and the value" "văn bản (--source) không hợp lệ: 'abc'" \
	tasks list --source abc
usage "a zero-padded id option is refused" "(--stale) không hợp lệ: '07'" tasks list --stale 07
usage "a bad id argument names it" "số nhiệm vụ không hợp lệ: '01'" tasks show 01
usage "a bad id argument of another verb names it" "số hiệu phiên họp không hợp lệ: 'abc'" \
	minutes show abc
usage "an impossible date names the option and says why" \
	"ngày tính (--as-of) không hợp lệ: '31/02/2023' (.*28 ngày" tasks list --as-of 31/02/2023
usage "a date that is no date is refused" "(--at) không hợp lệ: 'hôm qua'" regulation show 1 --at 'hôm qua'
usage "a bad choice names the option and the choices" \
	"cấp (--level) không hợp lệ: 'quan' (chọn một trong tw|tinh|huyen|xa|coso)" \
	body add --level quan --kind party --name X --code X
usage "an option given twice is refused" "tùy chọn '--as-of' chỉ được cho một lần" \
	tasks list --as-of 2023-11-01 --as-of 2023-11-02
usage "a missing required option is named" "thiếu nội dung nhiệm vụ (--content)" \
	tasks add --lead 'Văn phòng Huyện ủy'
usage "a missing required argument is named" "thiếu số nhiệm vụ (ID)" tasks show
usage "one argument too many is named" "thừa tham số: 'hai'" notice show 1 hai
usage "a verb without arguments refuses one" "thừa tham số: 'extra'" body list extra
check_eq "refused commands wrote nothing" "$(store_dump demo.db | md5sum)" "$before"

# Accepted forms: --opt=value, options after arguments, "--" before an argument, repeats.
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
check_eq "--as-of=D is --as-of D" "$("${D[@]}" --json tasks list --as-of=2023-11-27 | md5sum)" \
	"$("${D[@]}" --json tasks list --as-of 2023-11-27 | md5sum)"
check_eq "a Vietnamese date is read as a date" \
	"$("${D[@]}" --json tasks list --as-of 'ngày 27 tháng 11 năm 2023' | j 'd["as_of"]')" "2023-11-27"
check_eq "options may follow the arguments" "$("${D[@]}" --json tasks show 1 --as-of 2023-11-27 | md5sum)" \
	"$("${D[@]}" --json tasks show --as-of 2023-11-27 1 | md5sum)"
check_eq "-- ends the options" "$("${D[@]}" --json tasks show --as-of 2023-11-27 -- 1 | j 'd["id"]')" "1"
n1=$("${D[@]}" --json tasks list --as-of 2023-12-31 --status qua_han | j 'len(d["tasks"])')
n2=$("${D[@]}" --json tasks list --as-of 2023-12-31 --status trong_han | j 'len(d["tasks"])')
check_eq "a repeatable option keeps every value" \
	"$("${D[@]}" --json tasks list --as-of 2023-12-31 --status qua_han --status trong_han | j 'len(d["tasks"])')" \
	"$((n1 + n2))"
check "the statuses asked for exist in the demo" test "$((n1 + n2))" -gt 0

# --help of every verb: exit 0, its usage line, and every option it lists is in the usage line.
help_ok=0
help_bad=""
while read -r verb; do
	# shellcheck disable=SC2086
	if ! out=$("$DONDOC" $verb --help 2>&1); then
		help_bad="$help_bad $verb(exit)"
		continue
	fi
	line=$(head -1 <<<"$out")
	[ "${line#"usage: dondoc $verb"}" != "$line" ] || help_bad="$help_bad $verb(usage)"
	for o in $(sed -n '/^options:/,/^$/p' <<<"$out" | grep -o -- '^  --[a-z0-9-]*'); do
		grep -q -- "\[\?$o\b" <<<"$line" || help_bad="$help_bad $verb($o)"
	done
	help_ok=$((help_ok + 1))
done < <("$DONDOC" --help | sed -n '/^verbs:/,/^$/p' | sed -n 's/^  \([a-z]*\( [a-z]*\)\?\) .*/\1/p' |
	sed 's/ *$//')
check_eq "every verb's --help shows its usage and options" "$help_bad" ""
check "every verb was asked" test "$help_ok" -ge 90
out=$("$DONDOC" tasks add --help)
check_eq "tasks add --help: the usage line names every option" \
	"$(head -1 <<<"$out" | grep -o -- '--[a-z-]*' | sort | tr '\n' ' ')" \
	"--assigned --body --content --coord --cycle --deadline --doc --follower --lead --lower-body --parent --report-to --section --session "
check_eq "… says which are required and repeatable, in Vietnamese" \
	"$(grep -c -- '--lead U .*đơn vị chủ trì (bắt buộc) (cho nhiều lần được)' <<<"$out")" "1"
check_eq "… and how the sources combine" "$(grep -c -- 'hoặc --session ID' <<<"$out")" "1"
check_eq "notice show --help names its argument" \
	"$("$DONDOC" notice show --help | grep -c '^  ID  *mã thông báo')" "1"
done_testing
