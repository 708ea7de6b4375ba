import csv,sys,numpy as np,hashlib
from rules_named import scores,java_thresholds,TYPES
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier, ExtraTreesClassifier
META=('session','person','agent','split','round','reader_a','reader_b','type','runner_up')
SH={"shell_share","read_share","question_share","plan_handoff","diff_review_at_end","ended_after_error","tests_pass_at_end"}
rows=[r for r in csv.DictReader(open(sys.argv[1]),delimiter='\t') if r['split']=='calibration']
keys=[k for k in rows[0] if k not in META]; t=java_thresholds()
F=[{k:float(r[k]) for k in keys} for r in rows]
X=np.array([[f[k] if k in SH else np.log1p(max(0,f[k])) for k in keys] for f in F])
S=np.array([scores(f,t) for f in F]); y=np.array([TYPES.index(r['type']) for r in rows]); g=np.array([r['person'] for r in rows])
def cv(make,X):
    hit=0
    for p in sorted(set(g)):
        tr=g!=p; mu=X[tr].mean(0); sd=X[tr].std(0); sd[sd==0]=1
        m=make().fit((X[tr]-mu)/sd,y[tr]); hit+=(m.predict((X[~tr]-mu)/sd)==y[~tr]).sum()
    return hit
print('n',len(y),'rules',(S.argmax(1)==y).sum())
XS=np.hstack([X,S])
for name,mk in [('lr0.1',lambda:LogisticRegression(C=0.1,max_iter=5000)),('lr0.3',lambda:LogisticRegression(C=0.3,max_iter=5000)),('lr1',lambda:LogisticRegression(C=1,max_iter=5000)),
   ('rf',lambda:RandomForestClassifier(500,min_samples_leaf=2,random_state=1)),('et',lambda:ExtraTreesClassifier(500,min_samples_leaf=2,random_state=1)),('gb',lambda:GradientBoostingClassifier(n_estimators=150,max_depth=2,learning_rate=0.05,random_state=1))]:
    print(name,'X',cv(mk,X),'S',cv(mk,S),'XS',cv(mk,XS),flush=True)
