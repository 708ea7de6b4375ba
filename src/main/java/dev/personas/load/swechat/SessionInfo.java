package dev.personas.load.swechat;

import dev.personas.load.ReadReport;
import dev.personas.session.Agent;
import dev.personas.session.Annotations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the sessions table: who ran the session, in which repository, with which agent.
 * User and repo ids of a session always come from here, never from conversation rows.
 *
 * @param id session id
 * @param userId the person
 * @param repoId the repository, or ""
 * @param agent the agent that wrote the session
 * @param createdAt when the session started, or null
 * @param inputTokens input tokens the table reports for the whole session (0 when absent)
 * @param outputTokens output tokens the table reports for the whole session (0 when absent)
 * @param annotations the authors' annotations of the session (prompt intents come later, from
 *     the conversations table)
 * @param file the table file the row came from
 * @param row the row number in that file
 */
record SessionInfo(
    String id, String userId, String repoId, Agent agent, Instant createdAt,
    long inputTokens, long outputTokens, Annotations annotations, Path file, long row) {

  SessionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(annotations, "annotations");
  }

  /** The columns {@link #of} reads. */
  static final java.util.Set<String> COLUMNS = java.util.Set.of("session_id", "agent_percentage",
      "session_success", "user_persona", "user_id", "repo_id", "agent", "created_at",
      "input_tokens", "output_tokens");

  /**
   * The session described by a row of the sessions table. An annotation that is not a number
   * in 0–100 is reported (file:row) and read as absent; the session itself is kept.
   */
  static SessionInfo of(Row row, ReadReport report) {
    String id = row.text("session_id");
    if (id == null) {
      throw new Row.BadRowException("no session_id");
    }
    Annotations annotations = new Annotations(percent(row, "agent_percentage", report),
        percent(row, "session_success", report), row.textOrEmpty("user_persona").trim(), Map.of());
    return new SessionInfo(id.trim(), row.textOrEmpty("user_id"), row.textOrEmpty("repo_id"),
        agent(row.text("agent")), row.instant("created_at"),
        Math.max(0, row.number("input_tokens", 0)), Math.max(0, row.number("output_tokens", 0)),
        annotations, row.file(), row.number());
  }

  /** The same session with another user id. */
  SessionInfo withUserId(String user) {
    return new SessionInfo(id, user, repoId, agent, createdAt, inputTokens, outputTokens,
        annotations, file, row);
  }

  private static double percent(Row row, String column, ReadReport report) {
    double value;
    try {
      value = row.decimal(column);
    } catch (Row.BadRowException e) {
      report.skip(row.file(), row.number(), e.getMessage() + "; read as absent");
      return Double.NaN;
    }
    if (!Double.isNaN(value) && (value < 0 || value > 100)) {
      report.skip(row.file(), row.number(),
          "column " + column + " is " + value + ", outside 0–100; read as absent");
      return Double.NaN;
    }
    return value;
  }

  /** The agent a sessions-table value names ("claude_code", "Claude Code", "codex", …). */
  static Agent agent(String value) {
    if (value == null) {
      return Agent.OTHER;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (v.contains("claude")) {
      return Agent.CLAUDE_CODE;
    }
    return v.contains("codex") ? Agent.CODEX : Agent.OTHER;
  }
}
