package co.softdrive.scim.inspection;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mass deactivation in a time window, from the audit trail: how many accounts were deleted before
 * the deletion guard tripped, how many it held and what staff decided, and the deletions and holds
 * themselves (oldest first, at most {@link #LIST}). The console's deactivations page and the admin
 * API show the same window.
 */
@ApplicationScoped
public class Deactivations {
  public static final int LIST = 500;
  public static final int MAX_HOURS = 336;
  static final String DELETED = "deleted";
  static final String HELD = "deletion-held";

  /** Every action the window counts. */
  public static final List<String> ACTIONS =
      List.of(DELETED, HELD, "deletion-approved", "deletion-rejected", "deletion-cancelled");

  @Inject AuditTrail audit;

  /**
   * The window.
   *
   * @param counts entries per action of {@link #ACTIONS} (absent: none)
   * @param deletedBeforeTrip deletions before the first hold (all of them without a hold)
   * @param trippedAt the first hold, null without one
   * @param entries deletions and holds, oldest first
   * @param truncated whether {@code entries} stopped at {@link #LIST}
   */
  public record Window(
      Instant from,
      Instant to,
      Map<String, Long> counts,
      long deletedBeforeTrip,
      Instant trippedAt,
      List<AuditEntry> entries,
      boolean truncated) {}

  /** Hours as asked, kept to 1 to {@link #MAX_HOURS}; 24 when not given. */
  public static int hours(Integer asked) {
    return asked == null ? 24 : Math.max(1, Math.min(MAX_HOURS, asked));
  }

  /** The {@code hours} before {@code to} (inclusive). */
  @Transactional
  public Window window(String tenantId, int hours, Instant to) {
    Instant from = to.minusSeconds(hours * 3600L);
    long f = from.toEpochMilli();
    long t = to.toEpochMilli() + 1;
    Map<String, Long> counts = audit.countInWindow(tenantId, ACTIONS, f, t);
    List<AuditEntry> entries = audit.inWindow(tenantId, List.of(DELETED, HELD), f, t, LIST);
    AuditEntry firstHeld =
        audit.inWindow(tenantId, List.of(HELD), f, t, 1).stream().findFirst().orElse(null);
    long deletedBeforeTrip =
        firstHeld == null
            ? counts.getOrDefault(DELETED, 0L)
            : audit
                .countInWindow(tenantId, List.of(DELETED), f, firstHeld.at().toEpochMilli())
                .getOrDefault(DELETED, 0L);
    return new Window(
        from,
        to,
        counts,
        deletedBeforeTrip,
        firstHeld == null ? null : firstHeld.at(),
        entries,
        entries.size() >= LIST);
  }
}
