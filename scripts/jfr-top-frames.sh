#!/usr/bin/env bash
# Prints the hottest top frames of a JFR recording: the methods most often on top of the stack in its
# jdk.ExecutionSample events (CPU samples of running Java threads), with their share of all samples, then the
# threads those samples came from. Lines of one method count together.
# Usage: scripts/jfr-top-frames.sh FILE.jfr [HOW_MANY]   (HOW_MANY defaults to 20; set JFR= to choose the jfr tool)
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 FILE.jfr [HOW_MANY]" >&2
  exit 2
fi
file=$1
top=${2:-20}
jfr=${JFR:-$(command -v jfr || ls /usr/lib/jvm/*/bin/jfr 2>/dev/null | head -n 1)}
if [ -z "$jfr" ]; then
  echo "no jfr tool found: install a JDK or set JFR=/path/to/jdk/bin/jfr" >&2
  exit 2
fi
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
# One line per sample: thread name, tab, top frame without its line number.
"$jfr" print --events jdk.ExecutionSample --stack-depth 1 "$file" | awk '
  /^jdk.ExecutionSample/ { thread = ""; want = 0 }
  /^[[:space:]]*sampledThread = / { thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*$/, "", thread) }
  /^[[:space:]]*stackTrace = \[/ { want = 1; next }
  want == 1 {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*$/, "", frame)
    print thread "\t" frame; want = 0
  }' > "$samples"
total=$(wc -l < "$samples")
if [ "$total" -eq 0 ]; then
  echo "no jdk.ExecutionSample events in $file (record with settings=profile or settings=default)" >&2
  exit 1
fi
echo "$total execution samples in $file"
echo
echo "top $top frames:"
cut -f2 "$samples" | sort | uniq -c | sort -rn | head -n "$top" \
  | awk -v total="$total" '{ n = $1; $1 = ""; printf "%6d %5.1f%% %s\n", n, 100 * n / total, substr($0, 2) }'
echo
echo "by thread (numbers in names folded, e.g. vert.x-eventloop-thread-N):"
cut -f1 "$samples" | sed -E 's/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -n 10 \
  | awk -v total="$total" '{ n = $1; $1 = ""; printf "%6d %5.1f%% %s\n", n, 100 * n / total, substr($0, 2) }'
