package co.softdrive.scim.console;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityFilter;
import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.inspection.UserDetail;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/user.xhtml}: one user with every attribute as received, its groups, its
 * account state, and the last requests Entra made about it. The account-state history and audit
 * trail are issue #4's; this page shows the current state and when it last changed.
 */
@Named
@RequestScoped
public class UserPage {
  static final int RECENT = 20;

  @Inject TenantService tenants;
  @Inject UserDirectory users;
  @Inject ActivityStore activity;

  private String tenantId;
  private String id;
  private TenantView tenant;
  private UserDetail user;
  private List<ActivityEntry> recent = List.of();

  public void load() throws IOException {
    tenant = TenantScoped.load(tenants, tenantId);
    if (tenant == null) {
      return;
    }
    try {
      user = users.get(tenantId, id);
    } catch (ScimException e) {
      TenantScoped.notFound("No such user");
      return;
    }
    recent = activity.page(new ActivityFilter(tenantId, null, null, null, null, id), 0, RECENT);
  }

  public TenantView getTenant() {
    return tenant;
  }

  public UserDetail getUser() {
    return user;
  }

  public List<ActivityEntry> getRecent() {
    return recent;
  }

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
