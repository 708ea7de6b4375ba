#!/usr/bin/env bash
# `personas me` benchmark (issue 6): 1,000 generated Claude Code sessions (~375 MB) to a finished
# personal page. Wall time and peak RSS under /usr/bin/time -v, RUNS runs, median reported; beside
# it `personas ingest` and `personas classify` on the same logs, to show where the time goes.
#
#   bench/me.sh                     # 3 runs
#   RUNS=5 JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/me.sh
#
# Data is generated (deterministic seed) under $DATA, never in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DATA=${DATA:-/tmp/personas-me-bench}
SEED=${SEED:-42}
JAVA_OPTS=${JAVA_OPTS:-}

[ -f target/personas.jar ] || mvn -B -q package -DskipTests
if [ ! -f "$DATA/.done" ]; then
  rm -rf "$DATA"
  python3 bench/gen_claude_logs.py "$DATA/logs" 1000 --seed "$SEED" --sessions 1000
  touch "$DATA/.done"
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command under /usr/bin/time -v; prints "wall_seconds rss_mb".
measure() {
  local out; out=$(mktemp)
  /usr/bin/time -v -o "$out" bash -c "$1" >/dev/null 2>>"$out.err" || { cat "$out.err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out")
  rm -f "$out" "$out.err"
  echo "$wall $rss"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "data: $(find "$DATA/logs" -name '*.jsonl' -not -path '*subagents*' | wc -l) sessions, $(du -sm "$DATA/logs" | cut -f1) MB"
for step in ingest classify me; do
  case $step in
    ingest) cmd="java $JAVA_OPTS -jar target/personas.jar ingest $DATA/logs" ;;
    classify) cmd="java $JAVA_OPTS -jar target/personas.jar classify $DATA/logs --json" ;;
    me) cmd="java $JAVA_OPTS -jar target/personas.jar me $DATA/logs --out $DATA/site-me --quiet" ;;
  esac
  walls=(); rsss=()
  for _ in $(seq "$RUNS"); do
    read -r w r < <(measure "$cmd")
    walls+=("$w"); rsss+=("$r")
  done
  printf '%-9s wall median %5.2f s (runs: %s)  peak RSS max %4d MB (runs: %s)\n' "$step" \
    "$(printf '%s\n' "${walls[@]}" | median)" "${walls[*]}" \
    "$(printf '%s\n' "${rsss[@]}" | sort -g | tail -1)" "${rsss[*]}"
done
