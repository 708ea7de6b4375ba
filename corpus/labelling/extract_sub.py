import subprocess, os, json
MIR='/work/.mirror'
m=json.load(open('manifest.json'))
repos=sorted({x['repo'] for x in m if x['agent']=='claude'})
n=0
for repo in repos:
    g=os.path.join(MIR,repo.replace('/','+',1),'repo')
    log=subprocess.run(['git','--git-dir',g,'log','--all','--format=C %H','--name-status','--diff-filter=AM','--no-renames'],capture_output=True,text=True).stdout
    seen={}; c=None
    for line in log.splitlines():
        if line.startswith('C '): c=line[2:]; continue
        st,_,p=line.partition('\t')
        if p.endswith('.jsonl') and ('/subagents/' in p or os.path.basename(p).startswith('agent-')) and p not in seen: seen[p]=c
    for p,c in seen.items():
        dst=os.path.join('raw',repo.replace('/','+',1),p)
        os.makedirs(os.path.dirname(dst),exist_ok=True)
        r=subprocess.run(['git','--git-dir',g,'show',f'{c}:{p}'],capture_output=True)
        if r.returncode==0: open(dst,'wb').write(r.stdout); n+=1
print(n)
