"""TypeRules.scores with named thresholds (the Java class is the reference; this mirrors it)."""
import os, re
def java_thresholds(path=os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/main/java/dev/personas/classify/RuleThresholds.java')):
    return {k: float(v) for k, v in re.findall(r'm\.put\("([^"]+)", ([0-9.]+)\)', open(path).read())}
def ramp(x, lo, hi):
    return 0.0 if x <= lo else 1.0 if x >= hi else (x - lo) / (hi - lo)
def scores(f, t):
    up = lambda x, a, b: ramp(x, t[a], t[b])
    down = lambda x, a, b: 1 - ramp(x, t[a], t[b])
    P, S, M, E, C = f["prompts"], f["slash_commands"], f["active_minutes"], f["edit_iterations"], f["corrections"]
    A = P + S
    driven = S / max(1, A)
    calls = f["tool_calls_per_prompt"] * max(1, P)
    rep = f["repeated_prompts"] if f["median_prompt_chars"] >= t["spiral.repeat_min_chars"] else 0
    L = f["error_repastes"] + f["vague_fix_requests"] + t["spiral.repeat_weight"] * rep
    reads = up(f["read_share"], "consult.read_share_low", "consult.read_share_high") * up(calls, "consult.calls_low", "consult.calls_high")
    ez = max(t["consult.edits_zero"], t["consult.edits_per_call_zero"] * calls, P * f["question_share"])
    noedit = 1 - ramp(E, 0, ez)
    runs_long = up(E, "blueprint.run_edits_low", "blueprint.run_edits_high") * up(M, "blueprint.run_minutes_low", "blueprint.run_minutes_high")
    quick = down(A, "one_shot.asks_full", "one_shot.asks_zero") * down(M, "one_shot.minutes_full", "one_shot.minutes_zero") \
        * (1 - ramp(C, 0, t["one_shot.corrections_zero"])) * (1 - ramp(L, 0, t["one_shot.loop_zero"]))
    errands = t["one_shot.errand_weight"] * down(A, "one_shot.errand_asks_full", "one_shot.errand_asks_zero") \
        * down(f["median_prompt_chars"], "one_shot.errand_chars_full", "one_shot.errand_chars_zero") \
        * down(M, "one_shot.errand_minutes_full", "one_shot.errand_minutes_zero") \
        * down(C, "one_shot.errand_corrections_full", "one_shot.errand_corrections_zero") * (1 - ramp(L, 0, t["one_shot.errand_loop_zero"]))
    asks = up(f["question_share"], "consult.question_share_low", "consult.question_share_high")
    one = max(quick, errands) * down(f["first_prompt_chars"], "one_shot.first_chars_full", "one_shot.first_chars_zero") \
        * (1 - 0.5 * noedit * max(reads, asks)) * (1 - runs_long) \
        * (1 - t["one_shot.command_workflow_weight"] * (S / max(1, A)) * ramp(S, 1, 2)) * (1 - ramp(f["plan_mode"], 0, 1))
    nocode = max(noedit, t["consult.prose_edits_weight"] * (1 - ramp(E - f["doc_edits"], 0, ez)))
    consult = nocode * max(reads * max(asks, t["consult.unasked_reads_weight"]), asks, ramp(f["web_lookups"], 0, t["consult.web_high"]))
    upfront = max(up(f["first_prompt_chars"], "blueprint.first_chars_low", "blueprint.first_chars_high")
                  * up(f["spec_markers"], "blueprint.first_chars_structure_low", "blueprint.first_chars_structure_high"),
                  up(f["spec_markers"], "blueprint.spec_markers_low", "blueprint.spec_markers_high"), f["plan_handoff"],
                  t["blueprint.run_weight"] * runs_long * down(A, "blueprint.run_asks_full", "blueprint.run_asks_zero"))
    blueprint = upfront * down(P, "blueprint.prompts_full", "blueprint.prompts_zero") \
        * down(C, "blueprint.corrections_full", "blueprint.corrections_zero") * ramp(E, 0, t["blueprint.edits_high"])
    prose = up(f["doc_edits"] / E, "scaffold.prose_share_low", "scaffold.prose_share_high") * down(P, "scaffold.prose_prompts_full", "scaffold.prose_prompts_zero") if E >= 1 else 0
    per_ask = lambda x: ramp(x / max(1, A), 0, t["scaffold.per_ask_high"])
    setup = max(up(driven, "scaffold.command_share_low", "scaffold.command_share_high"), ramp(f["plan_mode"], 0, 1) * per_ask(f["plan_mode"]),
                up(f["subagent_calls"], "scaffold.subagents_low", "scaffold.subagents_high") * per_ask(f["subagent_calls"]),
                ramp(f["setup_actions"], 0, t["scaffold.setup_high"]) * per_ask(f["setup_actions"]), prose * up(f["doc_edits"], "scaffold.prose_files_low", "scaffold.prose_files_high"))
    scaffold = setup * max(up(M, "scaffold.minutes_low", "scaffold.minutes_high"), up(f["doc_edits"], "scaffold.prose_files_low", "scaffold.prose_files_high")) if A >= 1 else 0
    hi = t["workshop.checks_high"]
    checks = (ramp(f["specific_pointers"], 0, hi) + ramp(f["pasted_output"], 0, hi) + ramp(f["test_runs"], 0, hi)) / 3
    workshop = ramp(C, 0, t["workshop.corrections_high"]) * (0.5 + 0.5 * checks) * down(P, "workshop.prompts_full", "workshop.prompts_zero") \
        * down(driven, "workshop.command_share_full", "workshop.command_share_zero")
    fl = t["marathon.edits_floor"]
    marathon = min(up(P, "marathon.prompts_low", "marathon.prompts_high"), up(M, "marathon.minutes_low", "marathon.minutes_high")) \
        * (fl + (1 - fl) * up(E, "marathon.edits_low", "marathon.edits_high")) * (1 - t["marathon.consult_damping"] * nocode * asks)
    Pm = max(1, P)
    looping = ramp(L, 0, t["spiral.loop_high"]) * up(L / Pm, "spiral.loop_rate_low", "spiral.loop_rate_high") \
        * down(max(0, f["specific_pointers"] - f["pasted_output"]) / Pm, "spiral.pointer_rate_full", "spiral.pointer_rate_zero")
    nowhere = calls == 0 or f["ended_after_error"] > 0
    stuck = ramp(f["pasted_output"], 0, 1) * down(P, "spiral.stuck_prompts_full", "spiral.stuck_prompts_zero") * noedit if nowhere else 0
    blocked = up(f["api_errors"], "spiral.api_errors_low", "spiral.api_errors_high") * noedit
    one = one * (1 - t["one_shot.prose_files_weight"] * prose * up(f["doc_edits"], "scaffold.prose_files_low", "scaffold.prose_files_high"))
    return [one, consult, blueprint, scaffold, workshop, marathon, min(1, max(looping, stuck, blocked))]
TYPES = ["One-shot", "Consult", "Blueprint", "Scaffold", "Workshop", "Marathon", "Spiral"]
def best(f, t):
    s = scores(f, t); return TYPES[max(range(7), key=lambda i: s[i])]
