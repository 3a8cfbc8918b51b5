package co.softdrive.scim.inspection;

import co.softdrive.scim.activity.Cycle;
import co.softdrive.scim.activity.Cycles;
import co.softdrive.scim.activity.HealthConfig;
import co.softdrive.scim.activity.HealthRules;
import co.softdrive.scim.activity.SyncFacts;
import co.softdrive.scim.activity.SyncStore;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.persistence.TokenEntity;
import co.softdrive.scim.persistence.Tokens;
import co.softdrive.scim.protocol.error.ScimErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Tenant health and provisioning cycles ({@link HealthRules}, {@link Cycles}) from the tenant's
 * status, its tokens and its activity log. A handful of indexed queries per tenant; the cycles add
 * one aggregate over the cycle window.
 */
@ApplicationScoped
public class HealthService {
  @Inject Tenants tenants;
  @Inject Tokens tokens;
  @Inject SyncStore sync;
  @Inject HealthConfig config;

  /** Health with the recent cycles (a tenant's page, the admin API's single tenant). */
  @Transactional
  public TenantHealth of(String tenantId) {
    return of(tenantId, true);
  }

  /** Health; with {@code cycles} false the cycle aggregate is skipped (lists). */
  @Transactional
  public TenantHealth of(String tenantId, boolean cycles) {
    TenantId id =
        TenantIds.of(tenantId)
            .orElseThrow(() -> ScimErrors.notFound("Tenant " + tenantId + " not found"));
    TenantEntity tenant =
        tenants
            .find(id)
            .orElseThrow(() -> ScimErrors.notFound("Tenant " + tenantId + " not found"));
    long now = System.currentTimeMillis();
    List<TokenEntity> issued = tokens.list(id);
    long active =
        issued.stream()
            .filter(
                t ->
                    t.getRevokedAt() == null
                        && (t.getExpiresAt() == null || t.getExpiresAt() > now))
            .count();
    boolean used = issued.stream().anyMatch(t -> t.getLastUsedAt() != null);
    HealthRules rules = config.rules();
    SyncFacts facts = sync.facts(tenantId, now - rules.failingWindowMillis());
    HealthRules.Verdict v = rules.judge(!tenant.isActive(), active, used, facts, now);
    List<Cycle> recent =
        cycles && facts.lastRequest() != null
            ? Cycles.group(
                sync.minutes(tenantId, now - config.cycleWindowMillis()),
                config.cycleGapMillis(),
                config.cyclesShown())
            : List.of();
    return new TenantHealth(
        v.status().code(),
        v.status().label(),
        v.reason(),
        instant(facts.lastSuccess()),
        instant(facts.lastFailure()),
        facts.lastFailureStatus(),
        rules.failingWindowMillis() / 60_000,
        facts.windowRequests(),
        facts.windowFailures(),
        recent);
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
