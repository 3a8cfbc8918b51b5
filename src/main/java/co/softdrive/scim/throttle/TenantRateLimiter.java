package co.softdrive.scim.throttle;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.tenant.TenantChanged;
import co.softdrive.scim.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant SCIM request rate: a token bucket per tenant and instance, refilled at the tenant's
 * rate divided by the live instances ({@link LiveInstances}), holding {@code burst-seconds} of it.
 *
 * <p>Bound: while every instance counts the same N instances, each admits at most rate/N per second
 * plus burst/N, so together they admit at most the rate plus the burst, however the load balancer
 * spreads the requests. An uneven spread only makes it stricter (all of a tenant's requests on one
 * instance get rate/N). When an instance joins, the others learn of it within one heartbeat, so for
 * that long the total may reach rate × (N+1)/N; when one dies, the others keep dividing by N until
 * its row expires (three heartbeats), which is stricter, not looser.
 *
 * <p>A tenant's own setting ({@code rateLimitPerSecond}) is re-read every {@value
 * #SETTING_TTL_SECONDS} seconds, at once on the instance that changed it ({@code TenantChanged}).
 */
@ApplicationScoped
public class TenantRateLimiter {
  static final long SETTING_TTL_SECONDS = 30;

  private record Entry(Optional<Integer> perSecond, long readAtMillis, TokenBucket bucket) {}

  @Inject LimitsConfig config;
  @Inject LiveInstances instances;
  @Inject TenantService tenants;
  @Inject ThrottleMetrics metrics;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Takes one request from the tenant's budget.
   *
   * @throws ScimException 429 with the seconds to wait ({@code Retry-After}) when there is none
   */
  public void acquire(String tenantId) {
    long nowMillis = System.currentTimeMillis();
    Entry entry = entries.get(tenantId);
    if (entry == null || nowMillis - entry.readAtMillis() > SETTING_TTL_SECONDS * 1000) {
      Optional<Integer> own = tenants.rateLimit(tenantId);
      TokenBucket bucket = entry != null ? entry.bucket() : new TokenBucket(System.nanoTime());
      entry = new Entry(own, nowMillis, bucket);
      entries.put(tenantId, entry);
    }
    int perSecond = entry.perSecond().orElse(config.ratePerSecond());
    if (perSecond == 0) {
      return;
    }
    int live = instances.count();
    double share = (double) perSecond / live;
    double capacity = Math.max(1, (double) perSecond * config.burstSeconds() / live);
    long waitNanos = entry.bucket().take(System.nanoTime(), share, capacity);
    if (waitNanos == 0) {
      return;
    }
    metrics.count(ThrottleMetrics.Reason.TENANT_RATE);
    long seconds = Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
    throw ScimErrors.tooManyRequests(
        "Too many requests for this tenant (limit "
            + perSecond
            + " per second); retry after "
            + seconds
            + " s",
        seconds);
  }

  /** Re-reads the tenant's setting at its next request, after a change on this instance. */
  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantChanged change) {
    entries.remove(change.tenantId());
  }
}
