"""Would the words of a session, learned, tell its type better than the counted features?

Person-grouped five-fold cross-validation on the calibration half only (three shuffles of the
people): a logistic regression on the 41 features (log-scaled, standardised) alone, and with TF-IDF
word uni- and bigrams of (a) the typed prompts, (b) the agent's replies as the readers saw them
(`digest.py`'s one line per reply), (c) the whole reading copy the readers labelled from. Needs
the raw files (`refetch.py` lays them out) and scikit-learn; prints accuracies, commits nothing.

    python3 corpus/labelling/text_models.py .refetch/files
"""
import csv, os, sys
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import digest  # noqa: E402

META = 9  # session … runner_up, then the features


def load(files_dir):
    table = os.path.join(ROOT, "src/main/resources/dev/personas/classify/real/sessions.tsv")
    rows = {r["session"]: r for r in csv.DictReader(open(table), delimiter="\t")}
    sources = {r["session"]: r for r in csv.DictReader(open(os.path.join(ROOT, "corpus/sources.tsv")), delimiter="\t")}
    ids, copies = [], []
    for sid, r in sorted(rows.items()):
        if r["split"] != "calibration":
            continue
        src = sources[sid]
        base = os.path.join(files_dir, src["repo"].replace("/", "+", 1))
        path = os.path.join(base, src["path"])
        if not os.path.exists(path):  # an Entire transcript, kept under its commit
            path = os.path.join(base, src["commit"][:12], src["path"])
        ids.append(sid)
        copies.append(digest.render(path, src["agent"], sid, r["person"]))
    return rows, ids, copies


def lines(copy, keep):
    out, inside = [], False
    for line in copy.split("\n"):
        if line.startswith(">>> "):
            inside = "typed" in line
            continue
        stripped = line.strip()
        if keep == "prompts" and inside and not stripped.startswith(("AGENT:", "tool ", "[", "~~")):
            out.append(line)
        elif keep == "agent" and stripped.startswith("AGENT:"):
            out.append(stripped[len("AGENT:"):])
        if stripped.startswith(("AGENT:", "tool ")):
            inside = False
    return "\n".join(out)


def accuracy(X, docs, y, persons, c=0.1, weight=3.0, shuffles=(0, 1, 2)):
    scores = []
    for seed in shuffles:
        people = np.unique(persons)
        np.random.RandomState(seed).shuffle(people)
        fold = {p: i % 5 for i, p in enumerate(people)}
        folds = np.array([fold[p] for p in persons])
        right = 0
        for k in range(5):
            train, test = folds != k, folds == k
            scale = StandardScaler().fit(X[train])
            a, b = csr_matrix(scale.transform(X[train])), csr_matrix(scale.transform(X[test]))
            if docs is not None:
                tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True, max_features=30000)
                tfidf.fit([docs[i] for i in np.where(train)[0]])
                a = hstack([a, tfidf.transform([docs[i] for i in np.where(train)[0]]) * weight]).tocsr()
                b = hstack([b, tfidf.transform([docs[i] for i in np.where(test)[0]]) * weight]).tocsr()
            model = LogisticRegression(C=c, max_iter=3000).fit(a, y[train])
            right += int((model.predict(b) == y[test]).sum())
        scores.append(right / len(y))
    return float(np.mean(scores))


def main(files_dir):
    rows, ids, copies = load(files_dir)
    names = list(rows[ids[0]].keys())[META:]
    X = np.array([[float(rows[s][k]) for k in names] for s in ids])
    X = np.sign(X) * np.log1p(np.abs(X))
    y = np.array([rows[s]["type"] for s in ids])
    persons = np.array([rows[s]["person"] for s in ids])
    print(f"{len(ids)} calibration sessions of {len(set(persons))} people")
    print(f"features alone            {accuracy(X, None, y, persons):.3f}")
    for name, keep in (("+ typed prompts", "prompts"), ("+ agent replies", "agent"), ("+ whole reading copy", None)):
        docs = copies if keep is None else [lines(c, keep) for c in copies]
        print(f"{name:<25} {accuracy(X, docs, y, persons):.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
