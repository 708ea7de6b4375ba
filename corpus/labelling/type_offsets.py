"""Would a constant added to each type's rule score read new people better? Written down with its
bar on 2026-12-06 before it ran.

Development set as learned_layer.py (calibration half + new-people rounds 6,7,10-13).
Seven additive offsets (One-shot's fixed at 0) found by coordinate search (grid -0.5..0.5 step
0.025, 4 passes, ties keep the smaller |offset|) maximising hits on the training folds;
person-grouped 10-fold CV (fold = sha256(person) % 10). Compare with the rules on the added
rounds' 333 sessions. Bar: 10 sessions more (199 -> 209). Rounds 14-18 and the held-out half are not read.

    python3 corpus/labelling/type_offsets.py src/main/resources/dev/personas/classify/real/sessions.tsv

Needs numpy; the rules are rules_named.py, the same to the last bit as TypeRules."""
import csv, hashlib, sys, os
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_named import scores, java_thresholds, TYPES

# As learned_layer.py, which needs scikit-learn; this needs numpy only.
META = ('session', 'person', 'agent', 'split', 'round', 'reader_a', 'reader_b', 'type', 'runner_up')
DEV_ROUNDS = {6, 7, 10, 11, 12, 13}


def fold_of(person, k=10):
    return int(hashlib.sha256(person.encode()).hexdigest(), 16) % k


rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter='\t')
        if r['split'] == 'calibration' or (r['split'] == 'new-people' and int(r['round']) in DEV_ROUNDS)]
t = java_thresholds()
S = np.array([scores({k: float(v) for k, v in r.items() if k not in META}, t) for r in rows])
y = np.array([TYPES.index(r['type']) for r in rows])
added = np.array([r['split'] == 'new-people' for r in rows])
folds = np.array([fold_of(r['person']) for r in rows])
grid = np.round(np.arange(-0.5, 0.5001, 0.025), 3)
def fit(idx):
    b = np.zeros(7)
    for _ in range(4):
        for k in range(1, 7):
            best = None
            for g in grid:
                b[k] = g
                h = ((S[idx] + b).argmax(1) == y[idx]).sum()
                key = (h, -abs(g))
                if best is None or key > best[0]:
                    best = (key, g)
            b[k] = best[1]
    return b
pred = np.zeros(len(y), int)
for f in range(10):
    b = fit(folds != f)
    pred[folds == f] = (S[folds == f] + b).argmax(1)
    print(f, np.round(b, 3))
rules = S.argmax(1) == y
right = pred == y
print('sessions', len(y), 'added', added.sum())
print('rules: added', rules[added].sum(), 'calibration', rules[~added].sum())
print('offsets CV: added', right[added].sum(), 'calibration', right[~added].sum())
b = fit(np.arange(len(y)))
print('in-sample offsets', np.round(b, 3), 'hits', ((S + b).argmax(1) == y).sum(), 'of', len(y))
