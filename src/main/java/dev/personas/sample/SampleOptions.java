package dev.personas.sample;

/**
 * What to generate.
 *
 * @param sessions number of sessions (at least one per user)
 * @param users number of users
 * @param repos number of repositories
 * @param seed seed of every random choice: the same options give byte-identical output
 */
public record SampleOptions(int sessions, int users, int repos, long seed) {
  /** SWE-chat's scale at the time of writing: 5,825 sessions, 188 users, 198 repositories. */
  public static final SampleOptions DEFAULT = new SampleOptions(5_800, 190, 200, 20_251_126L);

  public SampleOptions {
    if (users < 1 || repos < 1) {
      throw new IllegalArgumentException("need at least one user and one repository");
    }
    if (sessions < users) {
      throw new IllegalArgumentException(
          "need at least one session per user (" + sessions + " sessions for " + users + " users)");
    }
  }
}
