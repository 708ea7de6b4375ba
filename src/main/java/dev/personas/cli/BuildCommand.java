package dev.personas.cli;

import dev.personas.classify.ModelFile;
import dev.personas.classify.ValidationFile;
import dev.personas.site.BuildResult;
import dev.personas.site.Renderers;
import dev.personas.site.SiteBuilder;
import dev.personas.site.SiteData;
import dev.personas.study.DatasetSource;
import dev.personas.study.DatasetSummary;
import dev.personas.study.Studies;
import dev.personas.study.Study;
import dev.personas.study.StudyFigures;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Study> study = analyse(options, verbosity, err);
    BuildResult result = render(options, study.map(BuildCommand::siteData).orElse(SiteData.none()), nanoTicker);
    if (!verbosity.quiet()) {
      study.ifPresent(s -> out.println(readSummary(s)));
      out.println(result.summary());
      out.flush();
    }
    return ExitCode.OK;
  }

  /**
   * One build with the given options: `serve` rebuilds through here too. The analysis is done
   * once per dataset and process (see {@link Studies}), so a rebuild after an edit only renders.
   */
  public static BuildResult build(
      BuildOptions options, Verbosity verbosity, PrintWriter err, LongSupplier nanoTicker) {
    Optional<Study> study = analyse(options, verbosity, err);
    return render(options, study.map(BuildCommand::siteData).orElse(SiteData.none()), nanoTicker);
  }

  /** Loads, featurizes, classifies and validates the build's dataset, if it has one. */
  static Optional<Study> analyse(BuildOptions options, Verbosity verbosity, PrintWriter err) {
    Optional<DatasetSource> source = options.datasetSource();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Study study = Studies.run(source.get(), message -> {
      if (!verbosity.quiet()) {
        err.println(message + "...");
        err.flush();
      }
    });
    if (verbosity.verbose()) {
      study.dataset().report().skips().forEach(skip -> err.println("  skipped " + skip));
      err.flush();
    }
    return Optional.of(study);
  }

  /** Renders the site from its authored content and the study's figures and files. */
  static BuildResult render(BuildOptions options, SiteData data, LongSupplier nanoTicker) {
    return new SiteBuilder(options.toSiteOptions(), Renderers.standard(), nanoTicker).build(data);
  }

  /** What the pages and the published data files get from a study. */
  static SiteData siteData(Study study) {
    return SiteData.of(new StudyFigures().figures(study))
        .withFiles(Map.of(
            "model.json", ModelFile.bytes(study.model()),
            "validation.json", ValidationFile.bytes(study.validation())));
  }

  private static String readSummary(Study study) {
    DatasetSummary d = study.dataset();
    return String.format(Locale.ROOT, "Read %d sessions of %d people in %d repositories from %s; %s.",
        d.sessions(), d.persons(), d.repos(), d.label(), d.report().summary());
  }
}
