package co.softdrive.scim.audit;

import co.softdrive.scim.platform.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import co.softdrive.scim.persistence.AccountAuditEntity;
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

  @PersistenceContext(unitName = "scim")
  EntityManager em;

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
    em.persist(
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

  /** Automatic (non-staff) account deletions of a tenant since {@code since}: the guard's window. */
  public long countAutomaticDeletionsSince(String tenantId, long since) {
    return em.createNamedQuery("AccountAuditEntity.countAutomaticDeletions", Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** Newest first, at most {@code limit}, optionally for one user and/or before an id (paging). */
  @Transactional
  public List<AuditEntry> list(String tenantId, String userId, Long beforeId, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId");
    if (userId != null) {
      jpql.append(" AND a.userId = :userId");
    }
    if (beforeId != null) {
      jpql.append(" AND a.id < :beforeId");
    }
    jpql.append(" ORDER BY a.id DESC");
    var q =
        em.createQuery(jpql.toString(), AccountAuditEntity.class)
            .setParameter("tenantId", tenantId)
            .setMaxResults(limit);
    if (userId != null) {
      q.setParameter("userId", userId);
    }
    if (beforeId != null) {
      q.setParameter("beforeId", beforeId);
    }
    return q.getResultStream()
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
