#!/usr/bin/env bash
# Measures the time from `java -jar` to the first healthy /health, and the server's resident memory then.
# Usage: scripts/measure-startup.sh [server flags...]   e.g. --database-url postgresql://postgres@127.0.0.1:5432/db
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18090}
start=$(date +%s%N)
java -jar server/target/jiangxin-server.jar --port "$port" "$@" > "${LOG:-/tmp/jiangxin-startup.log}" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  if curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
    end=$(date +%s%N)
    rss=$(awk '/VmRSS/ {print $2 " " $3}' /proc/$pid/status)
    echo "healthy after $(( (end - start) / 1000000 )) ms; resident set $rss"
    if [ -n "${THEN:-}" ]; then eval "$THEN"; echo "after THEN: resident set $(awk '/VmRSS/ {print $2 " " $3}' /proc/$pid/status)"; fi
    exit 0
  fi
  if ! kill -0 $pid 2>/dev/null; then echo "server exited; see ${LOG:-/tmp/jiangxin-startup.log}"; exit 1; fi
  sleep 0.05
done
echo "not healthy within 60 s"; exit 1
