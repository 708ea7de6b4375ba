package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

  @Test
  void theDiagonalAreTheHitsAndTheIntervalIsWilsons() {
    Agreement none = Agreement.of(List.of("a", "b"), new int[][] {{0, 6}, {4, 0}});
    assertEquals(10, none.items());
    assertEquals(0, none.hits());
    assertEquals(0.0, none.low(), 1e-9);
    assertEquals(0.2775, none.high(), 1e-4); // the textbook Wilson bound for 0 of 10
    Agreement all = Agreement.of(List.of("a", "b"), new int[][] {{7, 0}, {0, 3}});
    assertEquals(1.0, all.accuracy(), 1e-12);
    assertEquals(0.7225, all.low(), 1e-4);
    assertEquals(1.0, all.high(), 1e-9);
  }

  @Test
  void nothingComparedIsZeroNotAnError() {
    Agreement empty = Agreement.of(List.of("a"), new int[][] {{0}});
    assertEquals(0, empty.items());
    assertEquals(0.0, empty.accuracy());
  }
}
