package dev.personas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.PersonasException;
import dev.personas.classify.Model;
import dev.personas.load.LogFiles;
import dev.personas.load.ReadReport;
import dev.personas.me.Discovery;
import dev.personas.me.MeAnalyzer;
import dev.personas.me.MeFile;
import dev.personas.me.MeResult;
import dev.personas.me.PersonalFiguresMaker;
import dev.personas.me.Population;
import dev.personas.site.BundledSiteSources;
import dev.personas.site.PersonalPageRenderer;
import dev.personas.site.PersonalSite;
import dev.personas.study.PopulationModels;
import dev.personas.study.Sources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `personas me`: a person's own logs (found in the usual places, or named) classified against
 * the population model, written as a personal page that works offline, optionally exported as
 * me.json to publish from a fork.
 */
@Command(
    name = "me",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Finds your Claude Code and Codex logs (or reads the PATHs given), classifies them against the "
        + "population model and writes your personal page. Nothing leaves your machine.")
public final class MeCommand implements Callable<Integer> {
  /** Version of the --json output; bump it when a field changes meaning or disappears. */
  static final String JSON_SCHEMA = "personas.me-run/1";

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Log files or folders to read instead of "
      + "~/.claude/projects and ~/.config/claude/projects (or $CLAUDE_CONFIG_DIR/projects), ~/.codex/sessions "
      + "and ~/.codex/archived_sessions (or the same under $CODEX_HOME).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "site/me", description = "Folder the page is written to, replaced as a whole (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--model", paramLabel = "FILE", description = "A model.json written by `personas build` (default: the model of the bundled sample).")
  Path model;

  @Option(names = "--export", paramLabel = "FILE", description = "Also write your results as features and labels only (no text, paths or names) to publish from a fork: schema " + MeFile.SCHEMA + ".")
  Path export;

  @Option(names = "--card", paramLabel = "FILE", description = "Write only your share card to FILE (1200x630: your persona, its tagline and your three traits; nothing from your logs), instead of the page: PNG when FILE ends in .png, else SVG.")
  Path card;

  @Option(names = "--json", description = "Print the result as JSON for scripts (schema " + JSON_SCHEMA + ", documented in the README).")
  boolean json;

  @Option(names = "--show-projects", description = "Show each session's project name on the page (redacted of secrets). Off by default.")
  boolean showProjects;

  @Option(names = "--show-titles", description = "Show each session's title, the first line of its first prompt, on the page (redacted of secrets). Off by default.")
  boolean showTitles;

  @Option(names = "--base-url", paramLabel = "PATH", defaultValue = PersonalSite.RELATIVE, description = "Path the page is served under, such as /me/ (default: relative links, which work opened from disk and served).")
  String baseUrl;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "The site's Markdown pages, for the persona's authored profile (default: ${DEFAULT-VALUE}, else the copy inside personas).")
  Path content;

  @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates", description = "Pebble templates (default: ${DEFAULT-VALUE}, else the copy inside personas).")
  Path templates;

  @Option(names = "--static", paramLabel = "DIR", defaultValue = "static", description = "Stylesheets, scripts and images copied beside the page (default: ${DEFAULT-VALUE}, else the copy inside personas).")
  Path staticFiles;

  @Mixin Verbosity verbosity = new Verbosity();
  @Spec CommandSpec spec;

  private final Map<String, String> environment;
  private final String userHome;
  private final BooleanSupplier terminal;

  public MeCommand() {
    this(System.getenv(), System.getProperty("user.home"), () -> System.console() != null);
  }

