package dev.personas.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InOrderTest {
  @Test
  void resultsComeInTheOrderTasksWereSubmittedHoweverTheyFinish() {
    List<Integer> got = new ArrayList<>();
    try (InOrder<Integer> work = new InOrder<>(got::add, 3)) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        work.submit(() -> {
          // Early tasks take longest, so later ones finish first.
          Thread.sleep(n < 10 ? 20 - n : 0);
          return n;
        });
      }
      work.finish();
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add(i);
    }
    assertEquals(expected, got);
  }

  @Test
  void aFastProducerWaitsInsteadOfPilingUpTasks() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    List<Integer> got = new ArrayList<>();
    try (InOrder<Integer> work = new InOrder<>(n -> {
      got.add(n);
      running.decrementAndGet();
    }, 2)) {
      for (int i = 0; i < 500; i++) {
        int n = i;
        mostInFlight.accumulateAndGet(running.incrementAndGet(), Math::max);
        work.submit(() -> n);
      }
      work.finish();
    }
    assertEquals(500, got.size());
    assertTrue(mostInFlight.get() <= 2 * 32 + 1, "in flight: " + mostInFlight.get());
  }

  @Test
  void aTaskThatFailsThrowsItsOwnException() {
    try (InOrder<Integer> work = new InOrder<>(n -> { }, 2)) {
      // Thrown by whichever call hands the failed result over: a later submit when the task is
      // already done by then, else finish.
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
        work.submit(() -> 1);
        work.submit(() -> {
          throw new IllegalArgumentException("bad session");
        });
        work.finish();
      });
      assertEquals("bad session", e.getMessage());
    }
  }
}
