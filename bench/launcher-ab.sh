#!/usr/bin/env bash
# A/B of two builds of personas as users run them, each through its own launcher and with its own
# cache folder (class-data archive, analyses, share cards), interleaved so a change in the
# machine's load hits both: --version, a cold build (--no-cache), a build of unchanged data,
# --no-data builds of the repository's pages and of bench/render-vs-hugo.sh's 1,020, classify and
# me on bench/read-vs-python.sh's 1,000 Claude Code sessions, and Python's json.loads on the same
# files. Prints one line per run: step, variant, wall s, CPU s, peak RSS MiB, load before.
#
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -B -q package -DskipTests)
#   BASE=/tmp/base RUNS=5 bench/launcher-ab.sh            # base: /tmp/base; new: this checkout
#   STEPS="warm own20" BASE=/tmp/base bench/launcher-ab.sh
#
# Run bench/read-vs-python.sh and bench/render-vs-hugo.sh once first: they generate the data.
# Outputs go under $OUT; compare them with diff -r afterwards (the repository's pages are each
# checkout's own, so they differ where the checkouts' templates and content do).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BASE=${BASE:?BASE names a checkout of the base commit with its jar built}
RUNS=${RUNS:-5}
OUT=${OUT:-/tmp/personas-launcher-ab}
LOGS=${LOGS:-/tmp/personas-read-bench/claude/logs}
PAGES=${PAGES:-/tmp/personas-render-bench/personas}
[ -d "$LOGS" ] && [ -d "$PAGES" ] || { echo "generate the data first (read-vs-python.sh, render-vs-hugo.sh)" >&2; exit 2; }
mkdir -p "$OUT"

cmd() { # variant step
  local root=$here
  [ "$1" = base ] && root=$BASE
  local run="env XDG_CACHE_HOME=$OUT/cache-$1 PERSONAS_JAR=$root/target/personas.jar $root/bin/personas"
  case $2 in
    version) echo "$run --version" ;;
    # Each variant builds its own checkout's pages: a base's templates need not fit the new jar.
    cold) echo "cd $root && $run build --no-cache --quiet --out $OUT/$1-cold" ;;
    warm) echo "cd $root && $run build --quiet --out $OUT/$1-warm" ;;
    own20) echo "cd $root && $run build --no-data --quiet --out $OUT/$1-own20" ;;
    r1020) echo "cd $PAGES && $run build --no-data --quiet --out $OUT/$1-r1020" ;;
    classify) echo "$run classify $LOGS --json > $OUT/$1-classify.json" ;;
    me) echo "$run me $LOGS --out $OUT/$1-me --quiet" ;;
    python) echo "find $LOGS -name '*.jsonl' | sort | taskset -c 0 python3 $here/bench/json_loads.py" ;;
  esac
}

# Untimed: each variant's first build writes its class-data archive, analysis and cards.
for v in base new; do
  rm -rf "$OUT/cache-$v"
  bash -c "$(cmd $v warm)" >/dev/null 2>&1
  bash -c "$(cmd $v r1020)" >/dev/null 2>&1
done
for run in $(seq "$RUNS"); do
  for step in ${STEPS:-version cold warm own20 r1020 classify me python}; do
    for v in base new; do
      [ "$step" = python ] && [ "$v" = new ] && continue
      load=$(cut -d' ' -f1 /proc/loadavg)
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" bash -c "$(cmd $v $step)" >/dev/null 2>&1
      read -r w u s m < "$OUT/time"
      echo "$step $v $w $(echo "$u + $s" | bc) $((m / 1024)) load $load"
    done
  done
done