  /**
   * @param environment where CLAUDE_CONFIG_DIR, CODEX_HOME and HOME are read (tests: a fake home)
   * @param userHome the JVM's user.home, used when HOME is unset
   * @param terminal whether stderr is a terminal: progress bars only then
   */
  public MeCommand(Map<String, String> environment, String userHome, BooleanSupplier terminal) {
    this.environment = Map.copyOf(environment);
    this.userHome = userHome;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkFolders();
    checkExport();
    Discovery.Found found = new Discovery(environment, userHome).find();
    List<Path> sources = paths.isEmpty() ? found.existing() : paths;
    if (sources.isEmpty()) {
      throw nothingFound(found.searched(), "none of them exists");
    }
    if (card == null) {
      OutputFolder.refuseInputsInside(outDir, sources);
    }
    Model population = PopulationModels.load(Optional.ofNullable(model));
    MeAnalyzer.Analysis analysis = analyse(sources, population, found.home(), err);
    if (analysis.result().isEmpty()) {
      // Said once, in the error, as classify says it.
      throw nothingFound(sources, ClassifyCommand.whyNothingWasRead(sources, analysis.report(), verbosity.verbose(), err));
    }
    MeResult result = analysis.result().get();
    List<LocalDate> days = datedDays(result);
    say(err, String.format(Locale.ROOT, "Found %d %s from %d %s, %s.", result.sessions().size(),
        result.sessions().size() == 1 ? "session" : "sessions", analysis.projects(),
        analysis.projects() == 1 ? "project" : "projects", days.isEmpty() ? "none of them dated"
            : "first " + days.get(0) + ", last " + days.get(days.size() - 1)));
    // What was found first, then what was skipped on the way (the order a reader expects).
    reportSkips(analysis.report(), err);
    if (result.sessions().size() < 3) {
      say(err, "Fewer than 3 sessions: your persona is provisional.");
    }
    PersonalSite site = new PersonalSite(content, templates, staticFiles, baseUrl);
    Path page;
    if (card != null) {
      writeCard(site, new PersonalFiguresMaker().figures(result));
      page = card;
    } else {
      site.write(new PersonalFiguresMaker().figures(result), Population.describe(result.modelFingerprint()), outDir);
      page = outDir.resolve("index.html");
    }
    if (export != null) {
      MeFile.write(result, export);
      say(err, "Exported " + export + " (features and labels only).");
    }
    out.print(json ? json(result, analysis, page) : page + "\n");
    out.flush();
    return ExitCode.OK;
  }

