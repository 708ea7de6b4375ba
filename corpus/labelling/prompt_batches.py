#!/usr/bin/env python3
"""Prompt-level study: batches of typed prompts for blind readers, and the key to them.

Usage: prompt_batches.py PROMPTS.jsonl OUT_DIR
       prompt_batches.py manifest FILES_DIR MANIFEST.tsv   the input of PromptDump.java: each corpus
                                                           session's files under FILES_DIR, laid out
                                                           as refetch.py's .refetch/files
PROMPTS.jsonl has one line per typed prompt as the Java reader sees it (session, i, text, the
detectors' flags, prev_calls: the agent's tool calls since the prompt before, "EDIT:" marking an
edit). Sessions come from the calibration split only: per person one session, two when they have
two or more, three from six, chosen by a salted SHA-256; the first 25 prompts of each. People
are halved ("tune"/"test") by another salted hash before any label is read. The readers see the
prompts and a summary of what the agent did before each, never the detectors' flags.
"""
import collections
import csv
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SESSIONS = os.path.join(ROOT, "src", "main", "resources", "dev", "personas", "classify", "real", "sessions.tsv")
CAP, BATCHES, MAX_CHARS = 25, 4, 2500


def h(text):
    return hashlib.sha256(("prompts15:" + text).encode()).hexdigest()


def summary(calls):
    if not calls:
        return "the agent used no tools"
    names = collections.Counter(c.split(" ")[0].removeprefix("EDIT:") for c in calls)
    text = f"{len(calls)} tool calls (" + ", ".join(f"{k} x{v}" for k, v in names.most_common(6)) + ")"
    edits = [c for c in calls if c.startswith("EDIT:")]
    files = sorted({c.split(" ")[1] for c in edits if len(c.split(" ")) > 1 and not c.split(" ")[1].startswith("`")})
    if edits:
        text += f"; {len(edits)} edit(s)" + (": " + ", ".join(files[:6]) if files else "")
    commands = [c[c.index("`"):] for c in calls if "`" in c and not c.startswith("EDIT:")][:3]
    if commands:
        text += "; ran: " + " | ".join(x[:120] for x in commands)
    errors = sum(c.endswith("(error)") for c in calls)
    return text + (f"; {errors} call(s) returned an error" if errors else "")


def main(prompts_path, out):
    with open(SESSIONS, newline="") as f:
        rows = {r["session"]: r for r in csv.DictReader(f, delimiter="\t")}
    prompts = collections.defaultdict(list)
    with open(prompts_path) as f:
        for line in f:
            o = json.loads(line)
            prompts[o["session"]].append(o)
    persons = collections.defaultdict(list)
    for s, r in rows.items():
        if r["split"] == "calibration" and prompts[s]:
            persons[r["person"]].append(s)
    pick = []
    for p, ss in sorted(persons.items()):
        ss = sorted(ss, key=h)
        pick += ss[:1 + (len(ss) >= 2) + (len(ss) >= 6)]
    pick = sorted(pick, key=h)
    half = {p: "tune" if int(h("half:" + p), 16) % 2 == 0 else "test" for p in persons}
    sessions, key = {}, []
    for n, s in enumerate(pick):
        qid = f"Q{n + 1:03d}"
        sessions[qid] = []
        for o in prompts[s][:CAP]:
            t = o["text"]
            if len(t) > MAX_CHARS:
                t = t[:MAX_CHARS] + f" […{len(o['text']) - MAX_CHARS} more characters]"
            sessions[qid].append((o["i"], t, summary(o["prev_calls"]) if o["i"] > 0 else None))
            key.append({"qid": qid, "i": o["i"], "session": s, "person": rows[s]["person"],
                        "half": half[rows[s]["person"]], **{k: o[k] for k in
                        ("edited_before", "correction", "question", "vague", "pointer", "pasted")}})
    os.makedirs(os.path.join(out, "batches"), exist_ok=True)
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f)
    batches, size = [[] for _ in range(BATCHES)], [0] * BATCHES
    for q, its in sorted(sessions.items(), key=lambda kv: (-sum(len(x[1]) + 200 for x in kv[1]), kv[0])):
        j = min(range(BATCHES), key=lambda j: size[j])
        batches[j].append(q)
        size[j] += sum(len(x[1]) + 200 for x in its)
    for j, qs in enumerate(batches):
        with open(os.path.join(out, "batches", f"batch{j + 1}.md"), "w") as f:
            for q in sorted(qs):
                f.write(f"\n\n################ SESSION {q} ################\n")
                for i, t, ctx in sessions[q]:
                    f.write(f"\n=== {q} prompt {i} ===\n")
                    if ctx is not None:
                        f.write(f"[before this prompt, in reply to the previous one: {ctx}]\n")
                    f.write("PROMPT:\n" + t + "\n")
        print(f"batch{j + 1}: {len(qs)} sessions, {sum(len(sessions[q]) for q in qs)} prompts")
    print(len(pick), "sessions,", len(key), "prompts;", dict(collections.Counter(k["half"] for k in key)))


def manifest(files_dir, out):
    sys.path.insert(0, os.path.join(ROOT, "corpus"))
    import refetch
    with open(os.path.join(ROOT, "corpus", "sources.tsv"), newline="") as f:
        sources = list(csv.DictReader(f, delimiter="\t"))
    with open(out, "w") as f:
        for src in sources:
            main_file = os.path.join(files_dir, src["repo"].replace("/", "+", 1), src["path"])
            stem = os.path.basename(main_file)[:-len(".jsonl")]
            f.write("\t".join([src["session"], src["agent"], stem, *refetch.session_files(main_file, src["agent"])]) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["manifest"]:
        manifest(*sys.argv[2:])
    else:
        main(*sys.argv[1:])
