package co.softdrive.scim.audit;

import java.time.Instant;

/** One line of a user's audit trail. */
public record AuditEntry(
    long id,
    String tenantId,
    String userId,
    String userName,
    Instant at,
    String actorType,
    String actorId,
    String action,
    String fromState,
    String toState,
    String reason) {}
