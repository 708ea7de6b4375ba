#!/usr/bin/env python3
"""Entire's transcript.jsonl against the Claude Code log it was made from, on a real Entire branch.

Usage: python3 corpus/entire_pairs.py CHECKOUT [JAR]

CHECKOUT is a checkout of a repository's Entire checkpoint branch (entire/checkpoints/v1), or any
folder holding its checkpoints. For every session kept in both forms at the same checkpoint
(`<checkpoint>/<n>/full.jsonl` and `<checkpoint>/<n>/transcript.jsonl`; with older layouts the
full.jsonl may sit one folder deeper, under a commit-named folder), the largest such checkpoint is
taken, each form is classified alone with `personas classify --json`, and the two are compared:
the session type and every feature. The README's figure for JanDeDobbeleer/oh-my-posh (41 of 41
types) is this script's output on that repository's branch.
"""
import collections
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def first_prompt_id(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if d.get("agent") != "claude-code":
                return None
            if d.get("type") == "user" and d.get("content"):
                return d["content"][0].get("id")
    return None


def classify(jar, path):
    out = subprocess.run(["java", "-jar", jar, "classify", path, "--json", "-q"], capture_output=True, text=True)
    sessions = json.loads(out.stdout)["sessions"] if out.returncode == 0 else []
    return sessions[0] if len(sessions) == 1 else None


def main(checkout, jar):
    full = {}
    for p in glob.glob(os.path.join(checkout, "**", "full.jsonl"), recursive=True):
        full["/".join(p.split(os.sep)[-4:-1])] = p
    pairs = {}
    for p in glob.glob(os.path.join(checkout, "**", "transcript.jsonl"), recursive=True):
        key = "/".join(p.split(os.sep)[-4:-1])
        prompt = first_prompt_id(p)
        if key in full and prompt and (prompt not in pairs or os.path.getsize(p) > os.path.getsize(pairs[prompt][1])):
            pairs[prompt] = (full[key], p)
    same, differ = 0, collections.Counter()
    for log, transcript in pairs.values():
        a, b = classify(jar, log), classify(jar, transcript)
        if a is None or b is None:
            print(f"not read alone: {log if a is None else transcript}")
            continue
        same += a["type"] == b["type"]
        for k, v in a["features"].items():
            if abs(v - b["features"][k]) > 1e-6 * max(1, abs(v)):
                differ[k] += 1
    print(f"{len(pairs)} sessions kept in both forms; the same session type for {same}")
    for k, n in differ.most_common():
        print(f"  {k}: differs in {n}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "personas.jar"))
