"""A round of sessions of people new to the corpus (repositories found with the same find_files
searches, none of those kept for the independent check), at most 8 per person, chosen by a
SHA-256 of the path salted with the round; rendered with digest.py for two blind readers. Run from
the round's folder (raw/ and digests/ are written there):
  python3 choose_new_people.py [--per-person N] ROUND FIRST_PERSON FIRST_SESSION /work/.mirror REPO...
Round 3: 3 40 308; round 4: 4 50 368; round 5: --per-person 4 5 63 389; round 6: --per-person 4 6 78
440; round 7: --per-person 4 7 92 490; round 8: --per-person 4 8 107 549 (each round's repositories
are those of its sessions in corpus/sources.tsv). A file whose only user text is Claude Code's
request for a conversation's title has no typed prompt (scan.typed_claude) and is not chosen. With --per-person (round 5 on) a session id seen at two paths of one
person's repository (a copied ~/.claude folder) is taken once, at the first path in history order.
--exclude TEXT leaves out paths holding TEXT: round 11, `--per-person 4 --exclude paperclip 11 152
727` (one person's project folders of an automated orchestrator). --exclude-first TEXT leaves out
sessions whose first typed prompt starts with TEXT, and --exclude-only TEXT those whose every typed
prompt is TEXT (scheduled or scripted runs kept in the same folder as a person's own sessions):
round 13, see corpus/README.md. --skip-codex-subagents leaves out Codex rollouts whose session_meta
says a sub-agent started them (source.subagent: a guardian's review, a spawned thread; not /review's
rollout, which is the person's): round 14. Sessions kept by Entire (entire.io) in git refs
(`<shard>/<id>/<n>/full.jsonl` under refs/entire/checkpoints/… or the entire/checkpoints/v1 branch,
or `.entire/metadata/<session>/full.jsonl`) are read too: each checkpoint repeats its session so far,
so a session id is taken once, at its largest copy (ties: the first in history order): round 16.
--claude-folder TEXT also takes a Claude Code session file (<uuid>.jsonl) whose path holds TEXT
(as written, case and all), for a person's copies kept outside a projects/ folder (CHAT_LOGS/,
Archives/, CC-test-projects/…); with --per-person, a file name met in several folders is taken
once: round 18. --skip-claude-sdk leaves out Claude Code sessions that the Agent SDK started (the first
line naming an entrypoint names sdk-cli, sdk-ts or sdk-py: a program's runs, not the person's):
round 18."""
import hashlib, json, os, subprocess, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from digest import render
from scan import typed_claude
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import refetch

def typed(path, agent):
    out = []
    for line in open(path, errors='replace'):
        try: o = json.loads(line)
        except Exception: continue
        if not isinstance(o, dict): continue
        if agent == 'claude':
            t = None if o.get('isSidechain') else typed_claude(o)  # a warm-up sidechain is not the person
        else:
            p = o.get('payload') if isinstance(o.get('payload'), dict) else {}
            t = (p.get('message') or '') if o.get('type') == 'event_msg' and p.get('type') == 'user_message' else None
        if t is not None: out.append(t.strip())
    return out

def codex_subagent(path):
    """A Codex rollout that a sub-agent started (its session_meta's source names one), /review's aside."""
    for line in open(path, errors='replace'):
        try: o = json.loads(line)
        except Exception: continue
        if not isinstance(o, dict): continue
        p = o.get('payload') if isinstance(o.get('payload'), dict) else {}
        if o.get('type') == 'session_meta':
            src = p.get('source')
            # The review a person asks for with /review ({"subagent": "review"}) is theirs (CodexLine).
            return isinstance(src, dict) and 'subagent' in src and src['subagent'] != 'review'
    return False

def entire_session(path):
    """An Entire checkpoint's transcript: ('claude' or 'codex', the session id), or None."""
    for line in open(path, errors='replace'):
        try: o = json.loads(line)
        except Exception: continue
        if not isinstance(o, dict): continue
        if o.get('type') == 'session_meta' and isinstance(o.get('payload'), dict):
            return ('codex', o['payload'].get('id')) if o['payload'].get('id') else None
        if o.get('sessionId') and o.get('type') in ('user', 'assistant'):
            return ('claude', o['sessionId'])
    return None

def claude_sdk(path):
    """A Claude Code session the Agent SDK started: its first entrypoint is sdk-*."""
    with open(path, errors='replace') as f:
        for line in f:
            try: o = json.loads(line)
            except Exception: continue
            if isinstance(o, dict) and isinstance(o.get('entrypoint'), str):
                return o['entrypoint'].startswith('sdk-')
    return False

def scripted(texts, first, only):
    """A run whose first typed prompt opens as a scheduled or scripted one, or that typed nothing else."""
    return bool(texts) and (any(texts[0].lower().startswith(x) for x in first)
                            or any(all(t.lower() == x for t in texts) for x in only))

