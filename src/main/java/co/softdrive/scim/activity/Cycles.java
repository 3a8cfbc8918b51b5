package co.softdrive.scim.activity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Groups a tenant's requests into provisioning cycles. Entra's provisioning service works in
 * bursts: an initial cycle, then an incremental cycle about every 40 minutes, each a run of
 * requests close together. The rule: requests belong to one cycle until a pause longer than the gap
 * ({@code scim.health.cycle-gap-minutes}, default 10); the first request after such a pause starts
 * the next cycle. The database aggregates the window per minute ({@link SyncStore#minutes}), so the
 * grouping reads at most one row per minute of the window whatever the tenant's size; a pause is
 * measured from the last request of one minute to the first of the next.
 */
public final class Cycles {
  private Cycles() {}

  /**
   * @param minutes per-minute aggregates in time order
   * @param gapMillis the longest pause inside one cycle
   * @param limit how many cycles to return
   * @return the newest {@code limit} cycles, newest first
   */
  public static List<Cycle> group(List<Cycle.Minute> minutes, long gapMillis, int limit) {
    List<Cycle> cycles = new ArrayList<>();
    Cycle current = null;
    for (Cycle.Minute m : minutes) {
      if (current != null && m.firstMillis() - current.end().toEpochMilli() <= gapMillis) {
        current = current.plus(m);
      } else {
        if (current != null) {
          cycles.add(current);
        }
        current = Cycle.of(m);
      }
    }
    if (current != null) {
      cycles.add(current);
    }
    Collections.reverse(cycles);
    return List.copyOf(cycles.subList(0, Math.min(Math.max(0, limit), cycles.size())));
  }
}
