#!/bin/sh
# run.sh: builds the importer's libFuzzer harness with clang and runs it for FUZZ_SECONDS (5).
# Skips (77) when clang or its fuzzer runtime is missing. Usage: run.sh SRCDIR [SECONDS]
set -u
src=${1:-$(dirname "$0")/../..}
secs=${2:-${FUZZ_SECONDS:-5}}
command -v clang >/dev/null 2>&1 || { echo "1..0 # SKIP clang not installed"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }' > "$work/probe.c"
if ! clang -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
	echo "1..0 # SKIP clang's libFuzzer runtime is missing"
	exit 77
fi
cflags=$(pkg-config --cflags sqlite3 jansson icu-uc icu-i18n libzip libxml-2.0 poppler-glib libsodium libpq)
# The text path only: storing (imp_store.c) needs the whole core and is not fuzzed here;
# core/tasks/task.c resolves the deadlines the text sets.
imp_srcs=$(ls "$src"/src/import/*.c | grep -v '/imp_store\.c$')
libs=$(pkg-config --libs sqlite3 jansson icu-uc icu-i18n libzip libxml-2.0 poppler-glib libsodium libpq)
# shellcheck disable=SC2086
if ! clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$src/src" $cflags \
	"$src/tests/fuzz/fuzz_import.c" $imp_srcs "$src"/src/vn/*.c \
	"$src"/src/util/*.c "$src"/src/core/registry/docnum.c "$src"/src/core/tasks/task.c "$src"/src/db/*.c $libs -lm \
	-o "$work/fuzz_import" 2>"$work/build.log"; then
	cat "$work/build.log"
	echo "1..1"
	echo "not ok 1 - the fuzz harness builds"
	exit 1
fi
mkdir -p "$work/corpus"
cp "$src"/tests/import/* "$work/corpus/" 2>/dev/null
[ -n "${DONDOC_SEEDS:-}" ] && cp "$DONDOC_SEEDS"/seed/*.md "$work/corpus/" 2>/dev/null
echo "1..1"
if "$work/fuzz_import" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	"$work/corpus" >"$work/fuzz.log" 2>&1; then
	echo "ok 1 - $(grep -c '' "$work/fuzz.log") lines of libFuzzer output, no crash in ${secs}s: $(grep -o 'Done [0-9]* runs' "$work/fuzz.log")"
else
	tail -n 40 "$work/fuzz.log" | sed 's/^/# /'
	echo "not ok 1 - libFuzzer found a crash in the importer"
	exit 1
fi
