# Shared by the checks that run the PostgreSQL artifact against a private PostgreSQL cluster
# (initdb into a temporary folder, its own port, sockets in that folder): nothing else on the
# machine is touched. Source it after setting `jar` (and, to change the default -Xmx256m,
# `java_options`, and MINSHENG_JAVA, the java command, `java` on the PATH unless set); it sets
# pgbin, port, http, work, service_java and service_pid, and removes the cluster on exit.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# Ports below Linux's ephemeral range (32768-60999): one found free there can be taken, before the
# server binds it or while the outage check has it stopped, as another connection's local port.
port=${PRIVATE_PG_PORT:-25433}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
http=${PRIVATE_HTTP_PORT:-18080}
while (exec 3<>"/dev/tcp/127.0.0.1/$http") 2>/dev/null; do http=$((http + 1)); done
work=$(mktemp -d /tmp/minsheng-check.XXXXXX)
chmod 755 "$work"
service_pid=
service_java=${MINSHENG_JAVA:-java}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
psql_q() { "$pgbin/psql" -h "$work" -p "$port" -U postgres -d minsheng -v ON_ERROR_STOP=1 -tAc "$1"; }
pg_options="-p $port -k $work -c listen_addresses=127.0.0.1"
pg_stop() { as_postgres "$pgbin/pg_ctl -D $work/data -m fast -w stop" >/dev/null; }
pg_start() { as_postgres "$pgbin/pg_ctl -D $work/data -o '$pg_options' -l $work/pg.log -w start" >/dev/null; }
cleanup() {
  [ -n "$service_pid" ] && kill -9 "$service_pid" 2>/dev/null || true
  as_postgres "$pgbin/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A new cluster with an empty database `minsheng`; extra server options (-c name=value) as arguments.
pg_create() {
  pg_options="$pg_options $*"
  chown postgres "$work" 2>/dev/null || true
  as_postgres "$pgbin/initdb -D $work/data -A trust -U postgres" >/dev/null
  pg_start
  as_postgres "$pgbin/createdb -h $work -p $port -U postgres minsheng"
  echo "private PostgreSQL $(basename "$(dirname "$pgbin")") on 127.0.0.1:$port ($work)"
}

# The option that maps the class archive beside the jar (app-cds.jsa), when there is one: bench/run
# writes it as the JVM image does (src/main/docker/write-class-archive.sh).
class_archive_option() {
  if [ -f "$(dirname "$1")/app-cds.jsa" ]; then echo "-XX:SharedArchiveFile=$(dirname "$1")/app-cds.jsa"; fi
}
# The JVM options the JVM image starts the service with (the -XX: options of JAVA_OPTS_APPEND in
# src/main/docker/Dockerfile.jvm), the class archive mapped when one lies beside the jar.
image_options() {
  sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../src/main/docker/Dockerfile.jvm" \
    | tr ' ' '\n' | grep -- '^-XX:' | grep -v SharedArchiveFile | tr '\n' ' '
  class_archive_option "$1"
}
start_service() {
  (cd "$work" && exec env MINSHENG_DB_URL="jdbc:postgresql://127.0.0.1:$port/minsheng" MINSHENG_DB_USER=postgres \
    MINSHENG_DB_PASSWORD= QUARKUS_HTTP_PORT="$http" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$service_java" ${java_options:--Xmx256m} $(image_options "$jar") -jar "$jar" >>"$work/service.log" 2>&1) &
  service_pid=$!
}
stop_service() {
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
}
# What the service does once ready (SeedStartup: starting the query engine, then counting the figures
# of each source, a scan of every figure) ends with the line "Figures by source: …"; plans are read
# after it. Call it with the number of such lines in the log before the start.
wait_after_start() {
  for _ in $(seq 1 600); do
    [ "$(grep -c "Figures by source: " "$work/service.log" || true)" -gt "$1" ] && return 0
    sleep 0.1
  done
  echo "the service did not log its figures by source"; tail -n 30 "$work/service.log"; return 1
}
wait_ready() {
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "http://127.0.0.1:$http/q/health/ready" && return 0
    sleep 0.05
  done
  echo "the service did not become ready"; tail -n 30 "$work/service.log"; return 1
}
