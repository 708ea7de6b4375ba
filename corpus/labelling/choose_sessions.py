import hashlib,os,json,collections
from digest import render
def person(r):
    repo,home=r[0],r[7]
    if repo.startswith('Kooksun/'): return 'Kooksun'
    if repo.startswith('msrnic/'): return 'msrnic:'+home.split('/')[-1]
    if repo.startswith('oliyoung/'): return 'oliyoung'
    return repo.split('/')[0]
if __name__ == '__main__':
    rows=[l.rstrip('\n').split('\t') for l in open('scan.tsv')]
    by=collections.defaultdict(list)
    for r in rows:
        if int(r[5])<1: continue
        by[person(r)].append(r)
    h=lambda s: hashlib.sha256(s.encode()).hexdigest()
    sel=[]
    for p in sorted(by):
        rs=sorted(by[p],key=lambda r:h('select:'+r[0]+':'+r[2]))[:10]
        sel.append((p,sorted(rs,key=lambda r:r[2])))
    sel.sort(key=lambda x:h('person:'+x[0]))
    manifest=[]; n=0
    for pi,(p,rs) in enumerate(sel,1):
        pid=f'P{pi:02d}'
        for r in rs:
            n+=1; sid=f'S{n:03d}'
            path=os.path.join('raw',r[0].replace('/','+',1),r[2])
            d=render(path,r[1],sid,pid)
            open(f'digests/{sid}.txt','w').write(d)
            manifest.append(dict(session=sid,person=pid,person_key=p,repo=r[0],agent=r[1],path=r[2],commit=r[3],bytes=int(r[4]),digest_chars=len(d)))
    json.dump(manifest,open('manifest.json','w'),indent=1)
    print(n,len(sel))
