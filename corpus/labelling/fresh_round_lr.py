"""A learned model beside the rules, judged on a round labelled after both were fixed.

Logistic regression (C = 0.3, standardised inputs) on each session's features (log1p of counts,
shares as they are) and the rules' seven scores, fitted on the whole calibration half of
sessions.tsv. Each person left out of the calibration half it matched the rules there (316 of 454,
learned_models.py, model version 17); whether it generalises better than the rules, which were
authored on that half, only sessions labelled after both were fixed can say. Written before round
10's labels were read; it prints, for the given round, how many decided types the rules and the
model give:
    /usr/bin/python3 corpus/labelling/fresh_round_lr.py 10"""
import csv, os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_named import scores, java_thresholds, TYPES

META = ('session', 'person', 'agent', 'split', 'round', 'reader_a', 'reader_b', 'type', 'runner_up')
SHARES = {"shell_share", "read_share", "question_share", "plan_handoff", "diff_review_at_end",
          "ended_after_error", "tests_pass_at_end"}
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
rows = list(csv.DictReader(open(os.path.join(ROOT, 'src/main/resources/dev/personas/classify/real/sessions.tsv')), delimiter='\t'))
keys = [k for k in rows[0] if k not in META]
t = java_thresholds()

def inputs(r):
    f = {k: float(r[k]) for k in keys}
    return [f[k] if k in SHARES else np.log1p(max(0, f[k])) for k in keys] + scores(f, t)

cal = [r for r in rows if r['split'] == 'calibration']
X = np.array([inputs(r) for r in cal]); y = np.array([TYPES.index(r['type']) for r in cal])
mu, sd = X.mean(0), X.std(0); sd[sd == 0] = 1
model = LogisticRegression(C=0.3, max_iter=5000).fit((X - mu) / sd, y)
rnd = sys.argv[1]
test = [r for r in rows if r['round'] == rnd]
Z = np.array([inputs(r) for r in test]); want = np.array([TYPES.index(r['type']) for r in test])
rule = np.array([int(np.argmax(z[-7:])) for z in Z])
learned = model.predict((Z - mu) / sd)
print(f'round {rnd}: {len(test)} sessions; rules {(rule == want).sum()}, learned {(learned == want).sum()}')
