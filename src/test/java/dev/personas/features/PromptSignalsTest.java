package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptSignalsTest {

  @Test
  void specMarkersCountListsHeadingsCodeBlocksPhrasesAndNamedTests() {
    String spec = String.join("\n",
        "## Goal",                               // heading
        "Add CSV export.",
        "Requirements:",                         // phrase
        "- the export must stream rows",         // list item + must item
        "- keep the header",                     // list item
        "1. wire the button",                    // list item
        "```",                                   // one code block (two fences)
        "export(rows)",
        "```",
        "Acceptance criteria: test_export_streams and ExportServiceTest pass.");
    // 1 heading + 1 requirements + 2 list + 1 must + 1 numbered + 1 block + 1 acceptance + 2 tests
    assertEquals(10, PromptSignals.specMarkers(spec));
    assertEquals(0, PromptSignals.specMarkers("please add a csv export button to the page"));
  }

  @Test
  void requirementsFileIsNotASpecPhrase() {
    assertEquals(0, PromptSignals.specMarkers("update requirements.txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Implement the following plan:\n\n# Add export",
      "Here is the plan: first the parser, then the CLI.",
      "## Plan\n1. parse\n2. render",
      "Please follow this plan carefully.",
  })
  void planHandoffIsRecognised(String prompt) {
    assertTrue(PromptSignals.isPlanHandoff(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "build docs/technical/betterauth/multi-tenant-rbac-plan.md fase 3",
      "using context7 build docs/x/rbac-plan.md phase 3",
      "do tasks T012 - T016",
      "pls implement the tasks on T017 - T036",
      "Continue with phase 2",
      "implement specs/001-export/spec.md",
  })
  void aPointerToAWrittenPlanIsRecognised(String prompt) {
    assertTrue(PromptSignals.pointsAtPlan(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "update the plan.md with the new dates",
      "do the login page",
      "step 3 fails with a timeout",
      "build the project",
      "do the T-shirt page in 12 - 14 colours",
  })
  void talkingAboutAPlanFileIsNotAPointer(String prompt) {
    assertFalse(PromptSignals.pointsAtPlan(prompt), prompt);
  }

  @Test
  void talkingAboutPlansIsNotAHandoff() {
    assertFalse(PromptSignals.isPlanHandoff("what do you plan to do about the cache?"));
  }

  @Test
  void errorSignatureIgnoresLineNumbersPathsAndHex() {
    Set<String> first = PromptSignals.errorSignature(
        "Traceback (most recent call last):\n  File \"/home/a/app.py\", line 12, in run\n"
        + "KeyError: 'user_id' at 0x7f3a2b");
    Set<String> second = PromptSignals.errorSignature(
        "still failing:\n  File \"/srv/b/app.py\", line 40, in run\nKeyError: 'user_id' at 0x1c");
    assertEquals(Set.of("keyerror: 'user_id' at"), first);
    assertTrue(PromptSignals.sameError(first, second));
  }

  @Test
  void differentErrorsHaveDifferentSignatures() {
    assertFalse(PromptSignals.sameError(
        PromptSignals.errorSignature("TypeError: x is undefined"),
        PromptSignals.errorSignature("ModuleNotFoundError: No module named 'yaml'")));
  }

  @Test
  void genericStackLinesAloneGiveNoSignature() {
    assertTrue(PromptSignals.errorSignature("Traceback (most recent call last):\nexit code 1")
        .isEmpty());
    assertTrue(PromptSignals.errorSignature("please add a button").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "java.lang.IllegalStateException: closed\n    at com.foo.Bar.run(Bar.java:12)",
      "thread 'main' panicked at src/main.rs:3:5",
      "npm ERR! code ELIFECYCLE",
      "FAILED tests/test_api.py::test_login - assert 401 == 200",
      "Process finished with exit code 1",
      "[INFO] Building app\n[INFO] BUILD SUCCESS",
      "$ make\ngcc -o app main.c\n$ ./app\nhello",
      // A browser console's failed requests, as people paste them back.
      "authService.js:26  POST https://example.com/api/auth/login net::ERR_FAILED\nthe API needs www",
      "registrationService.js:5 \n POST https://example.com/api/registration 422 (Unprocessable Content)",
      "GET https://example.com/api/user/profile 401 (Unauthorized)",
  })
  void pastedOutputIsRecognised(String prompt) {
    assertTrue(PromptSignals.hasPastedOutput(prompt), prompt);
  }

  @Test
  void proseIsNotPastedOutput() {
    assertFalse(PromptSignals.hasPastedOutput("ok so now add the export\nand a test for it"));
    assertFalse(PromptSignals.hasPastedOutput("POST the form to https://example.com/api/users and return 201"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "2", "y", "ok", "Option B", "yes, continue", "Go ahead and commit",
      "LGTM!", "thanks!", "continue", "继续", "可以，开始", "네 진행해줘", "はい、お願いします", "sí, dale",
      "да, продолжай", "d'accord, parfait", "commit and push"})
  void aPromptThatMovesTheAgentAlongIsAGoOn(String prompt) {
    assertTrue(PromptSignals.isGoOn(prompt), prompt);
  }

  /** The finder's copy of the go-on words (prompts.js) is the Java one, word for word and in order. */
  @Test
  void theFinderReadsGoOnsWithTheSameWords() throws java.io.IOException {
    String js = java.nio.file.Files.readString(java.nio.file.Path.of("static/js/finder/prompts.js"));
    assertEquals(new java.util.TreeSet<>(PromptSignals.GO_ON_WORDS),
        new java.util.TreeSet<>(literals(js, "const GO_ON_WORDS = new Set([", "]);")));
    assertEquals(java.util.List.of(PromptSignals.GO_ON_RUNS), literals(js, "const GO_ON_RUNS = [", "];"));
  }

  private static java.util.List<String> literals(String js, String from, String to) {
    int start = js.indexOf(from);
    assertTrue(start >= 0, from);
    String list = js.substring(start + from.length(), js.indexOf(to, start));
    java.util.List<String> words = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(list);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }

  @ParameterizedTest
  @ValueSource(strings = {"no, use tabs", "改回来", "不对", "fix it", "still broken", "add a test", "",
      "do it again", "yes but put it in utils", "ok now add the header to the export too",
      "continue, but rename the column to total_cents first please and run the tests again"})
  void aPromptThatAsksForSomethingIsNoGoOn(String prompt) {
    assertFalse(PromptSignals.isGoOn(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fix it", "still broken", "it doesn't work", "doesn’t work again",
      "same error", "not working", "nope", "Nope", "lisa ne répond pas", "pas de réponse",
      "ça ne marche toujours pas", "continua dando invalid api key", "não funciona", "sigue sin funcionar",
      "还是不行", "클로드야 안 없어진거 같은데? 다시 확인해볼래?", "잘 안된거 같은데", "まだ動かない",
      "no change", "it didn't change anything", "nothing happened", "that didn’t help", "continua igual",
      "não mudou nada", "no cambió nada", "rien n’a changé", "依旧不行", "还是没变化，阅读完整代码仓库分析为什么",
      "登录没有反应", "여전히 보이지 않는다", "画面が変わらない"})
  void shortFixRequestsWithoutPointersAreVague(String prompt) {
    assertTrue(PromptSignals.isVagueFixRequest(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fix the null check in src/app/Auth.java", "still broken at line 42",
      "fix `parseDate`", "add a dark mode toggle", "the pasta is done", "안녕하세요 클로드",
      "PAS DE RÉPONSE", "a normal question about the response", "no changes to the public API please",
      "change the title to Pricing", "依旧使用旧的接口", "把背景改成灰色",
      "still broken, but this is a long message that explains in detail what I saw on the screen"})
  void specificOrLongOrNonFixPromptsAreNotVague(String prompt) {
    assertFalse(PromptSignals.isVagueFixRequest(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"look at src/main/App.java", "see ./build.sh", "Auth.java:42 is wrong",
      "line 42 throws", "rename `foo`", "getUserName returns null", "the user_id column",
      "call parse() twice", "check config.yaml", "C:\\work\\app\\main.py", "MAX_RETRIES is 3"})
  void specificPointersAreRecognised(String prompt) {
    assertTrue(PromptSignals.hasSpecificPointer(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"make it faster", "use JavaScript and GitHub Actions",
      "input and/or output", "deploy it with Node.js", "looks good, thanks!"})
  void proseAndBrandNamesAreNotPointers(String prompt) {
    assertFalse(PromptSignals.hasSpecificPointer(prompt), prompt);
  }

  @Test
  void questionsAreAQuestionMarkOrAnOpeningQuestionWord() {
    assertTrue(PromptSignals.isQuestion("does this handle nulls"));
    assertTrue(PromptSignals.isQuestion("Can you check the cache? It looks stale."));
    assertTrue(PromptSignals.isQuestion("Why is the build slow"));
    assertFalse(PromptSignals.isQuestion("add a cache; see https://x.org/a?b=c"));
    assertFalse(PromptSignals.isQuestion("Can you add a cache"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Tell me how to run this project",
      "explain the retry logic in client.py",
      "Please review the changes against main",
      "Can you summarize what this module does",
      "sometimes I see a red message about the install method, any thoughts",
      "Analyse totalement le repos du projet et fais-moi un rapport",
      "查看代码，告诉我飞书机器人的相关配置",
      "Liste moi plusieurs solutions pour automatiser la création de commit",
      "list the options for caching here",
      "give me an overview of the services",
      "클로드야 현재 파일 구조 파악 좀 해봐",
      "このリポジトリの構成を教えて",
      "Walk through the auth flow with me, don't change any files",
      "I'm writing this myself: never write code, only point me to the docs",
      "go through the migration plan without editing the code",
      "no code changes, just look at the config and the logs",
      "Regarde le module de paiement mais ne modifie rien",
      "revisa la configuración y no toques nada",
      "veja o fluxo de login e não altere nada",
      "docs/os/os_design_v3.md 的架构图按附件更新，有不明白的地方问我。先跟我确认，先不改文件。",
      "我自己来写，不要写代码，只告诉我思路",
      "코드 수정하지 마 구조만 봐줘",
      "この関数の流れを見て、コードを変更しないで",
  })
  void askingForAnAnswerCountsAsAQuestion(String prompt) {
    assertTrue(PromptSignals.isQuestion(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Comment out the debug line", "add a review step to the CI", "show the toast on save",
      "add the list of tags to the page", "listen on port 8080",
      "add the endpoint but don't change the public API", "refactor the parser, do not touch the tests",
      "优化交互，风格颜色方面不要改动", "update the docs without changing anything else in the README"})
  void errandsThatMentionReviewingAreNotQuestions(String prompt) {
    assertFalse(PromptSignals.isQuestion(prompt), prompt);
  }

  @Test
  void chineseAndJapaneseQuestionsCountToo() {
    assertTrue(PromptSignals.isQuestion("这个导出支持中文吗？"));
    assertTrue(PromptSignals.isQuestion("Buildroot有機會指定libc 版本嗎"));
    assertTrue(PromptSignals.isQuestion("どうすればいいですか？"));
    assertFalse(PromptSignals.isQuestion("请把导出改成中文。"));
  }

  @Test
  void nearIdenticalTextsShareMostWordPairs() {
    long[] a = PromptSignals.shingles("Please fix the login bug on the settings page now!");
    long[] b = PromptSignals.shingles("please fix the login bug on the settings page now");
    long[] c = PromptSignals.shingles("please add a logout button on the settings page");
    assertEquals(1.0, PromptSignals.jaccard(a, b));
    assertTrue(PromptSignals.jaccard(a, c) < 0.8);
    assertEquals(0.0, PromptSignals.jaccard(PromptSignals.shingles("?!"), a));
  }

  @Test
  void conventionFilesAreCited() {
    assertTrue(PromptSignals.citesConventionFile("follow the rules in CLAUDE.md"));
    assertTrue(PromptSignals.citesConventionFile("/repo/AGENTS.md"));
    assertFalse(PromptSignals.citesConventionFile("MYCLAUDE.md is not it"));
    assertFalse(PromptSignals.citesConventionFile(null));
  }

  /** The screen before ERROR_LINE never says no to a line the expression matches. */
  @Test
  void theErrorLineScreenPassesEveryLineTheExpressionMatches() {
    String[] pieces = {"Traceback (most recent call last)", "ValueError", "Exception:", "Error", "at ",
        "  at com.x.Y.z(Y.java:12)", "\tat foo.js:3", "panicked at 'x'", "FAILED", "exit code 2",
        "exited with status: 1", "npm ERR! code", "error: bad", "error[E0308]: x", " File \"a.py\", line 3",
        "fatal: not a repo", "Segmentation fault", "ERROR", "error", "File", "at", "exit", " ", "\t",
        "\u000B", "\f", "\r", "x", "foo", ":", "1", "(", ")", "é", "測", "Exceptional", "Errors",
        "net::ERR_FAILED", "net::ERR_", "POST https://a/b 422", "GET http://h/p", " 500", "DELETE ", "PUT",
        "PATCH http://x 401", "https://", "http"};
    java.util.Random random = new java.util.Random(20261203);
    int matched = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = random.nextInt(5); k >= 0; k--) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = line.toString();
      if (PromptSignals.ERROR_LINE.matcher(text).find()) {
        matched++;
        assertTrue(PromptSignals.mayBeErrorLine(text), text);
      }
    }
    assertTrue(matched > 10_000, "the lines exercise the expression: " + matched);
    assertFalse(PromptSignals.mayBeErrorLine("please fix the login form, it looks off"));
    assertFalse(PromptSignals.mayBeErrorLine("the docs at https://example.com/api say 404 is fine"));
  }
}
