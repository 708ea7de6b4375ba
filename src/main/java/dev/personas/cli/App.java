package dev.personas.cli;

import dev.personas.PersonasException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.TimeZone;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level `personas` command; each subcommand is its own class. */
@Command(
    name = "personas",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Turns coding-agent session logs into a research microsite about how people work with AI coding agents.",
    subcommands = {CommandLine.HelpCommand.class})
public final class App implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: personas --help lists them.");
  }

  /**
   * The configured command line, writing to the given writers. Tests call this in process and
   * capture both writers.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Subcommands.all());
  }

  /** The same with these subcommands: tests give `me` a fake home and environment. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.List<Object> subcommands) {
    // Output must not depend on the machine's locale or zone: pin both once, here.
    Locale.setDefault(Locale.ROOT);
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    CommandLine cli = new CommandLine(new App());
    for (Object sub : subcommands) {
      cli.addSubcommand(sub);
    }
    // --format takes a format as `ingest` always did and the README writes it: claude-code, CLAUDE_CODE, codex, ….
    cli.registerConverter(dev.personas.load.SourceFormat.class, value -> dev.personas.load.SourceFormat.parse(value)
        .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
            + "' is not a log format: use claude-code, codex or swe-chat")));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(App::handleFailure);
    cli.setParameterExceptionHandler(App::handleUsage);
    cli.setExitCodeExceptionMapper(t -> ExitCode.FAILURE);
    return cli;
  }

  private static int handleUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("personas: " + e.getMessage());
    cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    cli.getErr().flush();
    return ExitCode.USAGE;
  }

  private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean verbose = parsed != null && isVerbose(parsed);
    if (e instanceof PersonasException pe) {
      err.println("personas: " + pe.getMessage());
      if (verbose && pe.getCause() != null) {
        pe.getCause().printStackTrace(err);
      } else if (pe.getCause() != null) {
        err.println("(run again with --verbose for details)");
      }
      err.flush();
      return pe.category() == PersonasException.Category.USAGE ? ExitCode.USAGE : ExitCode.FAILURE;
    }
    err.println("personas: unexpected error: " + e);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("(run again with --verbose for the stack trace, and please report it)");
    }
    err.flush();
    return ExitCode.FAILURE;
  }

  private static boolean isVerbose(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed;
    while (sub.hasSubcommand()) {
      sub = sub.subcommand();
    }
    return sub.hasMatchedOption("--verbose");
  }
}
