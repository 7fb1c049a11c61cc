#!/bin/bash
# pg-demo.sh: the demo on PostgreSQL reads as on SQLite: sessions, documents, indicators, tasks
# at 2023-12-31 and the seed notice's text give the same --json output on both backends.
. "$(dirname "$0")/lib.sh"

CLUSTER="${DONDOC_SRCDIR:-$(dirname "$0")/../..}/tests/pg/cluster.sh"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pg.XXXXXX")
trap '"$CLUSTER" stop "$PGDIR/c"; rm -rf "$PGDIR" "$WORK"' EXIT
PG=$("$CLUSTER" start "$PGDIR/c") || { not_ok "a PostgreSQL cluster starts" "$PG"; done_testing; }
export DONDOC_AUDIT_KEY="$WORK/pg.audit-key"

check "the demo is created on SQLite" "$DONDOC" --db d.db init --demo
check "the demo is created on PostgreSQL" "$DONDOC" --db "$PG" init --demo

# The times a store stamps as it writes (the demo's own making) differ between two runs.
NOW='walk(if type == "object" then del(.at, .issued, .issued_at, .created_at, .stored_at) else . end)'
same() {
	local name=$1
	shift
	"$DONDOC" --db d.db --json "$@" 2>&1 | jq "$NOW" >sqlite.json
	"$DONDOC" --db "$PG" --json "$@" 2>&1 | jq "$NOW" >pg.json
	check "$name: the same on both backends" diff -u sqlite.json pg.json
}

same "sessions" session list
same "documents" doc list
same "indicators report" indicators report
same "tasks at 2023-12-31" tasks list --as-of 2023-12-31
same "task statistics at 2023-12-31" tasks stats --as-of 2023-12-31
nid=$("$DONDOC" --db d.db --json notice list | jq -r '.[0].id')
same "the seed notice" notice show "$nid"
check "the audit chain checks on PostgreSQL" "$DONDOC" --db "$PG" check
pw=${PG#postgresql://dondoc:}
pw=${pw%%@*}
out=$("$DONDOC" --db "${PG/@/x@}" session list 2>&1)
case $out in
*"$pw"*) not_ok "a refused login does not print the password" "$out" ;;
*"đăng nhập thất bại"*) ok "a refused login says so without the password" ;;
*) not_ok "a refused login says so without the password" "$out" ;;
esac
out=$("$DONDOC" --db "$PG" init 2>&1)
case $out in *"$pw"*) not_ok "init does not print the password" "$out" ;; *) ok "init does not print the password" ;; esac
done_testing
