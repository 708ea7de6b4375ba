import json,os,re,sys,hashlib
def typed_claude(o):
    if o.get('type')!='user' or o.get('isMeta') or o.get('isCompactSummary'): return None
    m=o.get('message') or {}
    c=m.get('content')
    if isinstance(c,str): t=c
    elif isinstance(c,list):
        if any(isinstance(b,dict) and b.get('type')=='tool_result' for b in c): return None
        t=' '.join(b.get('text','') for b in c if isinstance(b,dict) and b.get('type')=='text')
    else: return None
    s=t.strip()
    if not s or s.startswith('<command-') or s.startswith('<local-command') or s.startswith('<system-reminder') or s.startswith('[Request interrupted') or s.startswith('Caveat:') or s.startswith('<bash-'): return None
    # Claude Code's request for a conversation's title (a file of its own in older versions) is not typed.
    if s.startswith('Context: This summary will be shown in a list to help users and Claude choose'): return None
    return s
if __name__ == '__main__':
    rows=[l.rstrip('\n').split('\t') for l in open('files.tsv')]
    out=[]
    for repo,agent,path,commit,size in rows:
        d=repo.replace('/','+',1)
        f=os.path.join('raw',d,path)
        prompts=0; tools=0; cwd=None; agent2=agent; sid=None
        for l in open(f,errors='replace'):
            try:o=json.loads(l)
            except: continue
            if not isinstance(o,dict): continue
            if 'payload' in o and agent=='codex':
                p=o['payload'] if isinstance(o['payload'],dict) else {}
                if o.get('type')=='session_meta': cwd=p.get('cwd'); sid=p.get('id')
                if o.get('type')=='event_msg' and p.get('type')=='user_message': prompts+=1
                if o.get('type')=='response_item' and p.get('type') in ('function_call','custom_tool_call','local_shell_call'): tools+=1
            else:
                if cwd is None and o.get('cwd'): cwd=o['cwd']
                if sid is None and o.get('sessionId'): sid=o['sessionId']
                if typed_claude(o): prompts+=1
                m=o.get('message') or {}
                if o.get('type')=='assistant' and isinstance(m.get('content'),list):
                    tools+=sum(1 for b in m['content'] if isinstance(b,dict) and b.get('type')=='tool_use')
        home=''
        if cwd:
            mm=re.match(r'^(/Users/[^/]+|/home/[^/]+|/root|[A-Za-z]:\\Users\\[^\\]+|/mnt/c/Users/[^/]+)',cwd)
            home=mm.group(1) if mm else cwd.split('/')[1] if '/' in cwd else cwd
        out.append((repo,agent,path,commit,size,prompts,tools,home,sid or ''))
    with open('scan.tsv','w') as fo:
        for r in out: fo.write('\t'.join(map(str,r))+'\n')
