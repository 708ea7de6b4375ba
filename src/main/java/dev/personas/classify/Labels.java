package dev.personas.classify;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every session's type and every person's persona under one model.
 *
 * @param sessions session id → classification, sorted by id
 * @param persons user id → persona result, sorted by id
 */
public record Labels(Map<String, Classification> sessions, Map<String, PersonaResult> persons) {

  public Labels {
    sessions = Collections.unmodifiableMap(new TreeMap<>(sessions));
    persons = Collections.unmodifiableMap(new TreeMap<>(persons));
  }
}
