#!/usr/bin/env python3
"""Writes realistic Codex CLI rollout logs (the ~/.codex/sessions layout) for benchmarks.

Deterministic for a seed: same arguments, same bytes. Usage:
  gen_codex_logs.py OUT_DIR SIZE_MB [--seed N] [--sessions N]
Files are OUT_DIR/sessions/YYYY/MM/DD/rollout-<time>-<uuid>.jsonl, one session each, in the
shape of real Codex CLI 0.4x-0.6x rollouts (one {timestamp, type, payload} object a line):
session_meta, injected context (user_instructions, environment_context), turn_context, typed
prompts logged twice (response_item message and event_msg user_message), reasoning with
encrypted content, shell / exec_command function calls with their outputs (log-normal sizes up
to 200 KB), apply_patch custom tool calls, cumulative token_count lines, agent messages, and
now and then an aborted turn. Never commit the output: it goes to /tmp.
"""
import argparse, json, os, time

from logtext import WORDS, Filler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("size_mb", type=int); ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--sessions", type=int, default=0, help="stop after this many sessions")
    ap.add_argument("--projects", type=int, default=24, help="working directories")
    a = ap.parse_args()
    filler = Filler(a.seed)
    rnd, text, codetext, uid = filler.rnd, filler.text, filler.codetext, filler.uid
    pool, code = filler.pool, filler.code

    target = a.size_mb * 1_000_000 if a.size_mb > 0 else float("inf")
    written = 0
    t0 = 1_759_000_000
    sess_no = 0
    while written < target and (a.sessions == 0 or sess_no < a.sessions):
        sess_no += 1
        sid = uid(); cwd = "/home/dev/proj%02d" % (sess_no % a.projects)
        ts = [t0 + sess_no * 7200]

        def iso(t, ms):
            return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % ms

        def stamp():
            ts[0] += rnd.randint(1, 40)
            return iso(ts[0], rnd.randint(0, 999))

        start = iso(ts[0], 0)
        lines = []

        def line(kind, payload):
            lines.append({"timestamp": stamp(), "type": kind, "payload": payload})

        def user_text(s):
            return {"type": "message", "role": "user", "content": [{"type": "input_text", "text": s}]}

        line("session_meta", {"id": sid, "timestamp": start, "cwd": cwd, "originator": "codex_cli_rs",
                              "cli_version": "0.63.0", "instructions": None,
                              "git": {"commit_hash": uid().replace("-", "")[:40], "branch": "main"}})
        line("response_item", user_text("<user_instructions>\n\n" + text(rnd.randint(200, 2000)) + "\n\n</user_instructions>"))
        line("response_item", user_text("<environment_context>\n  <cwd>%s</cwd>\n  <approval_policy>on-request</approval_policy>\n"
                                        "  <sandbox_mode>workspace-write</sandbox_mode>\n  <network_access>restricted</network_access>\n"
                                        "  <shell>bash</shell>\n</environment_context>" % cwd))
        totals = {"input_tokens": 0, "cached_input_tokens": 0, "output_tokens": 0, "reasoning_output_tokens": 0, "total_tokens": 0}

        def token_count():
            last = {"input_tokens": rnd.randint(1000, 20000), "cached_input_tokens": rnd.randint(0, 15000),
                    "output_tokens": rnd.randint(10, 2000), "reasoning_output_tokens": rnd.randint(0, 500)}
            last["total_tokens"] = last["input_tokens"] + last["output_tokens"]
            for k in totals:
                totals[k] += last[k]
            line("event_msg", {"type": "token_count", "info": {"total_token_usage": dict(totals), "last_token_usage": last,
                                                               "model_context_window": 272000},
                               "rate_limits": {"primary": {"used_percent": rnd.randint(0, 100), "window_minutes": 300}}})

        nturns = max(1, int(rnd.lognormvariate(1.6, 0.8)))
        for _ in range(nturns):
            line("turn_context", {"cwd": cwd, "approval_policy": "on-request",
                                  "sandbox_policy": {"mode": "workspace-write", "network_access": False},
                                  "model": "gpt-5-codex", "effort": "medium", "summary": "auto"})
            prompt = text(rnd.randint(20, 600))
            line("response_item", user_text(prompt))
            line("event_msg", {"type": "user_message", "message": prompt, "images": []})
            for _ in range(rnd.randint(1, 12)):
                if rnd.random() < 0.6:
                    line("response_item", {"type": "reasoning", "summary": [{"type": "summary_text", "text": "**" + text(rnd.randint(20, 80)) + "**"}],
                                           "content": None, "encrypted_content": "gAAAAAB" + uid().replace("-", "") * rnd.randint(8, 60)})
                call = "call_" + uid().replace("-", "")[:24]
                size = min(int(rnd.lognormvariate(7.0, 1.3)), 200_000)
                if rnd.random() < 0.2:
                    patch = "*** Begin Patch\n*** Update File: src/module%d/file%d.py\n@@\n-%s\n+%s\n*** End Patch\n" % (
                        rnd.randint(0, 30), rnd.randint(0, 200), codetext(rnd.randint(50, 400)), codetext(rnd.randint(50, 500)))
                    line("response_item", {"type": "custom_tool_call", "status": "completed", "call_id": call, "name": "apply_patch", "input": patch})
                    line("response_item", {"type": "custom_tool_call_output", "call_id": call,
                                           "output": json.dumps({"output": "Success. Updated the following files:\nM src/file.py\n",
                                                                 "metadata": {"exit_code": 0, "duration_seconds": 0.0}})})
                else:
                    cmd = rnd.choice(["pytest -q tests/test_%d.py" % rnd.randint(0, 50), "sed -n '1,200p' src/module%d/file%d.py" % (rnd.randint(0, 30), rnd.randint(0, 200)),
                                      "rg -n %s src" % rnd.choice(WORDS), "ls -la", "git status --short", "git diff"])
                    body = codetext(min(size, len(code) - 2)) if cmd.startswith("sed") else text(min(size, len(pool) - 2))
                    code_ = 1 if cmd.startswith("pytest") and rnd.random() < 0.2 else 0
                    if rnd.random() < 0.5:
                        line("response_item", {"type": "function_call", "name": "shell",
                                               "arguments": json.dumps({"command": ["bash", "-lc", cmd], "workdir": cwd, "timeout_ms": 120000}),
                                               "call_id": call})
                        line("response_item", {"type": "function_call_output", "call_id": call,
                                               "output": json.dumps({"output": body, "metadata": {"exit_code": code_, "duration_seconds": round(rnd.random() * 5, 1)}})})
                    else:
                        line("response_item", {"type": "function_call", "name": "shell_command",
                                               "arguments": json.dumps({"command": cmd, "workdir": cwd}), "call_id": call})
                        line("response_item", {"type": "function_call_output", "call_id": call,
                                               "output": "Exit code: %d\nWall time: %.1f seconds\nOutput:\n%s" % (code_, rnd.random() * 5, body)})
                token_count()
            if rnd.random() < 0.05:
                line("event_msg", {"type": "turn_aborted", "reason": "interrupted"})
                continue
            reply = text(rnd.randint(50, 1200))
            line("response_item", {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": reply}]})
            line("event_msg", {"type": "agent_message", "message": reply})
            token_count()
        day = time.gmtime(t0 + sess_no * 7200)
        d = os.path.join(a.out, "sessions", "%04d" % day.tm_year, "%02d" % day.tm_mon, "%02d" % day.tm_mday)
        os.makedirs(d, exist_ok=True)
        name = "rollout-%s-%s.jsonl" % (time.strftime("%Y-%m-%dT%H-%M-%S", day), sid)
        with open(os.path.join(d, name), "w") as f:
            for l in lines:
                s = json.dumps(l, separators=(",", ":"), ensure_ascii=False) + "\n"; f.write(s); written += len(s.encode())
    print("wrote %d bytes in %d sessions under %s" % (written, sess_no, a.out))


main()
