package dev.personas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.personas.me.PlantedLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets planted in every place a log carries text (prompts, working directory, project
 * folder, git branch, titles, file paths, tool output, answers) never reach any byte of any
 * file `personas me` writes, whether or not projects and titles are shown. Every secret carries
 * the marker "qleak", which nothing in the site's own files contains.
 */
class MeSecretsTest {
  static final String MARKER = "qleak";
  static final List<String> SECRETS = List.of(
      "sk-ant-api03-Qleak0anthropic0123456789abcdefXYZ",
      "sk-proj-Qleak1openai0123456789abcdefghij",
      "AKIAQLEAK2AWSKEY3456",
      "aws_secret_access_key=Qleak3awsSecret0123456789abcdefghijklmno",
      "ghp_Qleak4github0123456789abcdefghijkl",
      "github_pat_Qleak5finegrained0123456789_abcdefghij",
      "xoxb-Qleak6slack-0123456789-abcdefghij",
      "eyJhbGciOiJIUzI1NiJ9.eyJRbGVhazciOjF9.Qleak7jwtSignature0123",
      "-----BEGIN RSA PRIVATE KEY-----\nQleak8pemBody0123456789\n-----END RSA PRIVATE KEY-----",
      "DB_PASSWORD=Qleak9envPassword99",
      "qleak.person@example.org");

  @TempDir Path home;
  @TempDir Path work;

  @BeforeEach
  void plantSecrets() {
    Path projects = home.resolve(".claude/projects");
    Instant start = Instant.parse("2026-11-02T09:00:00Z");
    for (int i = 0; i < SECRETS.size(); i++) {
      String secret = SECRETS.get(i);
      String folder = "-home-dev-" + secret.replaceAll("[^A-Za-z0-9]", "-");
      List<String> prompts = List.of(secret + "\nplease use this for the deploy", "now try again with " + secret,
          "ok, and DEPLOY_TOKEN=" + secret.replace('\n', ' ') + " in the .env");
      // An e-mail address in a working directory becomes a project name with '-' for '@' and '.',
      // which no pattern can tell from an ordinary name: it is planted everywhere else (a known limit).
      boolean email = secret.contains("@");
      PlantedLogs.claude(projects, email ? "-home-dev-app" : folder, "claude-" + i, start.plus(i, ChronoUnit.HOURS),
          prompts, secret);
      PlantedLogs.codex(home.resolve(".codex/sessions"), "codex-" + i, start.plus(i, ChronoUnit.DAYS), prompts, secret,
          email ? "/home/dev/app" : "/home/dev/" + secret);
    }
  }

  @ParameterizedTest(name = "personas me {0}")
  @ValueSource(strings = {"", "--show-projects --show-titles", "--show-projects", "--show-titles"})
  void noPlantedSecretReachesAnyOutputFile(String flags) throws IOException {
    Path out = work.resolve("me");
    Path export = work.resolve("export/me.json");
    List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--export", export.toString()));
    if (!flags.isEmpty()) {
      args.addAll(List.of(flags.split(" ")));
    }
    MeRun.Result run = MeRun.run(home, args.toArray(String[]::new));
    assertEquals(ExitCode.OK, run.exit(), run.err());
    assertTrue(run.err().contains("Found " + 2 * SECRETS.size() + " sessions"), run.err());
    List<Path> written = new ArrayList<>(files(out));
    written.add(export);
    assertTrue(written.size() > 5, "the page, its assets and the export: " + written);
    for (Path file : written) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      int at = bytes.indexOf(MARKER);
      if (at >= 0) {
        fail(file + " leaks a planted secret: …" + bytes.substring(Math.max(0, at - 60), Math.min(bytes.length(), at + 40)));
      }
    }
    assertTrue(!run.out().toLowerCase(Locale.ROOT).contains(MARKER), run.out());
    String page = Files.readString(out.resolve("index.html"));
    if (flags.contains("--show-titles")) {
      // The titles are on the page, with the secrets cut out of them.
      // The titles (each a first prompt's first line: a secret) are on the page, redacted.
      for (String kind : List.of("Anthropic key", "OpenAI key", "AWS key", "GitHub token", "Slack token", "JWT",
          "private key", "secret", "e-mail")) {
        assertTrue(page.contains("[redacted " + kind + "]"), kind);
      }
    }
    if (flags.contains("--show-projects")) {
      assertTrue(page.contains("home-dev-"), "project names shown");
    }
    if (flags.isEmpty()) {
      assertTrue(!page.contains("home-dev") && !page.contains("[redacted") && !page.contains("deploy"),
          "nothing from the logs by default");
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
