"""Renders a session transcript as a compact, faithful reading copy for human-style readers.
No classifier, no features: typed prompts in full (long ones trimmed in the middle), agent replies
shortened, tool calls one line each, errors marked, idle gaps marked."""
import json,os,re,sys,hashlib,random
from datetime import datetime
def ts(s):
    try: return datetime.fromisoformat(s.replace('Z','+00:00'))
    except Exception: return None
def clip(s,n):
    s=s.strip()
    if len(s)<=n: return s
    h=int(n*0.7); return s[:h]+f"\n   [... {len(s)-n} chars omitted ...]\n"+s[-(n-h):]
def one(s,n=160):
    s=' '.join(str(s).split())
    return s if len(s)<=n else s[:n]+'…'
class R:
    def __init__(s): s.lines=[]; s.last=None; s.first=None; s.tools_in_ex=0; s.tool_counts={}; s.agent_in_ex=0
    def t(s,t):
        if t is None: return
        if s.last and (t-s.last).total_seconds()>1800:
            s.lines.append(f"   ~~ idle gap {int((t-s.last).total_seconds()//60)} min ~~")
        if s.first is None: s.first=t
        s.last=t
    def flush(s):
        if s.tools_in_ex>25:
            s.lines.append(f"   ... and {s.tools_in_ex-25} more tool calls in this stretch: "+', '.join(f'{k}×{v}' for k,v in sorted(s.tool_counts.items(),key=lambda x:-x[1])))
        s.tools_in_ex=0; s.tool_counts={}; s.agent_in_ex=0
    def user(s,kind,text,t):
        s.flush(); s.t(t)
        stamp=t.strftime('%Y-%m-%d %H:%M') if t else '?'
        s.lines.append(f"\n>>> {kind} [{stamp}]:\n"+clip(text,3000))
    def note(s,text,t=None):
        s.t(t); s.lines.append('   '+text)
    def agent(s,text,t):
        s.t(t); s.agent_in_ex+=1
        if text.strip(): s.lines.append('   AGENT: '+one(text,400))
    def tool(s,name,arg,t):
        s.t(t); s.tools_in_ex+=1; s.tool_counts[name]=s.tool_counts.get(name,0)+1
        if s.tools_in_ex<=25: s.lines.append(f"   tool {name}: {one(arg,150)}")
    def err(s,text):
        if s.tools_in_ex<=25: s.lines.append(f"      -> ERROR: {one(text,150)}")
NOTICES=('<task-notification>','<cross-session-message','<bash-notification>','<fork-boilerplate>','<teammate-message','<agent-notification>')
COMMAND=re.compile(r'/[A-Za-z][A-Za-z0-9_:.-]*(?:[ \t\n\r]|$)')
IDE=('<ide_opened_file>','<ide_selection>','<ide_diagnostics>')
KINDS=('user','assistant','system','attachment','queue-operation','permission-mode')
def earlier(a,b):
    try: return a is not None and b is not None and a<b
    except TypeError: return False
