#!/bin/sh
# campaign.sh: builds every libFuzzer harness in tests/fuzz (fuzz_*.c) with clang
# (-fsanitize=fuzzer,address,undefined) and runs each for SECONDS, outside 'make check'.
# Prints one line per harness: runs, inputs per second, and whether it crashed.
# Usage: tests/fuzz/campaign.sh SECONDS [SRCDIR]    (crash inputs are kept in $OUT, default ./fuzz-out)
set -u
secs=${1:?usage: campaign.sh SECONDS [SRCDIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
out=${OUT:-$PWD/fuzz-out}
command -v clang >/dev/null 2>&1 || { echo "clang is not installed" >&2; exit 77; }
mkdir -p "$out"
pkgs="sqlite3 jansson icu-uc icu-i18n libzip libxml-2.0 poppler-glib libsodium"
# shellcheck disable=SC2046
srcs="$(ls "$src"/src/import/*.c | grep -v '/imp_store\.c$') $(ls "$src"/src/vn/*.c "$src"/src/util/*.c "$src"/src/db/*.c) $src/src/core/registry/docnum.c $src/src/core/tasks/task.c"
status=0
for h in "$src"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	# shellcheck disable=SC2046,SC2086
	if ! clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -I"$src/src" $(pkg-config --cflags $pkgs) \
		"$h" $srcs $(pkg-config --libs $pkgs) -lm -o "$out/$name" 2>"$out/$name.build.log"; then
		echo "$name: does not build (see $out/$name.build.log)"
		status=1
		continue
	fi
	mkdir -p "$out/$name.corpus"
	cp "$src"/tests/import/*.txt "$src"/tests/import/corpus/*.txt "$out/$name.corpus/" 2>/dev/null
	# Whole documents for the readers of documents; a line or two for the small parsers.
	case $name in
	fuzz_import | fuzz_legacy | fuzz_docx | fuzz_pdf_runs) max=16384 ;;
	*) max=512 ;;
	esac
	if (cd "$out" && "./$name" -max_total_time="$secs" -max_len=$max -timeout=10 \
		-rss_limit_mb=2048 "$name.corpus" >"$name.log" 2>&1); then
		runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$out/$name.log")
		echo "$name: $runs ($(grep -o 'exec/s: [0-9]*' "$out/$name.log" | tail -n 1)), no crash"
	else
		echo "$name: CRASH, see $out/$name.log"
		status=1
	fi
done
exit $status
