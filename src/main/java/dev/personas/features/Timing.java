package dev.personas.features;

import dev.personas.session.Event;
import dev.personas.session.EventKind;
import java.util.Arrays;
import java.util.List;

/**
 * Time features: active and wall time over the merged timestamps of a session, and the pauses
 * a person took before typing. Events without a timestamp are skipped, never fatal.
 */
final class Timing {

  /** Gaps longer than this are idle time (a meeting, a night), not work. */
  static final long IDLE_MILLIS = 30L * 60 * 1000;

  /*
   * When no event records a time, active minutes are estimated from what the session did:
   * ln(1 + minutes) = INTERCEPT + PER_ASK * ln(1 + asks) + PER_CALL * ln(1 + tool calls), the
   * least-squares fit on the calibration half of the real corpus (corpus/labelling/untimed.py;
   * ActiveTimeEstimateTest refits it from sessions.tsv and holds these to the fit). Reading such
   * sessions as 0 minutes cost the method 20 of its 323 calibration sessions; the estimate, 6.
   */
  static final double ESTIMATE_INTERCEPT = -0.16;
  static final double ESTIMATE_PER_ASK = 0.77;
  static final double ESTIMATE_PER_CALL = 0.48;

  private Timing() {}

  /** Epoch milliseconds of every timestamped event of both streams, sorted. */
  static long[] timestamps(List<Event> main, List<Event> subagents) {
    long[] out = new long[main.size() + subagents.size()];
    int n = 0;
    for (List<Event> stream : List.of(main, subagents)) {
      for (Event e : stream) {
        if (e.timestamp() != null) {
          out[n++] = e.timestamp().toEpochMilli();
        }
      }
    }
    long[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Sum of gaps between consecutive timestamps, gaps over 30 minutes left out. */
  static double activeMinutes(long[] sorted) {
    long active = 0;
    for (int i = 1; i < sorted.length; i++) {
      long gap = sorted[i] - sorted[i - 1];
      if (gap <= IDLE_MILLIS) {
        active += gap;
      }
    }
    return active / 60_000.0;
  }

  /**
   * Active minutes of a session none of whose events records a time, estimated from its asks
   * (typed prompts plus commands run) and its main-thread tool calls; never negative.
   */
  static double estimatedActiveMinutes(double asks, double toolCalls) {
    return Math.max(0, Math.expm1(ESTIMATE_INTERCEPT + ESTIMATE_PER_ASK * Math.log1p(asks)
        + ESTIMATE_PER_CALL * Math.log1p(toolCalls)));
  }

  static double wallMinutes(long[] sorted) {
    return sorted.length < 2 ? 0 : (sorted[sorted.length - 1] - sorted[0]) / 60_000.0;
  }

  /**
   * Median pause before a prompt, over all prompts after the first ({@code [0]}) and over those
   * in the last third by prompt index ({@code [1]}), in seconds. A pause runs from the last
   * timestamped main-thread event before the prompt (injected text aside: it is stamped with the
   * prompt it rides along) to the prompt; negative gaps and gaps over 30 minutes are left out.
   */
  static double[] medianPauses(List<Event> main, int promptCount) {
    int lateFrom = promptCount - (promptCount + 2) / 3;
    double[] all = new double[promptCount];
    double[] late = new double[promptCount];
    int nAll = 0;
    int nLate = 0;
    int index = -1;
    long previous = Long.MIN_VALUE;
    for (Event e : main) {
      if (e.kind().isTypedPrompt()) {
        index++;
        if (index > 0 && e.timestamp() != null && previous != Long.MIN_VALUE) {
          long gap = e.timestamp().toEpochMilli() - previous;
          if (gap >= 0 && gap <= IDLE_MILLIS) {
            all[nAll++] = gap / 1000.0;
            if (index >= lateFrom) {
              late[nLate++] = gap / 1000.0;
            }
          }
        }
      }
      if (e.timestamp() != null && e.kind() != EventKind.INJECTED) {
        previous = e.timestamp().toEpochMilli();
      }
    }
    return new double[] {median(all, nAll), median(late, nLate)};
  }

  /** Median of the first {@code n} values; 0 when there are none. */
  static double median(double[] values, int n) {
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
