package co.softdrive.scim.console;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityFilter;
import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/purged-user.xhtml}: a user whose SCIM record was purged (by Entra's DELETE
 * or the tombstone retention), as the audit trail and the activity log still know it.
 */
@Named
@RequestScoped
public class PurgedUserPage extends TenantItemPage {
  static final int HISTORY = 200;
  static final int RECENT = 20;

  @Inject AuditTrail audit;
  @Inject ActivityStore activity;

  private List<AuditEntry> history = List.of();
  private List<ActivityEntry> recent = List.of();

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    history = audit.list(tenantId, id, null, HISTORY);
    if (history.isEmpty()) {
      TenantScoped.notFound("No such user");
      return;
    }
    recent = activity.page(new ActivityFilter(tenantId, null, null, null, null, id), 0, RECENT);
  }

  /** The userName the trail last recorded. */
  public String getUserName() {
    return history.isEmpty() ? null : history.get(0).userName();
  }

  /** The purge entry (newest first, so the first that is one), or null. */
  public AuditEntry getPurge() {
    return history.stream().filter(e -> "purged".equals(e.action())).findFirst().orElse(null);
  }

  public List<AuditEntry> getHistory() {
    return history;
  }

  public List<ActivityEntry> getRecent() {
    return recent;
  }
}
