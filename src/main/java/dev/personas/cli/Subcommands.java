package dev.personas.cli;

import dev.personas.serve.ServeCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every subcommand of `personas`, listed in one place by name, in the order `--help` shows them. */
final class Subcommands {
  private Subcommands() {}

  private static final Map<String, Supplier<Object>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("build", BuildCommand::new);
    BY_NAME.put("serve", ServeCommand::new);
    BY_NAME.put("classify", ClassifyCommand::new);
    BY_NAME.put("me", MeCommand::new);
    BY_NAME.put("sample", SampleCommand::new);
    BY_NAME.put("ingest", IngestCommand::new);
  }

  static List<Object> all() {
    return BY_NAME.values().stream().map(Supplier::get).toList();
  }

  /**
   * The subcommands a command line needs: only the one it names first, when it names one (picocli
   * reads every registered command's options when it is set up, 30–50 ms at start for all six),
   * else all of them, for the top-level help and its suggestions.
   */
  static List<Object> forArgs(String[] args) {
    Supplier<Object> named = args.length == 0 ? null : BY_NAME.get(args[0]);
    return named == null ? all() : List.of(named.get());
  }

  /** The names the commands are listed under. */
  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }
}
