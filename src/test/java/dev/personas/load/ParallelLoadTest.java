package dev.personas.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.PersonasException;
import dev.personas.load.claude.ClaudeCodeReader;
import dev.personas.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading on several threads gives what reading on one gives: the same results in the same
 * order, the same report (skips located file:line, counted, in reading order), whatever order
 * the threads finish in.
 */
class ParallelLoadTest {
  private static final int PROJECTS = 6;
  private static final int THREADS = 64; // more than the parts: every part runs at once

  @TempDir Path home;
  private Path projects;

  /**
   * Six project folders, each the fixture project with session ids of its own (copies of one
   * session in several folders would be read once), two with a broken line.
   */
  @BeforeEach
  void sixProjects() throws IOException {
    projects = home.resolve("projects");
    Path fixture = TestTrees.resource("fixtures/claude-code/projects/-home-dev-deploy");
    for (int p = 0; p < PROJECTS; p++) {
      Path project = projects.resolve("-home-dev-p" + p);
      String ids = "4000-8000-000" + p;
      try (java.util.stream.Stream<Path> walk = Files.walk(fixture)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          Path to = project.resolve(fixture.relativize(file).toString().replace("4000-8000-0000", ids));
          Files.createDirectories(to.getParent());
          Files.writeString(to, Files.readString(file).replace("4000-8000-0000", ids));
        }
      }
    }
    appendBrokenLine(projects.resolve("-home-dev-p1/5a1e0000-0000-4000-8000-000100000002.jsonl"));
    appendBrokenLine(projects.resolve("-home-dev-p4/5a1e0000-0000-4000-8000-000400000001.jsonl"));
  }

  @Test
  void resultsAndReportComeInReadingOrderWhenLaterPartsFinishFirst() {
    Read one = sequential(List.of(projects));
    Read many = parallel(new ReverseFinish(new ClaudeCodeReader()), List.of(projects));
    assertEquals(PROJECTS * 2, one.results.size(), one.results.toString());
    assertEquals(one.results, many.results);
    assertEquals(one.report.skips(), many.report.skips());
    assertEquals(one.report.summary(), many.report.summary());
    assertEquals(one.report.sessions(), many.report.sessions());
    assertEquals(one.report.linesRead(), many.report.linesRead());
    assertEquals(one.report.bytesRead(), many.report.bytesRead());
  }

  @Test
  void aBrokenLineReadOnAnotherThreadIsStillCountedAndLocated() throws IOException {
    Read many = parallel(new ReverseFinish(new ClaudeCodeReader()), List.of(projects));
    assertEquals(2, many.report.lineSkipCount());
    List<String> located = many.report.skips().stream().filter(s -> s.line() > 0)
        .map(ReadReport.Skip::toString).toList();
    Path p1 = projects.resolve("-home-dev-p1/5a1e0000-0000-4000-8000-000100000002.jsonl");
    Path p4 = projects.resolve("-home-dev-p4/5a1e0000-0000-4000-8000-000400000001.jsonl");
    assertEquals(2, located.size(), located.toString());
    assertTrue(located.get(0).startsWith(p1 + ":" + lines(p1) + ": "), located.toString());
    assertTrue(located.get(1).startsWith(p4 + ":" + lines(p4) + ": "), located.toString());
  }

  @Test
  void pathsThatCannotBeReadAreReportedWhereReadingInTurnPutsThem() {
    List<Path> paths = List.of(projects.resolve("-home-dev-p0"), home.resolve("missing"),
        projects.resolve("-home-dev-p1"));
    Read one = sequential(paths);
    Read many = parallel(new ReverseFinish(new ClaudeCodeReader()), paths);
    assertEquals(one.results, many.results);
    assertEquals(one.report.skips(), many.report.skips());
    List<ReadReport.Skip> skips = many.report.skips();
    int missing = skips.stream().map(ReadReport.Skip::file).toList().indexOf(home.resolve("missing"));
    assertTrue(missing > 0 && skips.get(missing - 1).file().startsWith(projects.resolve("-home-dev-p0"))
        && skips.get(missing + 1).file().startsWith(projects.resolve("-home-dev-p1")), skips.toString());
  }

  @Test
  void aFailureOfTheWorkOnAReadingThreadReachesTheCaller() {
    SessionLoader loader = new SessionLoader(Map.of(SourceFormat.CLAUDE_CODE, new ClaudeCodeReader()));
    PersonasException thrown = assertThrows(PersonasException.class, () -> loader.load(List.of(projects),
        Optional.of(SourceFormat.CLAUDE_CODE), THREADS, session -> {
          throw PersonasException.failure("cannot go on");
        }, result -> { }));
    assertEquals("cannot go on", thrown.getMessage());
  }

  @Test
  void aSessionTheWorkFailsOnIsReportedAndTheOthersStillArrive() {
    List<String> results = new ArrayList<>();
    ReadReport report = new SessionLoader(Map.of(SourceFormat.CLAUDE_CODE, new ClaudeCodeReader()))
        .load(List.of(projects), Optional.of(SourceFormat.CLAUDE_CODE), THREADS, session -> {
          if (session.repoId().equals("-home-dev-p2") && session.parentId() == null) {
            throw new IllegalStateException("a bug");
          }
          return DESCRIBE.apply(session);
        }, results::add);
    assertEquals(PROJECTS * 2 - 1, results.size(), results.toString());
    Path failed = projects.resolve("-home-dev-p2/5a1e0000-0000-4000-8000-000200000001.jsonl");
    assertTrue(report.skips().stream().anyMatch(s -> s.file().equals(failed)
        && s.reason().startsWith("could not be featurized (")), report.skips().toString());
  }

  private record Read(List<String> results, ReadReport report) {}

  private static final Function<Session, String> DESCRIBE = s ->
      s.repoId() + "/" + s.id() + " " + s.events().size() + "+" + s.subagentEvents().size() + " " + s.parentId();

  private Read sequential(List<Path> paths) {
    List<String> results = new ArrayList<>();
    ReadReport report = new SessionLoader(Map.of(SourceFormat.CLAUDE_CODE, new ClaudeCodeReader()))
        .load(paths, Optional.of(SourceFormat.CLAUDE_CODE), s -> results.add(DESCRIBE.apply(s)));
    return new Read(results, report);
  }

  private Read parallel(SessionReader reader, List<Path> paths) {
    List<String> results = new ArrayList<>();
    ReadReport report = new SessionLoader(Map.of(SourceFormat.CLAUDE_CODE, reader))
        .load(paths, Optional.of(SourceFormat.CLAUDE_CODE), THREADS, DESCRIBE, results::add);
    return new Read(results, report);
  }

  /** A reader whose parts finish last to first: each waits until the one after it is done. */
  private static final class ReverseFinish implements SessionReader {
    private final SessionReader inner;

    ReverseFinish(SessionReader inner) {
      this.inner = inner;
    }

    @Override
    public void read(Path path, Consumer<Session> sink, ReadReport report) {
      inner.read(path, sink, report);
    }

    @Override
    public List<Part> parts(Path path, ReadReport report) {
      List<Part> real = inner.parts(path, report);
      List<CountDownLatch> done = new ArrayList<>();
      for (int i = 0; i <= real.size(); i++) {
        done.add(new CountDownLatch(1));
      }
      done.get(real.size()).countDown();
      List<Part> parts = new ArrayList<>();
      for (int i = 0; i < real.size(); i++) {
        int at = i;
        parts.add((sink, into) -> {
          await(done.get(at + 1));
          real.get(at).read(sink, into);
          done.get(at).countDown();
        });
      }
      return parts;
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the part after this one never finished");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void appendBrokenLine(Path file) throws IOException {
    Files.writeString(file, "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"cut off\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static long lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).size();
  }
}
