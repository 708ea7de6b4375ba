package dev.personas.load;

import java.util.Arrays;

/**
 * The tokens counted so far for each API message (a Claude Code message.id + requestId), so a
 * message written over several lines counts once, at its largest. Claude Code writes a streamed
 * message as one line per content block, each with the usage as it stood when the block was
 * written: the output tokens grow from line to line (in a quarter of the repeated lines of the
 * real corpus), so the first line's usage undercounts and the last line's is the message's. The
 * keys are a {@link SeenKeys}, each owning a slot of the counts.
 */
public final class MessageUsage {
  private final SeenKeys slots = new SeenKeys();
  private long[] input = new long[1024];
  private long[] output = new long[1024];
  private int size;

  /** What one line adds to its message's count: the rise over what earlier lines counted. */
  public record Rise(long input, long output) {}

  /**
   * Records a line's usage of the message {@code key} and returns what it adds: all of it for a
   * message not seen before, else how far each count rises above the largest counted (never
   * below zero: a copy or a replay repeats a message's usage and adds nothing).
   */
  public Rise add(String key, long in, long out) {
    int slot = slots.addIfAbsent(key, size);
    if (slot < 0) {
      if (size == input.length) {
        input = Arrays.copyOf(input, size * 2);
        output = Arrays.copyOf(output, size * 2);
      }
      input[size] = in;
      output[size] = out;
      size++;
      return new Rise(in, out);
    }
    Rise rise = new Rise(Math.max(0, in - input[slot]), Math.max(0, out - output[slot]));
    input[slot] = Math.max(input[slot], in);
    output[slot] = Math.max(output[slot], out);
    return rise;
  }
}
