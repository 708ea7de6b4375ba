#!/usr/bin/env python3
"""Writes realistic Claude Code logs (the ~/.claude/projects layout) for benchmarks.

Deterministic for a seed: same arguments, same bytes. Usage:
  gen_claude_logs.py OUT_DIR SIZE_MB [--seed N]
  gen_claude_logs.py OUT_DIR 0 --small --sessions 580000 --projects 2000   # the scale run
With --small, sessions keep the same line kinds but are short (1-2 prompts, 0-1 tool round
trips each, results of a few hundred bytes): ~3 kB a session, for runs over many sessions.
Sessions follow the shape of real Claude Code 2.x transcripts: typed prompts, system
reminders, thinking with signatures, assistant messages split over several lines that repeat
their usage, tool uses (Read, Bash, Edit, Grep, Task) whose results are echoed in toolUseResult,
file-history snapshots, progress lines, queue operations, and new-layout subagent files.
Never commit the output: it goes to /tmp.
"""
import argparse, json, os

from logtext import WORDS, Filler

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("size_mb", type=int); ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--small", action="store_true", help="short sessions (see above)")
    ap.add_argument("--sessions", type=int, default=0, help="stop after this many sessions")
    ap.add_argument("--projects", type=int, default=24, help="project folders")
    a = ap.parse_args()
    small = a.small
    filler = Filler(a.seed)
    rnd, text, codetext, uid = filler.rnd, filler.text, filler.codetext, filler.uid
    pool, code = filler.pool, filler.code
    target = a.size_mb * 1_000_000 if a.size_mb > 0 else float("inf")
    written = 0
    nproj = a.projects
    projects = ["-home-dev-proj%02d" % i for i in range(nproj)]
    t0 = 1_759_000_000
    sess_no = 0
    while written < target and (a.sessions == 0 or sess_no < a.sessions):
        proj = projects[sess_no % nproj]; sess_no += 1
        sid = uid(); cwd = "/home/dev/proj%02d" % (sess_no % nproj)
        d = os.path.join(a.out, "projects", proj); os.makedirs(d, exist_ok=True)
        ts = [t0 + sess_no * 7200]
        parent = [None]
        def stamp():
            ts[0] += rnd.randint(1, 40)
            import time
            return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts[0])) + ".%03dZ" % rnd.randint(0, 999)
        def env(t, extra, side=False, agent=None):
            u = uid()
            e = {"parentUuid": parent[0], "isSidechain": side, "userType": "external", "cwd": cwd,
                 "sessionId": sid, "version": "2.0.55", "gitBranch": "main"}
            if agent: e["agentId"] = agent
            e.update({"type": t}); e.update(extra); e.update({"uuid": u, "timestamp": stamp()})
            parent[0] = u
            return e
        def turn(out, side=False, agent=None):
            # one prompt and 1..12 tool round trips
            if rnd.random() < 0.7:
                content = text(rnd.randint(20, 300 if small else 600))
            else:
                content = [{"type": "text", "text": text(rnd.randint(20, 200 if small else 400))},
                           {"type": "text", "text": "<system-reminder>" + text(rnd.randint(50, 300) if small else rnd.randint(100, 1500)) + "</system-reminder>"}]
            out.append(env("user", {"message": {"role": "user", "content": content}, "permissionMode": "default"}, side, agent))
            for _ in range(rnd.randint(0, 1) if small else rnd.randint(1, 12)):
                mid = "msg_01" + uid().replace("-", "")[:22]; req = "req_011" + uid().replace("-", "")[:21]
                usage = {"input_tokens": rnd.randint(1, 50), "cache_creation_input_tokens": rnd.randint(0, 5000),
                         "cache_read_input_tokens": rnd.randint(0, 150000), "output_tokens": rnd.randint(1, 2000),
                         "service_tier": "standard"}
                blocks = []
                if rnd.random() < (0.2 if small else 0.6):
                    blocks.append({"type": "thinking", "thinking": text(rnd.randint(50, 300 if small else 1500)), "signature": uid().replace("-", "") * (2 if small else 8)})
                if rnd.random() < (0.3 if small else 0.5):
                    blocks.append({"type": "text", "text": text(rnd.randint(20, 200 if small else 800))})
                tool = rnd.choice(["Read", "Read", "Bash", "Bash", "Edit", "Grep", "Glob", "TodoWrite"] + (["Task"] if not side else []))
                tid = "toolu_01" + uid().replace("-", "")[:22]
                path = "/home/dev/src/module%d/file%d.py" % (rnd.randint(0, 30), rnd.randint(0, 200))
                inp = {"Read": {"file_path": path}, "Bash": {"command": "pytest -q tests/test_%d.py" % rnd.randint(0, 50), "description": text(30)},
                       "Edit": {"file_path": path, "old_string": codetext(rnd.randint(50, 400)), "new_string": codetext(rnd.randint(50, 500))},
                       "Grep": {"pattern": rnd.choice(WORDS), "path": "/home/dev/src"}, "Glob": {"pattern": "**/*.py"},
                       "TodoWrite": {"todos": [{"content": text(40), "status": "pending", "activeForm": text(40)} for _ in range(5)]},
                       "Task": {"description": text(30), "prompt": text(300), "subagent_type": "Explore"}}[tool]
                blocks.append({"type": "tool_use", "id": tid, "name": tool, "input": inp})
                for b in blocks:  # one line per block, each repeating the usage
                    out.append(env("assistant", {"requestId": req, "message": {"model": "claude-sonnet-4-5-20250929", "id": mid, "type": "message",
                                "role": "assistant", "content": [b], "stop_reason": None, "stop_sequence": None, "usage": usage}}, side, agent))
                size = int(rnd.lognormvariate(4.5, 0.9) if small else rnd.lognormvariate(7.0, 1.3))
                size = min(size, 3_000 if small else 200_000)
                body = codetext(min(size, len(code) - 2)) if tool == "Read" else text(min(size, len(pool) - 2))
                err = tool == "Bash" and rnd.random() < 0.2
                tur = {"stdout": body, "stderr": "", "interrupted": False, "isImage": False} if tool == "Bash" else \
                      {"type": "text", "file": {"filePath": path, "content": body, "numLines": body.count("\n"), "startLine": 1, "totalLines": 400}}
                out.append(env("user", {"message": {"role": "user", "content": [{"tool_use_id": tid, "type": "tool_result", "content": body, "is_error": err}]},
                                        "toolUseResult": tur}, side, agent))
                if rnd.random() < 0.05:
                    out.append({"type": "progress", "data": {"type": "hook_progress", "hookEvent": "PostToolUse"}, "timestamp": stamp(), "sessionId": sid})
            out.append(env("assistant", {"requestId": "req_x" + uid()[:8], "message": {"model": "claude-sonnet-4-5-20250929", "id": "msg_x" + uid()[:8], "type": "message",
                        "role": "assistant", "content": [{"type": "text", "text": text(rnd.randint(30, 200) if small else rnd.randint(50, 1200))}], "usage": {"input_tokens": 3, "output_tokens": 200}}}, side, agent))
        lines = [{"type": "file-history-snapshot", "messageId": uid(), "snapshot": {"messageId": uid(), "trackedFileBackups": {}, "timestamp": stamp()}, "isSnapshotUpdate": False}]
        nturns = rnd.choice((1, 1, 1, 1, 2)) if small else max(1, int(rnd.lognormvariate(1.6, 0.8)))
        for _ in range(nturns):
            turn(lines)
            if rnd.random() < 0.15:
                lines.append({"type": "queue-operation", "operation": "enqueue", "timestamp": stamp(), "sessionId": sid, "content": text(60)})
        with open(os.path.join(d, sid + ".jsonl"), "w") as f:
            for l in lines:
                s = json.dumps(l, separators=(",", ":"), ensure_ascii=False) + "\n"; f.write(s); written += len(s.encode())
        if rnd.random() < (0.05 if small else 0.2):
            sd = os.path.join(d, sid, "subagents"); os.makedirs(sd, exist_ok=True)
            agent = uid()[:8]; sub = []
            turn(sub, side=True, agent=agent)
            with open(os.path.join(sd, "agent-%s.jsonl" % agent), "w") as f:
                for l in sub:
                    s = json.dumps(l, separators=(",", ":"), ensure_ascii=False) + "\n"; f.write(s); written += len(s.encode())
    print("wrote %d bytes in %d sessions under %s" % (written, sess_no, a.out))

main()
