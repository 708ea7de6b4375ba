package dev.personas.load.swechat;

import dev.personas.session.Agent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
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
 * @param file the table file the row came from
 * @param row the row number in that file
 */
record SessionInfo(
    String id, String userId, String repoId, Agent agent, Instant createdAt,
    long inputTokens, long outputTokens, Path file, long row) {

  SessionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(agent, "agent");
  }

  /** The session described by a row of the sessions table. */
  static SessionInfo of(Row row) {
    String id = row.text("session_id");
    if (id == null) {
      throw new Row.BadRowException("no session_id");
    }
    return new SessionInfo(id.trim(), row.textOrEmpty("user_id"), row.textOrEmpty("repo_id"),
        agent(row.text("agent")), row.instant("created_at"),
        Math.max(0, row.number("input_tokens", 0)), Math.max(0, row.number("output_tokens", 0)),
        row.file(), row.number());
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
