#!/usr/bin/env bash
# Fault run of the PostgreSQL artifact against a private PostgreSQL cluster (initdb into a temporary
# folder, its own port, sockets in that folder): nothing else on the machine is touched.
#   1. SIGKILL during the first seed import on an empty database; after a restart the data are
#      complete (1,346 regions, nothing duplicated, one import recorded).
#   2. The database stopped under load, then started again (checks/outage.mjs): readiness DOWN,
#      fast SERVICE_UNAVAILABLE answers, readiness UP again, same process.
# Usage: checks/faults.sh [path/to/minsheng.jar of the PostgreSQL artifact]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/minsheng.jar}")
cd "$here"
. "$here/private-pg.sh"
pg_create

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
PG_START="su postgres -s /bin/sh -c \"$pgbin/pg_ctl -D $work/data -o '$pg_options' -l $work/pg.log -w start\" >/dev/null" \
  node outage.mjs --url "http://127.0.0.1:$http" --pid "$service_pid"
if grep -E "OutOfMemoryError|Exception in thread" "$work/service.log" >/dev/null; then
  echo "fault check FAILED: the service log has a crash"; exit 1
fi
echo "fault checks passed"
