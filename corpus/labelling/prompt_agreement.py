#!/usr/bin/env python3
"""The prompt-level study's figures, from corpus/prompt-labels.tsv (no text, labels and flags only).

Usage: python3 corpus/labelling/prompt_agreement.py [tune|test|all]

Prints the two blind readers' agreement on each prompt's role and flags (raw and Cohen's kappa),
then each detector of the Java reader (model versions 18 and 19) against the readers, on the
prompts both readers gave the same role (flags: on the prompts both readers flagged alike).
People were halved (tune/test) by a salted hash before any label was read; version 19's go-on
list was written from the tune half's prompts, so the test half is the figure to quote.
"""
import collections
import csv
import os
import sys

TSV = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "prompt-labels.tsv")
FLAGS = ["asks_question", "pasted", "pointer", "not_typed"]


def kappa(pairs):
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / n / n
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def line(name, pairs):
    """pairs: (detector, readers) booleans."""
    tp = sum(d and t for d, t in pairs)
    flagged, true = sum(d for d, _ in pairs), sum(t for _, t in pairs)
    precision = f"{tp / flagged:.1%}" if flagged else "-"
    recall = f"{tp / true:.1%}" if true else "-"
    print(f"  {name:<46} of {len(pairs):4}: flagged {flagged:4}, readers {true:4}, "
          f"precision {precision:>6}, recall {recall:>6}")


def main(half="all"):
    with open(TSV, newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if half == "all" or r["half"] == half]
    people = len({r["session"] for r in rows})
    print(f"{len(rows)} prompts of {people} sessions ({half})")
    roles = [(r["a_role"], r["b_role"]) for r in rows]
    print(f"role: readers agree on {sum(a == b for a, b in roles)} (kappa {kappa(roles):.2f})")
    for flag in FLAGS:
        pairs = [(r["a_" + flag], r["b_" + flag]) for r in rows]
        print(f"{flag}: readers agree on {sum(a == b for a, b in pairs)} (kappa {kappa(pairs):.2f})")
    agreed = [r for r in rows if r["a_role"] == r["b_role"]]
    print(f"roles both readers gave ({len(agreed)}):", dict(collections.Counter(r["a_role"] for r in agreed).most_common()))
    on = lambda r, col: r[col] == "1"
    steers = lambda r: r["a_role"] in ("markup", "reask")
    print("the detectors against the readers:")
    for version in ("v18", "v19"):
        line(f"{version} correction ~ markup or re-ask", [(on(r, version + "_correction"), steers(r)) for r in agreed])
    after = [r for r in agreed if on(r, "edited_before")]
    for version in ("v18", "v19"):
        line(f"{version} correction, prompts after an edit", [(on(r, version + "_correction"), steers(r)) for r in after])
        print(f"    {version} corrections, by the readers' role:",
              dict(collections.Counter(r["a_role"] for r in agreed if on(r, version + "_correction")).most_common()))
    line("v19 go-on ~ go_on", [(on(r, "v19_go_on"), r["a_role"] == "go_on") for r in agreed])
    line("question ~ question", [(on(r, "v18_question"), r["a_role"] == "question") for r in agreed])
    line("vague fix request ~ re-ask", [(on(r, "v18_vague"), r["a_role"] == "reask") for r in agreed])
    for flag, detectors in (("asks_question", ["v18_question"]), ("pasted", ["v18_pasted", "v19_pasted"]),
                            ("pointer", ["v18_pointer"])):
        alike = [r for r in rows if r["a_" + flag] == r["b_" + flag]]
        for d in detectors:
            line(f"{d} ~ {flag}", [(on(r, d), on(r, "a_" + flag)) for r in alike])


if __name__ == "__main__":
    main(*sys.argv[1:])
