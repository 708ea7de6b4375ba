package dev.personas.features;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.Locale;
import java.util.Set;

/**
 * The agent client's own commands that look after the session rather than ask for work or set
 * the table: leaving ({@code /exit}), switching model or account, showing cost, context or
 * status, compacting. They are not counted as commands the person ran: a session ended with
 * {@code /exit} is not driven by commands. Commands that set the table ({@code /init},
 * {@code /memory}, {@code /agents}) and those that ask for work ({@code /review}) still count.
 */
final class HousekeepingCommands {
  /** The names, lower case; the finder's features.js holds the same set (HousekeepingCommandsTest). */
  static final Set<String> NAMES = Set.of("/exit", "/quit", "/clear", "/compact", "/model",
      "/login", "/logout", "/status", "/cost", "/usage", "/help", "/config", "/settings", "/doctor",
      "/resume", "/permissions", "/theme", "/vim", "/terminal-setup", "/ide", "/mcp", "/context",
      "/statusline", "/rate-limit-options", "/release-notes", "/upgrade", "/bug", "/feedback",
      "/privacy-settings", "/output-style", "/hooks", "/export", "/add-dir", "/todos", "/rewind",
      "/sandbox", "/plugin", "/approvals", "/diff", "/mention", "/new", "/stats",
      // Claude Code's later built-ins and Codex's (model version 21): naming or copying the
      // session, remote control, effort, voice, keys, listing skills or background tasks,
      // reloading plugins, the Chrome and desktop links, forking the session. Claude Code's /plan
      // and /tasks stay counted: spec-kit's commands of the same names write a plan and a task list.
      "/rename", "/remote-control", "/copy", "/effort", "/keybindings", "/voice", "/skills",
      "/reload-plugins", "/fast", "/extra-usage", "/bashes", "/chrome", "/teleport",
      "/desktop", "/mobile", "/install-slack-app", "/migrate-installer", "/experimental", "/fork",
      "/ps", "/personality", "/debug-config");

  private HousekeepingCommands() {}

  /** A slash command that only looks after the session (its name is one of the client's own). */
  static boolean is(Event e) {
    return e.kind() == EventKind.SLASH_COMMAND && e.toolName() != null
        && NAMES.contains(e.toolName().strip().toLowerCase(Locale.ROOT));
  }

  /** Slash commands the person ran, other than housekeeping. */
  static int count(Iterable<Event> events) {
    int n = 0;
    for (Event e : events) {
      n += e.kind() == EventKind.SLASH_COMMAND && !is(e) ? 1 : 0;
    }
    return n;
  }
}
