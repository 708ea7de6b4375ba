#!/usr/bin/env python3
"""Finds labelled sessions that hold the same conversation as another of the same person.

Claude Code can copy a conversation into a new file (a resumed or forked session), so two files
of the corpus may share much of their content. A calibration session that shares content with a
held-out one would let tuning see part of the held-out half; such sessions are set aside (split
`set-aside` in sessions.tsv): still labelled and counted in the readers' agreement, used neither
for tuning nor for the reported figures.

Usage: python3 corpus/labelling/overlaps.py DIR > corpus/overlaps.tsv
DIR holds the files laid out <owner>+<name>/<path>, as refetch.py --offline reads them.

Two sessions overlap when at least 5 message bodies (the `message` or `payload` object of a line,
over 200 characters as JSON with sorted keys, so ids and timestamps do not count) are in both,
and they are at least 30 % of the smaller session's. Standard library only.
"""
import csv
import hashlib
import itertools
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = os.path.join(ROOT, "corpus", "sources.tsv")
SESSIONS = os.path.join(ROOT, "src", "main", "resources", "dev", "personas", "classify", "real", "sessions.tsv")
MIN_SHARED = 5
MIN_SHARE = 0.3


def bodies(path):
    out = set()
    with open(path, "rb") as f:
        for line in f:
            try:
                o = json.loads(line)
            except ValueError:
                continue
            body = o.get("message") or o.get("payload") if isinstance(o, dict) else None
            if body is None:
                continue
            text = json.dumps(body, sort_keys=True)
            if len(text) > 200:
                out.add(hashlib.sha1(text.encode()).digest())
    return out


def main(folder):
    sources = {r["session"]: r for r in csv.DictReader(open(SOURCES, encoding="utf-8"), delimiter="\t")}
    sessions = {r["session"]: r for r in csv.DictReader(open(SESSIONS, encoding="utf-8"), delimiter="\t")}
    seen = {s: bodies(os.path.join(folder, r["repo"].replace("/", "+", 1), r["path"])) for s, r in sources.items()}
    print("session\tsplit\tother\tother_split\tshared\tsession_bodies\tother_bodies")
    for a, b in itertools.combinations(sorted(seen), 2):
        if sessions[a]["person"] != sessions[b]["person"] or not seen[a] or not seen[b]:
            continue
        shared = len(seen[a] & seen[b])
        if shared >= MIN_SHARED and shared >= MIN_SHARE * min(len(seen[a]), len(seen[b])):
            print(f"{a}\t{sessions[a]['split']}\t{b}\t{sessions[b]['split']}\t{shared}\t{len(seen[a])}\t{len(seen[b])}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
