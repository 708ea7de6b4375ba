package dev.personas.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The made-up project a synthetic session works in: its language, files, test command and the
 * failures its tests print. Everything a transcript names comes from here, so paths, commands
 * and error pastes look alike across one repository's sessions.
 *
 * @param language the main language
 * @param files source files, relative to the repository root
 * @param testFiles test files, relative to the repository root
 * @param testCommand the shell command that runs the tests
 * @param symbols identifiers defined in the code
 */
record Codebase(String language, List<String> files, List<String> testFiles, String testCommand,
    List<String> symbols) {

  static final List<String> LANGUAGES = List.of("python", "typescript", "go", "rust", "java");

  private static final List<String> MODULES = List.of("auth", "billing", "parser", "cache",
      "router", "config", "export", "search", "upload", "scheduler", "metrics", "session");

  /** A codebase in the given language, its module names drawn from the random source. */
  static Codebase of(String language, SplittableRandom random) {
    List<String> modules = new java.util.ArrayList<>(MODULES);
    for (int i = modules.size() - 1; i > 0; i--) {
      java.util.Collections.swap(modules, i, random.nextInt(i + 1));
    }
    List<String> picked = modules.subList(0, 5);
    List<String> files = new java.util.ArrayList<>();
    List<String> tests = new java.util.ArrayList<>();
    List<String> symbols = new java.util.ArrayList<>();
    for (String m : picked) {
      switch (language) {
        case "python":
          files.add("src/app/" + m + ".py");
          tests.add("tests/test_" + m + ".py");
          symbols.add(m + "_handler");
          break;
        case "typescript":
          files.add("src/" + m + "/index.ts");
          tests.add("src/" + m + "/" + m + ".test.ts");
          symbols.add(m + "Service");
          break;
        case "go":
          files.add("internal/" + m + "/" + m + ".go");
          tests.add("internal/" + m + "/" + m + "_test.go");
          symbols.add("New" + Character.toUpperCase(m.charAt(0)) + m.substring(1));
          break;
        case "rust":
          files.add("src/" + m + ".rs");
          tests.add("tests/" + m + ".rs");
          symbols.add(m + "_config");
          break;
        default:
          String type = Character.toUpperCase(m.charAt(0)) + m.substring(1);
          files.add("src/main/java/app/" + type + "Service.java");
          tests.add("src/test/java/app/" + type + "ServiceTest.java");
          symbols.add(type + "Service");
      }
    }
    String test = switch (language) {
      case "python" -> "pytest -q";
      case "typescript" -> "npm test";
      case "go" -> "go test ./...";
      case "rust" -> "cargo test";
      default -> "mvn -q test";
    };
    return new Codebase(language, files, tests, test, symbols);
  }

  String file(SplittableRandom r) {
    return files.get(r.nextInt(files.size()));
  }

  String testFile(SplittableRandom r) {
    return testFiles.get(r.nextInt(testFiles.size()));
  }

  String symbol(SplittableRandom r) {
    return symbols.get(r.nextInt(symbols.size()));
  }

  /** A failing test run's output with a stack trace; the same index gives the same text. */
  String failure(int which) {
    String file = files.get(which % files.size());
    String sym = symbols.get(which % symbols.size());
    int line = 17 + which * 13 % 180;
    return switch (language) {
      case "python" -> "FAILED " + testFiles.get(which % testFiles.size()) + "::test_" + sym
          + " - KeyError: 'user_id'\nTraceback (most recent call last):\n  File \"" + file
          + "\", line " + line + ", in " + sym + "\n    return payload['user_id']\nKeyError: 'user_id'\n1 failed, 23 passed";
      case "typescript" -> "FAIL " + testFiles.get(which % testFiles.size()) + "\n  TypeError: Cannot read properties of undefined (reading 'id')\n    at "
          + sym + ".load (" + file + ":" + line + ":21)\nTests: 1 failed, 31 passed";
      case "go" -> "--- FAIL: Test" + sym + " (0.00s)\npanic: runtime error: invalid memory address or nil pointer dereference\n\t"
          + file + ":" + line + " +0x1d\nFAIL";
      case "rust" -> "thread 'tests::" + sym + "' panicked at " + file + ":" + line
          + ":9:\ncalled `Option::unwrap()` on a `None` value\ntest result: FAILED. 11 passed; 1 failed";
      default -> "[ERROR] Tests run: 14, Failures: 1\njava.lang.NullPointerException: Cannot invoke \"String.length()\"\n\tat app."
          + sym + ".load(" + file.substring(file.lastIndexOf('/') + 1) + ":" + line + ")";
    };
  }

  /** A passing test run's output. */
  String pass(SplittableRandom r) {
    int n = 12 + r.nextInt(60);
    return switch (language) {
      case "python" -> n + " passed in " + (1 + r.nextInt(9)) + "." + r.nextInt(10) + "s";
      case "typescript" -> "Tests: " + n + " passed, " + n + " total";
      case "go" -> "ok  \tapp/internal\t0." + (100 + r.nextInt(800)) + "s";
      case "rust" -> "test result: ok. " + n + " passed; 0 failed";
      default -> "[INFO] Tests run: " + n + ", Failures: 0, Errors: 0";
    };
  }
}
