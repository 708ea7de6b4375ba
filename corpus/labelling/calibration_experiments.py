#!/usr/bin/env python3
"""How the type method was chosen, on the calibration half only (never the held-out half).

Reads src/main/resources/dev/personas/classify/real/sessions.tsv, keeps split == calibration and
compares, by leave-one-person-out cross-validation where something is fitted:
  - a multinomial logistic regression on the 40 features (log1p of counts, z-scored), the model
    family personas used to fit with Smile up to model version 3;
  - the same on indicator features at the vocabulary's thresholds;
  - the same on the seven rule scores;
  - the rule scores' best type (the rules are fixed, nothing to leave out), as TypeRules computes.
Needs numpy and scikit-learn (Debian: python3-sklearn). Prints accuracies.
"""
import csv
import os

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TSV = os.path.join(ROOT, "src/main/resources/dev/personas/classify/real/sessions.tsv")
TYPES = ["One-shot", "Consult", "Blueprint", "Scaffold", "Workshop", "Marathon", "Spiral"]
SHARES = {"shell_share", "read_share", "question_share", "plan_handoff", "diff_review_at_end",
          "ended_after_error", "tests_pass_at_end"}


def ramp(x, lo, hi):
    return 0.0 if x <= lo else 1.0 if x >= hi else (x - lo) / (hi - lo)


def up(x, lo, hi):
    return ramp(x, lo, hi)


def down(x, full, zero):
    return 1 - ramp(x, full, zero)


def rule_scores(f):
    """TypeRules.scores with RuleThresholds.AUTHORED, written out (the Java class is the reference)."""
    P, S, M, E, C = f["prompts"], f["slash_commands"], f["active_minutes"], f["edit_iterations"], f["corrections"]
    A = P + S
    driven = S / max(1, A)
    calls = f["tool_calls_per_prompt"] * max(1, P)
    rep = f["repeated_prompts"] if f["median_prompt_chars"] >= 20 else 0
    L = f["error_repastes"] + f["vague_fix_requests"] + 0.25 * rep
    reads = up(f["read_share"], 0.5, 0.8) * up(calls, 2, 8)
    noedit = down(E, 0, 2)
    runs_long = up(E, 8, 15) * up(M, 10, 20)
    quick = down(A, 2, 4) * down(M, 15, 45) * down(C, 0, 2) * down(L, 0, 2)
    errands = 0.8 * down(A, 4, 7) * down(f["median_prompt_chars"], 150, 300) * down(M, 20, 40) * down(C, 1, 2) * down(L, 0, 1)
    asks = up(f["question_share"], 0.2, 0.5)
    one = max(quick, errands) * down(f["first_prompt_chars"], 800, 2000) * (1 - 0.5 * noedit * max(reads, asks)) * (1 - runs_long)
    nocode = max(noedit, 0.8 * down(E - f["doc_edits"], 0, 2))
    consult = nocode * max(reads * max(asks, 0.3), asks, up(f["web_lookups"], 0, 2))
    upfront = max(up(f["first_prompt_chars"], 500, 1500), up(f["spec_markers"], 3, 8), f["plan_handoff"], 0.8 * runs_long)
    blueprint = upfront * down(P, 5, 12) * down(C, 2, 5) * up(E, 0, 3)
    prose = up(f["doc_edits"] / E, 0.7, 0.95) * down(P, 12, 20) if E >= 1 else 0
    setup = max(up(driven, 0.15, 0.4), up(f["plan_mode"], 0, 1), up(f["subagent_calls"], 0, 2), up(f["setup_actions"], 0, 2),
                prose)
    scaffold = setup * up(M, 2, 6) if A >= 1 else 0
    checks = (ramp(f["specific_pointers"], 0, 2) + ramp(f["pasted_output"], 0, 2) + ramp(f["test_runs"], 0, 2)) / 3
    workshop = up(C, 0, 2) * (0.5 + 0.5 * checks) * down(P, 25, 40) * down(driven, 0.2, 0.5)
    marathon = min(up(P, 20, 30), up(M, 45, 75)) * (0.6 + 0.4 * up(E, 3, 10)) * (1 - 0.5 * nocode * asks)
    looping = up(L, 0, 3) * up(L / max(1, P), 0.05, 0.2) * down(f["specific_pointers"] / max(1, P), 0.5, 1.0)
    nowhere = calls == 0 or f["ended_after_error"] > 0
    stuck = up(f["pasted_output"], 0, 1) * down(P, 2, 4) * noedit if nowhere else 0
    blocked = up(f["api_errors"], 2, 3) * noedit
    return [one, consult, blueprint, scaffold, workshop, marathon, min(1, max(looping, stuck, blocked))]


def indicators(f):
    p, m, e = f["prompts"], f["active_minutes"], f["edit_iterations"]
    return [p <= 1, p <= 2, p <= 3, p >= 10, p >= 20, p >= 30, m >= 60, (p >= 20) * (m >= 60), e == 0, e <= 1,
            e <= 3, e >= 10, f["slash_commands"] > 0, f["todo_lists"] > 0, f["plan_mode"] > 0,
            f["subagent_calls"] > 0, f["setup_actions"] > 0, f["first_prompt_chars"] >= 600, f["spec_markers"] >= 5,
            f["plan_handoff"], f["corrections"] >= 1, f["corrections"] >= 2, f["question_share"] >= 0.3,
            f["read_share"] >= 0.6, f["pasted_output"] >= 1,
            f["error_repastes"] + f["vague_fix_requests"] + f["repeated_prompts"] >= 1]


def leave_one_person_out(x, y, people, c):
    hits = 0
    for person in sorted(set(people)):
        train = people != person
        mu, sd = x[train].mean(0), x[train].std(0)
        sd[sd == 0] = 1
        model = LogisticRegression(C=c, max_iter=5000).fit((x[train] - mu) / sd, y[train])
        hits += (model.predict((x[~train] - mu) / sd) == y[~train]).sum()
    return hits / len(y)


def main():
    with open(TSV, newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == "calibration"]
    keys = [k for k in rows[0] if k not in ("session", "person", "agent", "split", "round", "reader_a", "reader_b", "type", "runner_up")]
    feats = [{k: float(r[k]) for k in keys} for r in rows]
    y = np.array([TYPES.index(r["type"]) for r in rows])
    people = np.array([r["person"] for r in rows])
    raw = np.array([[f[k] if k in SHARES else np.log1p(max(0, f[k])) for k in keys] for f in feats])
    ind = np.array([indicators(f) for f in feats], float)
    scores = np.array([rule_scores(f) for f in feats])
    print(f"calibration half: {len(y)} sessions of {len(set(people))} people")
    for c in (0.03, 0.1, 0.3, 1.0):
        print(f"logistic regression C={c}: features {leave_one_person_out(raw, y, people, c):.3f}, "
              f"indicators {leave_one_person_out(ind, y, people, c):.3f}, "
              f"rule scores {leave_one_person_out(scores, y, people, c):.3f}")
    print(f"rules, best score: {(scores.argmax(1) == y).mean():.3f}")


if __name__ == "__main__":
    main()
