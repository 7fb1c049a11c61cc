#!/bin/bash
# init.sh: 'dondoc init' creates, keeps and refuses stores as documented.
. "$(dirname "$0")/lib.sh"

check "init creates a store" "$DONDOC" --db a.db init
check "init on an existing store is harmless" "$DONDOC" --db a.db init
check_eq "schema version reported as JSON" \
	"$("$DONDOC" --db a.db init --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["schema_version"] > 0)')" "True"
check_fails "an unknown option is refused" "$DONDOC" --db missing.db init --bogus
check_fails "unknown verb exits non-zero" "$DONDOC" frobnicate
check_fails "stray argument is refused" "$DONDOC" --db b.db init extra
check_eq "a refused init writes nothing" "$(has_store b.db && echo b.db)" ""
check "every verb answers --help" "$DONDOC" init --help
"$DONDOC" --db a.db init >/dev/null 2>&1
check_fails "--db without a path is refused" "$DONDOC" init --db
done_testing
