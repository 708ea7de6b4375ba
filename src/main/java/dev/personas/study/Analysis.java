package dev.personas.study;

import dev.personas.classify.ModelFile;
import dev.personas.classify.ValidationFile;
import dev.personas.load.ReadReport;
import dev.personas.site.figures.SiteFigures;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a build takes from a study: the lines it prints, the figures the pages show and the data
 * files it publishes. Small next to the study (no per-session data), so {@link AnalysisCache}
 * can keep it on disk and a rebuild of unchanged data skips reading, fitting and validating.
 *
 * @param readSummary the "Read N sessions of …" line
 * @param fitNotice the sentence saying the dataset was too small to fit, or "" when it was fitted
 * @param skips what the read skipped, one "file:line: reason" each (as --verbose lists them)
 * @param figures the figures of the pages
 * @param model the population model as published (model.json)
 * @param validation the validation as published (validation.json)
 */
public record Analysis(
    String readSummary, String fitNotice, List<String> skips, SiteFigures figures, byte[] model,
    byte[] validation) {

  public Analysis {
    Objects.requireNonNull(readSummary, "readSummary");
    Objects.requireNonNull(fitNotice, "fitNotice");
    skips = List.copyOf(skips);
    Objects.requireNonNull(figures, "figures");
    model = model.clone();
    validation = validation.clone();
  }

  /** The analysis of a finished study. */
  public static Analysis of(Study study) {
    DatasetSummary d = study.dataset();
    String summary = String.format(Locale.ROOT, "Read %d %s of %d %s in %d %s from %s; %s.",
        d.sessions(), d.sessions() == 1 ? "session" : "sessions", d.persons(), d.persons() == 1 ? "person" : "people",
        d.repos(), d.repos() == 1 ? "repository" : "repositories", d.label(), d.report().summary());
    return new Analysis(summary, study.fitted() ? "" : FitLine.notice(d),
        d.report().skips().stream().map(ReadReport.Skip::toString).toList(),
        new StudyFigures().figures(study), ModelFile.bytes(study.model()),
        ValidationFile.bytes(study.validation()));
  }

  /** The population model, read back from its published bytes. */
  public dev.personas.classify.Model populationModel() {
    return ModelFile.parse(model, "the analysis's model.json");
  }

  @Override
  public byte[] model() {
    return model.clone();
  }

  @Override
  public byte[] validation() {
    return validation.clone();
  }
}
