#!/usr/bin/env bash
# Starts Airlock exactly as the README's quickstart does (npm start, embedded PostgreSQL, data in a
# fresh folder), waits until it is ready, asks one decision with the bootstrap key, checks the
# answer, and stops it with Ctrl-C (SIGINT) as a user would.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${SMOKE_PORT:-3917}"
export AIRLOCK_DATA_DIR="$(mktemp -d /tmp/airlock-smoke-XXXXXX)"
chmod 755 "$AIRLOCK_DATA_DIR"
export AIRLOCK_BOOTSTRAP_API_KEY="ak_smoke_test_key_$(date +%s%N)"
unset DATABASE_URL
log="$AIRLOCK_DATA_DIR/start.log"

npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$AIRLOCK_DATA_DIR"; }
trap cleanup EXIT

for i in $(seq 1 240); do
  if curl -fsS "http://localhost:$PORT/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; tail -50 "$log"; exit 1; fi
  sleep 1
done
curl -fsS "http://localhost:$PORT/readyz" >/dev/null || { echo "not ready after 240 s:"; tail -50 "$log"; exit 1; }
grep -q "Airlock is running at http://localhost:$PORT" "$log" || { echo "the start banner is missing"; tail -50 "$log"; exit 1; }

answer=$(curl -fsS -X POST "http://localhost:$PORT/v1/decisions" \
  -H "Authorization: Bearer $AIRLOCK_BOOTSTRAP_API_KEY" -H 'Content-Type: application/json' \
  -d '{"action":"prompt","destination":{"url":"https://chat.deepseek.com/"},"context":{"ip":"10.1.2.3"},"content":{"text":"my AWS key is AKIAZ3MHQ7TNVX5KQ2PB"}}')
echo "decision: $answer"
echo "$answer" | grep -q '"effect":"block"' || { echo "expected a block"; exit 1; }
echo "$answer" | grep -q '"ruleId":"no-credentials"' || { echo "expected the no-credentials reason"; exit 1; }

kill -INT "$pid"
for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "npm start did not stop on SIGINT within 30 s"; exit 1; fi
grep -q "Stopped." "$log" || { echo "no clean stop in the log"; tail -20 "$log"; exit 1; }
echo "smoke test passed"
