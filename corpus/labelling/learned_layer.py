"""Would a model learned on real labelled sessions read new people better than the authored rules?

Two questions, each fixed (with its bar) before it was run, on a development set of the calibration
half and the people held out as a whole of rounds 6, 7 and 10-13 (the six oldest such rounds,
chosen by age). Rounds 14-18 and the held-out half are not read here.

  types     a multinomial logistic regression on the 41 features (log1p of the counts) and the
            seven rule scores (rules_named.py, the same to the last bit as TypeRules), person-grouped
            10-fold CV over the development set (folds by SHA-256 of the person), compared with the
            rules on the added rounds' sessions, where the rules are out of sample.
            Bar: 10 sessions more there.
  personas  a person-level logistic regression on the person's type shares as read, soft type shares
            and the persona model's behaviour rates, leave-one-person-out over the people of
            rounds 1-13, the model and its regularisation chosen inside each fit by 10-fold CV of
            the other people (nested, so the choice is not made on the person judged).
            Bar: 8 people more than the persona step as built.
  prior     a session's type probabilities (softmax of the sharpness times the rule scores, the
            sharpness fitted on the calibration half by maximum likelihood) multiplied by the mix
            of types the rules read in the person's other calibration sessions (one added to every
            type) to a power alpha, alpha chosen on the calibration half, then measured once on the
            added rounds. Bar: 10 sessions more there.

    mvn -q package -DskipTests
    javac -d /tmp/pv -cp target/personas.jar corpus/labelling/PersonaVariants.java
    java -cp target/personas.jar:/tmp/pv dev.personas.classify.PersonaVariants /tmp/people.tsv
    python3 corpus/labelling/learned_layer.py \\
        src/main/resources/dev/personas/classify/real/sessions.tsv /tmp/people.tsv

The prior part reads the calibration half only. Needs numpy and scikit-learn (Debian: python3-sklearn). The personas part takes about 5 minutes.
"""
import csv, hashlib, os, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_named import scores, java_thresholds, TYPES

META = ('session', 'person', 'agent', 'split', 'round', 'reader_a', 'reader_b', 'type', 'runner_up')
SHARES = {"shell_share", "read_share", "question_share", "plan_handoff", "diff_review_at_end",
          "ended_after_error", "tests_pass_at_end"}
DEV_ROUNDS = {6, 7, 10, 11, 12, 13}
C_VALUES = (0.03, 0.1, 0.3, 1, 3)


def fold_of(person, k=10):
    return int(hashlib.sha256(person.encode()).hexdigest(), 16) % k


def standardised_fit(X, y, train, test, c):
    mu = X[train].mean(0)
    sd = X[train].std(0)
    sd[sd == 0] = 1
    model = LogisticRegression(C=c, max_iter=5000).fit((X[train] - mu) / sd, y[train])
    return model.predict((X[test] - mu) / sd)


def types(sessions_tsv):
    rows = [r for r in csv.DictReader(open(sessions_tsv), delimiter='\t')
            if r['split'] == 'calibration' or (r['split'] == 'new-people' and int(r['round']) in DEV_ROUNDS)]
    keys = [k for k in rows[0] if k not in META]
    t = java_thresholds()
    feats = [{k: float(r[k]) for k in keys} for r in rows]
    rule_scores = np.array([scores(f, t) for f in feats])
    X = np.hstack([np.array([[f[k] if k in SHARES else np.log1p(max(0, f[k])) for k in keys] for f in feats]),
                   rule_scores])
    y = np.array([TYPES.index(r['type']) for r in rows])
    added = np.array([r['split'] == 'new-people' for r in rows])
    folds = np.array([fold_of(r['person']) for r in rows])
    rules_right = rule_scores.argmax(1) == y
    print(f'types: development set {len(rows)} sessions, {added.sum()} of them of the added rounds')
    print(f'  rules: added rounds {rules_right[added].sum()}, calibration half {rules_right[~added].sum()} (in sample)')
    for c in C_VALUES:
        predicted = np.zeros(len(y), int)
        for f in range(10):
            predicted[folds == f] = standardised_fit(X, y, folds != f, folds == f, c)
        right = predicted == y
        print(f'  learned, C={c}: added rounds {right[added].sum()}, calibration half {right[~added].sum()}')


def personas(people_tsv):
    rows = [line.rstrip('\n').split('\t') for line in open(people_tsv)]
    dev = [r for r in rows if int(r[1]) <= 13]
    names = sorted({r[2] for r in rows})
    y = np.array([names.index(r[2]) for r in dev])

    def part(r, which):
        v = np.array([float(x) for x in r[5:]])
        parts = {'read': v[:7], 'soft': v[7:14], 'rates': np.log1p(np.maximum(v[14:], 0))}
        return np.concatenate([parts[w] for w in which])

    sets = [('read',), ('soft',), ('read', 'soft'), ('read', 'rates'), ('soft', 'rates'), ('read', 'soft', 'rates')]
    configs = [(w, c) for w in sets for c in (0.1, 0.3, 1, 3, 10)]
    X = {w: np.array([part(r, w) for r in dev]) for w in sets}
    n = len(dev)
    built = sum(r[2] == r[3] for r in dev)
    right = 0
    for i in range(n):
        others = np.array([j for j in range(n) if j != i])
        inner = np.array([fold_of(dev[j][0]) for j in others])
        best = None
        for w, c in configs:
            hits = sum((standardised_fit(X[w], y, others[inner != f], others[inner == f], c) == y[others[inner == f]]).sum()
                       for f in range(10))
            if best is None or hits > best[0]:
                best = (hits, w, c)
        right += standardised_fit(X[best[1]], y, others, np.array([i]), best[2])[0] == y[i]
    print(f'personas: people of rounds 1-13 {n}; as built {built}; learned, nested leave-one-person-out {right}')


def prior(sessions_tsv):
    rows = list(csv.DictReader(open(sessions_tsv), delimiter='\t'))
    t = java_thresholds()
    rule_scores = {r['session']: np.array(scores({k: float(v) for k, v in r.items() if k not in META}, t))
                   for r in rows}
    calibration = [r for r in rows if r['split'] == 'calibration']

    def probabilities(r, k):
        s = k * rule_scores[r['session']]
        e = np.exp(s - s.max())
        return e / e.sum()

    def log_likelihood(k):
        return sum(np.log(probabilities(r, k)[TYPES.index(r['type'])]) for r in calibration)

    grid = np.linspace(0.5, 50, 200)
    k = grid[np.argmax([log_likelihood(x) for x in grid])]

    def right(sessions, alpha, pool):
        hits = 0
        for r in sessions:
            mix = np.ones(len(TYPES))
            for o in pool:
                if o['person'] == r['person'] and o['session'] != r['session']:
                    mix[rule_scores[o['session']].argmax()] += 1
            hits += TYPES[np.argmax(probabilities(r, k) * (mix / mix.sum()) ** alpha)] == r['type']
        return hits

    print(f'prior: sharpness {k:.2f}')
    for alpha in (0, 0.25, 0.5, 0.75, 1, 1.5, 2):
        print(f'  alpha {alpha}: calibration half {right(calibration, alpha, calibration)} of {len(calibration)}')


if __name__ == '__main__':
    types(sys.argv[1])
    prior(sys.argv[1])
    if len(sys.argv) > 2:
        personas(sys.argv[2])
