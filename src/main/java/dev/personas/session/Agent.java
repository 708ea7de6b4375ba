package dev.personas.session;

/** The coding agent that wrote a log. */
public enum Agent {
  CLAUDE_CODE,
  CODEX,
  OTHER
}
