#!/bin/sh
# layers.sh: the include rule of docs/architecture.md, and every SQL statement is used.
# TAP. Pages (src/pages) and API handlers (src/api) may not include db/db.h, call db_*
# or name a statement (SQL_*); the HTTP server (src/http) knows no page, API handler or
# route table (src/web hands them over); core (src/core) knows nothing of the web, the
# CLI or the renderers; every STMT id in src/db/stmt_*.def must be named somewhere else
# in src/, tests/ or bench/ (whose load generators fill a store).
SRC=${DONDOC_SRCDIR:?DONDOC_SRCDIR is not set}
cd "$SRC" || exit 1
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; printf '%s\n' "$2" | sed 's/^/# /'; }

for f in src/pages/*.c src/pages/*.h src/api/*.c src/api/*.h; do
	bad=$(grep -nE '#include[[:space:]]+"db/|\<db_[a-z_]+[[:space:]]*\(|\<struct db_q\>|\<enum db_stmt\>|\<SQL_[A-Z0-9_]+' "$f")
	if [ -z "$bad" ]; then ok "$f does not reach the store"; else not_ok "$f does not reach the store" "$bad"; fi
done

# Nor through a header: the preprocessor's list of what each file pulls in.
cflags=$(pkg-config --cflags jansson glib-2.0 pango cairo libmicrohttpd 2>/dev/null)
for f in src/pages/*.c src/api/*.c; do
	# shellcheck disable=SC2086
	deps=$(${CC:-cc} -MM -Isrc $cflags "$f" 2>&1)
	case "$deps" in
	*db/db.h*) not_ok "$f pulls in no store header" "$(echo "$deps" | tr ' ' '\n' | grep db/)" ;;
	*": "*) ok "$f pulls in no store header" ;;
	*) not_ok "$f pulls in no store header" "$deps" ;;
	esac
done

for f in src/http/*.c src/http/*.h; do
	bad=$(grep -nE '#include[[:space:]]+"(pages|api|web|cli)/' "$f")
	if [ -z "$bad" ]; then ok "$f knows no page, API handler or route table"; else not_ok "$f knows no page, API handler or route table" "$bad"; fi
done

for f in $(find src/core -name "*.[ch]" | sort); do
	bad=$(grep -nE '#include[[:space:]]+"(http|pages|api|web|cli|render)/' "$f")
	if [ -z "$bad" ]; then ok "$f stays below the web, the CLI and the renderers"; else not_ok "$f stays below the web, the CLI and the renderers" "$bad"; fi
done

unused=""
for id in $(sed -n 's/^STMT\(_PG\)\{0,1\}(\(SQL_[A-Z0-9_]*\),.*/\2/p' src/db/stmt_*.def); do
	grep -rqw --include='*.c' --include='*.h' "$id" src tests bench || unused="$unused $id"
done
if [ -z "$unused" ]; then ok "every statement in src/db/stmt_*.def is used"; else not_ok "every statement in src/db/stmt_*.def is used" "unused:$unused"; fi
echo "1..$n"
exit $fail
