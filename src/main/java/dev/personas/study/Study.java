package dev.personas.study;

import dev.personas.classify.Labels;
import dev.personas.classify.Model;
import dev.personas.classify.PopulationStats;
import dev.personas.classify.SessionInput;
import dev.personas.classify.Validation;
import dev.personas.features.Timeline;
import dev.personas.session.Annotations;
import dev.personas.site.figures.DatasetShape;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished analysis of one dataset: the population model, every session's label, every
 * person's persona, the validation figures and the statistics the pages show.
 *
 * @param dataset what was read
 * @param model the population model, published as model.json
 * @param fitted true when the model was fitted on this dataset; false when the dataset was below
 *     the {@link FitLine} and its sessions were classified against the shipped model
 * @param sessions every session's features, sorted by session id
 * @param labels every session's type and every person's persona
 * @param validation the checks recomputed by this build, published as validation.json
 * @param stats shares, quartiles and transitions for the pages
 * @param representatives per session-type slug, the timeline of its most typical session
 * @param annotations the dataset authors' annotations by session id (sessions that have any)
 * @param shape the sessions' size and tool-call mix, counted as SWE-chat's authors count
 */
public record Study(
    DatasetSummary dataset,
    Model model,
    boolean fitted,
    List<SessionInput> sessions,
    Labels labels,
    Validation validation,
    PopulationStats stats,
    Map<String, Timeline> representatives,
    Map<String, Annotations> annotations,
    DatasetShape shape) {

  public Study {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(stats, "stats");
    sessions = List.copyOf(sessions);
    representatives = Map.copyOf(representatives);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(shape, "shape");
  }
}
