#!/usr/bin/env bash
# Reading a person's own logs (issue 15): `personas classify --json` (read, featurize, classify,
# print) and `personas me` (the same plus the page) against Python's json.loads on every line of
# the same files (parse only, one core), in the same run. personas may use every core; Python
# uses one. Each command runs RUNS times, interleaved (python, classify, me, python, ...) so a
# change in the machine's load hits all of them; medians of wall time and CPU time (user+sys),
# the largest peak RSS, and the load average before every run are printed.
#
#   bench/read-vs-python.sh                          # Claude Code, 1,000 sessions, 3 runs
#   SET=codex bench/read-vs-python.sh                # Codex rollouts, ~375 MB
#   RUNS=5 JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/read-vs-python.sh
#   BASE_JAR=/tmp/base/personas.jar STEPS="python classify classify@base classify+c1" bench/read-vs-python.sh
#   STEPS="python classify+bin me+bin" bench/read-vs-python.sh   # through bin/personas
#
# "x python" is Python's wall time over personas' (higher is faster; issue 15 asks >= 2.6 for
# classify). Data is generated (deterministic seed) under $DATA, never in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SET=${SET:-claude}
DATA=${DATA:-/tmp/personas-read-bench}
SEED=${SEED:-42}
JAVA_OPTS=${JAVA_OPTS:-}
STEPS=${STEPS:-"python classify me"}
BASE_JAR=${BASE_JAR:-}
[[ -z $BASE_JAR && $STEPS == *@base* ]] && { echo "an @base step needs BASE_JAR" >&2; exit 2; }

[ -f target/personas.jar ] || mvn -B -q -o package -DskipTests
case $SET in
  claude) logs="$DATA/claude/logs"
    [ -f "$DATA/claude/.done" ] || { rm -rf "$DATA/claude"
      python3 bench/gen_claude_logs.py "$logs" 1000 --seed "$SEED" --sessions 1000; touch "$DATA/claude/.done"; } ;;
  codex) logs="$DATA/codex/logs/sessions"
    [ -f "$DATA/codex/.done" ] || { rm -rf "$DATA/codex"
      python3 bench/gen_codex_logs.py "$DATA/codex/logs" 375 --seed "$SEED"; touch "$DATA/codex/.done"; } ;;
  *) echo "SET is claude or codex" >&2; exit 2 ;;
esac
list="$DATA/$SET.files"
find "$logs" -name '*.jsonl' | sort > "$list"
bytes=$(xargs -a "$list" cat | wc -c)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command under /usr/bin/time -v; prints "wall_seconds cpu_seconds rss_mb".
measure() {
  local out; out=$(mktemp)
  /usr/bin/time -v -o "$out" bash -c "$1" >/dev/null 2>>"$out.err" || { cat "$out.err" >&2; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$out")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out")
  rm -f "$out" "$out.err"
  echo "$wall $cpu $rss"
}

# The launcher keeps one class-data archive per cache folder: each jar gets a folder of its own.
cds_of() { echo "$DATA/cds/$(echo "$1" | cksum | cut -d' ' -f1)"; }

# A step is python, classify or me; "@base" runs $BASE_JAR instead of target/personas.jar (the
# code before a change, in the same run), "+c1" adds -XX:TieredStopAtLevel=1 (C1 JIT only),
# "+bin" runs it through bin/personas as users do (its JVM flags and class-data archive, kept
# under $DATA/cds, one folder per jar, and written by an untimed build first; with JAVA_OPTS
# or "+c1" the launcher takes those flags in place of its own, as it does for users).
command_of() {
  local jar=target/personas.jar opts=$JAVA_OPTS java
  [[ $1 == *@base* ]] && jar=$BASE_JAR
  [[ $1 == *+c1* ]] && opts="$opts -XX:TieredStopAtLevel=1"
  java="java $opts -jar $jar"
  if [[ $1 == *+bin* ]]; then
    # The launcher takes a JAVA_OPTS that is set, even empty, in place of its own flags.
    local where="XDG_CACHE_HOME='$(cds_of "$jar")' PERSONAS_JAR='$jar'"
    java="env -u JAVA_OPTS $where bin/personas"
    [ -n "$opts" ] && java="env JAVA_OPTS='$opts' $where bin/personas"
  fi
  case ${1%%[@+]*} in
    python) echo "taskset -c 0 python3 bench/json_loads.py < '$list'" ;;
    classify) echo "$java classify '$logs' --json" ;;
    me) echo "$java me '$logs' --out '$DATA/site-$SET' --quiet" ;;
  esac
}

# The launcher writes its class-data archive in a build: one untimed build per jar first.
for step in $STEPS; do
  if [[ $step == *+bin* ]]; then
    jar=target/personas.jar; [[ $step == *@base* ]] && jar=$BASE_JAR
    env -u JAVA_OPTS XDG_CACHE_HOME="$(cds_of "$jar")" PERSONAS_JAR="$jar" bin/personas build --quiet \
      --out "$DATA/cds-site" >/dev/null
  fi
done

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(python3 --version)"
echo "# data: $SET, $(wc -l < "$list") files, $bytes bytes; JAVA_OPTS='$JAVA_OPTS'; RUNS=$RUNS"
declare -A walls cpus peaks
loads=()
for run in $(seq "$RUNS"); do
  for step in $STEPS; do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    read -r w c r < <(measure "$(command_of "$step")")
    echo "#   run $run $step: wall $w s, cpu $c s, peak RSS $r MB, load before ${loads[-1]}"
    walls[$step]+="$w "; cpus[$step]+="$c "; peaks[$step]+="$r "
  done
done
echo "# load average (1 min) before the runs: ${loads[*]}"
py=$(printf '%s\n' ${walls[python]:-0} | median)
printf '%-14s %8s %8s %8s %9s %11s   %s\n' step "wall s" "MB/s" "x python" "cpu s" "peak RSS MB" "wall runs"
for step in $STEPS; do
  w=$(printf '%s\n' ${walls[$step]} | median)
  c=$(printf '%s\n' ${cpus[$step]} | median)
  r=$(printf '%s\n' ${peaks[$step]} | sort -g | tail -1)
  awk -v b="$bytes" -v w="$w" -v p="$py" -v c="$c" -v r="$r" -v s="$step" -v runs="${walls[$step]}" \
    'BEGIN { printf "%-14s %8.2f %8.1f %8.2f %9.2f %11s   %s\n", s, w, b/1e6/w, (p > 0 ? p/w : 0), c, r, runs }'
done
