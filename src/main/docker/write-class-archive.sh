#!/bin/sh
# Writes the class archive of a Minsheng artifact: the classes a start loads. The service runs in
# Quarkus' archive mode (-Dquarkus.appcds.generate=true) and exits once started (DatabaseStartup): the
# PostgreSQL artifact before it would open the database, so no database is needed; the embedded one
# after opening, filling and reading its own database in a folder made for the run and deleted after.
#
# On JDK 25 and later the archive is an AOT cache (-XX:AOTCacheOutput): the classes
# loaded and linked ahead of time, with the profiles of that run; on JDK 17 to 24 it is a dynamic
# class-data-sharing archive (-XX:ArchiveClassesAtExit). Both are mapped the same way. An archive maps
# only on the JVM build that wrote it, with the jar at the same path; the JVM starts without one it
# cannot map.
#
#   [JAVA=/path/to/bin/java] write-class-archive.sh JAR ARCHIVE
#   java -XX:SharedArchiveFile=ARCHIVE -jar JAR        # then every start, with the same JVM
set -eu
jar=$1
archive=$2
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${version%%.*}" -ge 25 ]; then
  option="-XX:AOTCacheOutput=$archive"
  kind="AOT cache, JDK $version"
else
  option="-XX:ArchiveClassesAtExit=$archive"
  kind="class-data-sharing archive, JDK $version"
fi
# The PostgreSQL artifact needs a URL to start; nothing connects to it.
if ! (cd "$work" && MINSHENG_DB_URL="${MINSHENG_DB_URL:-jdbc:postgresql://127.0.0.1:5432/minsheng}" \
    MINSHENG_DATA_DIR="$work/data" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$java" "$option" -Dquarkus.appcds.generate=true -jar "$jar" >"$work/log" 2>&1); then
  grep -v '\[cds\]\|\[aot\]' "$work/log" | tail -n 20
  echo "writing the class archive failed" >&2
  exit 1
fi
if [ ! -s "$archive" ] || ! grep -q 'Started to write the class archive' "$work/log"; then
  grep -v '\[cds\]\|\[aot\]' "$work/log" | tail -n 20
  echo "no class archive written at $archive" >&2
  exit 1
fi
echo "class archive written: $archive ($(du -m "$archive" | cut -f1) MB, $kind)"
