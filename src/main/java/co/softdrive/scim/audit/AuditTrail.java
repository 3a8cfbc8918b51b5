package co.softdrive.scim.audit;

import co.softdrive.scim.persistence.AccountAuditEntity;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  /**
   * Automatic (non-staff) account deletions of a tenant since {@code since}: the guard's window,
   * counted on every deactivation. It reads the window's deletion entries of {@code
   * ix_audit_action} and nothing else; the index is named for Derby, whose optimizer otherwise
   * scanned every audit row of the tenant in the window (migration V9). The hint is a comment to
   * PostgreSQL, which plans from its own statistics.
   */
  static final String AUTOMATIC_DELETIONS_SQL =
      "SELECT COUNT(*) FROM account_audit --DERBY-PROPERTIES index=IX_AUDIT_ACTION\n"
          + " WHERE tenant_id = ? AND action = 'deleted' AND occurred_at > ? AND actor_type <> 'staff'";

  public long countAutomaticDeletionsSince(String tenantId, long since) {
    try {
      return countAutomaticDeletionsSince(em.unwrap(Connection.class), tenantId, since);
    } catch (SQLException e) {
      throw new PersistenceException("Could not count the deletions of tenant " + tenantId, e);
    }
  }

  static long countAutomaticDeletionsSince(Connection c, String tenantId, long since)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AUTOMATIC_DELETIONS_SQL)) {
      ps.setString(1, tenantId);
      ps.setLong(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Newest first, at most {@code limit}, optionally for one user and/or before an id (paging). */
  @Transactional
  public List<AuditEntry> list(String tenantId, String userId, Long beforeId, int limit) {
    StringBuilder jpql =
        new StringBuilder("SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId");
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
