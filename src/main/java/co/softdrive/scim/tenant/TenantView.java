package co.softdrive.scim.tenant;

import java.time.Instant;

/** A tenant as lists, the admin API and the console show it. */
public record TenantView(
    String id,
    String name,
    String status,
    Instant createdAt,
    Instant updatedAt,
    int retentionDays,
    String groupPolicy,
    long users,
    long groups,
    long activeTokens) {}
