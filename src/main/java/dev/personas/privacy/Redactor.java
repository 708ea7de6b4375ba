package dev.personas.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text taken from a log (a project name, a session title) before it can
 * reach a page: API keys and tokens of the common providers (Anthropic, OpenAI, AWS, GitHub,
 * GitLab, Slack, Stripe, Google, npm, Hugging Face), JWTs, private-key blocks, the password of a
 * connection URL, bearer tokens, {@code KEY=value} and {@code key: value} settings whose name
 * says password, secret, token or key, and e-mail addresses. Each becomes {@code [redacted …]}
 * naming what it was, so a reader sees that something was removed. Characters that show
 * nothing (zero-width spaces, soft hyphens) are dropped first, so they cannot hide a secret.
 *
 * <p>Claude Code and Codex name project folders after the working directory with every
 * non-alphanumeric character turned into '-', so the token patterns accept '-' wherever the
 * provider's format has '_'.
 */
public final class Redactor {
  /**
   * One kind of secret: what it is called, its pattern, whether the pattern's first group (a
   * setting's name) is kept, and words one of which the text must hold, in lower case, for the
   * pattern to be tried at all (most text holds none, and is then passed over at once).
   */
  private record Rule(String what, Pattern pattern, int keep, List<String> needles) {
    Rule(String what, Pattern pattern, int keep, String... needles) {
      this(what, pattern, keep, List.of(needles));
    }

