package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `personas` sets up only the subcommand it is asked for, and says the same as with all of them. */
class SubcommandsTest {

  @Test
  void aNamedCommandIsSetUpAloneAndAnythingElseGetsEveryCommand() {
    // Each command is listed under its own name, so naming it sets up that command.
    assertEquals(Subcommands.all().stream()
        .map(c -> c.getClass().getAnnotation(CommandLine.Command.class).name()).toList(), Subcommands.names());
    assertEquals(List.of("build", "serve", "classify", "me", "sample", "ingest"), Subcommands.names());
    for (String name : Subcommands.names()) {
      List<Object> subs = Subcommands.forArgs(new String[] {name, "--help"});
      assertEquals(1, subs.size(), name);
      assertEquals(name, subs.get(0).getClass().getAnnotation(CommandLine.Command.class).name());
    }
    assertEquals(6, Subcommands.forArgs(new String[0]).size());
    assertEquals(6, Subcommands.forArgs(new String[] {"--help"}).size());
    assertEquals(6, Subcommands.forArgs(new String[] {"help", "build"}).size());
    assertEquals(6, Subcommands.forArgs(new String[] {"bild"}).size());
  }

  @Test
  void helpAndUsageErrorsReadTheSameWithOneCommandAsWithAll() {
    List<List<String>> commands = List.of(
        List.of("build", "--help"), List.of("classify", "--help"), List.of("me", "--help"),
        List.of("serve", "--help"), List.of("sample", "--help"), List.of("ingest", "--help"),
        List.of("classify", "--no-such-option"), List.of("build", "--port", "x"), List.of("--help"),
        List.of("bild"), List.of());
    for (List<String> command : commands) {
      String[] args = command.toArray(String[]::new);
      assertEquals(run(args, Subcommands.all()), run(args, Subcommands.forArgs(args)), command.toString());
    }
  }

  private static String run(String[] args, List<Object> subcommands) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = App.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), subcommands).execute(args);
    return exit + "\n" + out + "\n--\n" + err;
  }
}
