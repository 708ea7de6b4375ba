package dev.personas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs `personas me` in process with a fake home and environment, capturing both streams. */
final class MeRun {
  record Result(int exit, String out, String err) {}

  private MeRun() {}

  static Result run(Path home, Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new java.util.HashMap<>(extraEnv);
    env.put("HOME", home.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<Object> subcommands = new ArrayList<>();
    for (Object sub : Subcommands.all()) {
      subcommands.add(sub instanceof MeCommand ? new MeCommand(env, "/nonexistent-user-home", () -> false) : sub);
    }
    List<String> all = new ArrayList<>(List.of("me"));
    all.addAll(List.of(args));
    int exit = App.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), subcommands)
        .execute(all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  static Result run(Path home, String... args) {
    return run(home, Map.of(), args);
  }

  /** Runs any command in process (build --me). */
  static Result any(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = App.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
