package co.softdrive.scim.lifecycle;

import static co.softdrive.scim.lifecycle.AccountTransitions.event;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Softdrive's lifecycle rules on Entra's wire (docs/entra.md#lifecycle): the account state that
 * follows a user's SCIM {@code active} flag (a deactivation deletes the account and leaves a
 * tombstone, a re-activation restores it, a purge ends both), with the audit entry and change-feed
 * event of every transition ({@link AccountTransitions}). A deletion the mass-deletion guard holds
 * ({@link DeletionGuard}) leaves the account in {@link AccountState#PENDING_DELETION}: Entra gets
 * its normal answer and sees {@code active:false}, but no account is deleted and no deletion event
 * is emitted until staff approve. All methods run in the caller's transaction.
 */
@ApplicationScoped
public class AccountLifecycle {
  private static final Logger LOG = Logger.getLogger(AccountLifecycle.class.getName());

  @Inject DeletionGuard guard;
  @Inject AccountTransitions transitions;

  /** A new SCIM user: it has an account only when created active. */
  public void created(UserEntity user, Actor actor, long now, List<ChangeEvent> events) {
    if (user.isActive()) {
      user.setAccountState(AccountState.ACTIVE, "created by provisioning", now);
      transitions.record(
          user, actor, "created", null, AccountState.ACTIVE, "created by provisioning", now);
      events.add(event(user, EventTypes.ACCOUNT_CREATED, null));
    } else {
      user.setAccountState(AccountState.DELETED, "created inactive", now);
      transitions.record(
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
      guard.lock(user.getTenantId());
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
        transitions.transition(
            user, actor, "restored", AccountState.ACTIVE, "active=true from provisioning", now);
        events.add(event(user, EventTypes.ACCOUNT_RESTORED, null));
      } else if (AccountState.PENDING_DELETION == state) {
        transitions.transition(
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
    if (guard.holds(user.getTenantId(), now)) {
      transitions.transition(
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
    transitions.transition(user, actor, "deleted", AccountState.DELETED, reason, now);
    events.add(event(user, EventTypes.ACCOUNT_DELETED, reason));
  }

  /** The SCIM record is purged (DELETE /Users or retention). */
  public void purged(
      UserEntity user, Actor actor, String reason, long now, List<ChangeEvent> events) {
    if (AccountState.DELETED != user.getAccountState()) {
      transitions.record(
          user, actor, "deleted", user.getAccountState(), AccountState.DELETED, reason, now);
      events.add(event(user, EventTypes.ACCOUNT_DELETED, reason));
    }
    transitions.record(user, actor, "purged", AccountState.DELETED, null, reason, now);
    events.add(event(user, EventTypes.ACCOUNT_PURGED, reason));
  }
}
