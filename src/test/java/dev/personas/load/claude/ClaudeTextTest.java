package dev.personas.load.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.personas.load.ReadReport;
import dev.personas.session.EventKind;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeTextTest {
  @TempDir Path dir;

  @Test
  void noticesOfNewerClaudeCodeAreInjectedNotTyped() {
    // Seen in real logs of 2026: agent teams message each other, background shells report back,
    // a forked worker gets a brief. None of it is the person typing.
    for (String text : List.of(
        "<cross-session-message from=\"uds:/run/user/1000/cc-socks/1.sock\" from-name=\"plan 7\" from-mode=\"prompting\">\nthe map",
        "<bash-notification>\n<shell-id>b4f9ff9</shell-id>\n<status>failed</status>",
        "<fork-boilerplate>\nYou are a worker fork.",
        "  <task-notification>done</task-notification>",
        // A hook's output at the start of a session, and a background task's completion queued as JSON.
        "<session-start-hook>\u001b[0;34m[Claude Config Sync]\u001b[0m Checking for updates...</session-start-hook>",
        "{\"task_id\":\"ba4e52b\",\"tool_use_id\":\"toolu_01Ln\",\"description\":\"Install bun\",\"task_type\":\"local_bash\"}")) {
      assertEquals(EventKind.INJECTED, ClaudeText.classify(text), text);
    }
    assertEquals(EventKind.PROMPT, ClaudeText.classify("<div> is not centred, fix the css"));
    assertEquals(EventKind.PROMPT, ClaudeText.classify("cross-session-message handling is broken"));
    assertEquals(EventKind.PROMPT, ClaudeText.classify("{\"task\": \"why is this JSON invalid?\"}"));
  }

  /**
   * The Conductor app writes its own instructions before what the person typed, in the same text:
   * they are left out of the prompt as Claude Code's reminders are; a prompt of nothing else is none.
   */
  @Test
  void blocksAClientWritesBeforeTheTypedTextAreNotTyped() {
    String conductor = "<system_instruction>\nYou are working inside Conductor, a Mac app.\n</system_instruction>\n\n"
        + "<system-instruction>\nUse `git branch -m` to rename the branch.\n</system-instruction>\n\n";
    assertEquals("\n\n\n\nfix the login bug", ClaudeText.withoutReminders(conductor + "fix the login bug"));
    assertEquals("a <system-reminder>x</system_instruction> b",
        ClaudeText.withoutReminders("a <system-reminder>x</system_instruction> b"), "a block closes with its own name");
    assertEquals("see  and ", ClaudeText.withoutReminders(
        "see <system-reminder>cwd</system-reminder> and <system-reminder>CLAUDE.md</system-reminder>"));
    assertEquals("what does <system> mean?", ClaudeText.withoutReminders("what does <system> mean?"));
    assertEquals("", ClaudeText.withoutReminders(conductor).strip());
  }

  @Test
  void aQueuedMessageFromAnotherSessionIsNoPrompt() throws IOException {
    Path file = dir.resolve("s.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"s\",\"timestamp\":\"2026-08-14T01:00:00Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"trace the GETNEXT path\"}}",
        "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"s\",\"timestamp\":\"2026-08-14T01:14:00Z\","
            + "\"content\":\"<cross-session-message from=\\\"uds:/run/user/1000/cc-socks/596312.sock\\\">the plan</cross-session-message>\"}",
        "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"s\",\"timestamp\":\"2026-08-14T01:20:00Z\","
            + "\"content\":\"<bash-notification><status>failed</status></bash-notification>\"}",
        "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"s\",\"timestamp\":\"2026-08-14T01:28:00Z\","
            + "\"content\":\"stop, think about the architecture first\"}",
        ""));
    List<Session> sessions = new ArrayList<>();
    new ClaudeCodeReader().read(file, sessions::add, new ReadReport());
    assertEquals(1, sessions.size());
    assertEquals(2, sessions.get(0).typedPromptCount(), "the first prompt and the typed steering");
  }
}
