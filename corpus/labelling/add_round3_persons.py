"""Adds the personas of round 3's people (those with 3 or more sessions in it) to the corpus: both
readers' personas, the adjudicated one where they differed, a runner-up and a reason. The readers
and the adjudicator saw only the vocabulary and the reading copies of that person's round-3
sessions (persona-reader-instructions.md, persona-adjudicator-instructions.md). Run from the
project root with the folder of their labels:
  python3 corpus/labelling/add_round3_persons.py /work/corpus/round3p"""
import json, os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
PERSONS = os.path.join(ROOT, 'src', 'main', 'resources', 'dev', 'personas', 'classify', 'real', 'persons.tsv')
LABELS = os.path.join(ROOT, 'corpus', 'person-labels.tsv')
QUOTE = re.compile(r"'[^']{3,}'|\"[^\"]{3,}\"|‘[^’]{3,}’|“[^”]{3,}”")


def clean(why):
    """One line, with every quote of the log replaced by […] (no text from a log ships)."""
    return QUOTE.sub('[…]', ' '.join(why.split()))


def lines(path):
    return [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]


folder = sys.argv[1]
sessions = {}
for line in open(os.path.join(folder, 'persons.txt'), encoding='utf-8'):
    person, ids = line.split(':')
    sessions[person.strip()] = ids.split()
a = {x['person']: x for x in lines(os.path.join(folder, 'persons_a.jsonl'))}
b = {x['person']: x for x in lines(os.path.join(folder, 'persons_b.jsonl'))}
adjudicated = os.path.join(folder, 'adjudicated.jsonl')
adj = {x['person']: x for x in lines(adjudicated)} if os.path.exists(adjudicated) else {}
persons, labels = [], []
for person in sorted(sessions):
    ra, rb = a[person], b[person]
    if ra['persona'] == rb['persona']:
        decided, how = ra['persona'], 'agreed'
        runner = ra['runner_up'] if ra['runner_up'] != decided else rb['runner_up']
        why = ra['why']
    else:
        d = adj[person]
        decided, how, runner, why = d['persona'], 'adjudicated', d['runner_up'], d['why']
    persons.append([person, str(len(sessions[person])), ra['persona'], rb['persona'], decided, runner, '3'])
    labels.append([person, how, ra['persona'], rb['persona'], decided, runner, clean(why), '3'])
for path, rows in ((PERSONS, persons), (LABELS, labels)):
    with open(path, 'a', encoding='utf-8', newline='') as out:
        for r in rows:
            out.write('\t'.join(r) + '\n')
agreed = sum(r[1] == 'agreed' for r in labels)
print(f'{len(labels)} persons added; readers agreed on {agreed}')
