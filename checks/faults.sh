#!/usr/bin/env bash
# Fault run of the PostgreSQL artifact against a private PostgreSQL cluster (initdb into a temporary
# folder, its own port, sockets in that folder): nothing else on the machine is touched.
#   1. SIGKILL during the first seed import on an empty database; after a restart the data are
#      complete (1,346 regions, nothing duplicated, one import recorded).
#   2. The database stopped under load, then started again (checks/outage.mjs): readiness DOWN,
#      fast SERVICE_UNAVAILABLE answers, readiness UP again, same process.
# Usage: checks/faults.sh [path/to/quarkus-run.jar of the PostgreSQL artifact]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/quarkus-app/quarkus-run.jar}")
cd "$here"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${FAULTS_PG_PORT:-55433}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
http=${FAULTS_HTTP_PORT:-18080}
work=$(mktemp -d /tmp/minsheng-faults.XXXXXX)
chmod 755 "$work"
service_pid=

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
psql_q() { "$pgbin/psql" -h "$work" -p "$port" -U postgres -d minsheng -tAc "$1"; }
pg_stop() { as_postgres "$pgbin/pg_ctl -D $work/data -m fast -w stop" >/dev/null; }
pg_start() { as_postgres "$pgbin/pg_ctl -D $work/data -o '-p $port -k $work -c listen_addresses=127.0.0.1' -l $work/pg.log -w start" >/dev/null; }
cleanup() {
  [ -n "$service_pid" ] && kill -9 "$service_pid" 2>/dev/null || true
  as_postgres "$pgbin/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_service() {
  (cd "$work" && exec env MINSHENG_DB_URL="jdbc:postgresql://127.0.0.1:$port/minsheng" MINSHENG_DB_USER=postgres \
    MINSHENG_DB_PASSWORD= QUARKUS_HTTP_PORT="$http" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    java -Xmx256m -jar "$jar" >>"$work/service.log" 2>&1) &
  service_pid=$!
}
wait_ready() {
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$http/q/health/ready" && return 0
    sleep 0.5
  done
  echo "the service did not become ready"; tail -n 30 "$work/service.log"; return 1
}

chown postgres "$work" 2>/dev/null || true
as_postgres "$pgbin/initdb -D $work/data -A trust -U postgres" >/dev/null
pg_start
as_postgres "$pgbin/createdb -h $work -p $port -U postgres minsheng"
echo "private PostgreSQL $(basename "$(dirname "$pgbin")") on 127.0.0.1:$port ($work)"

echo "--- 1. SIGKILL during the first seed import"
start_service
for _ in $(seq 1 600); do
  busy=$(psql_q "select count(*) from pg_stat_activity where datname = 'minsheng' and query ilike 'insert into region%'" 2>/dev/null || echo 0)
  [ "$busy" != "0" ] && break
  sleep 0.05
done
kill -9 "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
echo "killed the service while it inserted regions; the database then holds: $(psql_q 'select count(*) from region') regions, $(psql_q 'select count(*) from seed_import') imports recorded"
start_service
wait_ready
regions=$(psql_q 'select count(*) from region')
distinct=$(psql_q 'select count(distinct code) from region')
imports=$(psql_q 'select count(*) from seed_import')
observations=$(psql_q 'select count(*) from observation')
echo "after a restart: $regions regions ($distinct distinct codes), $observations observations, $imports import recorded"
if [ "$regions" != 1346 ] || [ "$distinct" != 1346 ] || [ "$imports" != 1 ] || [ "$observations" = 0 ]; then
  echo "fault check FAILED: the data are not complete after the killed import"; exit 1
fi

echo "--- 2. The database stopped under load"
PG_STOP="su postgres -s /bin/sh -c '$pgbin/pg_ctl -D $work/data -m fast -w stop' >/dev/null" \
PG_START="su postgres -s /bin/sh -c \"$pgbin/pg_ctl -D $work/data -o '-p $port -k $work -c listen_addresses=127.0.0.1' -l $work/pg.log -w start\" >/dev/null" \
  node outage.mjs --url "http://127.0.0.1:$http" --pid "$service_pid"
if grep -E "OutOfMemoryError|Exception in thread" "$work/service.log" >/dev/null; then
  echo "fault check FAILED: the service log has a crash"; exit 1
fi
echo "fault checks passed"
