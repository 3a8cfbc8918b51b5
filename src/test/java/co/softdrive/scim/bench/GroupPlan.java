package co.softdrive.scim.bench;

import java.util.Random;

/**
 * Group sizes for the initial cycle: a few huge groups share {@code hugeShare} of the memberships,
 * the rest are spread over many small groups with exponentially distributed weights (most small,
 * some medium). No group has more members than there are users.
 */
final class GroupPlan {
  private GroupPlan() {}

  static int[] sizes(
      int groups, long memberships, int users, int huge, double hugeShare, Random rnd) {
    int[] sizes = new int[groups];
    huge = Math.min(huge, groups);
    long hugeTotal = groups == huge ? memberships : Math.round(memberships * hugeShare);
    long assigned = 0;
    for (int g = 0; g < huge; g++) {
      sizes[g] = (int) Math.min(users, hugeTotal / huge + (g < hugeTotal % huge ? 1 : 0));
      assigned += sizes[g];
    }
    int small = groups - huge;
    if (small > 0) {
      long rest = memberships - assigned;
      double[] w = new double[small];
      double sum = 0;
      for (int i = 0; i < small; i++) {
        w[i] = -Math.log(1 - rnd.nextDouble());
        sum += w[i];
      }
      for (int i = 0; i < small; i++) {
        sizes[huge + i] = (int) Math.min(users, Math.round(rest * w[i] / sum));
      }
    }
    return sizes;
  }
}
