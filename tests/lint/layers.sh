#!/bin/sh
# layers.sh: pages and API reach the store only through core, and every SQL statement is used.
# TAP. Pages (src/pages) and API handlers (src/api) may not include db/db.h, call db_*
# or name a statement (SQL_*); every STMT id in src/db/stmt_*.def must be named
# somewhere else in src/, tests/ or bench/ (whose load generators fill a store).
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

unused=""
for id in $(sed -n 's/^STMT(\(SQL_[A-Z0-9_]*\),.*/\1/p' src/db/stmt_*.def); do
	grep -rqw --include='*.c' --include='*.h' "$id" src tests bench || unused="$unused $id"
done
if [ -z "$unused" ]; then ok "every statement in src/db/stmt_*.def is used"; else not_ok "every statement in src/db/stmt_*.def is used" "unused:$unused"; fi
echo "1..$n"
exit $fail
