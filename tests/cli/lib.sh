# lib.sh: a tiny TAP producer for CLI tests. Source it; call ok/fail; end with done_testing.
# DONDOC is the binary under test; each script works in its own temporary directory.
set -u
LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TAP_N=0
TAP_FAILED=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

# On PostgreSQL (tests/pg/run.sh sets DONDOC_TEST_PG) every --db FILE goes to a database of
# its own on the test cluster through tests/pg/dondoc-pg; FILE stays as a marker naming it.
if [ -n "${DONDOC_TEST_PG:-}" ]; then
	export DONDOC_REAL=$DONDOC
	DONDOC=$LIB_DIR/../pg/dondoc-pg
	export DONDOC
fi

# cp: as cp(1); on PostgreSQL a store copied by 'cp FROM TO' is copied then and there (its
# database with it), not when TO is first opened, so that later writes to FROM stay out of TO.
cp() {
	command cp "$@" || return
	if [ -n "${DONDOC_TEST_PG:-}" ] && [ $# -eq 2 ] && [ -f "$2" ] &&
		[ "$(head -c 15 "$2")" = dondoc-pg-store ]; then
		"$DONDOC" --store-uri "$2" >/dev/null
	fi
}

# on_pg: true when this run keeps its stores on PostgreSQL.
on_pg() { [ -n "${DONDOC_TEST_PG:-}" ]; }

# pg_uri FILE: the address of the PostgreSQL database standing for the store FILE.
pg_uri() { "$DONDOC" --store-uri "$1"; }

# sql FILE [STATEMENTS]: runs SQL (the argument, else standard input) on the store FILE
# (sqlite3, or psql on PostgreSQL); rows are printed one a line, columns separated by '|',
# as sqlite3 prints them. Write SQL both accept. On PostgreSQL rows a test inserts with their
# own ids move the id sequences past them, as SQLite's next rowid would be.
PG_SEQ_SYNC="DO \$\$ DECLARE r record; BEGIN FOR r IN SELECT table_name t, column_name c
 FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
 EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
 r.t, r.c, r.c, r.t); END LOOP; END \$\$"
sql() {
	if on_pg; then
		if [ $# -ge 2 ]; then
			psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$(pg_uri "$1")" -c "$2" -c "$PG_SEQ_SYNC"
		else
			psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$(pg_uri "$1")" -f - -c "$PG_SEQ_SYNC"
		fi
	elif [ $# -ge 2 ]; then
		sqlite3 "$1" "$2"
	else
		sqlite3 "$1"
	fi
}

# sql_json COLUMN KEY: the SQL for KEY's value in the JSON text COLUMN, as text.
sql_json() {
	if on_pg; then echo "($1::json ->> '$2')"; else echo "json_extract($1, '\$.$2')"; fi
}

# sql_hex COLUMN: the SQL for the bytes of COLUMN in upper-case hexadecimal.
sql_hex() {
	if on_pg; then echo "upper(encode($1, 'hex'))"; else echo "hex($1)"; fi
}

# has_store FILE: true when FILE holds a store with its schema (on PostgreSQL, a database
# the test harness made for FILE is not yet a store until dondoc writes its schema into it).
has_store() {
	if on_pg; then
		[ -e "$1" ] && [ "$(sql "$1" "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migration'" 2>/dev/null)" = 1 ]
	else
		[ -e "$1" ]
	fi
}

# store_dump FILE: the store's whole content as text, to see that a command wrote nothing
# (on PostgreSQL without the sequences' positions, which a refused insert may advance).
store_dump() {
	if on_pg; then
		pg_dump -a -d "$(pg_uri "$1")" 2>/dev/null | grep -Ev '^(SELECT pg_catalog.setval|\\(un)?restrict )'
	else
		sqlite3 "$1" .dump
	fi
}

# web_login LOGIN: logs the demo account LOGIN (password demo-LOGIN) in to the server at $url
# as a browser does, keeping its session in the cookie jar LOGIN.jar; prints the HTTP status.
web_login() {
	local csrf
	csrf=$(curl -s -c "$1.jar" "${url}login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -b "$1.jar" -c "$1.jar" -o /dev/null -w '%{http_code}' \
		--data-urlencode "login=$1" --data-urlencode "password=demo-$1" --data-urlencode "_csrf=$csrf" \
		"${url}login"
}

ok() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1"
}

not_ok() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# check NAME COMMAND...: passes when the command exits 0.
check() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "command: $*" "$out"; fi
}

# check_fails NAME COMMAND...: passes when the command exits non-zero.
check_fails() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then not_ok "$name" "expected failure: $*" "$out"; else ok "$name"; fi
}

# check_eq NAME GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

# skip NAME WHY: a check that does not apply to this backend (TAP SKIP, counted as passed).
skip() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1 # SKIP $2"
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
