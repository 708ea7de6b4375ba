package dev.personas.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Anthropic key|use sk-ant-api03-Zq8vX2mL9pR4tY7wK1nB5cD3fG6hJ0-aBcDeF now|Zq8vX2mL9pR4tY7w",
      "OpenAI key|key sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56 here|Ab12Cd34Ef56Gh78",
      "OpenAI legacy key|sk-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12|Ab12Cd34Ef56Gh78",
      "AWS access key|AKIAIOSFODNN7EXAMPLE in config|IOSFODNN7EXAMPLE",
      "AWS session key|ASIAY34FZKBOKMUTVV7A|Y34FZKBOKMUTVV7A",
      "AWS secret|aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|wJalrXUtnFEMI",
      "GitHub classic token|ghp_16C7e42F292c6912E7710c838347Ae178B4a done|16C7e42F292c6912E77",
      "GitHub OAuth token|gho_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "GitHub server token|ghs_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "GitHub user token|ghu_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "GitHub fine-grained token|github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz|abcdefghijklmnopq",
      "GitHub token in a project folder|-home-dev-ghp-16C7e42F292c6912E7710c838347Ae178B4a-app|16C7e42F292c6912E77",
      "Slack token|xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp|AbCdEfGhIjKlMnOp",
      "JWT|Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c|SflKxwRJSMeKKF2QT4",
      "env line|DATABASE_PASSWORD=hunter2-very-secret|hunter2-very-secret",
      "env line quoted|export STRIPE_SECRET_KEY=\"rk_live_abcdef123456\"|rk_live_abcdef123456",
      "email|mail jane.doe+work@example.co.uk about it|jane.doe",
      "Stripe live key|charge with sk_live_51H8xYzAbCdEfGhIjKlMnOpQr now|51H8xYzAbCdEfGh",
      "Stripe key in a project folder|-home-dev-sk-test-51H8xYzAbCdEfGhIjKlMnOpQr-shop|51H8xYzAbCdEfGh",
      "Google API key|maps AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q in the page|SyA1b2C3d4E5f6G7",
      "GitLab token|glpat-AbCdEfGhIjKlMnOpQrSt12 push|AbCdEfGhIjKlMnOpQrSt",
      "npm token|npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 publish|AbCdEfGhIjKlMnOpQr",
      "Hugging Face token|hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567 pull|AbCdEfGhIjKlMnOpQr",
      // What a hostile-input review found getting through (2026-12-06).
      "MySQL URL password|mysql://root:Sup3rS3cret@10.0.0.1:3306/app|Sup3rS3cret",
      "Redis URL password|redis://:Sup3rS3cret@localhost:6379|Sup3rS3cret",
      "Postgres URL password|DATABASE_URL=postgres://u:hunter2hunter2@db.example.com:5432/x|hunter2hunter2",
      "bare PASSWORD=|PASSWORD=hunter2hunter2|hunter2hunter2",
      "bare SECRET=|SECRET=9f8e7d6c5b4a39281706|9f8e7d6c5b4a3928",
      "bare TOKEN=|TOKEN=9f8e7d6c5b4a39281706|9f8e7d6c5b4a3928",
      "lower-case api_key|api_key=\"9f8e7d6c5b4a39281706\"|9f8e7d6c5b4a3928",
      "export PASSWORD|export PASSWORD=hunter2hunter2|hunter2hunter2",
      "YAML secret|secret_token: 9f8e7d6c5b4a39281706|9f8e7d6c5b4a3928",
      "YAML password|password: hunter2hunter2|hunter2hunter2",
      "bearer token|Authorization: Bearer abcdefghijklmnop1234567890QRSTUV|abcdefghijklmnop1234",
      "Google OAuth token|ya29.a0AfH6SMBx3Vq9Zk1Lm2Np3Qr4St5Uv6Wx7Yz8|a0AfH6SMBx3Vq9Zk1",
      "GitHub token inside a word|xghp_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "GitHub token after an underscore|_ghp_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "GitHub token in a pasted URL|?token%3Dghp_16C7e42F292c6912E7710c838347Ae178B4a|16C7e42F292c6912E77",
      "AWS key inside a word|idAKIAIOSFODNN7EXAMPLE|IOSFODNN7EXAMPLE",
      "Anthropic key split by a zero-width space|sk-ant-api03-\u200bZq8vX2mL9pR4tY7wK1nB5cD3fG6hJ0|Zq8vX2mL9pR4tY7w",
  })
  void secretIsRedacted(String what, String text, String secretPart) {
    String redacted = redactor.redact(text);
    assertFalse(redacted.contains(secretPart), what + ": " + redacted);
    assertTrue(redacted.contains("[redacted"), what + ": " + redacted);
  }

  @Test
  void pgpPrivateKeyBlockIsRedactedWhole() {
    String text = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0AAAAB\n-----END PGP PRIVATE KEY BLOCK-----\nafter";
    assertEquals("[redacted private key]\nafter", redactor.redact(text));
  }

  /** A secret two rules see is replaced once, and the text around it stays readable. */
  @Test
  void aSecretSeenByTwoRulesIsReplacedOnce() {
    assertEquals("ANTHROPIC_API_KEY=[redacted Anthropic key]",
        redactor.redact("ANTHROPIC_API_KEY=sk-ant-api03-Zq8vX2mL9pR4tY7wK1nB5cD3fG6hJ0"));
    assertEquals("GH_TOKEN=[redacted GitHub token] and more",
        redactor.redact("GH_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a and more"));
    assertEquals("AWS_SECRET_ACCESS_KEY=[redacted AWS secret]",
        redactor.redact("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    assertEquals("postgres://admin:[redacted password]@db.example.com/prod",
        redactor.redact("postgres://admin:hunter2pass@db.example.com/prod"));
  }

  @Test
  void privateKeyBlockIsRedactedWhole() {
    String text = "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
        + "-----END OPENSSH PRIVATE KEY-----\nafter";
    assertEquals("key:\n[redacted private key]\nafter", redactor.redact(text));
  }

  /** Settings and prose that only look like secrets keep their values (a review found these redacted). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set max_tokens=4096 for the call", "tokenizer: bpe", "tokens: 500", "passwordless: true",
      "secretsManager: aws", "Token: explain the refresh flow", "pwd: /home/alice/projects",
      "Basic internationalization of the app"})
  void settingsAndProseThatOnlyLookLikeSecretsAreKept(String text) {
    assertEquals(text, redactor.redact(text));
  }

  /**
   * Text shaped to make the patterns work hard (a long run of "A-", a long word before "://" or
   * "@"): checked to its end, or withheld whole, never a crash.
   */
  @Test
  void longShapedTextIsCheckedOrWithheldNeverACrash() {
    String dashes = "A-".repeat(20_000) + " KEY";
    String redacted = redactor.redact(dashes);
    assertTrue(redacted.equals(dashes) || redacted.equals(Redactor.WITHHELD), redacted.substring(0, 40));
    String word = "a".repeat(20_000);
    assertEquals(word + " ://", redactor.redact(word + " ://"));
    assertEquals(word + " @", redactor.redact(word + " @"));
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String text = "fix the flaky test in OrderServiceTest, the sku KEY lookup; see task-123 and PR #45";
    assertEquals(text, redactor.redact(text));
  }
}
