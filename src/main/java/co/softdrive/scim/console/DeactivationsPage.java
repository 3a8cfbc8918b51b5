package co.softdrive.scim.console;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.inspection.Deactivations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code console/deactivations.xhtml}: a mass deactivation in a time window ({@code ?hours=},
 * default 24, at most 14 days), from the audit trail ({@link Deactivations}): how many accounts
 * were deleted before the deletion guard tripped, how many it held and what staff decided, with
 * links to each account.
 */
@Named
@RequestScoped
public class DeactivationsPage extends TenantBoundPage {
  @Inject Deactivations deactivations;

  private Integer hours;
  private Deactivations.Window window;

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    window = deactivations.window(tenantId, getHours(), Instant.now());
  }

  public long count(String action) {
    return window == null ? 0 : window.counts().getOrDefault(action, 0L);
  }

  /** The window in hours, 1 to 336. */
  public int getHours() {
    return Deactivations.hours(hours);
  }

  public void setHours(Integer hours) {
    this.hours = hours;
  }

  public long getDeletedBeforeTrip() {
    return window == null ? 0 : window.deletedBeforeTrip();
  }

  public Instant getTrippedAt() {
    return window == null ? null : window.trippedAt();
  }

  public List<AuditEntry> getEntries() {
    return window == null ? List.of() : window.entries();
  }

  public boolean isTruncated() {
    return window != null && window.truncated();
  }

  public Instant getFrom() {
    return window == null ? null : window.from();
  }

  public Instant getTo() {
    return window == null ? null : window.to();
  }
}
