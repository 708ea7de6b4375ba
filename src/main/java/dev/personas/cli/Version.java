package dev.personas.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's resources. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws Exception {
    var props = new java.util.Properties();
    try (var in = Version.class.getResourceAsStream("/personas-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    }
    return new String[] {"personas " + props.getProperty("version", "unknown")};
  }
}
