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
import java.util.Locale;
import java.util.Map;

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
        .map(AuditTrail::entry)
        .toList();
  }

  /**
   * Purged accounts whose userName (as the trail recorded it at purge time) starts with {@code
   * prefix}, case-insensitively, newest first: the trail outlives the SCIM record, so support still
   * finds the person. Reads the {@code (tenant_id, user_name_ci)} index.
   */
  @Transactional
  public List<AuditEntry> purgedByName(String tenantId, String prefix, int limit) {
    return purgedByName(tenantId, prefix, null, limit);
  }

  /** {@link #purgedByName(String, String, int)} from the entry before {@code beforeId} on. */
  @Transactional
  public List<AuditEntry> purgedByName(String tenantId, String prefix, Long beforeId, int limit) {
    if (tenantId == null || tenantId.isBlank() || prefix == null || prefix.isBlank()) {
      return List.of();
    }
    return entries
        .purgedByName(
            TenantId.of(tenantId),
            prefix.strip().toLowerCase(Locale.ROOT),
            beforeId,
            Math.max(1, Math.min(200, limit)))
        .stream()
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
    return entries
        .inWindow(TenantId.of(tenantId), actions, from, to, Math.max(1, Math.min(1000, limit)))
        .stream()
        .map(AuditTrail::entry)
        .toList();
  }

  /** How many entries of each action in the window: action → count. */
  @Transactional
  public Map<String, Long> countInWindow(
      String tenantId, List<String> actions, long from, long to) {
    return entries.countInWindow(TenantId.of(tenantId), actions, from, to);
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

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
