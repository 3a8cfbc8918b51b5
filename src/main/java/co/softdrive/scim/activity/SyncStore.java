package co.softdrive.scim.activity;

import co.softdrive.scim.persistence.ActivityStats;
import co.softdrive.scim.persistence.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What tenant health and provisioning cycles read of the request log: the connection facts {@link
 * HealthRules} judge, and the per-minute aggregates {@link Cycles} group. The queries ({@code
 * persistence.ActivityStats}) read indexes that start with {@code tenant_id} and cover the asked
 * window only: the cost grows with the requests in the window, never with the tenant's users,
 * groups or history.
 */
@ApplicationScoped
public class SyncStore {
  @Inject ActivityStats stats;

  /** The tenant's connection facts now, failures counted from {@code windowStart}. */
  public SyncFacts facts(String tenantId, long windowStart) {
    ActivityStats.Facts f = stats.facts(TenantId.of(tenantId), windowStart);
    if (f.lastRequest() == null) {
      return SyncFacts.NONE;
    }
    return new SyncFacts(
        f.lastRequest(),
        f.lastRequestStatus(),
        f.lastSuccess(),
        f.lastFailure(),
        f.lastFailureStatus(),
        f.windowRequests(),
        f.windowFailures());
  }

  /**
   * The tenant's requests from {@code from} on, aggregated per minute, oldest first: at most one
   * row per minute of the window ({@link Cycles} groups them).
   */
  public List<Cycle.Minute> minutes(String tenantId, long from) {
    return stats.minutes(TenantId.of(tenantId), from).stream()
        .map(
            m ->
                new Cycle.Minute(
                    m.firstMillis(),
                    m.lastMillis(),
                    m.requests(),
                    m.usersCreated(),
                    m.usersUpdated(),
                    m.usersDeactivated(),
                    m.usersDeleted(),
                    m.membershipChanges(),
                    m.failures()))
        .toList();
  }
}
