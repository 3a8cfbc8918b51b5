package co.softdrive.scim.console;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.config.ScimConfig;
import co.softdrive.scim.inspection.TenantDirectory;
import co.softdrive.scim.inspection.TenantRow;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.persistence.TenantStatus;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.tenant.LifecycleSettings;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantSettings;
import co.softdrive.scim.token.IssuedToken;
import co.softdrive.scim.token.TokenService;
import co.softdrive.scim.token.TokenView;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Backs {@code console/tenant.xhtml}: one tenant's counts, name, status and request rate, lifecycle
 * settings, and tokens (generate with the secret shown once beside the Tenant URL and the Entra
 * steps; revoke).
 */
@Named
@ViewScoped
public class TenantPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantService tenants;
  @Inject transient TenantDirectory directory;
  @Inject transient TokenService tokens;
  @Inject transient ScimConfig scimConfig;
  @Inject transient UserDirectory users;
  @Inject transient LimitsConfig limits;

  private String id;
  private TenantRow tenant;
  private List<TokenView> tokenList = List.of();
  private long pendingDeletions;
  private String name;
  private int retentionDays;
  private String groupPolicy;
  private Integer guardPercent;
  private Integer guardMinCount;
  private Integer guardWindowMinutes;
  private Integer rateLimitPerSecond;
  private String serviceAccount = "entra-provisioning";
  private LocalDate expiresOn;

  /** The secret of the token just generated; shown once, forgotten when the dialog closes. */
  private String issuedSecret;

  /** f:viewAction: loads the tenant or answers 404. */
  public void load() throws IOException {
    try {
      reload();
      LifecycleSettings s = tenants.settings(id);
      name = tenant.name();
      retentionDays = s.retentionDays();
      groupPolicy = s.groupPolicy();
      guardPercent = s.guardPercent();
      guardMinCount = s.guardMinCount();
      guardWindowMinutes = s.guardWindowMinutes();
      rateLimitPerSecond = tenants.rateLimit(id).orElse(null);
    } catch (ScimException e) {
      notFound();
    }
  }

  private void reload() {
    tenant = directory.row(id);
    tokenList = tokens.list(id);
    pendingDeletions = users.count(id, null, UserDirectory.State.PENDING_DELETION);
  }

  /** Deletions held by the guard, waiting for staff (a banner links to them). */
  public long getPendingDeletions() {
    return pendingDeletions;
  }

  public void rename() {
    if (Messages.attempt(() -> tenants.update(id, TenantSettings.rename(name))) != null) {
      Messages.info("Renamed to \u201c" + name.strip() + "\u201d.");
      reload();
    }
  }

  public void suspend() {
    setStatus(TenantStatus.SUSPENDED, "Suspended: its tokens now get 401 with a clear detail.");
  }

  public void resume() {
    setStatus(TenantStatus.ACTIVE, "Resumed: its tokens work again.");
  }

  private void setStatus(TenantStatus status, String message) {
    if (Messages.attempt(() -> tenants.update(id, TenantSettings.status(status.apiName())))
        != null) {
      Messages.info(message);
      reload();
    }
  }

  public void saveSettings() {
    LifecycleSettings settings =
        new LifecycleSettings(
            retentionDays, groupPolicy, guardPercent, guardMinCount, guardWindowMinutes);
    if (Messages.attempt(() -> tenants.updateSettings(id, settings, Messages.staff())) != null) {
      Messages.info("Settings saved.");
    }
  }

  /** Saves the tenant's own request rate; empty goes back to the service default. */
  public void saveRateLimit() {
    int value = rateLimitPerSecond == null ? -1 : rateLimitPerSecond;
    if (Messages.attempt(() -> tenants.update(id, TenantSettings.rateLimit(value))) != null) {
      Messages.info(
          rateLimitPerSecond == null
              ? "Rate limit: the service default."
              : rateLimitPerSecond == 0
                  ? "Rate limit: none."
                  : "Rate limit: " + rateLimitPerSecond + " requests per second.");
    }
  }

  public void generate() {
    IssuedToken issued =
        Messages.attempt(
            () ->
                tokens.issue(
                    id,
                    serviceAccount,
                    Messages.staff(),
                    expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
    if (issued != null) {
      issuedSecret = issued.secret();
      reload();
    }
  }

  /** The dialog closed: the secret is gone for good. */
  public void forgetSecret() {
    issuedSecret = null;
  }

  public void revoke(String tokenId) {
    TokenView revoked = Messages.attempt(() -> tokens.revoke(id, tokenId, Messages.staff()));
    if (revoked != null) {
      Messages.info("Token " + revoked.prefix() + "\u2026 revoked; it stops working at once.");
      reload();
    }
  }

  /** Whether the Tenant URL is no HTTPS URL, which Entra refuses (the token dialog warns). */
  public boolean isTenantUrlInsecure() {
    return !getTenantUrl().regionMatches(true, 0, "https://", 0, 8);
  }

  /** The exact URL to paste into Entra's "Tenant URL". */
  public String getTenantUrl() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    return scimConfig.scimBaseUrl(
        origin(
            ec.getRequestScheme(),
            ec.getRequestServerName(),
            ec.getRequestServerPort(),
            ec.getRequestContextPath()));
  }

  /** Scheme, host, port (left out when it is the scheme's default) and context path. */
  static String origin(String scheme, String host, int port, String contextPath) {
    boolean defaultPort =
        (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + contextPath;
  }

  public boolean isSuspended() {
    return tenant != null && TenantStatus.SUSPENDED.apiName().equals(tenant.status());
  }

  private static void notFound() throws IOException {
    TenantScoped.notFound("No such tenant");
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

  public List<TokenView> getTokens() {
    return tokenList;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getGroupPolicy() {
    return groupPolicy;
  }

  public void setGroupPolicy(String groupPolicy) {
    this.groupPolicy = groupPolicy;
  }

  public Integer getGuardPercent() {
    return guardPercent;
  }

  public void setGuardPercent(Integer guardPercent) {
    this.guardPercent = guardPercent;
  }

  public Integer getGuardMinCount() {
    return guardMinCount;
  }

  public void setGuardMinCount(Integer guardMinCount) {
    this.guardMinCount = guardMinCount;
  }

  public Integer getGuardWindowMinutes() {
    return guardWindowMinutes;
  }

  public void setGuardWindowMinutes(Integer guardWindowMinutes) {
    this.guardWindowMinutes = guardWindowMinutes;
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

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }

  public LocalDate getToday() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
