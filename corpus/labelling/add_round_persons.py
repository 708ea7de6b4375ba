"""Adds the personas of a round's people (those with 3 or more sessions in it) to the corpus: both
readers' personas, the adjudicated one where they differed, a runner-up and a reason. The readers
and the adjudicator saw only the vocabulary and the reading copies of that person's round's
sessions (persona-reader-instructions.md, persona-adjudicator-instructions.md). Run from the
project root with the folder of their labels:
  python3 corpus/labelling/add_round_persons.py 3 /work/corpus/round3p"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from decided import by, clean, decide

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
PERSONS = os.path.join(ROOT, 'src', 'main', 'resources', 'dev', 'personas', 'classify', 'real', 'persons.tsv')
LABELS = os.path.join(ROOT, 'corpus', 'person-labels.tsv')

rnd, folder = sys.argv[1], sys.argv[2]
sessions = {}
for line in open(os.path.join(folder, 'persons.txt'), encoding='utf-8'):
    person, ids = line.split(':')
    sessions[person.strip()] = ids.split()
a = by(os.path.join(folder, 'persons_a.jsonl'), 'person')
b = by(os.path.join(folder, 'persons_b.jsonl'), 'person')
adj = by(os.path.join(folder, 'adjudicated.jsonl'), 'person')
persons, labels = [], []
for person in sorted(sessions):
    ra, rb = a[person], b[person]
    decided, how, runner, why = decide(ra, rb, adj.get(person), 'persona')
    persons.append([person, str(len(sessions[person])), ra['persona'], rb['persona'], decided, runner, rnd])
    labels.append([person, how, ra['persona'], rb['persona'], decided, runner, clean(why), rnd])
for path, rows in ((PERSONS, persons), (LABELS, labels)):
    with open(path, 'a', encoding='utf-8', newline='') as out:
        for r in rows:
            out.write('\t'.join(r) + '\n')
agreed = sum(r[1] == 'agreed' for r in labels)
print(f'{len(labels)} persons added; readers agreed on {agreed}')
