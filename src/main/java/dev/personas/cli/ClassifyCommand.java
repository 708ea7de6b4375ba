package dev.personas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personas.PersonasException;
import dev.personas.Printable;
import dev.personas.classify.Classification;
import dev.personas.classify.Model;
import dev.personas.classify.PersonaResult;
import dev.personas.features.Feature;
import dev.personas.load.ReadReport;
import dev.personas.load.SourceFormat;
import dev.personas.privacy.Redactor;
import dev.personas.study.ClassifiedLog;
import dev.personas.study.LogsClassification;
import dev.personas.study.LogsClassifier;
import dev.personas.study.PopulationModels;
import dev.personas.study.Sources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `personas classify`: the type of every session in some logs, then each person's persona. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Prints each session's type, confidence and key features, then the persona, "
        + "classified against the population model.")
public final class ClassifyCommand implements Callable<Integer> {
  /** Version of the --json output; bump it when a field changes meaning or disappears. */
  static final String JSON_SCHEMA = "personas.classify/1";

  private static final List<Feature> KEY_FEATURES = List.of(
      Feature.PROMPTS, Feature.ACTIVE_MINUTES, Feature.EDIT_ITERATIONS, Feature.TEST_RUNS,
      Feature.CORRECTIONS, Feature.SUBAGENT_CALLS);

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders: Claude Code, Codex or a SWE-chat dataset.")
  List<Path> paths;

