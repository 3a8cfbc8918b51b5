package co.softdrive.scim.tenant;

/**
 * A change to a tenant: every field is optional (null leaves it as it is). For guard thresholds and
 * the rate limit, {@code -1} means "back to the deployment default".
 *
 * @param name new name
 * @param status "active" or "suspended"
 * @param retentionDays days a tombstone is kept before it is purged (0 to 3650)
 * @param groupPolicy "follow-entra" or "cascade"
 * @param guardPercent deletion guard percentage (0 to 100)
 * @param guardMinCount deletion guard absolute count (0 to 1,000,000)
 * @param guardWindowMinutes deletion guard window (0 disables the guard; up to 10,080)
 * @param rateLimitPerSecond SCIM requests per second for this tenant (0 means no limit; up to
 *     100,000)
 */
public record TenantSettings(
    String name,
    String status,
    Integer retentionDays,
    String groupPolicy,
    Integer guardPercent,
    Integer guardMinCount,
    Integer guardWindowMinutes,
    Integer rateLimitPerSecond) {

  public static TenantSettings rename(String name) {
    return new TenantSettings(name, null, null, null, null, null, null, null);
  }

  public static TenantSettings status(String status) {
    return new TenantSettings(null, status, null, null, null, null, null, null);
  }

  public static TenantSettings rateLimit(int perSecond) {
    return new TenantSettings(null, null, null, null, null, null, null, perSecond);
  }
}
