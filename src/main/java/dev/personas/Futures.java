package dev.personas;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work handed to another thread, with what it threw rethrown as thrown. */
public final class Futures {
  private Futures() {}

  /**
   * Waits for the task and gives its value. A runtime exception or error it threw is rethrown
   * unwrapped, so a failure on another thread reads as if the caller had done the work itself.
   */
  public static <T> T value(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task", e);
    }
  }
}