    boolean mayMatch(String lowerCase) {
      for (String needle : needles) {
        if (lowerCase.contains(needle)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final String SEP = "[_-]";

  /** The end of a setting's name that says it holds a secret. */
  private static final String SECRET_NAME =
      "(?:password|passwd|pwd|secret|token|credentials?|api[_-]?key|access[_-]?key|private[_-]?key)";

  /** A setting's value: quoted, or up to the next space or quote. */
  private static final String VALUE = "(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"']+)";

  /** A value a rule before has replaced already is not a secret's value again. */
  private static final String NOT_REDACTED = "(?!\\[redacted )";

  // Order matters: the most specific pattern first (an Anthropic key also looks like an OpenAI one).
  // Tokens are matched inside other text too ("token%3Dghp_…" from a pasted URL), not only after
  // a word boundary, where the provider's prefix is distinctive enough.
  private static final List<Rule> RULES = List.of(
      new Rule("private key", Pattern.compile(
          "-----BEGIN[A-Z ]*PRIVATE KEY[A-Z ]*-----[\\s\\S]*?(?:-----END[A-Z ]*PRIVATE KEY[A-Z ]*-----|\\z)"), 0, "private"),
      new Rule("private key", Pattern.compile("-+BEGIN-[A-Z-]*PRIVATE-KEY-[\\s\\S]*"), 0, "private"),
      new Rule("Anthropic key", Pattern.compile("sk-ant-[A-Za-z0-9_-]{8,}"), 0, "sk-ant-"),
      new Rule("Stripe key", Pattern.compile("(?<![A-Za-z0-9])(?:sk|rk|pk)" + SEP + "(?:live|test)" + SEP + "[A-Za-z0-9]{10,}"), 0, "live", "test"),
      new Rule("OpenAI key", Pattern.compile("sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}"), 0, "sk-"),
      new Rule("AWS key", Pattern.compile("(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"), 0, "akia", "asia"),
      new Rule("AWS secret", Pattern.compile(
          "(?i)(aws" + SEP + "?secret[A-Za-z_-]*[\"']?\\s*[=:-]\\s*[\"']?)" + NOT_REDACTED + "[A-Za-z0-9/+=-]{40}"), 1, "secret"),
      new Rule("GitHub token", Pattern.compile("(?:ghp|gho|ghs|ghu|ghr)" + SEP + "[A-Za-z0-9]{20,}"), 0, "gh"),
      new Rule("GitHub token", Pattern.compile("github" + SEP + "pat" + SEP + "[A-Za-z0-9_-]{20,}"), 0, "github"),
      new Rule("Slack token", Pattern.compile("xox[abprs]-[A-Za-z0-9-]{10,}"), 0, "xox"),
      new Rule("Google API key", Pattern.compile("AIza[0-9A-Za-z_-]{35}"), 0, "aiza"),
      new Rule("Google OAuth token", Pattern.compile("ya29\\.[0-9A-Za-z_-]{20,}"), 0, "ya29."),
      new Rule("GitLab token", Pattern.compile("glpat-[A-Za-z0-9_-]{20,}"), 0, "glpat-"),
      new Rule("npm token", Pattern.compile("(?<![A-Za-z0-9])npm" + SEP + "[A-Za-z0-9]{36}"), 0, "npm"),
      new Rule("Hugging Face token", Pattern.compile("(?<![A-Za-z0-9])hf" + SEP + "[A-Za-z0-9]{30,}"), 0, "hf"),
      new Rule("JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{5,}[.-]eyJ[A-Za-z0-9_-]{5,}(?:[.-][A-Za-z0-9_-]{5,})?"), 0, "eyj"),
      // The password of a connection URL: scheme://user:password@host.
      new Rule("password", Pattern.compile(
          "([A-Za-z][A-Za-z0-9+.-]{0,20}://[^\\s/:@]{0,64}:)" + NOT_REDACTED + "[^\\s/@]{1,256}(?=@)"), 1, "://"),
      new Rule("token", Pattern.compile("(?i)(\\b(?:bearer|basic|token)\\s+)" + NOT_REDACTED + "(?=[^\\s]*[0-9])[A-Za-z0-9._~+/-]{16,}=*"), 1, "bearer", "basic", "token"),
      // KEY=value, key: value: a name that ends in password, secret, token or key, in any case
      // (max_tokens=4096, passwordless: true and tokens: 500 are settings, not secrets). After
      // '=' any value; after ':', which prose uses too, any value for a password or a secret, and
      // for the others one with a digit (pwd: /home/me is a folder, Token: explain it is prose).
      new Rule("secret", Pattern.compile("(?i)(" + SECRET_NAME + "\\d*[\"']?\\s*=\\s*)" + NOT_REDACTED + VALUE), 1,
          "pass", "pwd", "secret", "token", "credential", "key"),
      new Rule("secret", Pattern.compile("(?i)((?:password|passwd|secret)\\d*[\"']?\\s*:\\s*)" + NOT_REDACTED + VALUE), 1,
          "pass", "secret"),
      new Rule("secret", Pattern.compile("(?i)(" + SECRET_NAME + "\\d*[\"']?\\s*:\\s*)" + NOT_REDACTED
          + "(?=[^\\s]*[0-9])" + VALUE), 1, "pass", "pwd", "secret", "token", "credential", "key"),
      // Other upper-case names of keys and credentials (SOME_KEY=…), as .env files write them.
      new Rule("secret", Pattern.compile(
          "\\b([A-Z][A-Z0-9_]*(?:KEY|AUTH|PRIVATE|API)[A-Z0-9_]*\\s*=\\s*)" + NOT_REDACTED
              + "(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"']+)"), 1, "key", "auth", "private", "api"),
      // The same, as a project folder name spells it: every '_' and '=' turned into '-'.
      new Rule("secret", Pattern.compile(
          "\\b((?:[A-Z0-9]+-){0,8}[A-Z0-9]*(?:SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIALS?|API-KEY|ACCESS-KEY|PRIVATE-KEY)-)"
              + "[A-Za-z0-9]+"), 1, "secret", "token", "passw", "credential", "key"),
      new Rule("e-mail", Pattern.compile(
          "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"), 0, "@"));

  /** What stands for a text the rules could not check to its end. */
  static final String WITHHELD = "[withheld: too long to check for secrets]";

  /** Characters that show nothing, which would split a secret so that no rule sees it whole. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");

  /** The text with every secret replaced by a {@code [redacted …]} marker. */
  public String redact(String text) {
    String result = INVISIBLE.matcher(text).replaceAll("");
    String lowerCase = result.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (!rule.mayMatch(lowerCase)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(result);
      StringBuilder out = new StringBuilder();
      try {
        while (m.find()) {
          String kept = rule.keep() == 1 ? m.group(1) : "";
          m.appendReplacement(out, Matcher.quoteReplacement(kept + "[redacted " + rule.what() + "]"));
        }
      } catch (StackOverflowError e) {
        // Text shaped to exhaust the pattern engine: none of it is shown rather than some unchecked.
        return WITHHELD;
      }
      m.appendTail(out);
      if (out.length() != result.length() || !out.toString().equals(result)) {
        result = out.toString();
        lowerCase = result.toLowerCase(Locale.ROOT);
      }
    }
    return result;
  }
}
