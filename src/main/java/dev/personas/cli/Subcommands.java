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
}
