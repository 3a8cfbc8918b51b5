package co.softdrive.scim.console;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.persistence.TenantStatus;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the tenant form of {@code console/tenant.xhtml}: rename, the tenant's own request rate,
 * suspend and resume. Starts from the tenant {@link TenantPage} loaded.
 */
@Named
@ViewScoped
public class TenantForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TenantPage page;
  @Inject transient TenantService tenants;
  @Inject transient LimitsConfig limits;

  private String name;
  private Integer rateLimitPerSecond;

  @PostConstruct
  void init() {
    if (page.getTenant() != null) {
      name = page.getTenant().name();
      rateLimitPerSecond = tenants.rateLimit(page.getId()).orElse(null);
    }
  }

  public void rename() {
    if (Messages.attempt(() -> tenants.update(page.getId(), TenantSettings.rename(name))) != null) {
      Messages.info("Renamed to \u201c" + name.strip() + "\u201d.");
      page.reload();
    }
  }

  public void suspend() {
    setStatus(TenantStatus.SUSPENDED, "Suspended: its tokens now get 401 with a clear detail.");
  }

  public void resume() {
    setStatus(TenantStatus.ACTIVE, "Resumed: its tokens work again.");
  }

  private void setStatus(TenantStatus status, String message) {
    if (Messages.attempt(
            () -> tenants.update(page.getId(), TenantSettings.status(status.apiName())))
        != null) {
      Messages.info(message);
      page.reload();
    }
  }

  /** Saves the tenant's own request rate; empty goes back to the service default. */
  public void saveRateLimit() {
    int value = rateLimitPerSecond == null ? -1 : rateLimitPerSecond;
    if (Messages.attempt(() -> tenants.update(page.getId(), TenantSettings.rateLimit(value)))
        != null) {
      Messages.info(
          rateLimitPerSecond == null
              ? "Rate limit: the service default."
              : rateLimitPerSecond == 0
                  ? "Rate limit: none."
                  : "Rate limit: " + rateLimitPerSecond + " requests per second.");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getRateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  public void setRateLimitPerSecond(Integer rateLimitPerSecond) {
    this.rateLimitPerSecond = rateLimitPerSecond;
  }

  public int getDefaultRateLimit() {
    return limits.ratePerSecond();
  }
}
