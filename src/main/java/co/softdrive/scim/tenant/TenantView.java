package co.softdrive.scim.tenant;

import java.time.Instant;

/**
 * A tenant as lists, the admin API and the console show it. Guard thresholds and the rate limit are
 * null when the tenant uses the deployment defaults ({@code scim.guard.*}, {@code
 * scim.limits.rate.per-second}).
 */
public record TenantView(
    String id,
    String name,
    String status,
    Instant createdAt,
    Instant updatedAt,
    int retentionDays,
    String groupPolicy,
    Integer guardPercent,
    Integer guardMinCount,
    Integer guardWindowMinutes,
    Integer rateLimitPerSecond,
    long users,
    long groups,
    long activeTokens) {}
