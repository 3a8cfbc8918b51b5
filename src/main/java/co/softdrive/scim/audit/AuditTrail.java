package co.softdrive.scim.audit;

import co.softdrive.scim.persistence.AccountAudit;
import co.softdrive.scim.persistence.AccountAuditEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail of account changes: who or what (token, staff account, job) changed which
 * account, when, from which state to which, and why. Written in the caller's transaction, so an
 * entry exists exactly when its change was committed.
 */
@ApplicationScoped
@QuietClientErrors
public class AuditTrail {
  static final int MAX_REASON = 300;

  @Inject AccountAudit entries;

  public void record(
      String tenantId,
      String userId,
      String userName,
      Actor actor,
      String action,
      String fromState,
      String toState,
      String reason,
      long now) {
    entries.add(
        new AccountAuditEntity(
            tenantId,
            userId,
            truncate(userName, 512),
            now,
            actor.type(),
            truncate(actor.id(), 100),
            action,
            fromState,
            toState,
            truncate(reason, MAX_REASON)));
  }

  /** Automatic (non-staff) account deletions of a tenant since {@code since}. */
  public long countAutomaticDeletionsSince(String tenantId, long since) {
    return entries.countAutomaticDeletionsSince(TenantId.of(tenantId), since);
  }

  /** Newest first, at most {@code limit}, optionally for one user and/or before an id (paging). */
  @Transactional
  public List<AuditEntry> list(String tenantId, String userId, Long beforeId, int limit) {
    if (tenantId == null || tenantId.isBlank()) {
      return List.of(); // no tenant has a blank id
    }
    return entries.list(TenantId.of(tenantId), userId, beforeId, limit).stream()
        .map(
            a ->
                new AuditEntry(
                    a.getId(),
                    a.getTenantId(),
                    a.getUserId(),
                    a.getUserName(),
                    Instant.ofEpochMilli(a.getOccurredAt()),
                    a.getActorType(),
                    a.getActorId(),
                    a.getAction(),
                    a.getFromState(),
                    a.getToState(),
                    a.getReason()))
        .toList();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
