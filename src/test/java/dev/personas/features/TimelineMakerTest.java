package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.features.Timeline.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineMakerTest {
  private final TimelineMaker maker = new TimelineMaker();

  private static List<Kind> kinds(Timeline timeline) {
    return timeline.marks().stream().map(Timeline.Mark::kind).toList();
  }

  @Test
  void eachEventIsDrawnOnceWithItsKind() {
    Timeline t = maker.make(Sessions.builder()
        .prompt("fix the parser").tool("Read", "src/P.java").result(false)
        .edit("src/P.java").result(false)
        .bash("mvn -q test").result(true)
        .bash("mvn -q test").result(false)
        .bash("ls").result(false)
        .build("s"));
    assertEquals(List.of(Kind.PROMPT, Kind.READ, Kind.EDIT, Kind.TEST_FAILED, Kind.TEST, Kind.SHELL),
        kinds(t));
  }

  @Test
  void aFailedTestRunIsNotAlsoDrawnAsAPassedOne() {
    Timeline t = maker.make(Sessions.builder().prompt("run the tests")
        .bash("pytest -q").result(true).build("s"));
    assertEquals(List.of(Kind.PROMPT, Kind.TEST_FAILED), kinds(t));
  }

  @Test
  void idleGapsAreSqueezedOutOfTheMinutes() {
    Timeline t = maker.make(Sessions.builder()
        .prompt("start").after(Duration.ofHours(10)).prompt("next morning").build("s"));
    assertTrue(t.marks().get(1).minute() < 1, "an overnight gap adds no active minutes: " + t);
  }

  @Test
  void featuresAndTimelineTogetherAreThoseMadeApart() {
    dev.personas.session.Session session = Sessions.builder()
        .prompt("fix the parser").tool("Read", "src/P.java").result(false)
        .edit("src/P.java").result(false)
        .bash("mvn -q test").result(true)
        .prompt("again").bash("git diff").result(false).subagentCall()
        .inSubagent().bash("ls").result(false).inMain()
        .bash("git commit -m fix").result(false)
        .build("s");
    FeatureExtractor extractor = new FeatureExtractor();
    FeatureExtractor.FeaturesAndTimeline both = extractor.extract(session, maker);
    assertEquals(extractor.extract(session), both.features());
    assertEquals(maker.make(session), both.timeline());
    assertEquals(null, extractor.extract(session, null).timeline());
  }
}
