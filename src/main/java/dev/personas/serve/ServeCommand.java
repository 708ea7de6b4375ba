package dev.personas.serve;

import dev.personas.cli.BuildCommand;
import dev.personas.cli.BuildOptions;
import dev.personas.cli.ExitCode;
import dev.personas.cli.Verbosity;
import dev.personas.cli.Version;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `personas serve`: builds the site, serves it locally and rebuilds it on every change. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Builds the site, serves it on 127.0.0.1, rebuilds on change and reloads open pages. Ctrl-C stops it.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin BuildOptions options;
  @Mixin Verbosity verbosity;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port + ".");
    }
    options.resolveFolders(spec.commandLine().getParseResult());
    // --quiet hides the summary of each rebuild; errors and the address are always printed.
    PrintWriter progress = verbosity.quiet() ? new PrintWriter(Writer.nullWriter()) : out;
    DevServer server = new DevServer(
        options.toSiteOptions(), BuildCommand.liveSite(options, verbosity, progress, spec.commandLine().getErr(),
            System::nanoTime),
        port, progress, spec.commandLine().getErr());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "personas-serve-stop"));
    String url = server.start();
    out.println("Serving " + url + " (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return ExitCode.OK;
  }
}
