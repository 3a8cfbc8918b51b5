#!/usr/bin/env bash
# Proves that embedded Derby's default data directory (./data beside pom.xml) outlives a restart
# and `mvn clean`: in a scratch copy of the project, start the service the README's way, create a
# tenant, stop, `mvn clean`, start again and find the tenant. Ports: 19180/19543.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'cd "$work" && mvn -B -q -ntp liberty:stop -Dhttp.port=19180 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
(cd "$src" && git ls-files -z | xargs -0 cp --parents -t "$work")
cd "$work"
export SOFTDRIVE_ADMIN_PASSWORD=clean-survival-password
mvnq() { mvn -B -q -ntp "$@" -Dhttp.port=19180 -Dhttps.port=19543; }
base=http://localhost:19180

await_ready() {
  for _ in $(seq 1 120); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server not ready" >&2; return 1
}

mvnq package liberty:create liberty:deploy liberty:start -DskipTests
await_ready
name="clean-survival-$RANDOM"
curl -fs -u "admin:$SOFTDRIVE_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\"}" "$base/api/v1/admin/tenants" >/dev/null
mvnq liberty:stop
mvnq clean
test -d data/derby || { echo "FAIL: data/derby is gone after mvn clean" >&2; exit 1; }
mvnq package liberty:create liberty:deploy liberty:start -DskipTests
await_ready
tenants=$(curl -fs -u "admin:$SOFTDRIVE_ADMIN_PASSWORD" "$base/api/v1/admin/tenants")
if [[ $tenants == *"\"$name\""* ]]; then
  echo "clean-survival: tenant $name survived a restart and mvn clean: 1 passed, 0 failed"
else
  echo "clean-survival: tenant $name is missing after mvn clean: 0 passed, 1 failed" >&2
  exit 1
fi
