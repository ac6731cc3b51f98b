#!/bin/sh
# Writes the class archive (AppCDS) of a Minsheng artifact: the classes a start loads up to the moment
# the database would be opened. The service runs in Quarkus' archive mode
# (-Dquarkus.appcds.generate=true), in which it exits there (DatabaseStartup) and touches no database,
# so no database is needed. An archive maps only on the JVM build that wrote it, with the jar at the
# same path; the JVM starts without one it cannot map.
#
#   write-class-archive.sh JAR ARCHIVE
#   java -XX:SharedArchiveFile=ARCHIVE -jar JAR        # then every start
set -eu
jar=$1
archive=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
# The PostgreSQL artifact needs a URL to start; nothing connects to it.
if ! (cd "$work" && MINSHENG_DB_URL="${MINSHENG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/minsheng}" \
    MINSHENG_DATA_DIR="$work/data" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    java -XX:ArchiveClassesAtExit="$archive" -Dquarkus.appcds.generate=true -jar "$jar" >"$work/log" 2>&1); then
  grep -v '\[cds\]' "$work/log" | tail -n 20
  echo "writing the class archive failed" >&2
  exit 1
fi
if [ ! -s "$archive" ] || ! grep -q 'exiting before the database is opened' "$work/log"; then
  grep -v '\[cds\]' "$work/log" | tail -n 20
  echo "no class archive written at $archive" >&2
  exit 1
fi
echo "class archive written: $archive ($(du -m "$archive" | cut -f1) MB)"
