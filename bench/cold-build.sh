#!/usr/bin/env bash
# Cold build benchmark (issue 15): `personas build --no-cache` on the bundled sample (5,800
# sessions at SWE-chat's size), RUNS runs per jar; prints each run and the medians of wall time,
# CPU time (user + system) and peak RSS (/usr/bin/time -v), with the load average before each run.
#
#   bench/cold-build.sh                            # target/personas.jar, 3 runs
#   RUNS=5 bench/cold-build.sh
#   JARS="/tmp/main.jar target/personas.jar" bench/cold-build.sh   # before/after in one run
#
# The sample is generated on first use (not timed); sites go under $OUT, one folder per jar, and
# the script says whether they are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
JARS=${JARS:-target/personas.jar}
OUT=${OUT:-/tmp/personas-cold-bench}

for jar in $JARS; do
  [ -f "$jar" ] || { [ "$jar" = target/personas.jar ] && mvn -B -q -o -DskipTests package; }
done
mkdir -p "$OUT"
# Generates the bundled sample once, outside the timings (a warm build: the analysis cache).
java -jar "$(echo "$JARS" | awk '{print $1}')" build --out "$OUT/warmup" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs one cold build; prints "wall_s cpu_s rss_mb".
measure() {
  local jar=$1 site=$2 log; log=$(mktemp)
  rm -rf "$site"
  /usr/bin/time -v -o "$log" java -jar "$jar" build --no-cache --out "$site" >/dev/null 2>"$log.err" \
    || { cat "$log.err" >&2; exit 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$log"
  rm -f "$log" "$log.err"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1); RUNS=$RUNS"
printf '%-40s %4s %12s %8s %8s %8s\n' jar run "load avg" "wall s" "cpu s" "RSS MB"
declare -A walls cpus rsss
i=0
for jar in $JARS; do
  i=$((i + 1))
  w=(); c=(); r=()
  for run in $(seq "$RUNS"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r wall cpu rss < <(measure "$jar" "$OUT/site-$i")
    printf '%-40s %4s %12s %8s %8s %8s\n' "$jar" "$run" "$load" "$wall" "$cpu" "$rss"
    w+=("$wall"); c+=("$cpu"); r+=("$rss")
  done
  walls[$jar]=$(printf '%s\n' "${w[@]}" | median)
  cpus[$jar]=$(printf '%s\n' "${c[@]}" | median)
  rsss[$jar]=$(printf '%s\n' "${r[@]}" | median)
done
echo "# medians"
for jar in $JARS; do
  printf '%-40s wall %6.2f s   cpu %6.2f s   peak RSS %6.0f MB\n' "$jar" "${walls[$jar]}" "${cpus[$jar]}" "${rsss[$jar]}"
done
if [ "$i" -gt 1 ]; then
  for k in $(seq 2 "$i"); do
    diff -rq "$OUT/site-1" "$OUT/site-$k" >/dev/null && echo "# site-$k identical to site-1" \
      || echo "# site-$k DIFFERS from site-1"
  done
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
