package co.softdrive.scim.console;

import co.softdrive.scim.inspection.TenantDirectory;
import co.softdrive.scim.inspection.TenantRow;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.persistence.TenantStatus;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * Backs {@code console/tenant.xhtml} ({@code ?id=}): the tenant it is about, its counts and status,
 * and the banner of deletions held by the guard. Each form of the page has a bean of its own that
 * reads the tenant from here: {@link TenantTokensForm} (generate and revoke tokens), {@link
 * TokenSecretDialog} (the secret shown once), {@link TenantForm} (name, request rate, suspend) and
 * {@link TenantSettingsForm} (lifecycle settings); {@link TenantHealthView} the health panel.
 */
@Named
@ViewScoped
public class TenantPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantDirectory directory;
  @Inject transient UserDirectory users;

  private String id;
  private TenantRow tenant;
  private long pendingDeletions;

  /** f:viewAction: loads the tenant or answers 404. */
  public void load() throws IOException {
    try {
      reload();
    } catch (ScimException e) {
      TenantScoped.notFound("No such tenant");
    }
  }

  /** Reads the tenant's row and counts again, after a form changed them. */
  void reload() {
    tenant = directory.row(id);
    pendingDeletions = users.count(id, null, UserDirectory.State.PENDING_DELETION);
  }

  /** Deletions held by the guard, waiting for staff (a banner links to them). */
  public long getPendingDeletions() {
    return pendingDeletions;
  }

  public boolean isSuspended() {
    return tenant != null && TenantStatus.SUSPENDED.apiName().equals(tenant.status());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public TenantRow getTenant() {
    return tenant;
  }
}