  /** The card alone: PNG when the file is named .png, else SVG. */
  private void writeCard(PersonalSite site, dev.personas.site.figures.PersonalFigures figures) {
    boolean png = card.getFileName() != null && card.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    byte[] bytes = png
        ? site.cardPng(figures).orElseThrow(() -> PersonasException.failure("This machine has no font to draw the PNG card"
            + " with (install fontconfig and a font such as fonts-dejavu-core); --card card.svg writes the SVG card."))
        : site.card(figures).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      Path parent = card.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(card, bytes);
    } catch (IOException e) {
      throw PersonasException.failure("Could not write the card " + card + ": " + e.getMessage()
          + ". Check that the folder is writable.", e);
    }
  }

  private MeAnalyzer.Analysis analyse(List<Path> sources, Model population, Path home, PrintWriter err) {
    MeAnalyzer.Shown shown = new MeAnalyzer.Shown(showProjects, showTitles, Optional.of(home));
    if (verbosity.quiet() || !terminal.getAsBoolean()) {
      return new MeAnalyzer(Sources.loader(), population, shown, session -> { }).analyse(sources);
    }
    long files = countLogs(sources);
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Reading logs").setInitialMax(files)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" sessions", 1).build()) {
      MeAnalyzer.Analysis analysis = new MeAnalyzer(Sources.loader(), population, shown, session -> bar.step())
          .analyse(sources);
      bar.stepTo(Math.max(bar.getCurrent(), bar.getMax()));
      return analysis;
    }
  }

  // Discovery's share of the progress: counting the session files gives the bar its length.
  private static long countLogs(List<Path> sources) {
    ReadReport ignored = new ReadReport();
    long count = 0;
    for (Path source : sources) {
      count += Files.isDirectory(source)
          ? LogFiles.jsonl(source, ignored).stream().filter(f -> !f.toString().contains("subagents")).count()
          : 1;
    }
    return count;
  }

  /**
   * Folders not named on the command line and absent here (run outside a clone) come from the
   * copies inside the jar; a folder the person named must exist.
   */
  private void checkFolders() {
    var parsed = spec.commandLine().getParseResult();
    List<String> missing = new ArrayList<>();
    content = folderOrBundled(content, "--content", "content", parsed, missing);
    templates = folderOrBundled(templates, "--templates", "templates", parsed, missing);
    staticFiles = folderOrBundled(staticFiles, "--static", "static", parsed, missing);
    if (!missing.isEmpty()) {
      throw PersonasException.usage("The page is drawn from the site's folders, and " + String.join(", ", missing)
          + " does not exist; pass an existing folder, or leave the option out to use the copy inside personas.");
    }
  }

  private static Path folderOrBundled(Path given, String option, String name,
      picocli.CommandLine.ParseResult parsed, List<String> missing) {
    if (Files.isDirectory(given)) {
      return given;
    }
    if (parsed.hasMatchedOption(option)) {
      missing.add(option + " " + given);
      return given;
    }
    return BundledSiteSources.folder(name);
  }

  /**
   * An export that cannot be written is said before anything is read or written, so a run does not
   * end half done (the page written, the export refused).
   */
  private void checkExport() {
    if (export == null) {
      return;
    }
    Path file = export.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw PersonasException.usage("--export " + export + " is a folder; give a file name such as me.json.");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw PersonasException.usage("--export " + export + " cannot be written: the file is read-only.");
    }
    // Missing folders are made (MeFile.write): the nearest one that exists must take them.
    Path folder = file.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder != null && (!Files.isDirectory(folder) || !Files.isWritable(folder))) {
      throw PersonasException.usage("--export " + export + " cannot be written: " + folder
          + (Files.isDirectory(folder) ? " is not writable." : " is not a folder."));
    }
  }

  /** The days of the sessions whose logs carry a timestamp, in order. */
  private static List<LocalDate> datedDays(MeResult result) {
    return result.sessions().stream().filter(MeResult.MeSession::dated).map(MeResult.MeSession::date)
        .sorted().toList();
  }

  private PersonasException nothingFound(List<Path> searched, String why) {
    return PersonasException.failure("No sessions found in " + searched.stream().map(Path::toString)
        .collect(Collectors.joining(" or ")) + " (" + why + "); name your log folders (personas me PATH...) "
        + "or set CLAUDE_CONFIG_DIR or CODEX_HOME to where Claude Code or Codex keep them.");
  }

  private void reportSkips(ReadReport report, PrintWriter err) {
    if (report.worthSaying()) {
      say(err, "While reading: " + report.summary(verbosity.verbose() ? "they are listed below" : "--verbose lists them"));
    }
    if (verbosity.verbose()) {
      report.skips().forEach(skip -> err.println("  " + skip));
      err.flush();
    }
  }

  private void say(PrintWriter err, String line) {
    if (!verbosity.quiet()) {
      err.println(line);
      err.flush();
    }
  }

  private String json(MeResult result, MeAnalyzer.Analysis analysis, Path page) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("schema", JSON_SCHEMA);
    root.put("page", card == null ? page.toString() : null);
    root.put("card", card == null ? outDir.resolve(PersonalPageRenderer.CARD).toString() : card.toString());
    root.put("export", export == null ? null : export.toString());
    root.put("sessions", result.sessions().size());
    root.put("projects", analysis.projects());
    // Null when no session carries a timestamp.
    List<LocalDate> days = datedDays(result);
    root.put("first", days.isEmpty() ? null : days.get(0).toString());
    root.put("last", days.isEmpty() ? null : days.get(days.size() - 1).toString());
    root.put("persona", result.persona().slug());
    root.put("confidence", result.confidence());
    root.put("runnerUp", result.runnerUp().slug());
    root.put("provisional", result.provisional());
    root.put("model", result.modelFingerprint());
    result.depth().ifPresent(depth -> root.set("depth", new ObjectMapper().valueToTree(depth)));
    ObjectNode skipped = root.putObject("skipped");
    skipped.put("count", analysis.report().skipCount());
    skipped.put("summary", analysis.report().summary());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw PersonasException.failure("Could not write the JSON result.", e);
    }
  }
}
