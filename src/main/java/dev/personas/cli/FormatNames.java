package dev.personas.cli;

import dev.personas.load.SourceFormat;
import java.util.Arrays;
import java.util.Iterator;

/** The log formats as --help lists them: as they are typed, not as the enum spells them. */
final class FormatNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(SourceFormat.values()).map(SourceFormat::optionName).iterator();
  }
}
