#!/usr/bin/env bash
# redmine.sh: Redmine 5 from Debian's packages on Puma and SQLite, 10,000 issues, and wrk on
# GET /issues.json?limit=25 at 32 connections: prints req/s, p99 latency and the server's RSS,
# and last a line REDMINE_RPS=… that bench/web_bench.sh takes for its ratio:
#   REDMINE_RPS=$(bench/peers/redmine.sh | sed -n 's/^REDMINE_RPS=//p') bench/web_bench.sh build
# Needs root (apt-get, runuser); sends traffic to 127.0.0.1 only; not part of 'make check'.
# Environment: N_ISSUES (10000), DUR (20s), CONNS (32), PUMA_WORKERS (2), PUMA_THREADS (5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n_issues=${N_ISSUES:-10000}
dur=${DUR:-20s}
conns=${CONNS:-32}
export PUMA_WORKERS=${PUMA_WORKERS:-2}
export PUMA_THREADS=${PUMA_THREADS:-5}
port=${REDMINE_PORT:-3000}
base=http://127.0.0.1:$port
path="/issues.json?limit=25"

if [ "$(id -u)" -ne 0 ]; then
	echo "redmine.sh: run as root (it installs Redmine with apt-get)" >&2
	exit 1
fi
work=$(mktemp -d /tmp/dondoc-redmine.XXXXXX)
chmod 755 "$work"
install -d -o www-data -g www-data "$work/run"
pid=
cleanup() {
	if [ -z "$pid" ] && [ -s "$work/run/puma.pid" ]; then pid=$(cat "$work/run/puma.pid"); fi
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# Install: the Debian packages, with the instance's database in SQLite.
if ! dpkg -s redmine redmine-sqlite puma wrk curl sqlite3 >/dev/null 2>&1; then
	apt-get update -qq
	debconf-set-selections <<'SEL'
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/db/basepath string /var/lib/dbconfig-common/sqlite3/redmine/instances/default
redmine redmine/instances/default/db/dbname string redmine_default
SEL
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		redmine redmine-sqlite puma wrk curl sqlite3 >/dev/null
fi
db=$(ruby -ryaml -e 'puts YAML.load_file("/etc/redmine/default/database.yml")["production"]["database"]')
dpkg-query -W -f='${Package} ${Version}\n' redmine puma wrk

# Seed: one project, 20 units as users, n issues (bulk insert); the admin's API key comes back.
cp "$here/redmine-seed.rb" "$work/seed.rb"
chmod 644 "$work/seed.rb"
cd /usr/share/redmine
rr=(runuser -u www-data -- env RAILS_ENV=production REDMINE_INSTANCE=default)
"${rr[@]}" bin/rails runner "$work/seed.rb" "$n_issues" >"$work/seed.out"
grep -v '^API_KEY=' "$work/seed.out"
key=$(sed -n 's/^API_KEY=//p' "$work/seed.out")
"${rr[@]}" sqlite3 "$db" 'VACUUM;'

cat >"$work/puma.rb" <<PUMA
workers Integer(ENV.fetch('PUMA_WORKERS', 2))
threads Integer(ENV.fetch('PUMA_THREADS', 5)), Integer(ENV.fetch('PUMA_THREADS', 5))
bind 'tcp://127.0.0.1:$port'
environment 'production'
preload_app!
directory '/usr/share/redmine'
rackup '/usr/share/redmine/config.ru'
pidfile '$work/run/puma.pid'
PUMA
chmod 644 "$work/puma.rb"

"${rr[@]}" PUMA_WORKERS="$PUMA_WORKERS" PUMA_THREADS="$PUMA_THREADS" puma -C "$work/puma.rb" \
	>"$work/puma.log" 2>&1 &
for _ in $(seq 600); do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Redmine-API-Key: $key" "$base$path" || true)
	[ "$code" = 200 ] && break
	sleep 0.1
done
if [ "$code" != 200 ]; then
	echo "redmine.sh: Puma did not answer" >&2
	cat "$work/puma.log" >&2
	exit 1
fi
pid=$(cat "$work/run/puma.pid")
# Warm every worker so that the timed requests do not pay for lazy loading.
for _ in $(seq 20); do curl -s -o /dev/null -H "X-Redmine-API-Key: $key" "$base$path"; done

out=$(wrk -t2 -c"$conns" -d"$dur" --timeout 10s --latency -H "X-Redmine-API-Key: $key" "$base$path")
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
rss=0
for p in $pid $(pgrep -P "$pid" | tr '\n' ' '); do
	rss=$((rss + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status")))
done
echo "Redmine GET $path, $n_issues issues, wrk -t2 -c$conns -d$dur"
printf '%-34s %10s req/s   p99 %8s   RSS %d MiB (Puma, %s workers x %s threads)\n' \
	"GET $path" "$rps" "$p99" $((rss / 1024)) "$PUMA_WORKERS" "$PUMA_THREADS"
echo "REDMINE_RPS=$rps"
