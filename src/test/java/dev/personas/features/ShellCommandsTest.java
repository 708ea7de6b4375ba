package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandsTest {

  @Test
  void splitsOnControlOperatorsOutsideQuotesOnly() {
    assertEquals(
        List.of(List.of("cd", "app"), List.of("echo", "a && b"), List.of("ls")),
        ShellCommands.simpleCommands("cd app && echo \"a && b\" | ls"));
  }

  @Test
  void dropsRedirectionsAndTheirTargets() {
    assertEquals(List.of(List.of("npm", "test")),
        ShellCommands.simpleCommands("npm test > out.log 2>&1"));
  }

  @Test
  void skipsHeredocBodies() {
    assertEquals(List.of(List.of("cat"), List.of("ls")),
        ShellCommands.simpleCommands("cat <<'EOF' > f\nnpm test\nEOF\nls"));
  }

  @Test
  void opensShellScriptsAndStripsWrappers() {
    assertEquals(List.of(List.of("cd", "x"), List.of("pytest", "-q")),
        ShellCommands.simpleCommands("bash -lc \"cd x && FOO=1 timeout 60 python -m pytest -q\""));
  }

  @Test
  void programIsTheFileNameInLowerCase() {
    assertEquals("mvnw", ShellCommands.program(List.of("./MVNW", "test")));
    assertEquals("", ShellCommands.program(List.of()));
  }
}
