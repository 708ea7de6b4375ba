package dev.personas.me;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a person's own agent logs live: Claude Code's {@code projects} folder (under
 * {@code CLAUDE_CONFIG_DIR}; else under {@code ~/.claude} and under {@code ~/.config/claude}, or
 * {@code $XDG_CONFIG_HOME/claude}, where Claude Code 1.0.30 wrote it for a while) and Codex's {@code sessions} folder and its
 * {@code archived_sessions} folder, where Codex moves the threads a person archives (both under
 * {@code CODEX_HOME}, else {@code ~/.codex}). Home is {@code $HOME} when set, else the JVM's
 * {@code user.home}. Environment and home are injected so tests use a fake home.
 */
public final class Discovery {
  private final Map<String, String> environment;
  private final String userHome;

  /**
   * @param environment the process environment ({@code System.getenv()})
   * @param userHome the JVM's {@code user.home}, used when {@code HOME} is unset
   */
  public Discovery(Map<String, String> environment, String userHome) {
    this.environment = Map.copyOf(environment);
    this.userHome = userHome;
  }

  /** Every folder searched, and those of them that exist. */
  public Found find() {
    Path home = Path.of(env("HOME").orElse(userHome));
    Path xdgConfig = env("XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"));
    List<Path> claude = env("CLAUDE_CONFIG_DIR").map(dir -> List.of(Path.of(dir)))
        .orElse(List.of(home.resolve(".claude"), xdgConfig.resolve("claude")));
    Path codex = env("CODEX_HOME").map(Path::of).orElse(home.resolve(".codex"));
    List<Path> searched = new ArrayList<>();
    claude.forEach(root -> searched.add(root.resolve("projects")));
    searched.add(codex.resolve("sessions"));
    searched.add(codex.resolve("archived_sessions"));
    List<Path> existing = new ArrayList<>();
    for (Path folder : searched) {
      if (Files.isDirectory(folder)) {
        existing.add(folder);
      }
    }
    return new Found(searched, existing, home);
  }

  private Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  /**
   * @param searched every folder looked at, in order
   * @param existing those that exist, to read
   * @param home the home folder used
   */
  public record Found(List<Path> searched, List<Path> existing, Path home) {
    public Found {
      searched = List.copyOf(searched);
      existing = List.copyOf(existing);
    }
  }
}