  @Option(names = "--model", paramLabel = "FILE", description = "A model.json written by `personas build` (default: the model of the bundled sample).")
  Path model;

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class, description = "Read the paths as this format instead of detecting it: ${COMPLETION-CANDIDATES}.")
  SourceFormat format;

  @Option(names = "--keep-excluded", description = "From a SWE-chat release, also classify what the SWE-chat paper leaves out: the repository whose prompts are machine-generated (dayhaysoos/nimbus) and sessions without conversation rows.")
  boolean keepExcluded;

  @Option(names = "--person-per-folder", description = "Take each folder directly inside a PATH as one person's logs (PATH/alice/..., PATH/bob/...), each with a persona: the folder's name is the person. Without it every Claude Code or Codex log is one person's.")
  boolean personPerFolder;

  @Option(names = "--json", description = "Print the result as JSON (schema " + JSON_SCHEMA + ", documented in the README).")
  boolean json;

  @Mixin Verbosity verbosity;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Model population = PopulationModels.load(Optional.ofNullable(model));
    LogsClassification result = new LogsClassifier(Sources.loader(keepExcluded), population)
        .withPersonPerFolder(personPerFolder).classify(paths, Optional.ofNullable(format));
    if (result.sessions().isEmpty()) {
      // Said once, in the error: where it looked and what was skipped, which is why nothing was
      // read. A lone file or folder skipped is named there with its reason; --verbose lists the rest.
      String where = paths.size() == 1 ? paths.get(0).toString() : paths.toString();
      throw PersonasException.failure("No sessions found in " + where + ": "
          + whyNothingWasRead(paths, result.report(), verbosity.verbose(), err)
          + ". Point classify at Claude Code or Codex log files or folders.");
    }
    reportSkips(result.report(), err);
    out.print(json ? Json.write(result) : text(result));
    out.flush();
    return ExitCode.OK;
  }

  /**
   * Why no session was read from the paths, for the error that says so (classify and me alike): a
   * lone file or folder skipped is named with its reason; else the summary, with the skips listed
   * above it on stderr when verbose.
   */
  static String whyNothingWasRead(List<Path> paths, ReadReport report, boolean verbose, PrintWriter err) {
    Optional<ReadReport.Skip> lone = report.loneWholeSkip();
    if (lone.isPresent()) {
      ReadReport.Skip skip = lone.get();
      return paths.size() == 1 && skip.file().equals(paths.get(0)) ? skip.reason() : skip.toString();
    }
    if (verbose) {
      report.skips().forEach(skip -> err.println("  " + skip));
      err.flush();
    }
    return report.summary(verbose ? "they are listed above" : "--verbose lists them");
  }

  private void reportSkips(ReadReport report, PrintWriter err) {
    if (report.worthSaying() && !verbosity.quiet()) {
      err.println("personas: " + report.summary(verbosity.verbose() ? "they are listed below" : "--verbose lists them"));
    }
    if (verbosity.verbose()) {
      report.skips().forEach(skip -> err.println("  " + skip));
    }
    err.flush();
  }

  private static String text(LogsClassification result) {
    StringBuilder text = new StringBuilder();
    for (ClassifiedLog session : result.sessions()) {
      Classification c = session.classification();
      text.append(String.format(Locale.ROOT, "%s  %-9s %3.0f%%  ", shown(session.sessionId()), c.type().slug(),
          100 * c.probability()));
      text.append(c.noRuleFits() ? "(no rule fits: every type as likely; uncertain)"
          : String.format(Locale.ROOT, "(then %s %.0f%%%s)", c.runnerUp().slug(), 100 * c.runnerUpProbability(),
              c.uncertain() ? "; uncertain" : ""));
      for (Feature f : KEY_FEATURES) {
        // "≈": active minutes estimated because the log records no time, as the personal page marks them.
        boolean estimate = f == Feature.ACTIVE_MINUTES && session.features().activeMinutesEstimated();
        text.append(String.format(Locale.ROOT, "  %s%s%s", f.key(), estimate ? "\u2248" : "=",
            number(f, session.features().get(f))));
      }
      text.append('\n');
    }
    for (PersonaResult person : result.persons().values()) {
      int sessions = person.profile().sessions();
      // The model's preference, not how often it is right (the method page measures that).
      text.append(String.format(Locale.ROOT, "%s: %s, model confidence %.0f%%%s (runner-up %s) from %d %s%n",
          shown(person.userId()), person.persona().displayName(), 100 * person.confidence(),
          person.provisional() ? ", provisional: fewer than 3 sessions"
              : person.decisive() ? "" : ", uncertain: close to the runner-up",
          person.runnerUp().displayName(), sessions, sessions == 1 ? "session" : "sessions"));
    }
    return text.toString();
  }

  /**
   * A session's or person's id as printed: ids come from the logs (a file not named after its
   * session is known by the id its lines carry), so a secret in one is redacted and a control
   * character written as an escape, as for any text from a log.
   */
  private static String shown(String id) {
    return Printable.of(REDACTOR.redact(id));
  }

  private static final Redactor REDACTOR = new Redactor();

  /** A count whole; minutes with one decimal always, so 4 and 3.96 minutes print alike. */
  private static String number(Feature f, double value) {
    return f.unit().equals("count") ? Long.toString(Math.round(value))
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** The --json output: stable field names, numbers as numbers, no text from the logs. */
  static final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(LogsClassification result) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("schema", JSON_SCHEMA);
      ObjectNode modelNode = root.putObject("model");
      modelNode.put("version", Model.VERSION);
      modelNode.put("fingerprint", result.model().datasetFingerprint());
      ArrayNode sessions = root.putArray("sessions");
      for (ClassifiedLog s : result.sessions()) {
        Classification c = s.classification();
        ObjectNode node = sessions.addObject();
        node.put("id", REDACTOR.redact(s.sessionId()));
        node.put("user", REDACTOR.redact(s.userId()));
        node.put("start", s.start() == null ? null : s.start().toString());
        node.put("type", c.type().slug());
        node.put("probability", c.probability());
        node.put("runnerUp", c.runnerUp().slug());
        node.put("runnerUpProbability", c.runnerUpProbability());
        node.put("uncertain", c.uncertain());
        node.put("noRuleFits", c.noRuleFits());
        node.put("activeMinutesEstimated", s.features().activeMinutesEstimated());
        ObjectNode features = node.putObject("features");
        for (Feature f : Feature.values()) {
          features.put(f.key(), s.features().get(f));
        }
      }
      ArrayNode persons = root.putArray("persons");
      for (PersonaResult p : result.persons().values()) {
        ObjectNode node = persons.addObject();
        node.put("user", REDACTOR.redact(p.userId()));
        node.put("persona", p.persona().slug());
        node.put("confidence", p.confidence());
        node.put("runnerUp", p.runnerUp().slug());
        node.put("decisive", p.decisive());
        node.put("provisional", p.provisional());
        node.put("sessions", p.profile().sessions());
      }
      ObjectNode skipped = root.putObject("skipped");
      skipped.put("count", result.report().skipCount());
      skipped.put("summary", result.report().summary());
      try {
        return MAPPER.writeValueAsString(root) + "\n";
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw PersonasException.failure("Could not write the JSON result.", e);
      }
    }
  }
}
