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
  })
  void secretIsRedacted(String what, String text, String secretPart) {
    String redacted = redactor.redact(text);
    assertFalse(redacted.contains(secretPart), what + ": " + redacted);
    assertTrue(redacted.contains("[redacted"), what + ": " + redacted);
  }

  @Test
  void privateKeyBlockIsRedactedWhole() {
    String text = "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
        + "-----END OPENSSH PRIVATE KEY-----\nafter";
    assertEquals("key:\n[redacted private key]\nafter", redactor.redact(text));
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String text = "fix the flaky test in OrderServiceTest, the sku KEY lookup; see task-123 and PR #45";
    assertEquals(text, redactor.redact(text));
  }
}
