#!/usr/bin/env bash
# A bundle of 100,000 figures imports over HTTP into the embedded service with -Xmx256m.
# The bundle is the seed bundle, a test bulletin and 100,000 generated figures (every region, a
# figure a year from 1951), sent as multipart files; an admin token is minted with tools/jwt from
# a fresh key pair. The check posts it to /import, prints how long the import took, checks the counts, imports it a second
# time (nothing changes) and fails on an OutOfMemoryError or a failed answer.
# Usage: checks/large-import.sh [path/to/minsheng.jar] [rows]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/minsheng.jar}")
rows=${2:-100000}
work=$(mktemp -d)
port=18085
log="$here/../target/checks/large-import.log"
mkdir -p "$(dirname "$log")"
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$here/../tools/jwt" keys "$work/keys" >/dev/null
token=$("$here/../tools/jwt" token --key "$work/keys/private.pem" --sub large-import-check --groups admin)

mkdir -p "$work/bundle"
cp -r "$here/../seeds/." "$work/bundle/"
printf -- '- code: test-bulletin\n  title: 测试公报\n  publisher: Minsheng checks\n' >> "$work/bundle/sources.yaml"
# Every region, from 1951 on, one figure a year, until there are $rows.
tail -n +2 "$work/bundle/regions.csv" | cut -d, -f1 | awk -v rows="$rows" '
  { regions[NR] = $1 } END {
    n = 0
    for (year = 1951; n < rows; year++)
      for (i = 1; i <= NR && n < rows; i++) {
        n++; v = n % 997 + 1
        printf "employment.gig_markets,%s,%d,%d,EXACT,test-bulletin,建成零工市场%d个,\n", regions[i], year, v, v
      }
  }' >> "$work/bundle/observations.csv"
echo "bundle: $(( $(wc -l < "$work/bundle/observations.csv") - 1 )) figures, $(du -k "$work/bundle/observations.csv" | cut -f1) KiB of observations.csv"
files=()
for f in regions.csv sources.yaml indicators.yaml programs.yaml observations.csv tables.yaml \
    $(cd "$work/bundle" && ls sources/* census-2020/*.csv); do
  files+=(-F "$f=@$work/bundle/$f;type=text/plain")
done

# The check judges counts and memory, not time: its counts of every figure may take longer than a
# request's default 5 s (minsheng.limits.time) on a busy machine (CI runs it beside two other checks).
(cd "$work" && exec env QUARKUS_HTTP_PORT=$port MINSHENG_DATA_DIR="$work/data" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  MINSHENG_LIMITS_TIME=60s MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/keys/public.pem" java -Xmx${HEAP:-256m} ${JAVA_EXTRA:-} -jar "$jar" > "$log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done

import() {
  local started answer query=reason=large-import-check
  case "$1" in dry*) query="$query&dryRun=true" ;; esac
  started=$(date +%s%N)
  answer=$(curl -s --max-time 1800 -H "Authorization: Bearer $token" "${files[@]}" \
    "http://127.0.0.1:$port/import?$query")
  echo "$1: $(( ($(date +%s%N) - started) / 1000000 )) ms: $(tr -d ' \n' <<< "$answer" | cut -c1-400)"
  answer=$(tr -d '\n' <<< "$answer")
  if [ "$(node -e 'const a = JSON.parse(process.argv[1]); console.log(eval(process.argv[2]))' "$answer" "$2")" != true ]; then
    echo "large import FAILED: $1 answered otherwise than expected ($2)"; tail -n 30 "$log"; exit 1
  fi
}
figures() {
  curl -s "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -d "{\"query\":\"{ observations$1 { totalCount } }\"}" \
    | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => { const a = JSON.parse(s);
        if (!a.data) { console.error("the count answered: " + s.slice(0, 400)); process.exit(1); }
        console.log(a.data.observations.totalCount); })'
}
import "first import" "a.observations.inserted == $rows"
# Every figure the service holds: the seed bundle's (the article's and the census's) and the bulletin's.
all=$(figures "")
import "same bundle again" "a.observations.inserted == 0 && a.observations.updated == 0 && a.observations.unchanged == $all"
count=$(figures '(filter: {sourceCodes: [\"test-bulletin\"]})')
echo "figures of the test bulletin: $count"
[ "$count" = "$rows" ] || { echo "large import FAILED: $count figures, not $rows"; exit 1; }
import "dry run of the same bundle" "a.dryRun && a.observations.inserted == 0 && a.observations.updated == 0"
store="$work/data/minsheng.mv.db"
echo "embedded store after two imports and a dry run: $(( $(stat -c %s "$store") / 1000000 )) MB"
if grep -E "OutOfMemoryError|Exception in thread" "$log"; then echo "large import FAILED: the service ran out of memory"; exit 1; fi
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
echo "embedded store after a clean stop: $(( $(stat -c %s "$store") / 1000000 )) MB ($(grep -o 'compacted and closed: .*' "$log" | tail -n 1))"
echo "large import check passed"
