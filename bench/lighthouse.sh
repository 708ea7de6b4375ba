#!/usr/bin/env bash
# Lighthouse (issue 15): performance >= 98, accessibility, best practices and SEO = 100 on one
# page of every type, served gzip-compressed like GitHub Pages (bench/gzip_server.py).
# Lighthouse's mobile defaults (simulated throttling: slow 4G, 4x CPU slowdown), headless
# Chromium; RUNS runs per page, the median of each score and metric is printed.
# Exits 1 when a median score is under its target.
#
#   bench/lighthouse.sh                      # builds the sample site with a personal page
#   SITE=/tmp/lh-site bench/lighthouse.sh    # an already built site (its /me/ is optional)
#   RUNS=5 PAGES="/ /find-your-persona/" bench/lighthouse.sh
#
# Lighthouse is pinned in bench/lighthouse/package.json and installed there on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-8931}
CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
export CHROME_PATH
OUT=${OUT:-$(mktemp -d /tmp/lighthouse-XXXXXX)}
mkdir -p "$OUT"
PAGES=${PAGES:-"/ /session-types/marathon/ /personas/showrunner/ /method/ /data/ /find-your-persona/ /me/ /404.html"}

if [ -z "${SITE:-}" ]; then
  SITE=/tmp/personas-lighthouse-site
  [ -f target/personas.jar ] || mvn -B -q -o -DskipTests package
  java -jar target/personas.jar build --out "$SITE" \
    --me src/test/resources/golden/me/showrunner/me.json >/dev/null
fi
[ -d bench/lighthouse/node_modules/lighthouse ] || (cd bench/lighthouse && npm ci --no-audit --no-fund >/dev/null)
LIGHTHOUSE=bench/lighthouse/node_modules/.bin/lighthouse

python3 bench/gzip_server.py "$SITE" "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done

echo "lighthouse $("$LIGHTHOUSE" --version), $("$CHROME_PATH" --version 2>/dev/null), $RUNS runs a page"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in $PAGES; do
  name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')
  for run in $(seq "$RUNS"); do
    "$LIGHTHOUSE" "http://127.0.0.1:$PORT$page" --quiet --output=json \
      --output-path="$OUT/$name.$run.json" \
      --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>"$OUT/$name.$run.log" \
      || { echo "lighthouse failed on $page:" >&2; tail "$OUT/$name.$run.log" >&2; exit 1; }
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); reports in $OUT"
node bench/lighthouse/summarize.mjs "$OUT" $PAGES
