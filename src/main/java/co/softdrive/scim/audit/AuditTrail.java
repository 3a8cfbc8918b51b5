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

  /**
   * Purged accounts whose userName (as the trail recorded it at purge time) starts with {@code
   * prefix}, case-insensitively, newest first: the trail outlives the SCIM record, so support still
   * finds the person. Reads the {@code (tenant_id, user_name_ci)} index.
   */
  @Transactional
  public List<AuditEntry> purgedByName(String tenantId, String prefix, int limit) {
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId"
                + " AND a.userNameCi LIKE :q ESCAPE '!' AND a.action = 'purged'"
                + " ORDER BY a.id DESC",
            AccountAuditEntity.class)
        .setParameter("tenantId", tenantId)
        .setParameter("q", escape(prefix.strip().toLowerCase(java.util.Locale.ROOT)) + "%")
        .setMaxResults(Math.max(1, Math.min(200, limit)))
        .getResultStream()
        .map(AuditTrail::entry)
        .toList();
  }

  /**
   * Audit entries of every account in a time window with one of {@code actions}, oldest first, at
   * most {@code limit} (the mass-deactivation view). Reads {@code ix_audit_action}.
   */
  @Transactional
  public List<AuditEntry> inWindow(
      String tenantId, List<String> actions, long from, long to, int limit) {
    return em.createQuery(
            "SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId"
                + " AND a.action IN :actions AND a.occurredAt >= :from AND a.occurredAt < :to"
                + " ORDER BY a.occurredAt, a.id",
            AccountAuditEntity.class)
        .setParameter("tenantId", tenantId)
        .setParameter("actions", actions)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(Math.max(1, Math.min(1000, limit)))
        .getResultStream()
        .map(AuditTrail::entry)
        .toList();
  }

  /** How many entries of each action in the window: action → count. */
  @Transactional
  public java.util.Map<String, Long> countInWindow(
      String tenantId, List<String> actions, long from, long to) {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT a.action, COUNT(a) FROM AccountAuditEntity a WHERE a.tenantId = :tenantId"
                    + " AND a.action IN :actions AND a.occurredAt >= :from AND a.occurredAt < :to"
                    + " GROUP BY a.action",
                Object[].class)
            .setParameter("tenantId", tenantId)
            .setParameter("actions", actions)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  private static AuditEntry entry(AccountAuditEntity a) {
    return new AuditEntry(
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
        a.getReason());
  }

  /** Escapes LIKE wildcards with {@code !}. */
  static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