def claude(path,r):
    pend={}
    # A prompt the client writes out again (a replay after a resume) is not typed again: the same
    # text, written at the instant of the line before it and of the one before that, or dated
    # before a line the file already holds (personas' ClaudeSessionBuilder.replayed). Rounds 1-6
    # were rendered before this line, so their copies showed such prompts as typed (corpus/README.md).
    stamps=[None,None,None]; latest=None; latest_before=None; typed=set(); last_q=(None,None)
    for l in open(path,errors='replace'):
        try:o=json.loads(l)
        except: continue
        if isinstance(o,dict) and o.get('type') in KINDS:
            raw=o.get('timestamp') if isinstance(o.get('timestamp'),str) else None
            stamps=[stamps[1],stamps[2],raw]; latest_before=latest
            when=ts(raw) if raw else None
            if when is not None and (latest is None or earlier(latest,when)): latest=when
        if not isinstance(o,dict) or o.get('isSidechain'): continue
        t=ts(o.get('timestamp','')) if o.get('timestamp') else None
        ty=o.get('type')
        if ty=='queue-operation':
            # Notices Claude Code queues itself are not typed. Rounds 1-3 were rendered before this
            # line told them apart, so their copies showed such notices as typed (corpus/README.md).
            if o.get('operation')=='enqueue' and o.get('content'):
                q=str(o.get('content')).strip()
                # A queued slash command runs as the command later; the same text queued again
                # within two seconds is the client looping (personas' ClaudeSessionBuilder).
                again=q==last_q[0] and t is not None and last_q[1] is not None and 0<=(t-last_q[1]).total_seconds()<2
                last_q=(q,t)
                if q.startswith(NOTICES): r.note('[injected: '+one(q,120)+']',t)
                elif COMMAND.match(q): r.note('[slash command queued: '+one(q,80)+']',t)
                elif again: continue
                else: r.user('USER (typed while the agent was working)',q,t)
            continue
        if ty=='system' and o.get('subtype')=='compact_boundary': r.note('[context compacted]',t); continue
        m=o.get('message') or {}
        c=m.get('content')
        if ty=='user':
            if o.get('isCompactSummary'): r.note('[compaction summary injected]',t); continue
            if isinstance(c,list) and any(isinstance(b,dict) and b.get('type')=='tool_result' for b in c):
                for b in c:
                    if isinstance(b,dict) and b.get('type')=='tool_result' and b.get('is_error'):
                        cc=b.get('content'); cc=cc if isinstance(cc,str) else ' '.join(x.get('text','') for x in (cc or []) if isinstance(x,dict))
                        r.err(cc)
                continue
            blocks=[c] if isinstance(c,str) else [b.get('text','') for b in (c or []) if isinstance(b,dict) and b.get('type')=='text']
            # The IDE's context (an opened file, a selection) rides along with a prompt; not typed.
            own=[x for x in blocks if not x.strip().startswith(IDE)]
            if blocks and not own and not (isinstance(c,list) and any(isinstance(b,dict) and b.get('type')=='image' for b in c)):
                r.note('[IDE context injected]',t); continue
            text=' '.join(own)
            imgs=sum(1 for b in (c or []) if isinstance(c,list) and isinstance(b,dict) and b.get('type')=='image')
            s=text.strip()
            if o.get('isMeta'): r.note('[injected text (isMeta): '+one(s,200)+']',t); continue
            if s.startswith('[Request interrupted'): r.note('[USER INTERRUPTED the agent]',t); continue
            if '<command-name>' in s:
                nm=re.search(r'<command-name>(.*?)</command-name>',s,re.S); ar=re.search(r'<command-args>(.*?)</command-args>',s,re.S)
                r.user('USER ran a slash command',(nm.group(1) if nm else '?')+' '+(ar.group(1) if ar else ''),t); continue
            if s.startswith('<local-command-stdout') or s.startswith('<bash-stdout') or s.startswith('<local-command-stderr'): r.note('[local command output: '+one(s,150)+']',t); continue
            if s.startswith('<bash-input>'): r.note('[user ran shell command directly: '+one(s,150)+']',t); continue
            if s.startswith('Caveat:'): continue
            if s.startswith('Unknown slash command: ') or s.startswith('Unknown skill: '): r.note('[local command output: '+one(s,150)+']',t); continue
            if s.startswith('Context: This summary will be shown in a list to help users and Claude choose'): r.note("[Claude Code's request for a title of the conversation: not typed]",t); continue
            if s.startswith('<system-reminder>') or s.startswith(NOTICES): r.note('[injected: '+one(s,120)+']',t); continue
            if not s and not imgs: continue
            if s in typed and stamps[2] is not None and stamps[2]==stamps[1] and (stamps[2]==stamps[0] or earlier(t,latest_before)):
                r.note('[the client wrote an earlier prompt out again here (a replay): not typed]',t); continue
            typed.add(s)
            r.user('USER typed',s+(f' [+{imgs} image(s)]' if imgs else ''),t)
            if o.get('permissionMode')=='plan': r.note('[permission mode: plan]')
        elif ty=='assistant' and isinstance(c,list):
            for b in c:
                if not isinstance(b,dict): continue
                if b.get('type')=='text': r.agent(b.get('text',''),t)
                elif b.get('type')=='tool_use':
                    i=b.get('input') or {}
                    arg=i.get('command') or i.get('file_path') or i.get('path') or i.get('pattern') or i.get('description') or i.get('url') or i.get('query') or (json.dumps(i)[:150] if i else '')
                    if b.get('name') in ('TodoWrite',): arg=f"{len(i.get('todos',[]))} todos"
                    if b.get('name') in ('Task','Agent'): arg=(i.get('subagent_type','')+': '+str(i.get('description',''))+' — '+one(i.get('prompt',''),80))
                    if b.get('name') in ('Edit','MultiEdit','Write'):
                        arg=str(i.get('file_path'))+(f" (+{len(str(i.get('content','') or i.get('new_string','')).splitlines())} lines)")
                    r.tool(b.get('name'),arg,t)
                elif b.get('type')=='thinking': pass
