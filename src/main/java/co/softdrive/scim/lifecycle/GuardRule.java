package co.softdrive.scim.lifecycle;

/** The deletion guard's arithmetic, apart so that it is unit-tested on its own. */
final class GuardRule {
  private GuardRule() {}

  /**
   * Whether the {@code deletions}-th automatic deletion in the window exceeds both thresholds.
   *
   * @param deletions deletions in the window including the one being decided
   * @param base active accounts at the start of the window (active now + deleted in the window)
   * @param percent percentage threshold (e.g. 20)
   * @param minCount absolute threshold (e.g. 25)
   */
  static boolean trips(long deletions, long base, int percent, int minCount) {
    return deletions > minCount && deletions * 100 > (long) percent * base;
  }
}
