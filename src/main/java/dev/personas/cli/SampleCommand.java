package dev.personas.cli;

import dev.personas.PersonasException;
import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.sample.SampleGenerator;
import dev.personas.sample.SampleOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `personas sample`: writes a synthetic SWE-chat-shaped dataset with planted types and personas. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic dataset in the image of SWE-chat's v2 release, with planted session types and personas.",
      "Its repositories, sessions, checkpoints and conversations tables are Parquet; each session without conversation rows has a Claude Code transcript; ground-truth.json holds the planted session type of every session and persona of every user.",
      "The same options give the same bytes."
    })
public final class SampleCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin Verbosity verbosity;

  @Option(names = "--sessions", paramLabel = "N", description = "Number of sessions (default: ${DEFAULT-VALUE}).")
  int sessions = SampleOptions.DEFAULT.sessions();

  @Option(names = "--users", paramLabel = "U", description = "Number of users (default: ${DEFAULT-VALUE}).")
  int users = SampleOptions.DEFAULT.users();

  @Option(names = "--repos", paramLabel = "R", description = "Number of repositories (default: ${DEFAULT-VALUE}).")
  int repos = SampleOptions.DEFAULT.repos();

  @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}, the bundled sample's).")
  long seed = SampleOptions.DEFAULT.seed();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (new, empty, or an earlier sample).")
  Path out;

  @Override
  public Integer call() {
    SampleOptions options;
    try {
      options = new SampleOptions(sessions, users, repos, seed);
    } catch (IllegalArgumentException e) {
      throw PersonasException.usage("Cannot make that sample: " + e.getMessage() + ".");
    }
    try {
      prepare(out);
      SampleGenerator.Summary summary = new SampleGenerator(options).generate(out);
      if (!verbosity.quiet()) {
        report(summary);
      }
      return ExitCode.OK;
    } catch (IOException e) {
      throw PersonasException.failure("Could not write the sample to " + out + ": " + e.getMessage(), e);
    }
  }

  private void report(SampleGenerator.Summary summary) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf("Wrote %d sessions of %d users in %d repositories to %s%n", summary.sessions(),
        summary.users(), summary.repos(), out);
    StringBuilder types = new StringBuilder("Planted session types:");
    for (SessionType t : SessionType.values()) {
      types.append(' ').append(t.slug()).append('=').append(summary.typeCounts().getOrDefault(t, 0));
    }
    StringBuilder personas = new StringBuilder("Planted personas:");
    for (Persona p : Persona.values()) {
      personas.append(' ').append(p.slug()).append('=').append(summary.personaCounts().getOrDefault(p, 0));
    }
    w.println(types);
    w.println(personas);
    w.flush();
  }

  /** Refuses a folder holding anything but an earlier sample; clears an earlier sample's transcripts. */
  private static void prepare(Path folder) throws IOException {
    if (Files.isRegularFile(folder)) {
      throw PersonasException.usage("--out " + folder + " is a file; give a folder.");
    }
    if (!Files.isDirectory(folder)) {
      return;
    }
    boolean empty;
    try (Stream<Path> s = Files.list(folder)) {
      empty = s.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    if (!Files.exists(folder.resolve("ground-truth.json"))) {
      throw PersonasException.usage("--out " + folder
          + " is not empty and holds no earlier sample; give a new or empty folder.");
    }
    delete(folder.resolve("transcripts"));
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw PersonasException.failure("Could not clear " + folder + ": " + e.getMessage(), e);
    }
  }
}
