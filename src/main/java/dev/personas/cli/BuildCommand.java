package dev.personas.cli;

import dev.personas.PersonasException;
import dev.personas.classify.Model;
import dev.personas.classify.PersonaModel;
import dev.personas.me.MeAnalyzer;
import dev.personas.me.MeFile;
import dev.personas.me.MeResult;
import dev.personas.me.PersonalFiguresMaker;
import dev.personas.me.Population;
import dev.personas.site.BuildResult;
import dev.personas.site.Content;
import dev.personas.site.LiveSite;
import dev.personas.site.PersonalPageRenderer;
import dev.personas.site.Renderer;
import dev.personas.site.Renderers;
import dev.personas.site.SiteBuilder;
import dev.personas.site.SiteData;
import dev.personas.study.Analysis;
import dev.personas.study.DatasetSource;
import dev.personas.study.FitLine;
import dev.personas.study.PopulationModels;
import dev.personas.study.Sources;
import dev.personas.study.Studies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
    description = {
        "Renders the site from content/, templates/ and static/ into a folder, replacing it in one step.",
        "",
        "A dataset with fewer than " + FitLine.MIN_PEOPLE + " people of " + PersonaModel.MIN_SESSIONS
            + " or more sessions is classified"
            + " against the shipped model (fitted on the bundled sample) instead of fitting one: the"
            + " population medians the personas are judged by would be noise, since below "
            + FitLine.MIN_PEOPLE + " people the 95 %% confidence interval of a median reaches past the"
            + " people's quartiles."})
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
    options.resolveFolders(spec.commandLine().getParseResult());
    // The authored content does not depend on the analysis: it is read while the analysis runs.
    Future<Content> content = SiteBuilder.readAhead(options::toSiteOptions);
    Optional<Analysis> analysis = analyse(options, verbosity, err);
    boolean replacesPersonalPage = options.me == null && SiteBuilder.holdsAPersonalPage(options.out);
    BuildResult result = siteBuilder(options, personalPage(options, analysis), nanoTicker)
        .build(analysis.map(BuildCommand::siteData).orElse(SiteData.none()), content);
    if (!verbosity.quiet()) {
      analysis.ifPresent(a -> {
        out.println(a.readSummary());
        if (!a.fitNotice().isEmpty()) {
          out.println(a.fitNotice());
        }
      });
      out.println(result.summary());
      out.flush();
    }
    if (replacesPersonalPage) {
      err.println("personas: the personal page `personas me` wrote into " + options.out.resolve("me")
          + " was replaced with the rest of " + options.out + "; `build --me PATH` builds one into the site,"
          + " and `me --out DIR` keeps it apart from the site.");
      err.flush();
    }
    return ExitCode.OK;
  }

  /**
   * The site `serve` keeps built with the given options: each full build goes through the same
   * steps as `personas build`. The analysis is done once per dataset and process (see
   * {@link Studies}), so a rebuild after an edit only renders. What was read is said on
   * {@code out} once, as `build` says it.
   */
  public static LiveSite liveSite(
      BuildOptions options, Verbosity verbosity, PrintWriter out, PrintWriter err, LongSupplier nanoTicker) {
    AtomicBoolean said = new AtomicBoolean();
    return new LiveSite(() -> {
      Optional<Analysis> analysis = analyse(options, verbosity, err);
      if (!verbosity.quiet() && !said.getAndSet(true)) {
        analysis.ifPresent(a -> {
          out.println(a.readSummary());
          if (!a.fitNotice().isEmpty()) {
            out.println(a.fitNotice());
          }
          out.flush();
        });
      }
      return new LiveSite.Source(
          siteBuilder(options, personalPage(options, analysis), nanoTicker),
          analysis.map(BuildCommand::siteData).orElse(SiteData.none()));
    });
  }

  /**
   * Loads, featurizes, classifies and validates the build's dataset, if it has one, or reuses
   * the cached analysis of the same bytes.
   */
  static Optional<Analysis> analyse(BuildOptions options, Verbosity verbosity, PrintWriter err) {
    Optional<DatasetSource> source = options.datasetSource();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Analysis analysis = Studies.analyse(source.get(), options.analysisCache(), message -> {
      if (!verbosity.quiet()) {
        err.println(message + "...");
        err.flush();
      }
    });
    if (verbosity.verbose()) {
      analysis.skips().forEach(skip -> err.println("  skipped " + skip));
      err.flush();
    }
    return Optional.of(analysis);
  }

  /** Renders the site from its authored content and the study's figures and files. */
  static BuildResult render(BuildOptions options, SiteData data, LongSupplier nanoTicker) {
    return render(options, data, Optional.empty(), nanoTicker);
  }

  private static BuildResult render(
      BuildOptions options, SiteData data, Optional<Renderer> personal, LongSupplier nanoTicker) {
    return siteBuilder(options, personal, nanoTicker).build(data);
  }

  private static SiteBuilder siteBuilder(BuildOptions options, Optional<Renderer> personal, LongSupplier nanoTicker) {
    List<Renderer> renderers = new ArrayList<>(Renderers.standard());
    // Before the sitemap, which comes last and lists the pages rendered before it.
    personal.ifPresent(page -> renderers.add(renderers.size() - 1, page));
    return new SiteBuilder(options.toSiteOptions(), renderers, nanoTicker);
  }

  /**
   * The personal page at /me/ for --me: read from an exported me.json, or classified from logs
   * against this build's population model (the bundled sample's when the build has no data).
   */
  static Optional<Renderer> personalPage(BuildOptions options, Optional<Analysis> analysis) {
    return options.me().map(path -> {
      MeResult result;
      if (MeFile.isMeFile(path)) {
        result = MeFile.read(path);
      } else {
        Model model = analysis.map(Analysis::populationModel)
            .orElseGet(() -> PopulationModels.load(Optional.empty()));
        result = new MeAnalyzer(Sources.loader(), model, MeAnalyzer.Shown.NOTHING, session -> { })
            .analyse(List.of(path)).result()
            .orElseThrow(() -> PersonasException.failure("No sessions found in " + path
                + " for --me; give a me.json written by `personas me --export` or a folder of Claude Code or Codex logs."));
      }
      return new PersonalPageRenderer(new PersonalFiguresMaker().figures(result), "/me/", false,
          Population.describe(result.modelFingerprint()));
    });
  }

  /** What the pages and the published data files get from an analysis. */
  static SiteData siteData(Analysis analysis) {
    return SiteData.of(analysis.figures())
        .withFiles(Map.of("model.json", analysis.model(), "validation.json", analysis.validation()));
  }
}
