package co.softdrive.scim.lifecycle;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.audit.AuditTrail;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.Dialect;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Softdrive's lifecycle rules on Entra's wire (docs/entra.md#lifecycle): the account state that
 * follows a user's SCIM {@code active} flag, the mass-deletion guard, the audit trail and the
 * change-feed events of every transition. All methods run in the caller's transaction.
 *
 * <p>Guard: within a sliding window (default 60 minutes) a tenant's automatic account deletions may
 * not exceed both {@code min-count} (default 25) and {@code percent} (default 20) of its active
 * accounts; past that, and while any deletion is pending, a deactivation leaves the account in
 * {@link AccountState#PENDING_DELETION}: Entra gets its normal answer and sees {@code
 * active:false}, but no account is deleted and no deletion event is emitted until staff approve.
 * Deactivations of one tenant are serialised by a lock on its tenant row so the count is exact with
 * several instances.
 */
@ApplicationScoped
@QuietClientErrors
public class AccountLifecycle {
  private static final Logger LOG = Logger.getLogger(AccountLifecycle.class.getName());

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject AuditTrail audit;
  @Inject LifecycleConfig config;
  @Inject Outbox outbox;

  /** A new SCIM user: it has an account only when created active. */
  public void created(UserEntity user, Actor actor, long now, List<ChangeEvent> events) {
    if (user.isActive()) {
      user.setAccountState(AccountState.ACTIVE, "created by provisioning", now);
      record(user, actor, "created", null, AccountState.ACTIVE, "created by provisioning", now);
      events.add(event(user, EventTypes.ACCOUNT_CREATED, null));
    } else {
      user.setAccountState(AccountState.DELETED, "created inactive", now);
      record(
          user,
          actor,
          "created-inactive",
          null,
          AccountState.DELETED,
          "created with active=false",
          now);
    }
  }

  /**
   * Before the new attributes of {@code user} are written: a deactivation takes its tenant's guard
   * lock now, while this transaction holds only an update lock on the user's row. Taken after the
   * row was written, it deadlocked on Derby: the deactivation holding the tenant lock counts the
   * tenant's accounts and waits for the written row of another deactivation, which waits for the
   * tenant lock.
   */
  public void beforeUpdate(UserEntity user, boolean active) {
    if (!active && AccountState.ACTIVE == user.getAccountState()) {
      em.find(TenantEntity.class, user.getTenantId(), LockModeType.PESSIMISTIC_WRITE);
    }
  }

  /**
   * The SCIM record of {@code user} was replaced or patched; its {@code active} column already
   * holds the new value.
   */
  public void updated(
      UserEntity user, boolean attributesChanged, Actor actor, long now, List<ChangeEvent> events) {
    AccountState state = user.getAccountState();
    if (user.isActive()) {
      if (AccountState.DELETED == state) {
        transition(
            user, actor, "restored", AccountState.ACTIVE, "active=true from provisioning", now);
        events.add(event(user, EventTypes.ACCOUNT_RESTORED, null));
      } else if (AccountState.PENDING_DELETION == state) {
        transition(
            user,
            actor,
            "deletion-cancelled",
            AccountState.ACTIVE,
            "active=true before approval",
            now);
      } else if (attributesChanged) {
        events.add(event(user, EventTypes.ACCOUNT_UPDATED, null));
      }
      return;
    }
    if (AccountState.ACTIVE == state) {
      deactivate(user, actor, "active=false from provisioning", now, events);
    }
  }

  /**
   * Deletes the account of an active user, or holds the deletion when the tenant's guard is
   * tripped. Also used by the group policy "cascade".
   */
  public void deactivate(
      UserEntity user, Actor actor, String reason, long now, List<ChangeEvent> events) {
    if (holdDeletion(user.getTenantId(), now)) {
      transition(
          user,
          actor,
          "deletion-held",
          AccountState.PENDING_DELETION,
          reason + "; held by the deletion guard",
          now);
      LOG.log(
          Level.WARNING,
          "Tenant {0}: deletion guard holds the deletion of user {1}; staff approval needed",
          new Object[] {user.getTenantId(), user.getId()});
      return;
    }
    transition(user, actor, "deleted", AccountState.DELETED, reason, now);
    events.add(event(user, EventTypes.ACCOUNT_DELETED, reason));
  }

  /** The SCIM record is purged (DELETE /Users or retention). */
  public void purged(
      UserEntity user, Actor actor, String reason, long now, List<ChangeEvent> events) {
    if (AccountState.DELETED != user.getAccountState()) {
      record(user, actor, "deleted", user.getAccountState(), AccountState.DELETED, reason, now);
      events.add(event(user, EventTypes.ACCOUNT_DELETED, reason));
    }
    record(user, actor, "purged", AccountState.DELETED, null, reason, now);
    events.add(event(user, EventTypes.ACCOUNT_PURGED, reason));
  }

  /** Pending deletions of a tenant, oldest first. */
  @Transactional
  public List<PendingDeletion> pending(String tenantId, int limit) {
    return em.createQuery(
            "SELECT u FROM UserEntity u WHERE u.tenantId = :tenantId AND u.accountState = :state"
                + " ORDER BY u.accountStateAt, u.id",
            UserEntity.class)
        .setParameter("tenantId", tenantId)
        .setParameter("state", AccountState.PENDING_DELETION)
        .setMaxResults(limit)
        .getResultStream()
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
    em.find(TenantEntity.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    var query =
        em.createQuery(
            "SELECT u FROM UserEntity u WHERE u.tenantId = :tenantId AND u.accountState = :state"
                + (userIds == null ? "" : " AND u.id IN :ids"),
            UserEntity.class);
    query.setParameter("tenantId", tenantId).setParameter("state", AccountState.PENDING_DELETION);
    if (userIds != null) {
      if (userIds.isEmpty()) {
        return 0;
      }
      query.setParameter("ids", userIds);
    }
    long now = System.currentTimeMillis();
    List<ChangeEvent> events = new ArrayList<>();
    int n = 0;
    for (UserEntity user : query.getResultList()) {
      if (approve) {
        transition(
            user, staff, "deletion-approved", AccountState.DELETED, "approved by staff", now);
        events.add(event(user, EventTypes.ACCOUNT_DELETED, "deletion approved by staff"));
      } else {
        transition(
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

  private boolean holdDeletion(String tenantId, long now) {
    TenantEntity tenant = em.find(TenantEntity.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    int window =
        tenant.getGuardWindowMinutes() != null
            ? tenant.getGuardWindowMinutes()
            : config.guardWindowMinutes();
    if (window <= 0) {
      return false;
    }
    if (countInState(tenantId, AccountState.PENDING_DELETION, 1) > 0) {
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
    long active = countInState(tenantId, AccountState.ACTIVE, needed);
    return GuardRule.trips(deletions, active + deleted, percent, minCount);
  }

  /**
   * Users of the tenant in a state, counted up to {@code upTo} (the guard needs to know only
   * whether there are at least that many; an index range of the tenant's users in that state, read
   * no further), without waiting for other transactions' row locks (Derby: {@code WITH UR};
   * PostgreSQL reads never wait): the caller holds the tenant row, and a writer holding a user row
   * may be waiting for it, so a locking count deadlocked. The guard is a threshold; a count that
   * includes other transactions' uncommitted changes serves it as well.
   */
  private long countInState(String tenantId, AccountState state, long upTo) {
    Connection c = em.unwrap(Connection.class);
    try {
      boolean derby = Dialect.of(c) == Dialect.DERBY;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT 1 FROM scim_user WHERE tenant_id = ? AND account_state = ?"
                  + (derby ? " WITH UR" : ""))) {
        ps.setString(1, tenantId);
        ps.setString(2, state.name());
        ps.setMaxRows((int) Math.min(upTo, Integer.MAX_VALUE));
        ps.setFetchSize((int) Math.min(upTo, 1000));
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            n++;
          }
        }
        return n;
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not count users of tenant " + tenantId, e);
    }
  }

  private void transition(
      UserEntity user, Actor actor, String action, AccountState to, String reason, long now) {
    AccountState from = user.getAccountState();
    user.setAccountState(to, reason, now);
    record(user, actor, action, from, to, reason, now);
  }

  private void record(
      UserEntity user,
      Actor actor,
      String action,
      AccountState from,
      AccountState to,
      String reason,
      long now) {
    audit.record(
        user.getTenantId(),
        user.getId(),
        user.getUserName(),
        actor,
        action,
        from == null ? null : from.name(),
        to == null ? null : to.name(),
        reason,
        now);
  }

  static ChangeEvent event(UserEntity user, String type, String reason) {
    JsonObjectBuilder data = JSON.createObjectBuilder().add("userName", user.getUserName());
    if (user.getExternalId() != null) {
      data.add("externalId", user.getExternalId());
    }
    if (reason != null) {
      data.add("reason", reason);
    }
    return new ChangeEvent(user.getTenantId(), type, "User", user.getId(), data.build());
  }
}
