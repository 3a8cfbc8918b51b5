package co.softdrive.scim.lifecycle;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.audit.AuditTrail;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.PendingDeletions;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mass-deletion guard: within a sliding window (default 60 minutes) a tenant's automatic
 * account deletions may not exceed both {@code min-count} (default 25) and {@code percent} (default
 * 20) of its active accounts; past that, and while any deletion is pending, a deactivation leaves
 * the account in {@link AccountState#PENDING_DELETION} ({@link AccountLifecycle#deactivate}) until
 * staff approve or reject it here. A tenant's deactivations and decisions are serialised by a lock
 * on its tenant row, so the count is exact with several instances. The thresholds are the tenant's
 * own settings, or {@link LifecycleConfig}'s when it has none.
 */
@ApplicationScoped
@QuietClientErrors
public class DeletionGuard {
  private static final Logger LOG = Logger.getLogger(DeletionGuard.class.getName());

  @Inject Tenants tenants;
  @Inject PendingDeletions pending;
  @Inject AuditTrail audit;
  @Inject LifecycleConfig config;
  @Inject AccountTransitions transitions;
  @Inject Outbox outbox;

  /**
   * Takes the tenant's guard lock in the caller's transaction: before a deactivation writes its
   * user's row (see {@link AccountLifecycle#beforeUpdate}).
   */
  public void lock(String tenantId) {
    tenants.lock(TenantId.of(tenantId));
  }

  /**
   * Whether the next automatic deletion of the tenant's accounts, at {@code now}, is held: the
   * guard is on, and a deletion is already pending or this one trips both thresholds. Holds the
   * tenant's guard lock until the caller's transaction ends.
   */
  public boolean holds(String tenantId, long now) {
    TenantId id = TenantId.of(tenantId);
    TenantEntity tenant =
        tenants.lock(id).orElseThrow(() -> new IllegalStateException("No tenant " + tenantId));
    int window =
        tenant.getGuardWindowMinutes() != null
            ? tenant.getGuardWindowMinutes()
            : config.guardWindowMinutes();
    if (window <= 0) {
      return false;
    }
    if (pending.any(id)) {
      return true;
    }
    int percent =
        tenant.getGuardPercent() != null ? tenant.getGuardPercent() : config.guardPercent();
    int minCount =
        tenant.getGuardMinCount() != null ? tenant.getGuardMinCount() : config.guardMinCount();
    long deleted = audit.countAutomaticDeletionsSince(tenantId, now - window * 60_000L);
    long deletions = deleted + 1;
    if (deletions <= minCount) {
      return false; // below the absolute threshold whatever the tenant's size: no count needed
    }
    if (percent <= 0) {
      return true; // every deletion past the absolute threshold is held
    }
    long needed = GuardRule.activeNeeded(deletions, deleted, percent);
    if (needed <= 0) {
      return false;
    }
    long active = pending.activeUpTo(id, needed);
    return GuardRule.trips(deletions, active + deleted, percent, minCount);
  }

  /** Pending deletions of a tenant, oldest first. */
  @Transactional
  public List<PendingDeletion> pending(String tenantId, int limit) {
    return pending.oldest(TenantId.of(tenantId), limit).stream()
        .map(
            u ->
                new PendingDeletion(
                    u.getId(), u.getUserName(), Instant.ofEpochMilli(u.getAccountStateAt())))
        .toList();
  }

  /**
   * Staff decide on held deletions: approve deletes the accounts (events emitted now), reject
   * restores them. {@code userIds} null means every pending deletion of the tenant.
   *
   * @return how many accounts were decided
   */
  @Transactional
  public int decide(String tenantId, List<String> userIds, boolean approve, Actor staff) {
    TenantId id = TenantId.of(tenantId);
    tenants.lock(id);
    if (userIds != null && userIds.isEmpty()) {
      return 0;
    }
    long now = System.currentTimeMillis();
    List<ChangeEvent> events = new ArrayList<>();
    int n = 0;
    for (UserEntity user : pending.held(id, userIds)) {
      if (approve) {
        transitions.transition(
            user, staff, "deletion-approved", AccountState.DELETED, "approved by staff", now);
        events.add(
            AccountTransitions.event(
                user, EventTypes.ACCOUNT_DELETED, "deletion approved by staff"));
      } else {
        transitions.transition(
            user,
            staff,
            "deletion-rejected",
            AccountState.ACTIVE,
            "rejected by staff; account kept",
            now);
      }
      n++;
    }
    outbox.append(events);
    LOG.log(
        Level.INFO,
        "Tenant {0}: {1} held deletion(s) {2} by {3}",
        new Object[] {tenantId, n, approve ? "approved" : "rejected", staff.id()});
    return n;
  }
}
