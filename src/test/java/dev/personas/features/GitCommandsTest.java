package dev.personas.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"git diff", "git --no-pager diff --stat", "git -C repo status -s",
      "git show HEAD", "git log -p -2", "cd app && git diff HEAD~1 | head", "gh pr diff 12"})
  void lookingAtChangesIsADiffReview(String command) {
    assertTrue(GitCommands.reviewsDiff(command), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git log --oneline", "git add -A", "echo 'git diff'", "git checkout -b x",
      "grep -r 'git status' docs"})
  void otherGitCommandsAreNotADiffReview(String command) {
    assertFalse(GitCommands.reviewsDiff(command), command);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "git commit -m 'x'                                   | 1",
      "git add . && git commit -m a && git push            | 1",
      "git -c user.name=bot commit --amend --no-edit       | 1",
      "git commit -m a; gh pr create --fill                | 2",
      "git push origin main                                | 0",
      "echo \"git commit\"                                 | 0",
      "gh pr view 3                                        | 0"})
  void commitsAndPullRequestsAreCountedButPushesAreNot(String command, int expected) {
    assertEquals(expected, GitCommands.commitsAndPullRequests(command.strip()), command);
  }
}
