package dev.personas.features;

import static dev.personas.features.PromptSignals.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans in {@link PromptSignals} against the regular expressions they stand in
 * for (PromptSignals' own, or, for the two that scans replaced, copied here as they were): a
 * screen must be true wherever its expression matches, and a scan must give what the expression
 * gave, on hand-picked edge cases and on 20,000 random texts built from the pieces that matter
 * (surrogate pairs and lone halves, non-ASCII letters and numbers, what each screen looks for).
 */
class PromptScreensTest {

  // The two expressions the scans replaced, as they were; the screened ones are PromptSignals'.
  private static final Pattern TOKEN = Pattern.compile("[^\\s\"'`()\\[\\]<>{},;]+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final String[] EDGES = {
      "", " ", "\n", "line", "line 5", "lines\t12", "LINE 3", "Lines  \n 7", "line5", "lines x 5",
      "inline 4", "see line\u00a09", "linestyle 3", "lines", "line ", "l", "ine 4",
      "getValue", "HttpClient", "iPhone", "macOS", "3D", "X", "aB", "9Z", "ÀB", "éA",
      "src/main/App.java", "a.b", "..", "./run.sh", "C:\\dir\\file.txt", "node.js", "(src/x.py)",
      "\"quoted/path.py\"", "x,y/z.md;", "README.md.", "~/notes.txt", "v1.2", "e.g.", "/",
      "why?", "what？", "好吗", "呢", "a?b", "?",
      "- item", "-item", "* must do", "+\tplus", "• bullet", "1. one", "12) two", "1.5 x", "a - b",
      "# Heading", "#tag", "```", "~~~", "``", "Requirements:", "requirements.txt",
      "User Story", "user stories", "DELIVERABLES", "Definition of Done", "constraints",
      "test_parse", "ParserTest", "Tests:", "TESTS:", "app.test.ts", "app.spec.js", "test: x",
      "implement the plan", "Here's my plan", "here\u2019s the plan", "## Plan", "plan below",
      "PLANS", "explain", "\uD835\uDC00", "a\uD835\uDC00b", "\uD835", "\uDC00", "x\uDC00\uD835y",
      "Ⅻ½٣", "İstanbul", "\u212Aelvin", "straße", "ǅ", "\u0301a", "_", "snake_case", "L12",
      "Any thoughts?", "so, ANY IDEAS", "what do you think", "  tell me why", "为什么不行",
      "Please review this", "reviewer", "many thoughts", "我想分析", "- explain x",
      "don't change any files", "DO NOT WRITE CODE", "without editing anything", "no code changes",
      "donot modify the file", "do nt change any code", "DONT touch the files", "NÃO ALTERE NADA", "Não altere nada", "先不要改", "コード書かないで",
      "fix it", "Still broken", "it's not working", "SAME PROBLEM", "nope.", "no cambia nada",
      "Répond toujours pas", "Pas de réponse", "还是报错", "안 돼요", "直らない", "fixture", "prefix",
      "\u212Aeep fixing", "İt still fails", "nothing changes",
  };

  private static final String[] PIECES = {
      "line", "LINE", "Line", "lines", "s", " ", "  ", "\t", "\n", "\r\n", "5", "42", "a", "word",
      "Z", "Get", "x", "/", "\\", ".", "..", "src/App.java", "file.py", "node.js", "`", "(", ")",
      "[", "]", "<", ">", "{", "}", ",", ";", "'", "\"", "_", ":", "?", "？", "吗", "。", "-", "*",
      "+", "•", "#", "##", "```", "~~~", "1.", "2)", "Test", "test_", "tests:", ".spec.",
      ".test.", "plan", "PLAN", "the", "here's", "implement", "requirement", "User Story",
      "must", "\uD835\uDC00", "\uD835", "\uDC00", "Ⅻ", "½", "٣", "é", "İ", "\u212A", "ß", "ǅ",
      "\u0301", "\u2019", "é", "\uD83D\uDE00", "tell me", "Please ", "can you", "EXPLAIN",
      "review", "any", "ANY ", "thoughts", "ideas", "what do you think", "What Do", " you think",
      "告诉我", "为什么", "如何", "告", "分", "por que", "check if", "!",
      "implement", "do ", "build ", "T017", "t12", "T1", " - ", "–", "tasks ", "task T3", "phase 2",
      "Step", "STAGE", "fase", "milestone", "docs/plan.md", "spec.txt", "TODO.MD", "roadmap",
      "DON'T", "dont ", "do not ", "Never ", "without ", "DONT ", "donot ", "do nt ", "do n't ", "Don",
      "t ", "change ", "editing ", "any ", "code", "files",
      "anything", "no code change", "ne modifie rien", "NO TOQUES NADA", "não altere nada", "Não ",
      "先不改", "不要写代码", "不修改文件", "코드 수정하지 마", "コードを変更しないで",
      "fix", "FIX it", "still", "Again", "not working", "doesn't work", "DIDNT work", "same error",
      "Same Issue", "nope", "no luck", "Nothing happened", "no change", "did not help", "didn't change",
      "marche pas", "Ne fonctionne toujours pas", "continua dando", "nao funciona", "Nada mudou",
      "SIGUE sin", "no cambia", "não funciona", "Não mudou", "No cambió", "Rien n'a changé",
      "ne répond pas", "还是不行", "没变化", "안돼", "여전히", "動かない", "変化なし", "work", "broke",
  };

  private static List<String> texts() {
    List<String> texts = new ArrayList<>(Arrays.asList(EDGES));
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(30);
      for (int j = 0; j < pieces; j++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  @Test
  void everyScreenHoldsWhereItsExpressionMatches() {
    for (String text : texts()) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (PromptSignals.LINE_WORDS.matcher(text).find()) {
        assertTrue(PromptSignals.mayHaveLineWords(text), text);
      }
      if (PromptSignals.CAMEL.matcher(text).find()) {
        assertTrue(PromptSignals.hasLowerThenUpper(text), text);
      }
      if (PromptSignals.QUESTION_MARK.matcher(text).find()) {
        assertTrue(PromptSignals.hasQuestionMark(text), text);
      }
      if (PromptSignals.LIST_ITEM.matcher(text).find()
          || PromptSignals.MUST_ITEM.matcher(text).find()) {
        assertTrue(PromptSignals.hasListMarker(text), text);
      }
      if (PromptSignals.SPEC_PHRASE.matcher(text).find()) {
        assertTrue(PromptSignals.containsAny(lower, PromptSignals.SPEC_WORDS), text);
      }
      if (PromptSignals.PLAN_POINTER.matcher(text).find()) {
        assertTrue(PromptSignals.mayPointAtPlan(lower), text);
      }
      if (PromptSignals.NAMED_TEST.matcher(text).find()) {
        assertTrue(PromptSignals.mayNameTest(text, lower), text);
      }
      if (PromptSignals.RULES_OUT_CHANGES.matcher(text).find()
          || PromptSignals.RULES_OUT_CHANGES_EXACT.matcher(text).find()) {
        assertTrue(PromptSignals.mayRuleOutChanges(lower), text);
      }
      if (PromptSignals.VAGUE_FIX.matcher(text).find()) {
        assertTrue(PromptSignals.mayAskForFix(lower), text);
      }
      if (PromptSignals.VAGUE_FIX_EXACT.matcher(text).find()) {
        assertTrue(PromptSignals.hasNonAscii(text), text);
      }
    }
  }

  @Test
  void screenedCountsAndAnswersEqualTheExpressions() {
    for (String text : texts()) {
      int fences = count(PromptSignals.FENCE, text);
      int markers = count(PromptSignals.LIST_ITEM, text) + count(PromptSignals.MUST_ITEM, text)
          + count(PromptSignals.HEADING, text) + (fences + 1) / 2
          + count(PromptSignals.SPEC_PHRASE, text) + count(PromptSignals.NAMED_TEST, text);
      assertEquals(markers, PromptSignals.specMarkers(text), text);
      assertEquals(PromptSignals.PLAN_HANDOFF.matcher(text.replace('\u2019', '\'')).find(),
          PromptSignals.isPlanHandoff(text), text);
      assertEquals(PromptSignals.PLAN_POINTER.matcher(text).find(), PromptSignals.pointsAtPlan(text), text);
      assertEquals(PromptSignals.ASKS_FOR_ANSWER.matcher(text).find(),
          PromptSignals.asksForAnswer(text), text);
    }
  }

  @Test
  void pathTokensAreThoseTheTokenExpressionFinds() {
    for (String text : texts()) {
      boolean expected = false;
      Matcher token = TOKEN.matcher(text);
      while (token.find() && !expected) {
        String t = token.group();
        boolean pathCharacter = t.indexOf('/') >= 0 || t.indexOf('\\') >= 0 || t.indexOf('.') >= 0;
        expected = pathCharacter && PromptSignals.isPathLike(t);
      }
      assertEquals(expected, PromptSignals.hasPathToken(text), text);
    }
  }

  @Test
  void wordHashesAreThoseOfTheSplitWords() {
    for (String text : texts()) {
      int[] expected = Arrays.stream(NON_WORD.split(text))
          .filter(word -> !word.isEmpty())
          .mapToInt(String::hashCode)
          .toArray();
      assertArrayEquals(expected, PromptSignals.wordHashes(text), text);
    }
  }

  @Test
  void surrogatePairsAreOneCharacterAndLoneHalvesSeparate() {
    assertArrayEquals(new int[] {"a\uD835\uDC00b".hashCode()},
        PromptSignals.wordHashes("a\uD835\uDC00b")); // a mathematical bold A: a letter
    assertArrayEquals(new int[] {"a".hashCode(), "b".hashCode()},
        PromptSignals.wordHashes("a\uD83D\uDE00b")); // an emoji: a separator
    assertArrayEquals(new int[] {"x".hashCode(), "y".hashCode()},
        PromptSignals.wordHashes("x\uDC00\uD835y"));
    assertArrayEquals(new int[] {"Ⅻ½٣".hashCode(), "x".hashCode()},
        PromptSignals.wordHashes("Ⅻ½٣ -- x"));
  }

  @Test
  void proseWithoutPointersPassesNoScreen() {
    String prose = "the line of the file is not the same as the value in the list";
    assertFalse(PromptSignals.mayHaveLineWords(prose));
    assertFalse(PromptSignals.hasLowerThenUpper(prose));
    assertFalse(PromptSignals.hasPathToken(prose));
    assertFalse(PromptSignals.hasSpecificPointer(prose));
    assertTrue(PromptSignals.hasSpecificPointer("the error is on line 12"));
    assertTrue(PromptSignals.hasSpecificPointer("look at parseValue please"));
    assertTrue(PromptSignals.hasSpecificPointer("check (src/app/main.py) first"));
  }

}
