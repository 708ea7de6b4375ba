"""Adds a round of new people (labelling/choose_new_people.py) to the corpus, calibration half: both
readers' labels, the adjudicated type where they differed, the sources and the feature vectors
(computed with the built jar, as refetch.py does). Run from the project root with the round and
its folder, and for a round of people held out as a whole, the split new-people:
  python3 corpus/labelling/add_round.py 3 /work/corpus/round3
  python3 corpus/labelling/add_round.py 6 /work/corpus/round6 new-people"""
import hashlib, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refetch
from decided import by, clean, decide

rnd, folder = sys.argv[1], sys.argv[2]
split = sys.argv[3] if len(sys.argv) > 3 else 'calibration'
assert split in ('calibration', 'new-people'), split
manifest = json.load(open(os.path.join(folder, 'manifest.json')))
a = by(os.path.join(folder, 'reader_a.jsonl'), 'session')
b = by(os.path.join(folder, 'reader_b.jsonl'), 'session')
adj = by(os.path.join(folder, 'adjudicated.jsonl'), 'session')
# The repositories' licences, as read from their licence files (repo TAB licence); none if absent.
licence_file = os.path.join(folder, 'licences.tsv')
licences = dict(l.rstrip('\n').split('\t') for l in open(licence_file) if l.strip()) if os.path.exists(licence_file) else {}
sources, labels, vectors = [], [], []
for m in manifest:
    sid = m['session']
    ra, rb = a[sid], b[sid]
    decided, how, runner, why = decide(ra, rb, adj.get(sid), 'type')
    main = os.path.join(folder, 'raw', m['repo'].replace('/', '+', 1), refetch.local_path(m['path'], m['commit']))
    f = refetch.features(refetch.session_files(main, m['agent']), m['agent'], sid)
    sha = hashlib.sha256(open(main, 'rb').read()).hexdigest()
    sources.append([sid, m['person'], m['agent'], m['repo'], m['commit'], m['path'], licences.get(m['repo'], 'none'), sha])
    labels.append([sid, how, ra['type'], ra['confidence'], rb['type'], rb['confidence'], decided, runner, clean(why)])
    vectors.append([sid, m['person'], m['agent'], split, rnd, ra['type'], rb['type'], decided, runner]
                   + [refetch.number(v) for v in f.values()])
    keys = list(f.keys())
header = open(refetch.SESSIONS).readline().rstrip('\n').split('\t')
assert header[len(refetch.FIXED):] == keys, 'feature columns differ from sessions.tsv'
for path, rows in ((refetch.SOURCES, sources), (os.path.join(refetch.ROOT, 'corpus', 'session-labels.tsv'), labels), (refetch.SESSIONS, vectors)):
    with open(path, 'a', newline='') as out:
        for r in rows:
            out.write('\t'.join(r) + '\n')
agreed = sum(r[1] == 'agreed' for r in labels)
print(f'{len(labels)} sessions added; readers agreed on {agreed}')
