package dev.personas.cli;

import dev.personas.site.BuildResult;
import dev.personas.site.Renderers;
import dev.personas.site.SiteBuilder;
import dev.personas.site.SiteData;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `personas build`: renders the site into a folder. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Renders the site from content/, templates/ and static/ into a folder, replacing it in one step.")
public final class BuildCommand implements Callable<Integer> {
  @Mixin BuildOptions options;
  @Mixin Verbosity verbosity;
  @Spec CommandSpec spec;

  private final LongSupplier nanoTicker;

  public BuildCommand() {
    this(System::nanoTime);
  }

  /** A build timed by the given clock (tests fix it so output is stable). */
  public BuildCommand(LongSupplier nanoTicker) {
    this.nanoTicker = nanoTicker;
  }

  @Override
  public Integer call() {
    BuildResult result = build(options, nanoTicker);
    if (!verbosity.quiet()) {
      spec.commandLine().getOut().println(result.summary());
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }

  /** One build with the given options: `serve` rebuilds through here too. */
  public static BuildResult build(BuildOptions options, LongSupplier nanoTicker) {
    // The data stages (load → features → classify) will produce the SiteData here.
    return new SiteBuilder(options.toSiteOptions(), Renderers.standard(), nanoTicker).build(SiteData.none());
  }
}
