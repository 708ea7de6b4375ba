package dev.personas.cli;

import dev.personas.serve.ServeCommand;
import java.util.List;

/** Every subcommand of `personas`, listed in one place in the order `--help` shows them. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all() {
    return List.of(
        new BuildCommand(), new ServeCommand(), new ClassifyCommand(), new MeCommand(), new SampleCommand(),
        new IngestCommand());
  }

  /**
   * The subcommands a command line needs: only the one it names first, when it names one (picocli
   * reads every registered command's options when it is set up, about a tenth of a second at start
   * for all six), else all of them, for the top-level help and its suggestions.
   */
  static List<Object> forArgs(String[] args) {
    Object named = args.length == 0 ? null : switch (args[0]) {
      case "build" -> new BuildCommand();
      case "serve" -> new ServeCommand();
      case "classify" -> new ClassifyCommand();
      case "me" -> new MeCommand();
      case "sample" -> new SampleCommand();
      case "ingest" -> new IngestCommand();
      default -> null;
    };
    return named == null ? all() : List.of(named);
  }
}
