import json,hashlib,collections,glob
m=json.load(open('manifest_features.json'))
def load(r):
    S={};P={}
    for f in sorted(glob.glob(f'labels/{r}/*.jsonl')):
        for l in open(f):
            if l.strip():
                o=json.loads(l); (S if 'session' in o else P)[o.get('session') or o.get('person')]=o
    return S,P
A,AP=load('A');B,BP=load('B')
J={};JP={}
for l in open('labels/adjudicated.jsonl'):
    if l.strip():
        o=json.loads(l); (J if 'session' in o else JP)[o.get('session') or o.get('person')]=o
final={}
for x in m:
    s=x['session']; a=A[s]; b=B[s]
    if a['type']==b['type']:
        ru=a['runner_up'] if a['runner_up']!=a['type'] else b['runner_up']
        final[s]=dict(type=a['type'],runner_up=ru,why=a['why'],source='agreed')
    else:
        final[s]=dict(type=J[s]['type'],runner_up=J[s]['runner_up'],why=J[s]['why'],source='adjudicated')
groups=collections.defaultdict(list)
for x in m: groups[(x['person'],final[x['session']]['type'])].append(x)
H=lambda s:hashlib.sha256(('personas-split-v1:'+s).encode()).hexdigest()
split={}
for k in sorted(groups):
    g=sorted(groups[k],key=lambda x:H(x['repo']+'/'+x['path']))
    start=int(H(k[0]+'|'+k[1])[0],16)%2
    for i,x in enumerate(g): split[x['session']]='calibration' if (i+start)%2==0 else 'held-out'
print(collections.Counter(split.values()))
print(collections.Counter((final[s]['type'],split[s]) for s in split))
json.dump(dict(final=final,split=split,A=A,B=B,AP=AP,BP=BP,JP=JP),open('labels_final.json','w'),indent=1)
