#!/usr/bin/env bash
# Ingestion benchmark (issue 3): MB/s and peak RSS of `personas ingest` on generated Claude Code
# logs, side by side with `jq -c . >/dev/null` and Python json.loads per line over the same files.
# Every command is pinned to one core (taskset) and run RUNS times; the median is reported.
#
#   bench/ingest.sh                 # 100 MB and 1 GB, 3 runs each
#   SIZES="100" RUNS=5 bench/ingest.sh
#   TOOLS="features features-c1 features-64m jq python" bench/ingest.sh   # with featurization
#
# Data is generated (deterministic seed) under $DATA, never in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"100 1000"}
DATA=${DATA:-/tmp/personas-bench}
CPU=${CPU:-0}
SEED=${SEED:-42}
TOOLS=${TOOLS:-"personas personas-c1 jq python"}

command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }
[ -f target/personas.jar ] || mvn -B -q package -DskipTests

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command under /usr/bin/time -v; prints "wall_seconds cpu_seconds rss_mb".
measure() {
  local out; out=$(mktemp)
  /usr/bin/time -v -o "$out" taskset -c "$CPU" bash -c "$1" >/dev/null 2>>"$out.err" || { cat "$out.err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$out")
  rm -f "$out" "$out.err"
  echo "$wall $cpu $rss"
}

echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; RUNS=$RUNS; core $CPU"
printf '%-8s %-12s %9s %9s %7s %9s %11s %7s %11s\n' size tool "wall s" "MB/s" "x jq" "cpu s" "MB/cpu-s" "x jq" "peak RSS MB"
for size in $SIZES; do
  dir="$DATA/claude-${size}m"
  [ -d "$dir" ] || python3 bench/gen_claude_logs.py "$dir" "$size" --seed "$SEED" >/dev/null
  list="$dir.files"
  find "$dir" -name '*.jsonl' | sort > "$list"
  bytes=$(xargs -a "$list" cat | wc -c)
  declare -A secs cpus rss
  for tool in $TOOLS; do
    case $tool in
      personas) cmd="java -jar target/personas.jar ingest '$dir'" ;;
      # C1 only: on one core the C2 compiler's warm-up costs more than it gains (see BENCHMARKS.md)
      personas-c1) cmd="java -XX:TieredStopAtLevel=1 -jar target/personas.jar ingest '$dir'" ;;
      # a 64 MB heap: memory stays flat however large the input
      personas-64m) cmd="java -Xmx64m -XX:TieredStopAtLevel=1 -jar target/personas.jar ingest '$dir'" ;;
      # ingestion + featurization: the per-session work `personas build` does while reading
      features) cmd="java -jar target/personas.jar ingest --features '$dir'" ;;
      features-c1) cmd="java -XX:TieredStopAtLevel=1 -jar target/personas.jar ingest --features '$dir'" ;;
      features-64m) cmd="java -Xmx64m -XX:TieredStopAtLevel=1 -jar target/personas.jar ingest --features '$dir'" ;;
      jq) cmd="xargs -a '$list' cat | jq -c . >/dev/null" ;;
      python) cmd="python3 bench/json_loads.py < '$list'" ;;
    esac
    times=(); cputimes=(); peaks=()
    for _ in $(seq "$RUNS"); do
      read -r s c r < <(measure "$cmd")
      times+=("$s"); cputimes+=("$c"); peaks+=("$r")
    done
    secs[$tool]=$(printf '%s\n' "${times[@]}" | median)
    cpus[$tool]=$(printf '%s\n' "${cputimes[@]}" | median)
    rss[$tool]=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)
  done
  for tool in $TOOLS; do
    awk -v b="$bytes" -v s="${secs[$tool]}" -v j="${secs[jq]:-0}" -v c="${cpus[$tool]}" -v jc="${cpus[jq]:-0}" \
      -v r="${rss[$tool]}" -v t="$tool" -v z="${size}MB" \
      'BEGIN { printf "%-8s %-12s %9.2f %9.1f %7.2f %9.2f %11.1f %7.2f %11s\n", z, t, s, b/1e6/s, j/s, c, b/1e6/c, jc/c, r }'
  done
done
