package dev.personas.features;

import dev.personas.session.Event;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One tool call as the features see it: the call, the result that answered it, where it stands
 * among the prompts, and what it did, classified once (its shell command is parsed once).
 *
 * @param event the TOOL_CALL, SUBAGENT_CALL or plan-mode tool event
 * @param name the tool name in lower case, "" when the call has none
 * @param result the TOOL_RESULT that answered the call, or null when none did
 * @param promptsBefore typed prompts seen before the call in the same stream
 * @param edit it edited or wrote files, by an edit tool or through the shell ({@link FileWrites})
 * @param path the file it edited or read, from its input or, for a shell write, the command; or null
 * @param shell it ran a shell command (other than apply_patch)
 * @param read it read, searched, listed or looked something up on the web, and wrote nothing
 * @param web it searched or fetched from the web
 * @param testRun its shell command ran a test suite
 * @param diffReview its shell command looked at the changes (git diff, status, show, log -p)
 * @param commits commits and pull requests it made
 */
record ToolCall(Event event, String name, Event result, int promptsBefore, boolean edit,
    String path, boolean shell, boolean read, boolean web, boolean testRun, boolean diffReview, int commits) {

  ToolCall {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(name, "name");
    if (promptsBefore < 0 || commits < 0) {
      throw new IllegalArgumentException("negative count in a tool call");
    }
  }

  /** Classifies a call answered by {@code result} (null when unanswered). */
  static ToolCall of(Event event, Event result, int promptsBefore) {
    return Traits.of(event.toolName(), event.command()).call(event, result, promptsBefore);
  }

  /**
   * What a call did, which depends on its tool name and command alone: a session that runs the
   * same command again (git status, the test suite) is classified once per distinct call.
   */
  record Traits(String name, boolean edit, String writtenFile, boolean shell, boolean read,
      boolean web, boolean testRun, boolean diffReview, int commits) {

    /** The traits of a call of {@code toolName} (or null) running {@code command} (or null). */
    static Traits of(String toolName, String command) {
      String name = toolName == null ? "" : toolName.toLowerCase(Locale.ROOT);
      ShellCommands.Line line = ShellCommands.parse(command);
      List<List<String>> commands = line.commands();
      boolean editTool = ToolClasses.isEdit(name, commands);
      // A shell command that writes a file is an edit and still a shell run; apply_patch is not.
      boolean shell = !editTool && ToolClasses.isShell(name, command != null);
      boolean read = !line.writesFiles() && ToolClasses.isRead(name, commands);
      int commits = GitCommands.commitsAndPullRequests(commands)
          + (ToolClasses.opensPullRequest(name) ? 1 : 0);
      return new Traits(name, editTool || line.writesFiles(), line.writtenFile(), shell, read,
          ToolClasses.isWeb(name), TestCommands.isTestRun(commands),
          GitCommands.reviewsDiff(commands), commits);
    }

    /** The call {@code event} with these traits, answered by {@code result} (null when unanswered). */
    ToolCall call(Event event, Event result, int promptsBefore) {
      String path = event.filePath() != null ? event.filePath() : writtenFile;
      return new ToolCall(event, name, result, promptsBefore, edit, path, shell, read, web, testRun,
          diffReview, commits);
    }
  }

  /** True when a result answered the call and flagged an error. */
  boolean failed() {
    return result != null && result.isError();
  }

  /** True when a result answered the call without an error. */
  boolean succeeded() {
    return result != null && !result.isError();
  }
}
