#!/usr/bin/env python3
"""What the rules would read if every prompt were counted as the readers read it.

Usage: python3 corpus/labelling/prompt_oracle.py

For the sessions of the prompt-level study whose every typed prompt was labelled (25 or fewer),
replaces a per-prompt count of sessions.tsv with the readers' (reader A's role, as the readers
agreed on 94 % of roles) and runs the rules (rules_named.py, the mirror of TypeRules) on the result:
corrections as markups and re-asks right after an edit, the question share as the share of
questions, vague fix requests as re-asks, and all three at once.
"""
import collections
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import rules_named as R  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SESSIONS = os.path.join(ROOT, "src", "main", "resources", "dev", "personas", "classify", "real", "sessions.tsv")
LABELS = os.path.join(ROOT, "corpus", "prompt-labels.tsv")
FIXED = ("session", "person", "agent", "split", "round", "reader_a", "reader_b", "type", "runner_up")


def main():
    with open(SESSIONS, newline="") as f:
        rows = {r["session"]: r for r in csv.DictReader(f, delimiter="\t")}
    prompts = collections.defaultdict(list)
    with open(LABELS, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            prompts[r["session"]].append(r)
    whole = [s for s, ps in prompts.items() if len(ps) == int(float(rows[s]["prompts"]))]
    t = R.java_thresholds()

    def corrections(f, ps):
        f["corrections"] = sum(p["a_role"] in ("markup", "reask") and p["edited_before"] == "1" for p in ps)

    def questions(f, ps):
        f["question_share"] = sum(p["a_role"] == "question" for p in ps) / max(1, len(ps))

    def reasks(f, ps):
        f["vague_fix_requests"] = sum(p["a_role"] == "reask" for p in ps)

    def every(f, ps):
        corrections(f, ps), questions(f, ps), reasks(f, ps)

    print(f"{len(whole)} sessions with every typed prompt labelled (of {len(prompts)} in the study)")
    for name, change in (("as counted", None), ("corrections as the readers read them", corrections),
                         ("question share as the readers read it", questions),
                         ("vague re-asks as the readers read them", reasks), ("all three", every)):
        right = 0
        for s in whole:
            f = {k: float(v) for k, v in rows[s].items() if k not in FIXED}
            if change:
                change(f, prompts[s])
            right += R.best(f, t) == rows[s]["type"]
        print(f"  {name:<40} {right} of {len(whole)}")


if __name__ == "__main__":
    main()
