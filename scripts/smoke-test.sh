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

# Its own process group, so that the stop below signals npm and its children together, as Ctrl-C
# in a terminal does.
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  if kill -0 -- "-$pid" 2>/dev/null; then kill -TERM -- "-$pid" 2>/dev/null || true; sleep 2; kill -KILL -- "-$pid" 2>/dev/null || true; fi
  pkill -f "$AIRLOCK_DATA_DIR" 2>/dev/null || true
  rm -rf "$AIRLOCK_DATA_DIR"
}
trap cleanup EXIT

for i in $(seq 1 240); do
  if curl -fsS "http://localhost:$PORT/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; tail -50 "$log"; exit 1; fi
  sleep 1
done
curl -fsS "http://localhost:$PORT/readyz" >/dev/null || { echo "not ready after 240 s:"; tail -50 "$log"; exit 1; }
# The banner follows the last worker's start (AIRLOCK_WORKERS), which may come after /readyz answers.
for i in $(seq 1 30); do grep -q "Airlock is running at http://localhost:$PORT" "$log" && break; sleep 1; done
grep -q "Airlock is running at http://localhost:$PORT" "$log" || { echo "the start banner is missing"; tail -50 "$log"; exit 1; }

answer=$(curl -fsS -X POST "http://localhost:$PORT/v1/decisions" \
  -H "Authorization: Bearer $AIRLOCK_BOOTSTRAP_API_KEY" -H 'Content-Type: application/json' \
  -d '{"action":"prompt","destination":{"url":"https://chat.deepseek.com/"},"context":{"ip":"10.1.2.3"},"content":{"text":"my AWS key is AKIAZ3MHQ7TNVX5KQ2PB"}}')
echo "decision: $answer"
echo "$answer" | grep -q '"effect":"block"' || { echo "expected a block"; exit 1; }
echo "$answer" | grep -q '"ruleId":"no-credentials"' || { echo "expected the no-credentials reason"; exit 1; }

# Ctrl-C: SIGINT to the foreground process group.
kill -INT -- "-$pid"
# Wait for every process of the group (npm, the launcher), not just npm, to exit.
for i in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
if kill -0 -- "-$pid" 2>/dev/null; then echo "npm start did not stop on SIGINT within 30 s"; tail -20 "$log"; exit 1; fi
grep -q "Stopped." "$log" || { echo "no clean stop in the log"; tail -20 "$log"; exit 1; }
if pgrep -f "$AIRLOCK_DATA_DIR/postgres" >/dev/null; then echo "the embedded PostgreSQL is still running"; exit 1; fi

# A second start keeps the data: the password printed at the first start still signs in.
password=$(sed -n 's/.*Sign in as admin@example.com with password \([^ ]*\).*/\1/p' "$log" | head -1)
[ -n "$password" ] || { echo "no generated password in the first banner"; exit 1; }
setsid npm start >"$log.2" 2>&1 &
pid=$!
for i in $(seq 1 120); do curl -fsS "http://localhost:$PORT/readyz" >/dev/null 2>&1 && break; sleep 1; done
if grep -q "with password" "$log.2"; then echo "the second start generated a new password: data was not kept"; exit 1; fi
curl -fsS -c "$AIRLOCK_DATA_DIR/cookies" -X POST "http://localhost:$PORT/api/auth/login" -H 'Content-Type: application/json' \
  -H "Origin: http://localhost:$PORT" -d "{\"email\":\"admin@example.com\",\"password\":\"$password\"}" >/dev/null || { echo "the first start's password no longer works"; exit 1; }
kill -INT -- "-$pid"
for i in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
echo "smoke test passed"