args = sys.argv[1:]
per_person, once, excluded, ex_first, ex_only, no_subagents, folders, no_sdk = 8, False, [], [], [], False, [], False
while args[0].startswith('--'):
    if args[0] == '--per-person':
        per_person, once, args = int(args[1]), True, args[2:]
    elif args[0] == '--exclude':  # paths holding this text (case-insensitive) are not sessions of the person
        excluded, args = excluded + [args[1].lower()], args[2:]
    elif args[0] == '--exclude-first':
        ex_first, args = ex_first + [args[1].lower()], args[2:]
    elif args[0] == '--skip-codex-subagents':
        no_subagents, args = True, args[1:]
    elif args[0] == '--skip-claude-sdk':
        no_sdk, args = True, args[1:]
    elif args[0] == '--claude-folder':
        folders, args = folders + [args[1]], args[2:]
    elif args[0] == '--exclude-only':
        ex_only, args = ex_only + [args[1].lower()], args[2:]
    else:
        sys.exit('unknown option ' + args[0])
rnd, first_person, first_session = args[0], int(args[1]), int(args[2])
mirror, repos = args[3], args[4:]
seen_ids = set()
h = lambda s: hashlib.sha256(s.encode()).hexdigest()
by = collections.defaultdict(list)
entire = {}  # (repo, agent, session id) -> (bytes, path, commit): the largest checkpoint copy
for repo in repos:
    g = os.path.join(mirror, repo.replace('/', '+', 1), 'repo')
    versions = [(p, c) for p, c in refetch.newest_versions(g).items() if os.path.basename(p) != 'full.jsonl']
    for p, commit in versions + refetch.entire_versions(g):
        dst = os.path.join('raw', repo.replace('/', '+', 1), refetch.local_path(p, commit))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        r = subprocess.run(['git', '--git-dir', g, 'show', f'{commit}:{p}'], capture_output=True)
        if r.returncode == 0: open(dst, 'wb').write(r.stdout)
        base = os.path.basename(p)
        if '/subagents/' in p or base.startswith('agent-') or r.returncode != 0: continue
        if base == 'full.jsonl' and not any(x in p.lower() for x in excluded):
            found = entire_session(dst)
            if found:
                key = (repo, *found)
                if key not in entire or len(r.stdout) > entire[key][0]:
                    entire[key] = (len(r.stdout), p, commit)
            continue
        codex = 'rollout-' in base and '/sessions/' in '/' + p
        claude = ('/projects/' in '/' + p or any(x in p for x in folders)) and len(base) == 42
        if not (codex or claude) or any(x in p.lower() for x in excluded): continue
        if once:
            if (repo, base) in seen_ids: continue
            seen_ids.add((repo, base))
        agent = 'codex' if codex else 'claude'
        if no_subagents and agent == 'codex' and codex_subagent(dst): continue
        if no_sdk and agent == 'claude' and claude_sdk(dst): continue
        texts = typed(dst, agent)
        if texts and not scripted(texts, ex_first, ex_only):
            by[repo.split('/')[0]].append((repo, agent, p, commit, len(r.stdout)))
for (repo, agent, _), (size, p, commit) in sorted(entire.items()):
    dst = os.path.join('raw', repo.replace('/', '+', 1), refetch.local_path(p, commit))
    if no_subagents and agent == 'codex' and codex_subagent(dst): continue
    if no_sdk and agent == 'claude' and claude_sdk(dst): continue
    texts = typed(dst, agent)
    if texts and not scripted(texts, ex_first, ex_only):
        by[repo.split('/')[0]].append((repo, agent, p, commit, size))
out, n = [], first_session - 1
for pi, person in enumerate(sorted(by, key=lambda x: h(f'person{rnd}:' + x)), first_person):
    pid = f'P{pi:02d}'
    for repo, agent, p, commit, size in sorted(sorted(by[person], key=lambda r: h(f'select{rnd}:' + r[0] + ':' + r[2]))[:per_person], key=lambda r: r[2]):
        n += 1; sid = f'S{n:03d}'
        d = render(os.path.join('raw', repo.replace('/', '+', 1), refetch.local_path(p, commit)), agent, sid, pid)
        os.makedirs('digests', exist_ok=True)
        open(f'digests/{sid}.txt', 'w').write(d)
        out.append(dict(session=sid, person=pid, person_key=person, repo=repo, agent=agent, path=p, commit=commit, bytes=size, digest_chars=len(d)))
json.dump(out, open('manifest.json', 'w'), indent=1)
print(len(out), collections.Counter(x['person'] for x in out), collections.Counter(x['agent'] for x in out), sum(x['digest_chars'] for x in out))
