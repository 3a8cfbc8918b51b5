package co.softdrive.scim.persistence;

/**
 * One row of {@code scim_activity}, the request log, as stored: texts already cut to their columns
 * and redacted by the caller. The five change columns are null when the request noted no change.
 *
 * @param membersAdded memberships added, null unless a change kind is set
 * @param membersRemoved memberships removed, null unless a change kind is set
 */
public record ActivityRow(
    String id,
    String tenantId,
    long atMillis,
    String tokenPrefix,
    String method,
    String path,
    String operation,
    String resourceType,
    String resourceId,
    int status,
    String scimType,
    String detail,
    String filter,
    int latencyMs,
    String resourceName,
    String changeKind,
    String changeSummary,
    Integer membersAdded,
    Integer membersRemoved) {}
