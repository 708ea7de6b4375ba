#!/usr/bin/env bash
# `personas serve` save-to-visible latency (issue 15): the repository's site served by the
# project's server with one page open in headless Chromium (Debian's chromium and chromedriver);
# EDITS edits of a Markdown page, then of a template; from just before the file is written to the
# reloaded page's first contentful paint. Prints each edit and the medians.
#
#   bench/serve-latency.sh            # 12 edits each
#   EDITS=20 bench/serve-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS=${EDITS:-12}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null || true)"
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.personas.site.LiveReloadBenchmark "$EDITS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
