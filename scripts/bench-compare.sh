#!/usr/bin/env bash
# Runs bench-judging (1 and 10 marks per request, one node; 1 mark on two nodes) and bench-viewers (10,000 viewers)
# against one server jar, with a JFR recording of the one-node, one-mark load; prints everything to stdout.
# Usage: scripts/bench-compare.sh SERVER.jar OUT_DIR [LOAD.jar]
# Run it once with the earlier release's jar and once with this one's, on a quiet machine, to compare.
set -euo pipefail
server_jar=$1
out=$2
load_jar=${3:-load/target/jiangxin-load.jar}
mkdir -p "$out"
db=jx_bench_$$
pg=postgresql://postgres@127.0.0.1:5432/$db
code=BENCH-ORGANIZER-1
pids=()
stop_servers() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_servers EXIT

start_server() { # port cluster-port members [jvm options...]
  local port=$1 cport=$2 members=$3; shift 3
  java "$@" -jar "$server_jar" --port "$port" --cluster-port "$cport" ${members:+--cluster-members "$members"} \
    --database-url "$pg" --organizer-code "$code" > "$out/server-$port.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done
}

fresh_db() { dropdb -h 127.0.0.1 -U postgres --if-exists "$db"; createdb -h 127.0.0.1 -U postgres "$db"; }

judging() { # label marks targets
  echo "=== $1"
  java -jar "$load_jar" bench-judging --targets "$3" --organizer-code "$code" --database-url "$pg" \
    --judges 200 --seconds 15 --marks-per-request "$2"
}

fresh_db
start_server 18181 15901 "" -XX:StartFlightRecording=filename="$out/one-node-one-mark.jfr",settings=profile,dumponexit=true
judging "1 node, 1 mark per request" 1 http://127.0.0.1:18181
stop_servers

fresh_db
start_server 18181 15901 ""
judging "1 node, 10 marks per request" 10 http://127.0.0.1:18181
stop_servers

fresh_db
start_server 18181 15901 "127.0.0.1:15901,127.0.0.1:15902"
start_server 18182 15902 "127.0.0.1:15901,127.0.0.1:15902"
judging "2 nodes, 1 mark per request" 1 http://127.0.0.1:18181,http://127.0.0.1:18182
stop_servers

fresh_db
start_server 18181 15901 ""
echo "=== 1 node, 10,000 viewers"
java -jar "$load_jar" bench-viewers --targets http://127.0.0.1:18181 --organizer-code "$code" --viewers 10000 \
  --rate 20 --seconds 15
stop_servers
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
echo "=== JFR top frames (1 node, 1 mark per request; whole life of the server)"
bash "$(dirname "$0")/jfr-top-frames.sh" "$out/one-node-one-mark.jfr" 25
