package dev.personas.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.personas.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real labelled corpus is what issue 13 asks for, its split is the one written down before
 * tuning, and the method's agreement with the readers is recomputed from the committed data.
 */
class RealCorpusTest {
  private final RealCorpus corpus = RealCorpus.shipped();

  @Test
  void theCorpusHasEnoughSessionsAgentsAndPeople() {
    assertTrue(corpus.sessions().size() >= 150, corpus.sessions().size() + " sessions");
    Map<String, Long> agents = corpus.sessions().stream()
        .collect(Collectors.groupingBy(RealCorpus.Session::agent, Collectors.counting()));
    assertTrue(agents.get("claude") >= 40 && agents.get("codex") >= 40, agents.toString());
    // Personas are judged on one round's sessions of each person, the ones the readers saw for
    // them: the first round's people and the third's to sixth's (the people new to the corpus there).
    Map<String, Long> perPerson = corpus.sessions().stream().filter(s -> s.round() != 2)
        .collect(Collectors.groupingBy(s -> s.person() + "/" + s.round(), Collectors.counting()));
    List<String> withThree = perPerson.entrySet().stream().filter(e -> e.getValue() >= 3)
        .map(Map.Entry::getKey).sorted().toList();
    assertTrue(withThree.size() >= 15, withThree.size() + " people with three or more sessions");
    assertEquals(withThree, corpus.persons().stream().map(p -> p.id() + "/" + p.round()).sorted().toList(),
        "every such person has a labelled persona, judged on that round's sessions");
  }

