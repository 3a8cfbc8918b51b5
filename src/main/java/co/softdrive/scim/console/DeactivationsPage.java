package co.softdrive.scim.console;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code console/deactivations.xhtml}: a mass deactivation in a time window ({@code ?hours=},
 * default 24, at most 14 days), from the audit trail: how many accounts were deleted before the
 * deletion guard tripped, how many it held and what staff decided, with links to each account.
 */
@Named
@RequestScoped
public class DeactivationsPage extends TenantBoundPage {
  static final int LIST = 500;
  static final String DELETED = "deleted";
  static final String HELD = "deletion-held";
  static final List<String> ACTIONS =
      List.of(DELETED, HELD, "deletion-approved", "deletion-rejected", "deletion-cancelled");

  @Inject AuditTrail audit;

  private Integer hours;
  private Instant from;
  private Instant to;
  private Map<String, Long> counts = Map.of();
  private List<AuditEntry> entries = List.of();
  private long deletedBeforeTrip;
  private Instant trippedAt;

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    to = Instant.now();
    from = to.minusSeconds(getHours() * 3600L);
    long f = from.toEpochMilli();
    long t = to.toEpochMilli() + 1;
    counts = audit.countInWindow(tenantId, ACTIONS, f, t);
    entries = audit.inWindow(tenantId, List.of(DELETED, HELD), f, t, LIST);
    AuditEntry firstHeld =
        audit.inWindow(tenantId, List.of(HELD), f, t, 1).stream().findFirst().orElse(null);
    trippedAt = firstHeld == null ? null : firstHeld.at();
    deletedBeforeTrip =
        firstHeld == null
            ? count(DELETED)
            : audit
                .countInWindow(tenantId, List.of(DELETED), f, firstHeld.at().toEpochMilli())
                .getOrDefault(DELETED, 0L);
  }

  public long count(String action) {
    return counts.getOrDefault(action, 0L);
  }

  /** The window in hours, 1 to 336. */
  public int getHours() {
    return hours == null ? 24 : Math.max(1, Math.min(336, hours));
  }

  public void setHours(Integer hours) {
    this.hours = hours;
  }

  public long getDeletedBeforeTrip() {
    return deletedBeforeTrip;
  }

  public Instant getTrippedAt() {
    return trippedAt;
  }

  public List<AuditEntry> getEntries() {
    return entries;
  }

  public boolean isTruncated() {
    return entries.size() >= LIST;
  }

  public Instant getFrom() {
    return from;
  }

  public Instant getTo() {
    return to;
  }
}
