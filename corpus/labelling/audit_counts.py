"""Checks the reader's counts against what the logs record themselves, with no label involved:
for every Codex session of the corpus, the edits counted (sessions.tsv's edit_iterations) against
the patches Codex says it applied (its own patch_apply_end events, written by versions since
mid-2025), and the prompts and commands counted against its user_message events. Since model
version 20 the edits also count files written through the shell (`cat > f`, `sed -i`), which
Codex records as no patch, so only edits counted short of the patches applied are flagged. A new client
format the reader misses shows up here first: the check found Codex's code mode, whose 87 applied
patches in one session had been counted as no edit. Run from the project root over the copies
refetch.py reads:
  python3 corpus/labelling/audit_counts.py .refetch/files
Prints each session whose counts disagree by more than a small slack, and exits 1 if any do."""
import csv, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import refetch

def events(path):
    """(patches applied, user_message events) that a Codex rollout records."""
    patches = asks = 0
    with open(path, errors='replace') as f:
        for line in f:
            if '"patch_apply_end"' not in line and '"user_message"' not in line:
                continue
            try: o = json.loads(line)
            except ValueError: continue
            p = o.get('payload') if isinstance(o, dict) and isinstance(o.get('payload'), dict) else {}
            if o.get('type') == 'event_msg' and p.get('type') == 'patch_apply_end':
                patches += 1
            elif o.get('type') == 'event_msg' and p.get('type') == 'user_message':
                asks += 1
    return patches, asks

def main(copies):
    with open(refetch.SESSIONS, newline='') as f:
        rows = {r['session']: r for r in csv.DictReader(f, delimiter='\t')}
    with open(refetch.SOURCES, newline='') as f:
        sources = [s for s in csv.DictReader(f, delimiter='\t') if s['agent'] == 'codex']
    bad = 0
    for s in sources:
        path = os.path.join(copies, s['repo'].replace('/', '+', 1), refetch.local_path(s['path'], s['commit']))
        if not os.path.exists(path):
            print(f"{s['session']}: no copy at {path}")
            bad += 1
            continue
        patches, asks = events(path)
        r = rows[s['session']]
        edits = float(r['edit_iterations'])
        typed = float(r['prompts']) + float(r['slash_commands'])
        # Slack: a patch that failed is no edit; injected context and a /review preset are no prompt.
        if patches and patches - edits > max(2, 0.3 * patches):
            print(f"{s['session']}: {patches} patches applied, {edits:g} edits counted")
            bad += 1
        if asks and abs(asks - typed) > max(2, 0.3 * asks):
            print(f"{s['session']}: {asks} user messages, {typed:g} prompts and commands counted")
            bad += 1
    print(f"{len(sources)} Codex sessions checked, {bad} disagree")
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(refetch.ROOT, '.refetch', 'files')))
