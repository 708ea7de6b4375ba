package dev.personas.site.figures;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the pages show about a dataset, already computed: the site formats these numbers
 * and never computes a statistic itself. The data stages fill it; {@code SiteData} carries it.
 * A build that analysed no session passes no figures at all (the pages then say so).
 *
 * @param dataset what was read
 * @param types one entry per session type, in {@link SessionType} order
 * @param personas one entry per persona, in {@link Persona} order
 * @param populationTypeMix how all sessions split over the types (the pages' reference mix)
 * @param features one row per feature, in {@link Feature} catalogue order
 * @param validation the classifier's validation figures
 * @param annotations the dataset authors' annotations beside our types and personas
 * @param shape the sessions' size and tool-call mix, to set beside the published release
 * @param model which model classified the sessions
 */
public record SiteFigures(
    Dataset dataset,
    List<TypeFigures> types,
    List<PersonaFigures> personas,
    TypeMix populationTypeMix,
    List<FeatureRow> features,
    Validation validation,
    AnnotationFigures annotations,
    DatasetShape shape,
    ModelInfo model) {

  public SiteFigures {
    Objects.requireNonNull(dataset, "dataset");
    types = List.copyOf(types);
    personas = List.copyOf(personas);
    Objects.requireNonNull(populationTypeMix, "populationTypeMix");
    features = List.copyOf(features);
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(model, "model");
    if (!types.stream().map(TypeFigures::type).toList().equals(Arrays.asList(SessionType.values()))) {
      throw new IllegalArgumentException("SiteFigures.types has one entry per session type, in SessionType order");
    }
    if (!personas.stream().map(PersonaFigures::persona).toList().equals(Arrays.asList(Persona.values()))) {
      throw new IllegalArgumentException("SiteFigures.personas has one entry per persona, in Persona order");
    }
    if (!features.stream().map(FeatureRow::feature).toList().equals(Arrays.asList(Feature.values()))) {
      throw new IllegalArgumentException("SiteFigures.features has one row per feature, in catalogue order");
    }
    if (dataset.sessions() == 0 || dataset.classifiedPersons() == 0) {
      throw new IllegalArgumentException("SiteFigures need at least one session and one classified person; pass no figures instead");
    }
    for (TypeFigures t : types) {
      sameShare(t.share(), t.sessions(), dataset.sessions(), "share of " + t.type().slug());
    }
    for (PersonaFigures p : personas) {
      sameShare(p.share(), p.persons(), dataset.classifiedPersons(), "share of " + p.persona().slug());
    }
    if (types.stream().mapToInt(TypeFigures::sessions).sum() != dataset.sessions()) {
      throw new IllegalArgumentException("The sessions of the seven types add up to the dataset's sessions");
    }
    if (personas.stream().mapToInt(PersonaFigures::persons).sum() != dataset.classifiedPersons()) {
      throw new IllegalArgumentException("The people of the seven personas add up to the dataset's classified persons");
    }
  }

  // A share is its count over its total: a mismatch means the adapter mixed up two populations.
  private static void sameShare(double share, int count, int total, String name) {
    if (Math.abs(share - (double) count / total) > 1e-9) {
      throw new IllegalArgumentException(name + " is " + share + " but its count gives " + count + "/" + total);
    }
  }

  /** The figures of one session type. */
  public TypeFigures of(SessionType type) {
    return types.get(type.ordinal());
  }

  /** The figures of one persona. */
  public PersonaFigures of(Persona persona) {
    return personas.get(persona.ordinal());
  }
}
