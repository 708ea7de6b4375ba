package dev.personas.features;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a shell command ran a test suite. Each simple command of the line (see {@link
 * ShellCommands}) is judged by its program and arguments, so {@code echo "npm test"}, {@code grep
 * test} or {@code mvn -DskipTests verify} are not test runs while {@code cd app && CI=1 npx
 * vitest run} and {@code bash -lc "pytest -q"} are.
 */
final class TestCommands {

  /** Programs that run tests whatever their arguments. */
  private static final Set<String> RUNNERS =
      Set.of("pytest", "py.test", "unittest", "tox", "nox", "jest", "vitest", "mocha", "ava",
          "jasmine", "karma", "rspec", "phpunit", "pest", "ctest", "gotestsum", "cargo-nextest",
          "nextest", "trial", "nosetests", "nose2", "runtests.py", "busted", "bats");
  /** Programs whose subcommand {@code test} runs tests. */
  private static final Set<String> TEST_SUBCOMMAND =
      Set.of("go", "dotnet", "swift", "flutter", "dart", "deno", "mix", "lein", "stack", "cabal",
          "bazel", "bazelisk", "buck", "buck2", "playwright", "composer", "rails", "hatch", "zig",
          "node");
  private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "pnpm", "yarn", "bun");
  private static final Set<String> PM_OPTIONS_WITH_VALUE =
      Set.of("--filter", "-F", "--prefix", "-C", "--cwd", "--dir", "-w", "--workspace");
  private static final Pattern SCRIPT_NAME =
      Pattern.compile("t|tst|tests?|tests?[:_-].*|.*[:_-]tests?|unit|e2e|jest|vitest|mocha");
  private static final Pattern GRADLE_TASK =
      Pattern.compile("(?:.*:)?(?:test(?!Classes\\b)\\w*|check|\\w+Tests?)");
  private static final Pattern MAKE_TARGET =
      Pattern.compile("tests?|check|unittests?|tests?[-_:].*|[\\w-]*[-_]tests?");
  private static final Pattern PHPUNIT = Pattern.compile("(?:.*/)?(?:phpunit|pest)");
  private static final Pattern TEST_SCRIPT = Pattern.compile("(?:test_.*|.*_tests?|runtests)\\.py");

  private TestCommands() {}

  /** True when any simple command of {@code command} runs a test suite. */
  static boolean isTestRun(String command) {
    return isTestRun(ShellCommands.simpleCommands(command));
  }

  /** True when any of the simple commands runs a test suite. */
  static boolean isTestRun(List<List<String>> commands) {
    for (List<String> words : commands) {
      if (runsTests(words)) {
        return true;
      }
    }
    return false;
  }

  private static boolean runsTests(List<String> words) {
    if (words.contains("--version") || words.contains("--help")) {
      return false;
    }
    String program = ShellCommands.program(words);
    if (RUNNERS.contains(program)) {
      return !words.contains("--collect-only") && !words.contains("--co");
    }
    switch (program) {
      case "mvn": case "mvnw": case "mvnd":
        return !skipsTests(words) && hasWord(words, "test", "verify", "integration-test",
            "surefire:test", "failsafe:integration-test");
      case "gradle": case "gradlew":
        return gradleRunsTests(words);
      case "make": case "gmake":
        return makeRunsTests(words);
      case "cargo":
        return cargoRunsTests(words);
      case "python": case "python3": case "py":
        return pythonRunsTests(words);
      case "rake":
        return hasWord(words, "test", "spec");
      case "sbt":
        return words.stream().anyMatch(w -> w.equals("test") || w.startsWith("testOnly"));
      case "php":
        return words.size() > 2 && words.get(1).equals("artisan") && words.get(2).equals("test")
            || words.size() > 1 && PHPUNIT.matcher(words.get(1)).matches();
      case "cypress":
        return hasWord(words, "run");
      default:
        break;
    }
    if (PACKAGE_MANAGERS.contains(program) && packageScriptIsTest(words)) {
      return true;
    }
    if (TEST_SUBCOMMAND.contains(program)) {
      int sub = ShellCommands.firstOperand(words, 1);
      if (program.equals("zig")) {
        return sub + 1 < words.size() && words.get(sub).equals("build")
            && words.get(sub + 1).equals("test");
      }
      return program.equals("node") ? words.contains("--test")
          : sub < words.size() && words.get(sub).equals("test");
    }
    return false;
  }

  private static boolean skipsTests(List<String> words) {
    return words.stream().anyMatch(w -> w.equals("-DskipTests") || w.startsWith("-DskipTests=true")
        || w.startsWith("-Dmaven.test.skip=true"));
  }

  private static boolean gradleRunsTests(List<String> words) {
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-x") || w.equals("--exclude-task")) {
        i++; // "-x test" excludes the task it names
      } else if (!w.startsWith("-") && GRADLE_TASK.matcher(w).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean makeRunsTests(List<String> words) {
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-C") || w.equals("-f") || w.equals("--directory") || w.equals("--file")) {
        i++;
      } else if (!w.startsWith("-") && w.indexOf('=') < 0 && MAKE_TARGET.matcher(w).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean cargoRunsTests(List<String> words) {
    int i = 1;
    while (i < words.size() && (words.get(i).startsWith("+") || words.get(i).startsWith("-"))) {
      i++;
    }
    return i < words.size() && (words.get(i).equals("test") || words.get(i).equals("nextest"));
  }

  private static boolean pythonRunsTests(List<String> words) {
    int script = ShellCommands.firstOperand(words, 1);
    if (script >= words.size()) {
      return false;
    }
    String name = ShellCommands.program(words.subList(script, words.size()));
    String next = script + 1 < words.size() ? words.get(script + 1) : "";
    return (name.equals("manage.py") || name.equals("setup.py")) && next.equals("test")
        || TEST_SCRIPT.matcher(name).matches();
  }

  /** npm/yarn/pnpm/bun: options and workspace selectors, then an optional "run", then a script. */
  private static boolean packageScriptIsTest(List<String> words) {
    int i = 1;
    while (i < words.size()) {
      String w = words.get(i);
      if (PM_OPTIONS_WITH_VALUE.contains(w)) {
        i += 2;
      } else if (w.startsWith("-") || w.equals("run") || w.equals("run-script")) {
        i++;
      } else if (w.equals("workspace")) {
        i += 2; // "yarn workspace web test"
      } else if (w.equals("--")) {
        return false;
      } else {
        return SCRIPT_NAME.matcher(w).matches();
      }
    }
    return false;
  }

  private static boolean hasWord(List<String> words, String... wanted) {
    for (int i = 1; i < words.size(); i++) {
      for (String w : wanted) {
        if (words.get(i).equals(w)) {
          return true;
        }
      }
    }
    return false;
  }
}
