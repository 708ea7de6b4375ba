package dev.personas.cli;

import dev.personas.PersonasException;
import dev.personas.features.Feature;
import dev.personas.features.FeatureExtractor;
import dev.personas.load.ReadReport;
import dev.personas.load.SourceFormat;
import dev.personas.session.Event;
import dev.personas.study.Sources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Hidden: reads logs and prints what was read and how fast, nothing else. It is what
 * {@code bench/ingest.sh} times, and a quick way to check that a folder of logs reads cleanly.
 * With {@code --features} every session is also featurized as it streams in, as `build` does,
 * so the benchmark measures ingestion and featurization together.
 */
@Command(name = "ingest", hidden = true, mixinStandardHelpOptions = true,
    description = "Read session logs (and with --features featurize them); print counts and speed (for benchmarks).")
final class IngestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Verbosity verbosity;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "claude-code, codex or swe-chat; detected from each path when absent.")
  String format;

  @Option(names = "--features",
      description = "Also extract every session's features (the featurization `build` runs).")
  boolean features;

  @Override
  public Integer call() {
    Optional<SourceFormat> override = Optional.empty();
    if (format != null) {
      override = SourceFormat.parse(format);
      if (override.isEmpty()) {
        throw PersonasException.usage("Unknown --format '" + format
            + "': use claude-code, codex or swe-chat.");
      }
    }
    long[] counts = new long[3];
    // Summed feature values: printed, so the work cannot be optimised away, and a quick check.
    double[] checksum = new double[1];
    FeatureExtractor extractor = new FeatureExtractor();
    long started = System.nanoTime();
    ReadReport report = Sources.loader().load(paths, override, s -> {
      counts[0]++;
      counts[1] += s.events().size() + s.subagentEvents().size();
      for (Event e : s.events()) {
        counts[2] += e.kind().isTypedPrompt() ? 1 : 0;
      }
      if (features) {
        for (double v : extractor.extract(s).values()) {
          checksum[0] += v;
        }
      }
    });
    long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
    PrintWriter out = spec.commandLine().getOut();
    double mb = report.bytesRead() / 1e6;
    out.printf("read %d sessions, %d events, %d prompts, %d lines, %.1f MB in %d ms (%.1f MB/s); %s%n",
        counts[0], counts[1], counts[2], report.linesRead(), mb, millis, mb * 1000 / millis,
        report.summary());
    if (features) {
      out.printf("featurized %d sessions (%d features each, values sum to %.6g)%n", counts[0],
          Feature.values().length, checksum[0]);
    }
    if (verbosity.verbose()) {
      report.skips().forEach(s -> out.println("  " + s));
    }
    out.flush();
    if (counts[0] == 0) {
      throw PersonasException.failure("No sessions found in " + paths + ": " + report.summary() + ".");
    }
    return ExitCode.OK;
  }
}
