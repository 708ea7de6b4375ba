#!/usr/bin/env python3
"""Fetches the real labelled sessions again and checks their features against sessions.tsv.

Usage (from the project root, after `mvn -q package -DskipTests`):
  python3 corpus/refetch.py                  clone each repository at its commit into .refetch/
  python3 corpus/refetch.py --offline DIR    read DIR/<owner>+<name>/<path> instead of cloning
  python3 corpus/refetch.py ... --write      after the feature code changed on purpose: rewrite the
                                             feature columns of sessions.tsv (labels and split kept)
  python3 corpus/refetch.py ... --only X,Y   only these sessions (ids) or agents (claude, codex); with
                                             --write, only their rows are rewritten

For each session: the file's SHA-256 must equal sources.tsv's; `personas classify --json` on the
file and its subagent transcripts must give every feature of sessions.tsv (to 1e-9). Exit 0 when
all match, 1 otherwise. Standard library and git only.
"""
import csv
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "corpus", "sources.tsv")
SESSIONS = os.path.join(ROOT, "src", "main", "resources", "dev", "personas", "classify", "real", "sessions.tsv")
JAR = os.path.join(ROOT, "target", "personas.jar")
FIXED = ("session", "person", "agent", "split", "round", "reader_a", "reader_b", "type", "runner_up")


def clone(repo, into):
    """A full clone (history included: some logs were deleted after the commit we read)."""
    git_dir = os.path.join(into, repo.replace("/", "+", 1))
    if not os.path.isdir(git_dir):
        subprocess.run(["git", "clone", "--bare", "--quiet", f"https://github.com/{repo}.git", git_dir], check=True)
        # Entire (entire.io) keeps sessions under refs/entire/, which a clone does not bring.
        subprocess.run(["git", "--git-dir", git_dir, "fetch", "--quiet", "origin", "+refs/entire/*:refs/entire/*"],
                       check=False)
    return git_dir


def newest_versions(git_dir):
    """Every .jsonl path in the history and the newest commit that added or changed it."""
    log = subprocess.run(["git", "--git-dir", git_dir, "log", "--all", "--format=C %H", "--name-status",
                          "--diff-filter=AM", "--no-renames"], capture_output=True, text=True, check=True).stdout
    newest, commit = {}, None
    for line in log.splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif "\t" in line:
            path = line.split("\t", 1)[1]
            if path.endswith(".jsonl"):
                newest.setdefault(path, commit)
    return newest


def entire_versions(git_dir):
    """Every Entire checkpoint transcript in the history, all refs: (path, commit) for each distinct
    full.jsonl blob. Entire's newer refs (refs/entire/checkpoints/<shard>/<id>) each hold the same
    paths (0/full.jsonl, 1/full.jsonl, ...), so a path alone does not name a transcript."""
    log = subprocess.run(["git", "--git-dir", git_dir, "log", "--all", "--format=C %H", "--raw", "--no-abbrev",
                          "--diff-filter=AM", "--no-renames"], capture_output=True, text=True, check=True).stdout
    seen, out, commit = set(), [], None
    for line in log.splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif line.startswith(":") and "\t" in line:
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if os.path.basename(path) == "full.jsonl" and blob not in seen:
                seen.add(blob)
                out.append((path, commit))
    return out


def local_path(path, commit):
    """Where a session's file is kept under a repository's folder: an Entire transcript (full.jsonl)
    under its commit's first 12 digits, since Entire's refs share their paths; any other at its path."""
    return os.path.join(commit[:12], path) if os.path.basename(path) == "full.jsonl" else path


def subagent_paths(session_path, all_paths):
    """A Claude Code session's subagent transcripts: <id>/subagents/… and agent-*.jsonl beside it."""
    folder = os.path.dirname(session_path)
    own = session_path[:-len(".jsonl")] + "/subagents/"
    return [p for p in all_paths if p.startswith(own)
            or (os.path.dirname(p) == folder and os.path.basename(p).startswith("agent-"))]


def session_files(main_file, agent):
    """A session's file and, for Claude Code, the subagent transcripts beside it: agent-*.jsonl in
    its folder and its own <id>/ folder (personas picks the ones that name the session)."""
    if agent != "claude":
        return [main_file]
    folder = os.path.dirname(main_file)
    own = main_file[:-len(".jsonl")]
    extra = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.startswith("agent-")]
    return [main_file, *extra, *([own] if os.path.isdir(own) else [])]


