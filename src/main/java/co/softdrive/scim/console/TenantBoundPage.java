package co.softdrive.scim.console;

import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantView;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;

/**
 * Base of the console pages about one tenant: the {@code ?tenant=} view parameter and the tenant it
 * names, loaded by {@link #loadTenant()} (or a 404 through {@link TenantScoped}).
 */
public abstract class TenantBoundPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantService tenants;

  protected String tenantId;
  protected TenantView tenant;

  /** Loads the tenant of {@code ?tenant=}; false when there is none (the 404 is answered). */
  protected boolean loadTenant() throws IOException {
    tenant = TenantScoped.load(tenants, tenantId);
    return tenant != null;
  }

  public TenantView getTenant() {
    return tenant;
  }

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }
}
