#!/usr/bin/env bash
# Two instances of the production archive (the one a container would run) on one
# PostgreSQL database behind HAProxy on loopback, configured only through environment variables as
# in production (docs/operations.md). MultiInstanceIT then drives Entra-shaped traffic through the
# balancer, SIGKILLs instance b mid-run and starts it again, and checks that nothing acknowledged
# was lost or doubled and that the change feed is whole; plus the concurrency checks with two
# instances. Bounded: a few minutes.
#
# Needs target/softdrive-scim-server.tar.gz (mvn -Pproduction package -DskipTests), PostgreSQL on
# 127.0.0.1:5432 accepting postgres/postgres, haproxy. Settings (environment; defaults for CI):
#   MULTI_DB=softdrive_scim_multi  MULTI_HTTP_A=19281 MULTI_HTTP_B=19282
#   MULTI_HTTPS_A=19643 MULTI_HTTPS_B=19644  MULTI_LB=19290  MVN_FLAGS="-B -ntp"
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$root/target/multi-instance
archive=$root/target/softdrive-scim-server.tar.gz
db=${MULTI_DB:-softdrive_scim_multi}
lb=${MULTI_LB:-19290}
declare -A http=([a]=${MULTI_HTTP_A:-19281} [b]=${MULTI_HTTP_B:-19282})
declare -A https=([a]=${MULTI_HTTPS_A:-19643} [b]=${MULTI_HTTPS_B:-19644})
server=softdrive-scim

[ -f "$archive" ] || { echo "missing $archive (mvn -Pproduction package -DskipTests)" >&2; exit 1; }
command -v haproxy >/dev/null || { echo "haproxy is not installed" >&2; exit 1; }
sql() { PGPASSWORD=postgres psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

stop_all() {
  for name in a b; do
    local pidfile=$work/$name/wlp/usr/servers/.pid/$server.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      "$work/$name/wlp/bin/server" stop "$server" >/dev/null 2>&1 || kill "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
  if [ -f "$work/haproxy.pid" ]; then kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true; fi
}
trap stop_all EXIT

rm -rf "$work" && mkdir -p "$work"
sql -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

# The same archive twice, each instance configured by its environment only (no bootstrap.properties).
for name in a b; do
  mkdir -p "$work/$name" && tar xzf "$archive" -C "$work/$name"
  cat > "$work/$name/start.sh" <<EOF
#!/usr/bin/env bash
export DB_KIND=postgres SCIM_DB_HOST=127.0.0.1 SCIM_DB_PORT=5432 SCIM_DB_NAME=$db
export SCIM_DB_USER=postgres SCIM_DB_PASSWORD=postgres SCIM_DB_POOL_MAX=20
export SCIM_HTTP_HOST=127.0.0.1 HTTP_PORT=${http[$name]} HTTPS_PORT=${https[$name]}
export SCIM_KEYSTORE_PASSWORD=multi-instance-keystore
export SOFTDRIVE_ADMIN_USER=admin SOFTDRIVE_ADMIN_PASSWORD=it-admin-password
export JVM_ARGS=-Xmx384m WLP_LOGGING_CONSOLE_FORMAT=json WLP_LOGGING_CONSOLE_SOURCE=message,ffdc
exec "$work/$name/wlp/bin/server" start $server
EOF
  chmod +x "$work/$name/start.sh"
done
# What the test runs to bring b back: first a "newer release" expands the schema by one version
# (rolling upgrade), then b, which does not know that version, starts and must serve anyway.
cat > "$work/b/restart.sh" <<EOF
#!/usr/bin/env bash
set -e
PGPASSWORD=postgres psql -q -h 127.0.0.1 -U postgres -d $db -c "INSERT INTO schema_version (version, description, applied_at)
  SELECT MAX(version) + 1, 'simulated expand migration of a newer release', 0 FROM schema_version"
exec "$work/b/start.sh"
EOF
chmod +x "$work/b/restart.sh"

cat > "$work/haproxy.cfg" <<EOF
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 90s
  timeout server 90s
  # A refused connection is tried again on the other instance; a request already sent is not.
  retries 3
  option redispatch
frontend scim
  bind 127.0.0.1:$lb
  default_backend liberty
backend liberty
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  http-response set-header X-Served-By %s
  # The support console keeps its state in the HTTP session: pin browsers to one instance.
  cookie SDSCIM_LB insert indirect nocache httponly
  server a 127.0.0.1:${http[a]} check inter 1s fall 2 rise 2 cookie a
  server b 127.0.0.1:${http[b]} check inter 1s fall 2 rise 2 cookie b
EOF
haproxy -c -q -f "$work/haproxy.cfg"
haproxy -D -f "$work/haproxy.cfg" -p "$work/haproxy.pid"

# Both at once on the empty database: migrations and the first admin must cope with the race.
"$work/a/start.sh" >"$work/a-start.log" 2>&1 &
"$work/b/start.sh" >"$work/b-start.log" 2>&1 &
wait
for name in a b; do
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:${http[$name]}/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:${http[$name]}/health/ready" >/dev/null || { echo "instance $name not ready" >&2; exit 1; }
  grep -q '"type":"liberty_message"' "$work/$name/wlp/usr/servers/$server/logs/console.log" \
    || { echo "instance $name does not log JSON" >&2; exit 1; }
done

rm -f target/failsafe-reports/TEST-co.softdrive.scim.it.multi.MultiInstanceIT.xml
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--B -ntp} test-compile failsafe:integration-test failsafe:verify \
  -Dit.test=MultiInstanceIT -Dhttp.port="$lb" \
  -Dmulti.balancer.url="http://localhost:$lb" \
  -Dmulti.instance.urls="http://localhost:${http[a]},http://localhost:${http[b]}" \
  -Dmulti.victim.pidfile="$work/b/wlp/usr/servers/.pid/$server.pid" \
  -Dmulti.victim.restart="$work/b/restart.sh" \
  -Dmulti.figures="$work/figures.txt"

# A skipped class would also "pass": insist that every test ran.
report=target/failsafe-reports/TEST-co.softdrive.scim.it.multi.MultiInstanceIT.xml
counts=$(grep -o '<testsuite [^>]*>' "$report" | grep -o '\(tests\|skipped\|failures\|errors\)="[0-9]*"' | tr '\n' ' ')
echo "multi-instance: $counts"
[[ $counts == *'skipped="0"'* && $counts == *'failures="0"'* && $counts == *'errors="0"'* \
   && $counts != *'tests="0"'* ]] || { echo "multi-instance: tests skipped or failed" >&2; exit 1; }
cat "$work/figures.txt"
