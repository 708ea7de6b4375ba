#!/usr/bin/env bash
# Cold build benchmark (issue 15): `personas build --no-cache` on the bundled sample (5,800
# sessions at SWE-chat's size), RUNS runs per jar; prints each run and the medians of wall time,
# CPU time (user + system) and peak RSS (/usr/bin/time -v), with the load average before each run.
#
#   bench/cold-build.sh                            # target/personas.jar, 3 runs
#   RUNS=5 bench/cold-build.sh
#   JARS="/tmp/main.jar target/personas.jar" bench/cold-build.sh   # before/after in one run
#   LAUNCHER=1 JARS="/tmp/main.jar target/personas.jar" bench/cold-build.sh   # as users run it
#
# With LAUNCHER=1 each build runs through bin/personas (PERSONAS_JAR=jar: C1 alone and the
# class-data archive), each jar with its own archive under $OUT (written by an untimed build
# first); otherwise through `java -jar`. Runs alternate between the jars, so a change in the
# machine's load falls on all of them. The sample is generated on first use (not timed); sites go
# under $OUT, one folder per jar, and the script says whether they are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
JARS=${JARS:-target/personas.jar}
OUT=${OUT:-/tmp/personas-cold-bench}
LAUNCHER=${LAUNCHER:-}

for jar in $JARS; do
  [ -f "$jar" ] || { [ "$jar" = target/personas.jar ] && mvn -B -q -o -DskipTests package; }
done
mkdir -p "$OUT"
# Generates the bundled sample once, outside the timings (a warm build: the analysis cache).
java -jar "$(echo "$JARS" | awk '{print $1}')" build --out "$OUT/warmup" >/dev/null
if [ -n "$LAUNCHER" ]; then
  # Each jar's class-data archive, written by the launcher's first build (untimed).
  i=0
  for jar in $JARS; do
    i=$((i + 1))
    rm -rf "$OUT/cds-$i"
    XDG_CACHE_HOME="$OUT/cds-$i" PERSONAS_JAR="$jar" bin/personas build --no-cache --quiet \
      --out "$OUT/warmup-$i" >/dev/null
  done
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs one cold build of the i-th jar; prints "wall_s cpu_s rss_mb".
measure() {
  local jar=$1 i=$2 site=$OUT/site-$2 log; log=$(mktemp)
  rm -rf "$site"
  if [ -n "$LAUNCHER" ]; then
    XDG_CACHE_HOME="$OUT/cds-$i" PERSONAS_JAR="$jar" /usr/bin/time -v -o "$log" \
      bin/personas build --no-cache --out "$site" >/dev/null 2>"$log.err" \
      || { cat "$log.err" >&2; exit 1; }
  else
    /usr/bin/time -v -o "$log" java -jar "$jar" build --no-cache --out "$site" >/dev/null 2>"$log.err" \
      || { cat "$log.err" >&2; exit 1; }
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, cpu, rss }' "$log"
  rm -f "$log" "$log.err"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1); RUNS=$RUNS${LAUNCHER:+, through bin/personas}"
printf '%-40s %4s %12s %8s %8s %8s\n' jar run "load avg" "wall s" "cpu s" "RSS MB"
declare -A walls cpus rsss
n=$(echo $JARS | wc -w)
for run in $(seq "$RUNS"); do
  i=0
  for jar in $JARS; do
    i=$((i + 1))
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r wall cpu rss < <(measure "$jar" "$i")
    printf '%-40s %4s %12s %8s %8s %8s\n' "$jar" "$run" "$load" "$wall" "$cpu" "$rss"
    walls[$jar]+="$wall "; cpus[$jar]+="$cpu "; rsss[$jar]+="$rss "
  done
done
echo "# medians"
for jar in $JARS; do
  printf '%-40s wall %6.2f s   cpu %6.2f s   peak RSS %6.0f MB\n' "$jar" \
    "$(printf '%s\n' ${walls[$jar]} | median)" "$(printf '%s\n' ${cpus[$jar]} | median)" \
    "$(printf '%s\n' ${rsss[$jar]} | median)"
done
i=$n
if [ "$i" -gt 1 ]; then
  for k in $(seq 2 "$i"); do
    diff -rq "$OUT/site-1" "$OUT/site-$k" >/dev/null && echo "# site-$k identical to site-1" \
      || echo "# site-$k DIFFERS from site-1"
  done
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
