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

  /**
   * The fewest active accounts with which the {@code deletions}-th deletion does not trip the
   * percentage threshold ({@code deleted} of them already happened in the window): the guard counts
   * active accounts only up to this number, so a deactivation costs what the window's deletions
   * cost, not what the tenant's size does. At most 0 when any number of active accounts will do.
   */
  static long activeNeeded(long deletions, long deleted, int percent) {
    if (percent <= 0) {
      return Long.MAX_VALUE;
    }
    long base = (deletions * 100 + percent - 1) / percent; // ceil(deletions * 100 / percent)
    return base - deleted;
  }
}
