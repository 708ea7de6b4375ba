package dev.personas.cli;

/** Process exit codes of every `personas` command. */
public final class ExitCode {
  /** Everything worked. */
  public static final int OK = 0;
  /** The command ran but failed: bad input with nothing usable, a build error, an I/O error. */
  public static final int FAILURE = 1;
  /** The command line itself was wrong: unknown option, missing argument, bad value. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
