package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shipped corpus's agreement, worked out once per process, is the one computed directly. */
class CorpusValidatorTest {
  @Test
  void theKeptAgreementIsTheOneComputedDirectlyAndCallersAtOnceShareIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CorpusAgreement>> asked = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        asked.add(pool.submit(() -> CorpusValidator.shipped(RuleThresholds.AUTHORED)));
      }
      CorpusAgreement direct = new CorpusValidator(RuleThresholds.AUTHORED).validate(RealCorpus.shipped());
      for (Future<CorpusAgreement> f : asked) {
        assertSame(asked.get(0).get(), f.get(), "worked out once");
      }
      assertEquals(describe(direct), describe(asked.get(0).get()));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every number of an agreement, confusion tables included (records compare arrays by identity). */
  private static String describe(CorpusAgreement a) {
    StringBuilder out = new StringBuilder(a.sessions() + " " + a.people() + " " + a.readerKappa()
        + " " + a.readerPeopleKappa() + " " + a.heldOutTarget() + " " + a.personaTarget() + " " + a.uncertainBelow());
    for (Agreement g : List.of(a.readerSessions(), a.readerPeople(), a.calibration(), a.heldOut(),
        a.newPeople(), a.personas(), a.personasFromReadersTypes(), a.calibrationCertain(),
        a.calibrationUncertain(), a.newPeopleCertain(), a.newPeopleUncertain(), a.personasDecisive(),
        a.personasBorderline())) {
      out.append(" | ").append(g.items()).append(' ').append(g.hits()).append(' ')
          .append(g.accuracy()).append(' ').append(g.low()).append(' ').append(g.high())
          .append(' ').append(g.labels()).append(' ').append(Arrays.deepToString(g.confusion()));
    }
    return out.toString();
  }
}
