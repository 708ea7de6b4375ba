"""Round 2: sessions of the scanned repositories that round 1 left out (it took at most 10 per
person), at most 15 more per person, chosen by a SHA-256 of the path. Added to calibration only."""
import hashlib,os,json,collections,sys
sys.path.insert(0,'.')
from digest import render
from choose_sessions import person
rows=[l.rstrip('\n').split('\t') for l in open('scan.tsv')]
man=json.load(open('manifest.json'))
chosen={(m['repo'],m['path']) for m in man}
pid_of={m['person_key']:m['person'] for m in man}
by=collections.defaultdict(list)
for r in rows:
    if int(r[5])<1 or (r[0],r[2]) in chosen: continue
    by[person(r)].append(r)
h=lambda s: hashlib.sha256(s.encode()).hexdigest()
out=[]; n=198
for p in sorted(by,key=lambda p:h('person2:'+p)):
    rs=sorted(by[p],key=lambda r:h('select2:'+r[0]+':'+r[2]))[:15]
    for r in sorted(rs,key=lambda r:r[2]):
        n+=1; sid=f'S{n:03d}'
        d=render(os.path.join('raw',r[0].replace('/','+',1),r[2]),r[1],sid,pid_of[p])
        open(f'round2/digests/{sid}.txt','w').write(d)
        out.append(dict(session=sid,person=pid_of[p],person_key=p,repo=r[0],agent=r[1],path=r[2],commit=r[3],bytes=int(r[4]),digest_chars=len(d)))
json.dump(out,open('round2/manifest.json','w'),indent=1)
print(len(out),collections.Counter(x['person'] for x in out),collections.Counter(x['agent'] for x in out),sum(x['digest_chars'] for x in out))
