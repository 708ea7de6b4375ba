"""The estimate of active time for sessions whose events record no time.

Codex's rollouts of early 2025 carry no timestamp on any event, so their active time cannot be
measured. Read as 0 minutes, every such session looks like a quick errand. This script fits
ln(1 + active minutes) = a + b ln(1 + asks) + c ln(1 + main-thread tool calls) by least squares
on the calibration half of sessions.tsv (asks: typed prompts plus commands run), then measures,
with the rules of rules_named.py, how many calibration sessions keep their decided type when
their time is taken away (read as 0) and when it is estimated.

    /usr/bin/python3 corpus/labelling/untimed.py            # calibration half
    /usr/bin/python3 corpus/labelling/untimed.py held-out   # the held-out half, for the report only

The coefficients it prints, rounded to two places, are Timing.ESTIMATE_* in Java and in
static/js/finder/features.js; ActiveTimeEstimateTest refits them from sessions.tsv.
"""
import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_named import java_thresholds, scores  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TSV = os.path.join(ROOT, "src/main/resources/dev/personas/classify/real/sessions.tsv")
TYPES = ["One-shot", "Consult", "Blueprint", "Scaffold", "Workshop", "Marathon", "Spiral"]
META = ("session", "person", "agent", "split", "round", "reader_a", "reader_b", "type", "runner_up")


def features(row):
    return {k: float(v) for k, v in row.items() if k not in META}


def asks(f):
    return f["prompts"] + f["slash_commands"]


def calls(f):
    return round(f["tool_calls_per_prompt"] * max(1, f["prompts"]))


def least_squares(xs, ys):
    k = len(xs[0])
    a = [[sum(x[i] * x[j] for x in xs) for j in range(k)] + [sum(x[i] * y for x, y in zip(xs, ys))]
         for i in range(k)]
    for i in range(k):
        pivot = a[i][i]
        a[i] = [v / pivot for v in a[i]]
        for r in range(k):
            if r != i:
                m = a[r][i]
                a[r] = [v - m * w for v, w in zip(a[r], a[i])]
    return [a[i][k] for i in range(k)]


def estimate(coef, f):
    return max(0.0, math.expm1(coef[0] + coef[1] * math.log1p(asks(f)) + coef[2] * math.log1p(calls(f))))


def agreement(rows, thresholds, minutes):
    hits = 0
    for r in rows:
        f = features(r)
        f["active_minutes"] = minutes(f)
        s = scores(f, thresholds)
        hits += TYPES[max(range(7), key=lambda i: s[i])].lower() == r["type"].lower()
    return hits


def main():
    half = sys.argv[1] if len(sys.argv) > 1 else "calibration"
    with open(TSV, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    calibration = [r for r in rows if r["split"] == "calibration"]
    xs = [[1.0, math.log1p(asks(features(r))), math.log1p(calls(features(r)))] for r in calibration]
    ys = [math.log1p(features(r)["active_minutes"]) for r in calibration]
    coef = least_squares(xs, ys)
    residuals = [y - sum(c * x for c, x in zip(coef, xv)) for xv, y in zip(xs, ys)]
    sd = math.sqrt(sum(e * e for e in residuals) / len(residuals))
    print("fit on %d calibration sessions: intercept %.4f, per ln(1+asks) %.4f, per ln(1+calls) %.4f; "
          "residual sd %.3f (a factor of %.1f on 1 + minutes)" % (len(calibration), *coef, sd, math.exp(sd)))
    shipped = [round(c, 2) for c in coef]
    t = java_thresholds()
    judged = [r for r in rows if r["split"] == half]
    print("%s half, %d sessions: timed %d, times taken away (0 minutes) %d, estimated %d" % (
        half, len(judged), agreement(judged, t, lambda f: f["active_minutes"]),
        agreement(judged, t, lambda f: 0.0), agreement(judged, t, lambda f: estimate(shipped, f))))


if __name__ == "__main__":
    main()
