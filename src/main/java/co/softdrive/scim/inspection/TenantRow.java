package co.softdrive.scim.inspection;

import java.time.Instant;

/** One line of the tenants list: the tenant, its counts and its recent activity. */
public record TenantRow(
    String id,
    String name,
    String status,
    Instant createdAt,
    long users,
    long activeAccounts,
    long tombstones,
    long groups,
    long activeTokens,
    Instant lastRequestAt,
    long requests24h,
    long errors24h,
    TenantHealth health) {
  /** Failed share of the last 24 hours' requests, in percent (0 without requests). */
  public long errorRatePercent() {
    return requests24h == 0 ? 0 : Math.round(errors24h * 100.0 / requests24h);
  }
}
