package dev.personas.classify;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planted truth of a synthetic sample: the type each session was generated as and the
 * persona each person was generated as. Real datasets have none.
 *
 * @param sessionTypes session id → planted type
 * @param personas user id → planted persona
 */
public record GroundTruth(Map<String, SessionType> sessionTypes, Map<String, Persona> personas) {

  public GroundTruth {
    sessionTypes = Collections.unmodifiableMap(new TreeMap<>(sessionTypes));
    personas = Collections.unmodifiableMap(new TreeMap<>(personas));
  }
}