def materialise(git_dir, commit_of, paths, out):
    files = []
    for p in paths:
        data = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit_of[p]}:{p}"],
                              capture_output=True, check=True).stdout
        dst = os.path.join(out, local_path(p, commit_of[p]))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        files.append(dst)
    return files


def features(files, agent, wanted):
    out = subprocess.run(["java", "-jar", JAR, "classify", "--json", "-q", *files],
                         capture_output=True, text=True, check=True).stdout
    sessions = json.loads(out)["sessions"]
    if agent == "claude":
        stem = os.path.basename(files[0])[:-len(".jsonl")]
        sessions = [s for s in sessions if s["id"] == stem] or sessions
    return sessions[0]["features"] if len(sessions) == 1 else None


def number(value):
    """A feature value as sessions.tsv writes it: Python's repr of the float, no trailing .0."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def rewrite(expected, recomputed):
    """Writes sessions.tsv with the recomputed features; a session not recomputed keeps its row,
    which only makes sense while the features are the same columns (else every session is)."""
    keys = list(next(iter(recomputed.values())).keys())
    columns = [k for k in next(iter(expected.values())) if k not in FIXED]
    if len(recomputed) < len(expected) and keys != columns:
        raise SystemExit("the features are not sessions.tsv's columns: recompute every session, without --only")
    with open(SESSIONS, "w", newline="") as f:
        f.write("\t".join(list(FIXED) + keys) + "\n")
        for sid, row in expected.items():
            values = [number(recomputed[sid][k]) for k in keys] if sid in recomputed else [row[k] for k in keys]
            f.write("\t".join([row[k] for k in FIXED] + values) + "\n")


def main(argv):
    offline = argv[argv.index("--offline") + 1] if "--offline" in argv else None
    write = "--write" in argv
    if "--only" in argv and argv.index("--only") + 1 >= len(argv):
        print("--only needs a list: session ids or agents (claude, codex), comma-separated")
        return 2
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    recomputed = {}
    work = os.path.join(ROOT, ".refetch")
    os.makedirs(work, exist_ok=True)
    with open(SOURCES, newline="") as f:
        sources = [s for s in csv.DictReader(f, delimiter="\t")
                   if only is None or s["session"] in only or s["agent"] in only]
    with open(SESSIONS, newline="") as f:
        expected = {r["session"]: r for r in csv.DictReader(f, delimiter="\t")}
    if only is not None:
        named = {s["session"] for s in sources} | {s["agent"] for s in sources}
        unknown = sorted(only - named)
        if unknown:
            print(f"--only names no session or agent of sources.tsv: {', '.join(unknown)}")
            return 2
    failures = 0
    histories = {}
    for src in sources:
        sid, repo, path = src["session"], src["repo"], src["path"]
        if offline:
            base = os.path.join(offline, repo.replace("/", "+", 1))
            files = session_files(os.path.join(base, local_path(path, src["commit"])), src["agent"])
        else:
            if repo not in histories:
                git_dir = clone(repo, work)
                histories[repo] = (git_dir, newest_versions(git_dir))
            git_dir, commit_of = histories[repo]
            commit_of = dict(commit_of, **{path: src["commit"]})
            paths = [path] + (subagent_paths(path, commit_of) if src["agent"] == "claude" else [])
            try:
                files = materialise(git_dir, commit_of, paths, os.path.join(work, "files", repo.replace("/", "+", 1)))
            except subprocess.CalledProcessError as e:
                print(f"{sid}: {repo}: {e.cmd[-1]} cannot be read from the history ({e.stderr.decode(errors='replace').strip()})")
                failures += 1
                continue
        with open(files[0], "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != src["sha256"]:
                print(f"{sid}: {repo}/{path} differs from the file that was labelled (SHA-256)")
                failures += 1
                continue
        got = features(files, src["agent"], sid)
        want = expected[sid]
        if write and got is not None:
            recomputed[sid] = got
            continue
        bad = [k for k in want if k not in FIXED and (got is None or abs(float(got[k]) - float(want[k])) > 1e-9)]
        if bad:
            print(f"{sid}: features differ: {', '.join(bad)}")
            failures += 1
    if write:
        if failures or len(recomputed) != len(sources):
            print(f"not written: {len(recomputed)} of {len(sources)} sessions recomputed")
            return 1
        rewrite(expected, recomputed)
        print(f"sessions.tsv rewritten with the features of {len(recomputed)} sessions")
        return 0
    print(f"{len(sources) - failures} of {len(sources)} sessions match sessions.tsv")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
