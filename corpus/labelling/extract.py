import subprocess, os, re, sys, json
MIR='/work/.mirror'
out='/work/corpus/raw'
rows=[]
for d in sorted(os.listdir(MIR)):
    g=os.path.join(MIR,d,'repo')
    if not os.path.isdir(g): continue
    repo=d.replace('+','/',1)
    log=subprocess.run(['git','--git-dir',g,'log','--all','--format=C %H','--name-status','--diff-filter=AM','--no-renames'],capture_output=True,text=True).stdout
    seen={}
    c=None
    for line in log.splitlines():
        if line.startswith('C '): c=line[2:]; continue
        if not line.strip(): continue
        st,_,p=line.partition('\t')
        if not p.endswith('.jsonl'): continue
        base=os.path.basename(p)
        if '/subagents/' in p or base.startswith('agent-'): continue
        cc = '/.claude/projects/' in '/'+p or p.startswith('.claude/projects/') or '/projects/' in p and re.match(r'[0-9a-f-]{36}\.jsonl',base)
        cx = re.search(r'sessions/\d{4}/\d\d/\d\d/rollout-.*\.jsonl$',p)
        if not (cc or cx): continue
        if p in seen: continue
        seen[p]=c
    for p,c in seen.items():
        dst=os.path.join(out,d,p)
        os.makedirs(os.path.dirname(dst),exist_ok=True)
        r=subprocess.run(['git','--git-dir',g,'show',f'{c}:{p}'],capture_output=True)
        if r.returncode!=0: print('miss',repo,p,file=sys.stderr); continue
        open(dst,'wb').write(r.stdout)
        rows.append((repo,'codex' if cx else 'claude',p,c,len(r.stdout)))
with open('/work/corpus/files.tsv','w') as f:
    for r in rows: f.write('\t'.join(map(str,r))+'\n')
print(len(rows))
