package co.softdrive.scim.tenant;

import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.TenantStatus;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tenants (Softdrive customers): create, list with counts, rename, suspend and resume. Every change
 * fires {@link TenantChanged}, which the per-instance caches observe.
 */
@ApplicationScoped
@QuietClientErrors
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_RATE_LIMIT = 100_000;

  @Inject Tenants tenants;

  @Inject Event<TenantChanged> changed;

  @Transactional
  public TenantView create(String name, String by) {
    String clean = validName(name);
    ensureNameFree(clean);
    long now = System.currentTimeMillis();
    TenantEntity tenant = new TenantEntity(UUID.randomUUID().toString(), clean, now);
    tenants.add(tenant);
    LOG.log(Level.INFO, "Tenant {0} created by {1}", new Object[] {tenant.getId(), by});
    return view(tenant, 0, 0, 0);
  }

  /** Applies the non-null fields of {@code settings} in one transaction. */
  @Transactional
  public TenantView update(String tenantId, TenantSettings settings) {
    TenantEntity tenant = require(tenantId);
    long now = System.currentTimeMillis();
    if (settings.name() != null) {
      String clean = validName(settings.name());
      if (!clean.equalsIgnoreCase(tenant.getName())) {
        ensureNameFree(clean);
      }
      tenant.rename(clean, now);
    }
    if (settings.status() != null) {
      TenantStatus status =
          TenantStatus.fromApiName(settings.status())
              .orElseThrow(
                  () -> ScimBadRequest.invalidValue("status must be \"active\" or \"suspended\""));
      tenant.setStatus(status, now);
      LOG.log(Level.INFO, "Tenant {0} is now {1}", new Object[] {tenantId, status.apiName()});
    }
    if (settings.retentionDays() != null) {
      tenant.setRetentionDays(range("retentionDays", settings.retentionDays(), 0, 3650));
    }
    if (settings.groupPolicy() != null) {
      String policy = settings.groupPolicy().toLowerCase(Locale.ROOT);
      if (!policy.equals("follow-entra") && !policy.equals("cascade")) {
        throw ScimBadRequest.invalidValue("groupPolicy must be \"follow-entra\" or \"cascade\"");
      }
      tenant.setGroupPolicy(policy.equals("cascade") ? "CASCADE" : "FOLLOW_ENTRA");
    }
    if (settings.guardPercent() != null
        || settings.guardMinCount() != null
        || settings.guardWindowMinutes() != null) {
      tenant.setGuard(
          guard("guardPercent", settings.guardPercent(), tenant.getGuardPercent(), 100),
          guard("guardMinCount", settings.guardMinCount(), tenant.getGuardMinCount(), 1_000_000),
          guard(
              "guardWindowMinutes",
              settings.guardWindowMinutes(),
              tenant.getGuardWindowMinutes(),
              10_080),
          now);
    }
    if (settings.rateLimitPerSecond() != null) {
      tenant.setRateLimitPerSecond(
          guard("rateLimitPerSecond", settings.rateLimitPerSecond(), null, MAX_RATE_LIMIT), now);
      Integer rate = tenant.getRateLimitPerSecond();
      LOG.log(
          Level.INFO,
          "Tenant {0} rate limit is now {1}",
          new Object[] {tenantId, rate == null ? "the default" : rate == 0 ? "none" : rate + "/s"});
    }
    changed.fire(new TenantChanged(tenantId));
    return get(tenantId);
  }

  /**
   * The tenant's own request rate: empty for the deployment default, 0 for no limit. Read as a
   * scalar so that a change made on another instance is seen.
   */
  @Transactional
  public Optional<Integer> rateLimit(String tenantId) {
    return tenantId == null || tenantId.isBlank()
        ? Optional.empty()
        : tenants.rateLimit(TenantId.of(tenantId));
  }

  private static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw ScimBadRequest.invalidValue(name + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** null keeps the current value; -1 resets to the deployment default. */
  private static Integer guard(String name, Integer value, Integer current, int max) {
    if (value == null) {
      return current;
    }
    if (value == -1) {
      return null;
    }
    return range(name, value, 0, max);
  }

  @Transactional
  public TenantView get(String tenantId) {
    TenantEntity t = require(tenantId);
    TenantId id = TenantId.of(t.getId());
    return view(
        t,
        tenants.userCount(id),
        tenants.groupCount(id),
        tenants.activeTokenCount(id, System.currentTimeMillis()));
  }

  @Transactional
  public List<TenantView> list() {
    Map<String, Long> users = tenants.userCounts();
    Map<String, Long> groups = tenants.groupCounts();
    Map<String, Long> tokens = tenants.activeTokenCounts(System.currentTimeMillis());
    return tenants.list().stream()
        .map(
            t ->
                view(
                    t,
                    users.getOrDefault(t.getId(), 0L),
                    groups.getOrDefault(t.getId(), 0L),
                    tokens.getOrDefault(t.getId(), 0L)))
        .toList();
  }

  /** A tenant's lifecycle settings as the console edits them. */
  @Transactional
  public LifecycleSettings settings(String tenantId) {
    return LifecycleSettings.of(require(tenantId));
  }

  /** Replaces a tenant's lifecycle settings after checking their ranges. */
  @Transactional
  public LifecycleSettings updateSettings(String tenantId, LifecycleSettings settings, String by) {
    TenantEntity tenant = require(tenantId);
    settings.validate();
    long now = System.currentTimeMillis();
    tenant.setRetentionDays(settings.retentionDays());
    tenant.setGroupPolicy(settings.groupPolicy());
    tenant.setGuard(
        settings.guardPercent(), settings.guardMinCount(), settings.guardWindowMinutes(), now);
    LOG.log(Level.INFO, "Tenant {0} settings changed by {1}", new Object[] {tenantId, by});
    changed.fire(new TenantChanged(tenantId));
    return LifecycleSettings.of(tenant);
  }

  /** The tenant, or 404. */
  public TenantEntity require(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw ScimErrors.notFound("Tenant " + tenantId + " not found");
    }
    return require(TenantId.of(tenantId));
  }

  /** The tenant, or 404. */
  public TenantEntity require(TenantId tenantId) {
    return tenants
        .find(tenantId)
        .orElseThrow(() -> ScimErrors.notFound("Tenant " + tenantId + " not found"));
  }

  private void ensureNameFree(String name) {
    if (tenants.nameTaken(name.toLowerCase(Locale.ROOT))) {
      throw ScimErrors.uniqueness("A tenant named \"" + name + "\" already exists");
    }
  }

  private static String validName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw ScimBadRequest.invalidValue("name is required");
    }
    if (clean.length() > MAX_NAME_LENGTH) {
      throw ScimBadRequest.invalidValue("name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (clean.chars().anyMatch(Character::isISOControl)) {
      throw ScimBadRequest.invalidValue("name must not contain control characters");
    }
    return clean;
  }

  private static TenantView view(TenantEntity t, long users, long groups, long tokens) {
    return new TenantView(
        t.getId(),
        t.getName(),
        t.getStatus().apiName(),
        Instant.ofEpochMilli(t.getCreatedAt()),
        Instant.ofEpochMilli(t.getUpdatedAt()),
        t.getRetentionDays(),
        t.getGroupPolicy().equals("CASCADE") ? "cascade" : "follow-entra",
        t.getGuardPercent(),
        t.getGuardMinCount(),
        t.getGuardWindowMinutes(),
        t.getRateLimitPerSecond(),
        users,
        groups,
        tokens);
  }
}
