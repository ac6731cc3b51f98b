#!/usr/bin/env bash
# Nested observation pages on 1,000,000 observations read only the rows they return, and the bulk
# export of all of them streams with -Xmx256m.
# The PostgreSQL artifact imports the seed bundle into a private cluster; 1,000,000 generated
# observations (75 synthetic indicators, spread over the 12 prefecture-level units: about 83,000
# each) are added; then one GraphQL request asks for the first 20 observations of each of the 12
# units. PostgreSQL's auto_explain logs the plan of every statement of that request, with actual
# row counts; the check fails if a plan reads more observation rows than the request returns
# (12 × 21: a page and the row that tells whether a next one exists), or scans the table.
# Usage: checks/million.sh [path/to/minsheng.jar of the PostgreSQL artifact]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/minsheng.jar}")
cd "$here"
. "$here/private-pg.sh"
pg_create -c shared_preload_libraries=auto_explain -c auto_explain.log_format=json -c auto_explain.log_analyze=on \
  -c auto_explain.log_buffers=on -c auto_explain.log_timing=off -c auto_explain.log_nested_statements=on

start_service
wait_ready
stop_service
echo "seed bundle imported: $(psql_q 'select count(*) from observation') observations"

started=$(date +%s)
psql_q "insert into indicator (code, name, theme, unit, additive)
  select 'synthetic.i' || g, '合成指标' || g, 'EMPLOYMENT', 'PERSON', true from generate_series(1, 75) g" >/dev/null
psql_q "insert into observation (id, indicator_code, region_code, period_start, period_end, amount, qualifier, source_code, quote)
  select 10000000 + n, 'synthetic.i' || (n % 75 + 1), r.code, date '2000-01-01' + (n / 300), date '2000-01-01' + (n / 300),
         n, 'EXACT', (select min(code) from source), 'generated'
  from generate_series(0, 999999) n
  join (select code, row_number() over (order by code) - 1 as k from region where level = 'PREFECTURE') r on r.k = n % 12" >/dev/null
# What autovacuum would do soon after such a load: statistics, and the visibility map that lets an
# index answer without the table.
psql_q "vacuum analyze" >/dev/null
echo "generated 1,000,000 observations in $(( $(date +%s) - started )) s: $(psql_q 'select count(*) from observation') in all," \
  "$(psql_q "select min(c) || ' to ' || max(c) from (select count(*) c from observation o join region r on r.code = o.region_code where r.level = 'PREFECTURE' group by o.region_code) x") per prefecture"

# The bulk export streams: every observation as CSV from the service with -Xmx256m.
start_service
wait_ready
started=$(date +%s%N)
curl -sf "http://127.0.0.1:$http/export/observations.csv" -o "$work/export.csv"
millis=$(( ($(date +%s%N) - started) / 1000000 ))
stop_service
exported=$(( $(wc -l <"$work/export.csv") - 1 ))
echo "exported $exported observations as CSV ($(( $(stat -c %s "$work/export.csv") / 1048576 )) MiB) in $millis ms with -Xmx256m:" \
  "$(( exported * 1000 / (millis > 0 ? millis : 1) )) rows/s"
if grep -q OutOfMemoryError "$work/service.log" || [ "$exported" != "$(psql_q 'select count(*) from observation')" ]; then
  echo "million-row check FAILED: the export did not give every observation"; exit 1
fi
rm -f "$work/export.csv"

# From now on every statement of the database logs its plan with actual rows (new connections).
psql_q "alter database minsheng set auto_explain.log_min_duration = 0" >/dev/null
counted_before=$(grep -c "Figures by source: " "$work/service.log" || true)
start_service
wait_ready
# The figures of each source are counted once the service is ready (a scan of every figure, logged as
# "Figures by source: …"): the request's plans are read after that count.
wait_after_start "$counted_before"
lines_before=$(wc -l <"$work/pg.log")
query='{ regions(level: PREFECTURE) { nodes { code observations(first: 20) { nodes { id value } pageInfo { hasNextPage } } } } }'
curl -sf -H 'Content-Type: application/json' \
  -d "$(node -e 'console.log(JSON.stringify({query: process.argv[1]}))' "$query")" \
  "http://127.0.0.1:$http/graphql" >"$work/response.json"
sleep 1
tail -n +"$((lines_before + 1))" "$work/pg.log" >"$work/plans.log"
node million-plans.mjs "$work/response.json" "$work/plans.log"
