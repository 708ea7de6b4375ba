package dev.personas;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/** What is wrong with a JSON file, in one line for a person, not Jackson's multi-line report. */
public final class JsonErrors {
  private JsonErrors() {}

  /** "Unexpected end-of-input … at line 1, column 3000" for a Jackson error; else its message. */
  public static String describe(Exception e) {
    if (e instanceof JacksonException jackson) {
      String message = String.valueOf(jackson.getOriginalMessage()).lines().findFirst().orElse("");
      JsonLocation at = jackson.getLocation();
      return at == null || at.getLineNr() < 1 ? message
          : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
    return String.valueOf(e.getMessage());
  }
}
