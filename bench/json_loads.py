#!/usr/bin/env python3
"""Baseline for bench/ingest.sh: json.loads on every line of the files named on stdin (parse only)."""
import json, sys

lines = 0
for name in sys.stdin.read().split("\n"):
    if not name:
        continue
    with open(name, "rb") as f:
        for line in f:
            if line.strip():
                json.loads(line)
                lines += 1
print(lines, file=sys.stderr)
