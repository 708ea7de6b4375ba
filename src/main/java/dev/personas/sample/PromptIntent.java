package dev.personas.sample;

import java.util.Locale;

/**
 * What a typed prompt asks for, in the categories SWE-chat annotates prompts with
 * ({@code prompt_intent}, RESEARCH.md §2). The sample reads it off the prompt's own words, so the
 * annotation follows what was planted: a Consult's questions are "understand", a Spiral's
 * re-asks "debug".
 */
enum PromptIntent {
  CREATE("create new code"),
  DEBUG("debug"),
  REFACTOR("refactor"),
  UNDERSTAND("understand"),
  CONNECT("connect"),
  TEST("test"),
  GIT("git"),
  OTHER("other");

  private final String label;

  PromptIntent(String label) {
    this.label = label;
  }

  /** The value as SWE-chat writes it. */
  String label() {
    return label;
  }

  /** The intent a prompt's words show, checked in this order: questions first, then errors. */
  static PromptIntent of(String prompt) {
    String p = prompt.toLowerCase(Locale.ROOT);
    String firstLine = p.lines().findFirst().orElse("");
    if (firstLine.contains("?") || p.startsWith("explain") || p.startsWith("how ")
        || p.startsWith("why ") || p.startsWith("what ")) {
      return UNDERSTAND;
    }
    if (has(p, "error", "broken", "fail", "fix", "doesn't work", "didn't work", "same thing",
        "traceback", "exception", "panic")) {
      return DEBUG;
    }
    if (has(p, "commit", "push", "branch", "rebase", "merge", "pull request")) {
      return GIT;
    }
    if (has(p, "test")) {
      return TEST;
    }
    if (has(p, "refactor", "rename", "clean up", "move ", "simplify", "format", "undo", "smaller")) {
      return REFACTOR;
    }
    if (has(p, "wire", "connect", "integrat", "deploy", "config", "endpoint", "router", ".env")) {
      return CONNECT;
    }
    if (has(p, "add", "implement", "build", "create", "write", "make", "let's", "plan", "spec")) {
      return CREATE;
    }
    return OTHER;
  }

  private static boolean has(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
