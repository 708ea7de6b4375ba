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
  private static final Set<String> NAMES = Set.of("/exit", "/quit", "/clear", "/compact", "/model",
      "/login", "/logout", "/status", "/cost", "/usage", "/help", "/config", "/settings", "/doctor",
      "/resume", "/permissions", "/theme", "/vim", "/terminal-setup", "/ide", "/mcp", "/context",
      "/statusline", "/rate-limit-options", "/release-notes", "/upgrade", "/bug", "/feedback",
      "/privacy-settings", "/output-style", "/hooks", "/export", "/add-dir", "/todos", "/rewind",
      "/sandbox", "/plugin", "/approvals", "/diff", "/mention", "/new", "/stats");

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
