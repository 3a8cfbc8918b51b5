package co.softdrive.scim.activity;

import java.time.Instant;

/** A tenant's activity at a glance: last request, requests and failures in the last 24 hours. */
public record TenantActivity(
    String tenantId,
    Instant lastRequestAt,
    Instant lastSuccessAt,
    long requests24h,
    long errors24h) {
  public static TenantActivity none(String tenantId) {
    return new TenantActivity(tenantId, null, null, 0, 0);
  }
}
