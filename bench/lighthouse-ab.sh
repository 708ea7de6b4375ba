#!/usr/bin/env bash
# Two builds of the site, measured alternately with Lighthouse (before, after, before, after…),
# so that a busy machine's load weighs on both alike; prints the medians of each, as
# bench/lighthouse.sh does. Both sites are served gzip-compressed by bench/gzip_server.py.
#
#   BEFORE=/tmp/site-main AFTER=/tmp/site-branch RUNS=5 PAGES="/method/" bench/lighthouse-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?BEFORE=<built site>}" "${AFTER:?AFTER=<built site>}"
RUNS=${RUNS:-5}
PAGES=${PAGES:-"/ /find-your-persona/"}
OUT=${OUT:-$(mktemp -d /tmp/lighthouse-ab-XXXXXX)}
CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
export CHROME_PATH
[ -d bench/lighthouse/node_modules/lighthouse ] || (cd bench/lighthouse && npm ci --no-audit --no-fund >/dev/null)
LIGHTHOUSE=bench/lighthouse/node_modules/.bin/lighthouse
mkdir -p "$OUT/before" "$OUT/after"

python3 bench/gzip_server.py "$BEFORE" 8941 & S1=$!
python3 bench/gzip_server.py "$AFTER" 8942 & S2=$!
trap 'kill $S1 $S2 2>/dev/null' EXIT
for port in 8941 8942; do
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
for page in $PAGES; do
  name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')
  for run in $(seq "$RUNS"); do
    for side in before after; do
      port=$([ "$side" = before ] && echo 8941 || echo 8942)
      "$LIGHTHOUSE" "http://127.0.0.1:$port$page" --quiet --output=json \
        --output-path="$OUT/$side/$name.$run.json" \
        --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>"$OUT/$side/$name.$run.log" \
        || { echo "lighthouse failed on $side $page:" >&2; tail "$OUT/$side/$name.$run.log" >&2; exit 1; }
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC; reports in $OUT"
for side in before after; do
  echo "$side ($([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")):"
  node bench/lighthouse/summarize.mjs "$OUT/$side" $PAGES || true
done