def codex(path,r):
    for l in open(path,errors='replace'):
        try:o=json.loads(l)
        except: continue
        if not isinstance(o,dict): continue
        t=ts(o.get('timestamp','')) if o.get('timestamp') else None
        ty=o.get('type'); p=o.get('payload') if isinstance(o.get('payload'),dict) else {}
        pt=p.get('type')
        if ty=='event_msg':
            if pt=='user_message':
                msg=p.get('message') or ''
                imgs=len(p.get('images') or [])
                r.user('USER typed',msg+(f' [+{imgs} image(s)]' if imgs else ''),t)
            elif pt=='agent_message': r.agent(p.get('message',''),t)
            elif pt=='turn_aborted': r.note('[USER INTERRUPTED the agent]',t)
            elif pt in ('context_compacted',): r.note('[context compacted]',t)
            elif pt=='entered_review_mode': r.note('[review mode]',t)
        elif ty=='response_item':
            if pt=='function_call':
                a=p.get('arguments')
                try: a=json.loads(a)
                except Exception: pass
                if isinstance(a,dict):
                    cmd=a.get('command') or a.get('cmd')
                    if isinstance(cmd,list): cmd=' '.join(map(str,cmd))
                    if cmd and 'apply_patch' in cmd:
                        files=re.findall(r'\*\*\* (?:Update|Add|Delete) File: (\S+)',cmd); r.tool('apply_patch (edit)',', '.join(files),t); continue
                    if p.get('name')=='update_plan': r.tool('update_plan',f"{len(a.get('plan',[]))} steps",t); continue
                    arg=cmd or json.dumps(a)[:150]
                else: arg=str(a)
                r.tool(p.get('name'),arg,t)
            elif pt=='custom_tool_call':
                inp=str(p.get('input',''))
                files=re.findall(r'\*\*\* (?:Update|Add|Delete) File: (\S+)',inp)
                r.tool(p.get('name')+(' (edit)' if p.get('name')=='apply_patch' else ''),', '.join(files) or one(inp,150),t)
            elif pt in ('function_call_output','custom_tool_call_output'):
                out=p.get('output')
                if isinstance(out,str):
                    try:
                        j=json.loads(out); ec=(j.get('metadata') or {}).get('exit_code'); body=j.get('output','')
                    except Exception:
                        m=re.search(r'Exit code: (\d+)',out); ec=int(m.group(1)) if m else 0; body=out
                    if ec not in (0,None): r.err(f'exit {ec}: '+str(body)[-300:])
            elif pt=='web_search_call': r.tool('web_search',str((p.get('action') or {}).get('query','')),t)
        elif ty=='compacted': r.note('[context compacted]',t)
def render(path,agent,sid,person):
    r=R()
    (codex if agent=='codex' else claude)(path,r)
    r.flush()
    head=f"SESSION {sid} — agent: {'Codex CLI' if agent=='codex' else 'Claude Code'} — person {person}\n"
    if r.first and r.last: head+=f"first event {r.first:%Y-%m-%d %H:%M}, last event {r.last:%Y-%m-%d %H:%M} (idle gaps over 30 min are marked)\n"
    body='\n'.join(r.lines)
    if len(body)>60000:
        body=body[:42000]+f"\n\n[... middle of the session omitted: {len(body)-60000} chars ...]\n\n"+body[-18000:]
    return head+body+'\n[END OF SESSION]\n'
if __name__=='__main__':
    print(render(sys.argv[1],sys.argv[2],'TEST','P?'))
