"""Coordinate search over the rule thresholds on calibration sessions; person-grouped CV estimates
whether tuning generalises. Never reads the held-out half.

    python3 tune_thresholds.py SESSIONS.tsv [--with-rounds 6,7,10,11,12,13]

--with-rounds adds those rounds of people held out as a whole to the sessions searched on (the
development set of learned_layer.py) and prints the folds' figures on their sessions apart, where
the authored thresholds are out of sample."""
import csv, json, hashlib, sys, collections
from rules_named import scores, TYPES, java_thresholds
META = ('session','person','agent','split','round','reader_a','reader_b','type','runner_up')
FACTORS = (0.5, 0.7, 0.85, 1.15, 1.4, 2.0)
def pairs(t):
    out = []
    for k in t:
        for a, b in (('_low', '_high'), ('_full', '_zero')):
            if k.endswith(a) and k[:-len(a)] + b in t: out.append((k, k[:-len(a)] + b))
    return out
def valid(t, P):
    return all(t[a] < t[b] for a, b in P) and all(v >= 0 for v in t.values())
def acc(rows, t):
    return sum(TYPES[max(range(7), key=lambda i, s=scores(r['f'], t): s[i])] == r['type'] for r in rows)
def candidates(k, v):
    if k.endswith(('weight', 'damping', 'floor')) and 'repeat_weight' not in k:
        return [x for x in (0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0) if x != v]
    if v == 0: return [0.05, 0.1, 0.5, 1]
    return [v * f for f in FACTORS]
def tune(rows, t, passes=3, keys=None, min_gain=1):
    t = dict(t); P = pairs(t); best = acc(rows, t)
    for _ in range(passes):
        improved = False
        for k in sorted(keys or t):
            for c in candidates(k, t[k]):
                u = dict(t); u[k] = c
                if not valid(u, P): continue
                a = acc(rows, u)
                if a >= best + min_gain:
                    best, t, improved = a, u, True
        if not improved: break
    return t, best
def load(tsv, extra=()):
    rows = []
    for r in csv.DictReader(open(tsv), delimiter='\t'):
        added = r['split'] == 'new-people' and int(r['round']) in extra
        if r['split'] != 'calibration' and not added: continue
        rows.append(dict(session=r['session'], person=r['person'], type=r['type'], added=added,
                         f={k: float(v) for k, v in r.items() if k not in META}))
    return rows
if __name__ == '__main__':
    extra = {int(x) for x in sys.argv[3].split(',')} if sys.argv[2:3] == ['--with-rounds'] else set()
    rows = load(sys.argv[1], extra)
    t0 = java_thresholds()
    print('sessions', len(rows), 'authored', acc(rows, t0))
    people = sorted({r['person'] for r in rows}, key=lambda p: hashlib.sha256(('fold:' + p).encode()).hexdigest())
    folds = [people[i::5] for i in range(5)]
    base = tuned = added_base = added_tuned = 0
    for fo in folds:
        tr = [r for r in rows if r['person'] not in fo]; te = [r for r in rows if r['person'] in fo]
        t, _ = tune(tr, t0)
        base += acc(te, t0); tuned += acc(te, t)
        ad = [r for r in te if r['added']]
        added_base += acc(ad, t0); added_tuned += acc(ad, t)
        print('fold', len(te), acc(te, t0), acc(te, t), 'of the added rounds', len(ad), acc(ad, t0), acc(ad, t), flush=True)
    print('CV authored', base, 'tuned', tuned, 'of', len(rows))
    if extra:
        print('of them, the added rounds', sum(r['added'] for r in rows), 'authored', added_base, 'tuned', added_tuned)
    t, a = tune(rows, t0)
    print('all tuned', a)
    for k in sorted(t):
        if t[k] != t0[k]: print(k, t0[k], '->', round(t[k], 4))
    pass
