package dev.personas.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text taken from a log (a project name, a session title) before it can
 * reach a page: API keys and tokens of the common providers (Anthropic, OpenAI, AWS, GitHub,
 * GitLab, Slack, Stripe, Google, npm, Hugging Face), JWTs, private-key blocks,
 * {@code KEY=value} lines of .env files and e-mail addresses. Each becomes {@code [redacted …]}
 * naming what it was, so a reader sees that something was removed.
 *
 * <p>Claude Code and Codex name project folders after the working directory with every
 * non-alphanumeric character turned into '-', so the token patterns accept '-' wherever the
 * provider's format has '_'.
 */
public final class Redactor {
  private record Rule(String what, Pattern pattern, int keep) {}

  private static final String SEP = "[_-]";

  // Order matters: the most specific pattern first (an Anthropic key also looks like an OpenAI one).
  private static final List<Rule> RULES = List.of(
      new Rule("private key", Pattern.compile(
          "-----BEGIN[A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|\\z)"), 0),
      new Rule("private key", Pattern.compile("-+BEGIN-[A-Z-]*PRIVATE-KEY-[\\s\\S]*"), 0),
      new Rule("Anthropic key", Pattern.compile("sk-ant-[A-Za-z0-9_-]{8,}"), 0),
      new Rule("Stripe key", Pattern.compile("\\b(?:sk|rk|pk)" + SEP + "(?:live|test)" + SEP + "[A-Za-z0-9]{10,}"), 0),
      new Rule("OpenAI key", Pattern.compile("sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}"), 0),
      new Rule("AWS key", Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{12,}\\b"), 0),
      new Rule("AWS secret", Pattern.compile(
          "(?i)(aws" + SEP + "?secret[A-Za-z_-]*[\"']?\\s*[=:-]\\s*[\"']?)[A-Za-z0-9/+=-]{40}"), 1),
      new Rule("GitHub token", Pattern.compile("\\b(?:ghp|gho|ghs|ghu|ghr)" + SEP + "[A-Za-z0-9]{20,}"), 0),
      new Rule("GitHub token", Pattern.compile("github" + SEP + "pat" + SEP + "[A-Za-z0-9_-]{20,}"), 0),
      new Rule("Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), 0),
      new Rule("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), 0),
      new Rule("GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), 0),
      new Rule("npm token", Pattern.compile("\\bnpm" + SEP + "[A-Za-z0-9]{36}"), 0),
      new Rule("Hugging Face token", Pattern.compile("\\bhf" + SEP + "[A-Za-z0-9]{30,}"), 0),
      new Rule("JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}[.-]eyJ[A-Za-z0-9_-]{5,}(?:[.-][A-Za-z0-9_-]{5,})?"), 0),
      new Rule("secret", Pattern.compile(
          "\\b([A-Z][A-Z0-9_]*(?:SECRET|TOKEN|KEY|PASSWORD|PASSWD|PWD|CREDENTIALS?|AUTH|PRIVATE|API)[A-Z0-9_]*\\s*=\\s*)"
              + "(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"']+)"), 1),
      // The same, as a project folder name spells it: every '_' and '=' turned into '-'.
      new Rule("secret", Pattern.compile(
          "\\b((?:[A-Z0-9]+-)*[A-Z0-9]*(?:SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIALS?|API-KEY|ACCESS-KEY|PRIVATE-KEY)-)"
              + "[A-Za-z0-9]+"), 1),
      new Rule("e-mail", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), 0));

  /** The text with every secret replaced by a {@code [redacted …]} marker. */
  public String redact(String text) {
    String result = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(result);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String kept = rule.keep() == 1 ? m.group(1) : "";
        m.appendReplacement(out, Matcher.quoteReplacement(kept + "[redacted " + rule.what() + "]"));
      }
      m.appendTail(out);
      result = out.toString();
    }
    return result;
  }
}
