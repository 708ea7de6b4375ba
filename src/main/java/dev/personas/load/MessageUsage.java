package dev.personas.load;

/**
 * The tokens counted so far for each API message (a Claude Code message.id + requestId), so a
 * message written over several lines counts once, at its largest. Claude Code writes a streamed
 * message as one line per content block, each with the usage as it stood when the block was
 * written: the output tokens grow from line to line (in a quarter of the repeated lines of the
 * real corpus), so the first line's usage undercounts and the last line's is the message's. Keys
 * are stored as 64-bit hashes, as in {@link SeenKeys}.
 */
public final class MessageUsage {
  private long[] keys = new long[1024];
  private long[] input = new long[1024];
  private long[] output = new long[1024];
  private boolean hasZero;
  private long zeroInput;
  private long zeroOutput;
  private int size;

  /** What one line adds to its message's count: the rise over what earlier lines counted. */
  public record Rise(long input, long output) {}

  /**
   * Records a line's usage of the message {@code key} and returns what it adds: all of it for a
   * message not seen before, else how far each count rises above the largest counted (never
   * below zero: a copy or a replay repeats a message's usage and adds nothing).
   */
  public Rise add(String key, long in, long out) {
    long h = SeenKeys.hash(key);
    if (h == 0) {
      Rise rise = hasZero ? new Rise(Math.max(0, in - zeroInput), Math.max(0, out - zeroOutput)) : new Rise(in, out);
      hasZero = true;
      zeroInput = Math.max(zeroInput, in);
      zeroOutput = Math.max(zeroOutput, out);
      return rise;
    }
    int mask = keys.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != 0) {
      if (keys[i] == h) {
        Rise rise = new Rise(Math.max(0, in - input[i]), Math.max(0, out - output[i]));
        input[i] = Math.max(input[i], in);
        output[i] = Math.max(output[i], out);
        return rise;
      }
      i = (i + 1) & mask;
    }
    keys[i] = h;
    input[i] = in;
    output[i] = out;
    if (++size * 2 > keys.length) {
      grow();
    }
    return new Rise(in, out);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldInput = input;
    long[] oldOutput = output;
    keys = new long[oldKeys.length * 2];
    input = new long[oldKeys.length * 2];
    output = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long h = oldKeys[j];
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = h;
        input[i] = oldInput[j];
        output[i] = oldOutput[j];
      }
    }
  }
}
