package dev.personas.me;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir Path home;

  @Test
  void findsClaudeCodeAndCodexFoldersUnderHome() throws IOException {
    Files.createDirectories(home.resolve(".claude/projects/-home-dev-app"));
    Files.createDirectories(home.resolve(".codex/sessions/2025/09/01"));
    // Codex moves a thread the person archives here, out of sessions/: it is still their work.
    Files.createDirectories(home.resolve(".codex/archived_sessions"));
    Discovery.Found found = new Discovery(Map.of("HOME", home.toString()), "/nonexistent").find();
    assertEquals(List.of(home.resolve(".claude/projects"), home.resolve(".codex/sessions"),
        home.resolve(".codex/archived_sessions")), found.existing());
    assertEquals(home, found.home());
  }

  /** Claude Code 1.0.30 wrote its projects under the XDG config folder for a while: both are read. */
  @Test
  void claudeCodesXdgFolderIsReadBesideTheUsualOne(@TempDir Path xdg) throws IOException {
    Files.createDirectories(home.resolve(".claude/projects"));
    Files.createDirectories(home.resolve(".config/claude/projects"));
    assertEquals(List.of(home.resolve(".claude/projects"), home.resolve(".config/claude/projects")),
        new Discovery(Map.of("HOME", home.toString()), "/nonexistent").find().existing());
    Files.createDirectories(xdg.resolve("claude/projects"));
    assertEquals(List.of(home.resolve(".claude/projects"), xdg.resolve("claude/projects")),
        new Discovery(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()), "/nonexistent").find().existing());
  }

  @Test
  void homeVariableWinsOverUserHome(@TempDir Path other) throws IOException {
    Files.createDirectories(home.resolve(".claude/projects"));
    Files.createDirectories(other.resolve(".claude/projects"));
    Discovery.Found found = new Discovery(Map.of("HOME", home.toString()), other.toString()).find();
    assertEquals(List.of(home.resolve(".claude/projects")), found.existing());
  }

  @Test
  void userHomeIsUsedWhenHomeIsUnsetOrBlank() throws IOException {
    Files.createDirectories(home.resolve(".codex/sessions"));
    assertEquals(List.of(home.resolve(".codex/sessions")), new Discovery(Map.of(), home.toString()).find().existing());
    assertEquals(List.of(home.resolve(".codex/sessions")),
        new Discovery(Map.of("HOME", " "), home.toString()).find().existing());
  }

  @Test
  void claudeConfigDirMovesTheClaudeRootAndCodexHomeTheCodexRoot(@TempDir Path config) throws IOException {
    Files.createDirectories(home.resolve(".claude/projects"));
    Files.createDirectories(config.resolve("claude/projects"));
    Files.createDirectories(config.resolve("codex/sessions"));
    Files.createDirectories(config.resolve("codex/archived_sessions"));
    Discovery.Found found = new Discovery(Map.of("HOME", home.toString(),
        "CLAUDE_CONFIG_DIR", config.resolve("claude").toString(), "CODEX_HOME", config.resolve("codex").toString()),
        "/nonexistent").find();
    assertEquals(List.of(config.resolve("claude/projects"), config.resolve("codex/sessions"),
        config.resolve("codex/archived_sessions")), found.searched());
    assertEquals(found.searched(), found.existing());
  }

  @Test
  void missingFoldersAreSearchedButNotReturned() {
    Discovery.Found found = new Discovery(Map.of("HOME", home.toString()), "/nonexistent").find();
    assertEquals(List.of(home.resolve(".claude/projects"), home.resolve(".config/claude/projects"),
        home.resolve(".codex/sessions"), home.resolve(".codex/archived_sessions")), found.searched());
    assertEquals(List.of(), found.existing());
  }
}
