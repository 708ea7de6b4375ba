package dev.personas.site.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.classify.Persona;
import dev.personas.classify.SessionType;
import dev.personas.features.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invariants the data stages' adapter must meet, checked where the figures are made. */
class SiteFiguresTest {
  private final SiteFigures good = FixtureFigures.sample();

  private SiteFigures with(List<TypeFigures> types, List<PersonaFigures> personas) {
    return new SiteFigures(good.dataset(), types, personas, good.populationTypeMix(), good.features(), good.validation(), good.annotations(), good.shape(), good.model());
  }

  @Test
  void typesMustComeOnceEachInSessionTypeOrder() {
    List<TypeFigures> swapped = new ArrayList<>(good.types());
    swapped.set(0, good.types().get(1));
    swapped.set(1, good.types().get(0));
    var e = assertThrows(IllegalArgumentException.class, () -> with(swapped, good.personas()));
    assertTrue(e.getMessage().contains("SessionType order"), e.getMessage());
  }

  @Test
  void sessionsOfTheTypesMustAddUpToTheDataset() {
    List<TypeFigures> types = new ArrayList<>(good.types());
    TypeFigures t = types.get(0);
    types.set(0, new TypeFigures(t.type(), t.sessions() + 1, t.share(), t.distinctive(), t.quartiles(), t.endings(), t.nextType(), t.representative()));
    assertThrows(IllegalArgumentException.class, () -> with(types, good.personas()));
  }

  @Test
  void aShareMustBeItsCountOverItsTotal() {
    List<TypeFigures> types = new ArrayList<>(good.types());
    TypeFigures t = types.get(2);
    types.set(2, new TypeFigures(t.type(), t.sessions(), t.share() + 0.01, t.distinctive(), t.quartiles(), t.endings(), t.nextType(), t.representative()));
    var e = assertThrows(IllegalArgumentException.class, () -> with(types, good.personas()));
    assertTrue(e.getMessage().contains("share of blueprint"), e.getMessage());
  }

  @Test
  void aPersonaWithoutPeopleHasNoMixAndAPersonaWithPeopleHasOne() {
    assertThrows(IllegalArgumentException.class,
        () -> new PersonaFigures(Persona.SHOWRUNNER, 0, 0.0, Optional.of(good.populationTypeMix()), Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new PersonaFigures(Persona.SHOWRUNNER, 3, 0.1, Optional.empty(), Optional.of(1.0)));
  }

  @Test
  void sharesAreBetweenZeroAndOneAndMixesAddUpToOne() {
    assertThrows(IllegalArgumentException.class, () -> new Endings(1.2, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Endings(Double.NaN, 0, 0));
    Map<SessionType, Double> half = new java.util.EnumMap<>(SessionType.class);
    for (SessionType t : SessionType.values()) {
      half.put(t, 0.05);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> new TypeMix(half));
    assertTrue(e.getMessage().contains("add up to 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TypeMix(Map.of(SessionType.ONE_SHOT, 1.0)));
  }

  @Test
  void quartilesAreOrderedAndTimelinesEndWithTheirSession() {
    assertThrows(IllegalArgumentException.class, () -> new Quartiles(Feature.PROMPTS, 3, 2, 4));
    assertThrows(IllegalArgumentException.class, () -> new FeatureRow(Feature.PROMPTS, 5, 6, 7));
    assertThrows(IllegalArgumentException.class, () -> new Timeline(10, List.of(new TimelineEvent(12, TimelineKind.EDIT))));
    Timeline sorted = new Timeline(10, List.of(new TimelineEvent(5, TimelineKind.EDIT), new TimelineEvent(1, TimelineKind.PROMPT)));
    assertEquals(TimelineKind.PROMPT, sorted.events().get(0).kind());
  }

  @Test
  void confusionMatricesAreSquareWithCounts() {
    assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a", "b"), List.of(List.of(1, 2))));
    assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a"), List.of(List.of(-1))));
    assertEquals(9, new ConfusionMatrix(List.of("a", "b"), List.of(List.of(9, 1), List.of(2, 3))).max());
  }

  @Test
  void siteDataTakesItsSampleFlagFromTheFigures() {
    assertTrue(dev.personas.site.SiteData.of(good).sample());
    assertFalse(dev.personas.site.SiteData.of(FixtureFigures.withoutGroundTruth()).sample());
  }
}
