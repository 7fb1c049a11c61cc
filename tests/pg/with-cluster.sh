#!/bin/bash
# with-cluster.sh COMMAND [ARGS...]: runs COMMAND (the test run of 'make check') with one
# throwaway PostgreSQL cluster for all the tests that run on PostgreSQL (tests/pg/run.sh
# reads its address from DONDOC_PG_CLUSTER); the cluster is stopped and removed when the
# command ends, whether the tests passed or not, and on an interrupt.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/dondoc-pgrun.XXXXXX")
trap '"$HERE/cluster.sh" stop "$DIR/c"; rm -rf "$DIR"' EXIT
trap "exit 130" INT TERM
if DONDOC_PG_CLUSTER=$("$HERE/cluster.sh" start "$DIR/c"); then
	export DONDOC_PG_CLUSTER
else
	echo "with-cluster.sh: no PostgreSQL cluster; each PostgreSQL test starts its own" >&2
fi
"$@"
