package dev.personas.study;

import dev.personas.Futures;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs tasks on every core and hands their results to a sink one at a time, in the order the
 * tasks were submitted: what the sink builds is the same as if each task had run in turn. At
 * most a few tasks per thread are in flight, so a fast producer waits rather than piling up
 * work (and the sessions it holds).
 *
 * @param <T> what a task gives
 */
final class InOrder<T> implements AutoCloseable {
  private static final int IN_FLIGHT_PER_THREAD = 32;

  private final Consumer<T> sink;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();

  /** Tasks on as many threads as there are cores. */
  InOrder(Consumer<T> sink) {
    this(sink, Runtime.getRuntime().availableProcessors());
  }

  InOrder(Consumer<T> sink, int threads) {
    this.sink = sink;
    this.maxInFlight = IN_FLIGHT_PER_THREAD * threads;
    this.pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "personas-in-order");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts a task; hands over the results that are ready, in order. A task that failed throws
   * its exception from the call that reaches its result: this one or {@link #finish()}.
   */
  void submit(Callable<T> task) {
    pending.add(pool.submit(task));
    while (!pending.isEmpty() && (pending.peek().isDone() || pending.size() > maxInFlight)) {
      sink.accept(Futures.value(pending.poll()));
    }
  }

  /** Waits for every task and hands over the rest of the results, in order. */
  void finish() {
    while (!pending.isEmpty()) {
      sink.accept(Futures.value(pending.poll()));
    }
  }

  /** Stops the threads; tasks not handed over are dropped. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
