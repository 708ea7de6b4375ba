package dev.personas.cli;

import picocli.CommandLine.Option;

/** The shared --verbose and --quiet options, mixed into every subcommand. */
public final class Verbosity {
  @Option(names = "--verbose", description = "List every skipped line and print stack traces on failure.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  public boolean verbose() {
    return verbose;
  }

  public boolean quiet() {
    return quiet;
  }
}
