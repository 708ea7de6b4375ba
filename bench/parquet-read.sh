#!/usr/bin/env bash
# Read speed of the SWE-chat table reader: Parquet vs JSONL vs CSV of the same conversations table.
# Usage: bench/parquet-read.sh [ROWS]   (default 1,000,000). Results go to BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  dev.personas.load.swechat.ParquetReadBench "${1:-1000000}"