  @Test
  void everySessionHasASourceAndNoTextFromItsLogShips() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("corpus", "sources.tsv"), StandardCharsets.UTF_8);
    assertEquals(corpus.sessions().size(), lines.size() - 1);
    List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[0]).toList();
    assertEquals(corpus.sessions().stream().map(RealCorpus.Session::id).toList(), ids);
    String shipped = Files.readString(
        Path.of("src/main/resources/dev/personas/classify/real/sessions.tsv"), StandardCharsets.UTF_8);
    for (String line : shipped.split("\n")) {
      String[] cells = line.split("\t");
      for (int j = 9; j < cells.length && !line.startsWith("session\t"); j++) {
        Double.parseDouble(cells[j]); // numbers only beyond the label columns
      }
    }
  }

  /** People held out as a whole: none of their sessions is in either half, so none tunes anything. */
  @Test
  void peopleHeldOutHaveNoSessionInEitherHalf() {
    Set<String> heldOutPeople = corpus.half(RealCorpus.Half.NEW_PEOPLE).stream().map(RealCorpus.Session::person)
        .collect(Collectors.toSet());
    assertTrue(heldOutPeople.size() >= 10, heldOutPeople.size() + " people held out");
    for (RealCorpus.Session s : corpus.sessions()) {
      assertEquals(heldOutPeople.contains(s.person()), s.half() == RealCorpus.Half.NEW_PEOPLE, s.id());
      if (s.half() == RealCorpus.Half.NEW_PEOPLE) {
        // Round 6, labelled after model version 13 was fixed; round 7, after version 14; rounds 10,
        // 11 and 12, after version 17; rounds 13 and 14, after version 18; rounds 15 to 18, after version 19.
        assertTrue(s.round() == 6 || s.round() == 7 || s.round() >= 10 && s.round() <= 18,
            s.id() + " is of a round labelled after the method was fixed");
      }
    }
  }

  /**
   * The split rule of corpus/README.md, recomputed from the sources and the decided types of the
   * first round; sessions labelled later are calibration only, so the held-out half never changes.
   */
  @Test
  void theSplitIsTheOneTheHashesGive() throws IOException {
    Map<String, String> pathOf = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("corpus", "sources.tsv"), StandardCharsets.UTF_8)) {
      String[] c = line.split("\t");
      pathOf.put(c[0], c[3] + "/" + c[5]);
    }
    Map<String, List<RealCorpus.Session>> groups = new TreeMap<>();
    for (RealCorpus.Session s : corpus.sessions()) {
      if (s.round() != 1) {
        assertTrue(s.half() != RealCorpus.Half.HELD_OUT, s.id() + " joined after the split");
        continue;
      }
      groups.computeIfAbsent(s.person() + "|" + s.type().displayName(), g -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<RealCorpus.Session>> g : groups.entrySet()) {
      List<RealCorpus.Session> ordered = new ArrayList<>(g.getValue());
      ordered.sort((a, b) -> sha("personas-split-v1:" + pathOf.get(a.id()))
          .compareTo(sha("personas-split-v1:" + pathOf.get(b.id()))));
      int start = Character.digit(sha("personas-split-v1:" + g.getKey()).charAt(0), 16) % 2;
      for (int i = 0; i < ordered.size(); i++) {
        RealCorpus.Half expected = (i + start) % 2 == 0 ? RealCorpus.Half.CALIBRATION : RealCorpus.Half.HELD_OUT;
        RealCorpus.Half half = ordered.get(i).half();
        // A session set aside was dealt to calibration and later found to share a held-out one's log.
        assertEquals(expected, half == RealCorpus.Half.SET_ASIDE ? RealCorpus.Half.CALIBRATION : half,
            ordered.get(i).id());
      }
    }
  }

  /**
   * A session that shares part of a held-out session's log (corpus/overlaps.tsv, written by
   * corpus/labelling/overlaps.py from the raw files) is set aside, and only such a session is.
   */
  @Test
  void sessionsThatShareAHeldOutLogAreSetAside() throws IOException {
    Map<String, RealCorpus.Half> halfOf = new HashMap<>();
    corpus.sessions().forEach(s -> halfOf.put(s.id(), s.half()));
    List<String> shareHeldOut = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("corpus", "overlaps.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t");
      if (halfOf.get(c[0]) == RealCorpus.Half.HELD_OUT && halfOf.get(c[2]) != RealCorpus.Half.HELD_OUT) {
        shareHeldOut.add(c[2]);
      } else if (halfOf.get(c[2]) == RealCorpus.Half.HELD_OUT && halfOf.get(c[0]) != RealCorpus.Half.HELD_OUT) {
        shareHeldOut.add(c[0]);
      }
    }
    List<String> setAside = corpus.half(RealCorpus.Half.SET_ASIDE).stream().map(RealCorpus.Session::id).toList();
    assertEquals(shareHeldOut.stream().distinct().sorted().toList(), setAside);
    assertTrue(setAside.size() >= 1, "the overlaps found are recorded");
  }

  /**
   * When no rule fits a session, every type is as likely and the type given is One-shot, as ties
   * go (Classification#noRuleFits): of such sessions in the calibration half, the readers called
   * One-shot more than any other type.
   */
  @Test
  void aSessionNoRuleFitsIsReadAsTheTypeReadersGaveSuchSessionsMost() {
    TypeRules rules = new TypeRules(RuleThresholds.AUTHORED);
    Map<SessionType, Integer> decided = new TreeMap<>();
    for (RealCorpus.Session s : corpus.half(RealCorpus.Half.CALIBRATION)) {
      Classification c = Classification.of(s.id(), new TypeModel(4, 1).probabilities(rules.scores(s.features())));
      if (c.noRuleFits()) {
        assertEquals(SessionType.ONE_SHOT, c.type(), s.id());
        decided.merge(s.type(), 1, Integer::sum);
      }
    }
    assertTrue(decided.values().stream().mapToInt(Integer::intValue).sum() >= 3, decided.toString());
    int oneShot = decided.getOrDefault(SessionType.ONE_SHOT, 0);
    decided.forEach((type, n) -> assertTrue(type == SessionType.ONE_SHOT || n < oneShot, decided.toString()));
  }

  /**
   * The method on real sessions, recomputed from the committed corpus. Issue 13 asks for 80 %
   * held-out and 70 % of people; the method does not reach them yet (the method page says so).
   * These floors are what it reaches now: a change that reads real sessions worse fails here.
   * Rules are adopted on the calibration half alone; when an adopted rule costs a held-out session,
   * the held-out floor follows the figure down (and corpus/README.md says so) rather than the rule
   * being chosen by the held-out half.
   */
  @Test
  void theMethodDoesNotReadRealSessionsWorseThanItDoesNow() {
    CorpusAgreement a = new CorpusValidator(RuleThresholds.AUTHORED).validate(corpus);
    assertEquals(99, a.heldOut().items());
    assertTrue(a.heldOut().hits() >= 66, "held-out " + a.heldOut().hits() + " of 99");
    assertEquals(454, a.calibration().items());
    assertTrue(a.calibration().hits() >= 323, "calibration " + a.calibration().hits() + " of 454");
    // Sessions of people held out as a whole (rounds 6, 7 and 10 to 18), labelled after the method was fixed.
    assertEquals(587, a.newPeople().items());
    assertTrue(a.newPeople().hits() >= 342, "people held out " + a.newPeople().hits() + " of 587");
    // 24 people of the first round, 8 of the third, 1 of the fourth, 11 of the fifth, 13 of the sixth,
    // 15 of the seventh, 14 of the eighth, 15 of the ninth, 15 of the tenth, 11 of the eleventh,
    // 15 of the twelfth, 15 of the thirteenth, 15 of the fourteenth, 15 of the fifteenth, 15 of the
    // sixteenth, 15 of the seventeenth and 4 of the eighteenth (corpus/README.md). Model version 20's
    // count of shell writes, adopted on the calibration half (321 of 454 against 319), cost one
    // person of the fifteenth round (116 before it); version 21's housekeeping commands gained one
    // of the sixteenth.
    assertEquals(221, a.personas().items());
    assertTrue(a.personas().hits() >= 116, "personas " + a.personas().hits() + " of 221");
    // The persona step alone, given the readers' session types: what better types would give (158
    // of 217 before Codex's code mode was read: one person's behaviour counts changed with their
    // sessions'; 157 of 217 before round 18).
    assertTrue(a.personasFromReadersTypes().hits() >= 159,
        "personas from the readers' types " + a.personasFromReadersTypes().hits() + " of 221");
    // The people held out as a whole alone (rounds 6, 7 and 10-18): none of their sessions set the
    // type rules' numbers, as the other people's calibration sessions did. The rounds' figures summed.
    Agreement heldOutPeople = a.newPeoplePersonas();
    List<RoundAgreement> wholeRounds = a.rounds().stream().filter(RoundAgreement::heldOutAsWhole).toList();
    assertEquals(wholeRounds.stream().mapToInt(r -> r.personas().items()).sum(), heldOutPeople.items());
    assertEquals(wholeRounds.stream().mapToInt(r -> r.personas().hits()).sum(), heldOutPeople.hits());
    assertEquals(148, heldOutPeople.items());
    assertTrue(heldOutPeople.hits() >= 72, "personas of people held out " + heldOutPeople.hits() + " of 148");
  }

  /**
   * The sessions marked uncertain and the rest partition each half, and on the calibration half,
   * where the line was set, the marked ones are the worse read (58 % against 86 % at version 17);
   * people called borderline are the worse judged too.
   */
  @Test
  void sessionsMarkedUncertainAreThoseTheMethodMisreadsMore() {
    CorpusAgreement a = new CorpusValidator(RuleThresholds.AUTHORED).validate(corpus);
    for (Agreement[] half : new Agreement[][] {
        {a.calibration(), a.calibrationCertain(), a.calibrationUncertain()},
        {a.newPeople(), a.newPeopleCertain(), a.newPeopleUncertain()}}) {
      assertEquals(half[0].items(), half[1].items() + half[2].items());
      assertEquals(half[0].hits(), half[1].hits() + half[2].hits());
      assertTrue(half[1].items() > 0 && half[2].items() > 0, "both sides of the line are populated");
    }
    assertTrue(a.calibrationCertain().accuracy() >= a.calibrationUncertain().accuracy() + 0.2,
        a.calibrationCertain().accuracy() + " against " + a.calibrationUncertain().accuracy());
    assertTrue(a.calibrationUncertain().accuracy() < 2.0 / 3, "marked sessions are right less than two times in three");
    // The same for people: those judged decisively and those called borderline make up the figure.
    assertEquals(a.personas().items(), a.personasDecisive().items() + a.personasBorderline().items());
    assertEquals(a.personas().hits(), a.personasDecisive().hits() + a.personasBorderline().hits());
    // 48 of 70 against 19 of 46 at version 17.
    assertTrue(a.personasDecisive().accuracy() >= a.personasBorderline().accuracy() + 0.1,
        a.personasDecisive().accuracy() + " against " + a.personasBorderline().accuracy());
  }

  @Test
  void theReadersAgreementIsRecomputedFromTheirLabels() {
    CorpusAgreement a = new CorpusValidator(RuleThresholds.AUTHORED).validate(corpus);
    long same = corpus.sessions().stream().filter(s -> s.readerA() == s.readerB()).count();
    assertEquals(same, a.readerSessions().hits());
    assertTrue(a.readerKappa() > 0 && a.readerKappa() < a.readerSessions().accuracy());
    assertTrue(a.readerSessions().low() < a.readerSessions().accuracy()
        && a.readerSessions().accuracy() < a.readerSessions().high());
  }

  /**
   * README.md quotes the figures of the real corpus by hand: each quoted row must hold the figure
   * as computed now, so a change of the corpus or the method that moves one fails until the README
   * is brought up to date.
   */
  @Test
  void theReadmeQuotesTheFiguresAsComputed() throws IOException {
    CorpusAgreement a = new CorpusValidator(RuleThresholds.AUTHORED).validate(corpus);
    List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    assertRow(readme, "| the two readers with each other, sessions |",
        quoted(a.readerSessions()) + String.format(java.util.Locale.ROOT, " (Cohen's κ %.2f)", a.readerKappa()));
    assertRow(readme, "| the two readers with each other, people |",
        quoted(a.readerPeople()) + String.format(java.util.Locale.ROOT, " (κ %.2f;", a.readerPeopleKappa()));
    assertRow(readme, "| method, calibration half (", withInterval(a.calibration()));
    assertRow(readme, "| method, held-out half |", withInterval(a.heldOut()));
    assertRow(readme, "| method, people held out as a whole (", withInterval(a.newPeople()));
    assertRow(readme, "| method, personas (each person left out", withInterval(a.personas()));
    assertRow(readme, "| the same, people held out as a whole alone (", withInterval(a.newPeoplePersonas()));
    assertRow(readme, "| method, sessions marked uncertain (a probability under 0.8) and the rest: calibration half |",
        quoted(a.calibrationUncertain()) + " and " + quoted(a.calibrationCertain()));
    assertRow(readme, "| the same, people held out as a whole |",
        quoted(a.newPeopleUncertain()) + " and " + quoted(a.newPeopleCertain()));
    assertRow(readme, "| method, personas judged decisively and those called borderline",
        quoted(a.personasDecisive()) + " and " + quoted(a.personasBorderline()));
    // Personas round by round, from the seventh round on: "8 / 15, 9 / 14, … and 6 / 15".
    List<String> byRound = a.rounds().stream().filter(r -> r.round() >= 7 && r.personas().items() > 0)
        .map(r -> r.personas().hits() + " / " + r.personas().items()).toList();
    assertRow(readme, "| the same, by round:", String.join(", ", byRound.subList(0, byRound.size() - 1))
        + " and " + byRound.get(byRound.size() - 1) + " (");
    // The CLI reference says the same in words.
    String text = String.join(" ", readme).replaceAll("\\s+", " ");
    long people = corpus.sessions().stream().map(RealCorpus.Session::person).distinct().count();
    assertQuoted(text, String.format(java.util.Locale.US, "%,d real Claude Code and Codex sessions of %d people from public",
        corpus.sessions().size(), people));
    Map<String, Long> agents = corpus.sessions().stream()
        .collect(Collectors.groupingBy(RealCorpus.Session::agent, Collectors.counting()));
    String corpusReadme = String.join(" ", Files.readAllLines(Path.of("corpus", "README.md"), StandardCharsets.UTF_8))
        .replaceAll("\\s+", " ");
    assertQuoted(corpusReadme, String.format(java.util.Locale.US,
        "%,d real coding-agent sessions (%d Claude Code, %d Codex CLI) of %d people in %d public GitHub repositories",
        corpus.sessions().size(), agents.get("claude"), agents.get("codex"), people, repositories()));
    // The held-out half's largest confusions, each no smaller than any confusion left unnamed.
    Agreement held = a.heldOut();
    List<String> named = List.of("consult/one-shot", "scaffold/workshop", "one-shot/consult", "spiral/one-shot", "spiral/workshop");
    for (String readAs : held.labels()) {
      for (String read : held.labels()) {
        if (!readAs.equals(read) && !named.contains(readAs + "/" + read)) {
          for (String cell : named) {
            assertTrue(cell(held, cell) >= cell(held, readAs + "/" + read), cell + " against " + readAs + "/" + read);
          }
        }
      }
    }
    int consults = java.util.Arrays.stream(held.confusion()[held.labels().indexOf("consult")]).sum();
    assertQuoted(text, "the held-out half are Consult read as One-shot (" + cell(held, "consult/one-shot")
        + "), Scaffold read as Workshop (" + cell(held, "scaffold/workshop") + "), One-shot as Consult ("
        + cell(held, "one-shot/consult") + "; only " + cell(held, "consult/consult") + " of the held-out half's " + consults
        + " Consults are read as Consults) and Spiral read as One-shot or Workshop (" + cell(held, "spiral/one-shot")
        + " and " + cell(held, "spiral/workshop") + ")");
    assertQuoted(text, "people judged decisively got the readers' persona " + a.personasDecisive().hits() + " times of "
        + a.personasDecisive().items() + ", the others " + a.personasBorderline().hits() + " of " + a.personasBorderline().items() + ")");
    assertQuoted(text, "such sessions got the readers' type " + inWords(a.calibrationUncertain()) + " of the time ("
        + of(a.calibrationUncertain()) + "), the rest " + inWords(a.calibrationCertain()) + " (" + of(a.calibrationCertain())
        + "); on the sessions of people held out as a whole " + inWords(a.newPeopleUncertain()) + " (" + of(a.newPeopleUncertain())
        + ") against " + inWords(a.newPeopleCertain()) + " (" + of(a.newPeopleCertain()) + ")");
  }

  /** The count of the confusion matrix's cell "readers' label/method's label". */
  private static int cell(Agreement a, String cell) {
    String[] labels = cell.split("/");
    return a.confusion()[a.labels().indexOf(labels[0])][a.labels().indexOf(labels[1])];
  }

  private static long repositories() throws IOException {
    List<String> sources = Files.readAllLines(Path.of("corpus", "sources.tsv"), StandardCharsets.UTF_8);
    return sources.subList(1, sources.size()).stream().map(line -> line.split("\t")[3]).distinct().count();
  }

  private static void assertQuoted(String readme, String sentence) {
    assertTrue(readme.contains(sentence), "README.md should say: " + sentence);
  }

  /** "60 %", as the CLI reference writes a share. */
  private static String inWords(Agreement a) {
    return Math.round(100 * a.accuracy()) + " %";
  }

  private static String of(Agreement a) {
    return a.hits() + " of " + a.items();
  }

  /** The per-round figures add up to the pooled ones they are a breakdown of. */
  @Test
  void theRoundsAddUpToThePooledFigures() {
    CorpusAgreement a = new CorpusValidator(RuleThresholds.AUTHORED).validate(corpus);
    List<RoundAgreement> heldOut = a.rounds().stream().filter(RoundAgreement::heldOutAsWhole).toList();
    assertEquals(a.newPeople().items(), heldOut.stream().mapToInt(r -> r.sessions().items()).sum());
    assertEquals(a.newPeople().hits(), heldOut.stream().mapToInt(r -> r.sessions().hits()).sum());
    assertEquals(a.personas().items(), a.rounds().stream().mapToInt(r -> r.personas().items()).sum());
    assertEquals(a.personas().hits(), a.rounds().stream().mapToInt(r -> r.personas().hits()).sum());
    assertEquals(a.personasFromReadersTypes().hits(),
        a.rounds().stream().mapToInt(r -> r.personasFromReadersTypes().hits()).sum());
    assertEquals(a.calibration().items() + a.heldOut().items(),
        a.rounds().stream().filter(r -> !r.heldOutAsWhole()).mapToInt(r -> r.sessions().items()).sum());
    // Rounds 6, 7 and 10 on are the people held out as a whole (corpus/README.md).
    assertEquals(List.of(6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18), heldOut.stream().map(RoundAgreement::round).toList());
  }

  private static void assertRow(List<String> readme, String start, String figure) {
    List<String> rows = readme.stream().filter(l -> l.startsWith(start)).toList();
    assertEquals(1, rows.size(), "one README row starts with " + start);
    assertTrue(rows.get(0).contains("| " + figure), "README row " + start + " should quote " + figure
        + ", it reads: " + rows.get(0));
  }

  /** "319 / 454 = 70.3 %", as the README writes it (thousands with a comma). */
  private static String quoted(Agreement a) {
    return String.format(java.util.Locale.US, "%,d / %,d = %.1f %%", a.hits(), a.items(), 100 * a.accuracy());
  }

  private static String withInterval(Agreement a) {
    return quoted(a) + String.format(java.util.Locale.ROOT, " | %.1f–%.1f %%", 100 * a.low(), 100 * a.high());
  }

  @Test
  void kappaIsOneForPerfectAgreementAndZeroForChance() {
    assertEquals(1.0, CorpusValidator.kappa(new int[][] {{5, 0}, {0, 5}}), 1e-12);
    assertEquals(0.0, CorpusValidator.kappa(new int[][] {{5, 5}, {5, 5}}), 1e-12);
  }

  private static String sha(String text) {
    return HexFormat.of().formatHex(Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
