package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HousekeepingCommandsTest {
  /** The finder counts commands from its own copy of the list: the two must hold the same names. */
  @Test
  void theFindersListIsJavas() throws IOException {
    String js = Files.readString(Path.of("static/js/finder/features.js"));
    Matcher set = Pattern.compile("const HOUSEKEEPING = new Set\\(\\[(.*?)\\]\\);", Pattern.DOTALL).matcher(js);
    assertTrue(set.find(), "features.js declares HOUSEKEEPING");
    Set<String> names = new TreeSet<>();
    Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(set.group(1));
    while (name.find()) {
      names.add(name.group(1));
    }
    assertEquals(new TreeSet<>(HousekeepingCommands.NAMES), names);
  }
}
