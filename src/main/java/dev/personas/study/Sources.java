package dev.personas.study;

import dev.personas.load.SessionLoader;
import dev.personas.load.SourceFormat;
import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.load.swechat.SweChatReader;
import dev.personas.classify.GroundTruth;
import dev.personas.sample.BundledSample;
import dev.personas.sample.GroundTruthFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The readers every command uses, wired in one place. */
public final class Sources {
  private Sources() {}

  /** A loader for Claude Code and Codex logs and SWE-chat datasets (transcripts included). */
  public static SessionLoader loader() {
    return loader(false);
  }

  /**
   * The same loader; with {@code keepExcluded} its SWE-chat reader also reads the sessions the
   * SWE-chat paper leaves out.
   */
  public static SessionLoader loader(boolean keepExcluded) {
    return SessionLoader.withReaders(
        Map.of(SourceFormat.SWE_CHAT, new SweChatReader(new ClaudeCodeReader(), keepExcluded)));
  }

  /**
   * A dataset the user named with --dataset: a folder's name labels it; planted labels beside
   * it (a generated sample's ground-truth.json) turn on recovery checks.
   */
  public static DatasetSource dataset(Path path, Optional<SourceFormat> format) {
    Path absolute = path.toAbsolutePath().normalize();
    Path name = absolute.getFileName();
    Optional<GroundTruth> truth = Files.isDirectory(absolute)
        ? GroundTruthFile.find(absolute) : Optional.empty();
    return new DatasetSource(name == null ? absolute.toString() : name.toString(),
        List.of(absolute), format, false, truth, false, false);
  }

  /** The bundled synthetic sample, with its planted labels. */
  public static DatasetSource bundledSample() {
    Path root = BundledSample.root();
    return new DatasetSource("bundled synthetic sample", List.of(root), Optional.empty(), true,
        GroundTruthFile.find(root), false, false);
  }
}
