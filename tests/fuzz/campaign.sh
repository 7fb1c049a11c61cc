#!/bin/sh
# campaign.sh: builds every libFuzzer harness in tests/fuzz (fuzz_*.c) with clang
# (-fsanitize=fuzzer,address,undefined -O1; the import harness as below) and runs each
# for SECONDS, or until RUNS
# inputs when RUNS is set (SECONDS then bounds it; 0 = no bound), outside 'make check'.
# Prints one line per harness: runs, seconds, inputs per second, the longest input tried
# (max_len) and whether it crashed.
# Usage: [RUNS=N] [ONLY="import docx"] [OUT=DIR] [MAX_LEN=N] tests/fuzz/campaign.sh SECONDS [SRCDIR]
#   ONLY: harness names without "fuzz_" to run only those; OUT: where binaries, corpora,
#   logs and crash inputs go (default ./fuzz-out). A corpus left in OUT is kept and grown.
#   MAX_LEN: the longest input for the readers of whole documents (default 16384).
set -u
secs=${1:?usage: [RUNS=N] [ONLY=names] campaign.sh SECONDS [SRCDIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
out=${OUT:-$PWD/fuzz-out}
runs_opt=
[ -n "${RUNS:-}" ] && runs_opt="-runs=$RUNS"
command -v clang >/dev/null 2>&1 || { echo "clang is not installed" >&2; exit 77; }
mkdir -p "$out"
pkgs="sqlite3 jansson icu-uc icu-i18n libzip libxml-2.0 poppler-glib libsodium libpq"
# shellcheck disable=SC2046
# shellcheck disable=SC2010
srcs="$(ls "$src"/src/import/*.c | grep -v '/imp_store\.c$') $(ls "$src"/src/vn/*.c "$src"/src/util/*.c "$src"/src/db/*.c) $src/src/core/registry/docnum.c $src/src/core/tasks/task.c"
# shellcheck disable=SC2046,SC2086
cflags="-std=c17 -D_GNU_SOURCE -g -O1 -fno-sanitize-recover=undefined -I$src/src $(pkg-config --cflags $pkgs)"
san=address,undefined
status=0
wanted() {
	[ -z "${ONLY:-}" ] && return 0
	case " $ONLY " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}
# objects DIR [FLAGS]: compiles the sources once into DIR (instrumented for coverage) and
# sets objs to the list; every harness links one such set.
objects() {
	dir=$1
	shift
	mkdir -p "$dir"
	objs=
	for c in $srcs; do
		o=$dir/$(echo "${c#"$src"/src/}" | tr / _ | sed 's/\.c$/.o/')
		# shellcheck disable=SC2086
		if ! clang $cflags "$@" -fsanitize=fuzzer-no-link,$san -c "$c" -o "$o" \
			2>>"$out/build.log"; then
			echo "$c: does not build (see $out/build.log)"
			exit 1
		fi
		objs="$objs $o"
	done
}
# The import harness leaves the byte-level helpers out of coverage (import-coverage.ignore:
# why); the other harnesses instrument everything. Clang instruments for coverage after
# inlining: a helper of the list inlined into its caller would be instrumented there, so
# the import objects are built without inlining (-fno-inline-functions), and with -O2
# (a tenth faster than -O1 on the same inputs).
# Nor does it trace integer comparisons (-fno-sanitize-coverage=trace-cmp): in the
# importer they are indices against lengths and bytes against punctuation, recorded at
# every byte (0.4 of the harness's time), while its decisions are phrases compared by
# memcmp, which libFuzzer still sees, and which the dictionary below gives it whole.
import_objs=
if wanted import; then
	objects "$out/obj-import" -O2 -fno-inline-functions -fno-sanitize-coverage=trace-cmp \
		-fsanitize-coverage-ignorelist="$src/tests/fuzz/import-coverage.ignore"
	import_objs=$objs
fi
# import_dict FILE: the string literals of the importer's and the Vietnamese text parsers'
# sources (kinds, units, phrase tables, deadline words), 2 to 64 bytes, as a libFuzzer
# dictionary (bytes outside printable ASCII written \xNN).
import_dict() {
	grep -hv '^#' "$src"/src/import/*.c "$src"/src/vn/*.c | grep -o '"[^"\\]*"' |
		sed 's/^"//; s/"$//' | LC_ALL=C awk '
		BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
		length($0) >= 2 && length($0) <= 64 && $0 !~ /%/ && !seen[$0]++ {
			s = ""
			for (i = 1; i <= length($0); i++) {
				c = substr($0, i, 1)
				s = s ((ord[c] < 32 || ord[c] > 126) ? sprintf("\\x%02X", ord[c]) : c)
			}
			print "\"" s "\""
		}' >"$1"
}
all_objs=
for h in "$src"/tests/fuzz/fuzz_*.c; do
	n=$(basename "$h" .c)
	if [ "$n" != fuzz_import ] && wanted "${n#fuzz_}"; then
		objects "$out/obj"
		all_objs=$objs
		break
	fi
done
for h in "$src"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	wanted "${name#fuzz_}" || continue
	objs=$all_objs
	[ "$name" = fuzz_import ] && objs=$import_objs
	# shellcheck disable=SC2046,SC2086
	if ! clang $cflags -fsanitize=fuzzer,$san "$h" $objs $(pkg-config --libs $pkgs) -lm \
		-o "$out/$name" 2>"$out/$name.build.log"; then
		echo "$name: does not build (see $out/$name.build.log)"
		status=1
		continue
	fi
	mkdir -p "$out/$name.corpus"
	cp "$src"/tests/import/*.txt "$src"/tests/import/corpus/*.txt "$out/$name.corpus/" 2>/dev/null
	# Whole documents for the readers of documents; a line or two for the small parsers.
	case $name in
	fuzz_import | fuzz_legacy | fuzz_docx | fuzz_pdf_runs) max=${MAX_LEN:-16384} ;;
	*) max=512 ;;
	esac
	dict=
	if [ "$name" = fuzz_import ]; then
		import_dict "$out/$name.dict"
		dict=-dict=$name.dict
	fi
	# The CPU time too: on a shared machine the wall-clock rate says more about the others.
	timer=
	command -v /usr/bin/time >/dev/null 2>&1 && timer="/usr/bin/time -o $name.cpu -f %U+%S"
	# shellcheck disable=SC2086
	if (cd "$out" && $timer "./$name" -max_total_time="$secs" $runs_opt $dict -max_len=$max \
		-timeout=10 -rss_limit_mb=2048 "$name.corpus" >"$name.log" 2>&1); then
		runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$out/$name.log" | awk '{print $2, $5}')
		cpu=$(tail -n 1 "$out/$name.cpu" 2>/dev/null | awk -F+ '{ print $1 + $2 }')
		echo "$runs ${cpu:-0}" | awk -v h="$name" -v max="$max" '{
			printf "%s: %d runs in %d s (%d exec/s)", h, $1, $2, ($2 > 0 ? $1 / $2 : $1)
			if ($3 > 0) printf ", %.0f s CPU (%d exec/s of CPU)", $3, $1 / $3
			printf ", max_len %d", max
			print ", no crash" }'
	else
		echo "$name: CRASH (max_len $max), see $out/$name.log"
		status=1
	fi
done
exit $status
