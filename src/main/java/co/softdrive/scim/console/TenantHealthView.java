package co.softdrive.scim.console;

import co.softdrive.scim.activity.HealthConfig;
import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.audit.GroupDeletions;
import co.softdrive.scim.inspection.HealthService;
import co.softdrive.scim.inspection.TenantHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health panel that leads a tenant's page: status and why, last success and failure, the last
 * provisioning cycles, and the tenant's recent group deletions. Computed once per request.
 */
@Named
@RequestScoped
public class TenantHealthView {
  static final int GROUP_DELETIONS = 5;

  @Inject HealthService health;
  @Inject GroupDeletions deletions;
  @Inject HealthConfig config;
  @Inject TenantPage tenantPage;

  private final Map<String, TenantHealth> cache = new HashMap<>();
  private final Map<String, List<GroupDeletion>> deleted = new HashMap<>();

  /** The health of the tenant of the tenant page. */
  public TenantHealth getHealth() {
    return of(tenantPage.getId());
  }

  /** The tenant's health with its recent cycles; null for no tenant. */
  public TenantHealth of(String tenantId) {
    if (tenantId == null) {
      return null;
    }
    return cache.computeIfAbsent(tenantId, health::of);
  }

  public long getCycleGapMinutes() {
    return config.cycleGapMillis() / 60_000;
  }

  public List<GroupDeletion> groupDeletions(String tenantId) {
    if (tenantId == null) {
      return List.of();
    }
    return deleted.computeIfAbsent(tenantId, id -> deletions.recent(id, GROUP_DELETIONS));
  }
}
