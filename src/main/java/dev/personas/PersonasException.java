package dev.personas;

/**
 * The one domain exception. Its message is a plain sentence for the user, naming the thing and
 * its path and saying what to do; library exceptions are wrapped into it at stage boundaries.
 */
public final class PersonasException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the user asked for something impossible (usage) or the work failed (failure). */
  public enum Category {
    USAGE,
    FAILURE
  }

  private final Category category;

  public PersonasException(Category category, String message, Throwable cause) {
    super(message, cause);
    this.category = category;
  }

  /** A failure of the work itself. */
  public static PersonasException failure(String message) {
    return new PersonasException(Category.FAILURE, message, null);
  }

  /** A failure wrapping a library or I/O exception. */
  public static PersonasException failure(String message, Throwable cause) {
    return new PersonasException(Category.FAILURE, message, cause);
  }

  /** A usage error: the user asked for something that cannot be done as asked. */
  public static PersonasException usage(String message) {
    return new PersonasException(Category.USAGE, message, null);
  }

  public Category category() {
    return category;
  }
}
