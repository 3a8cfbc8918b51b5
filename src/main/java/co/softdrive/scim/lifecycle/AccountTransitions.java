package co.softdrive.scim.lifecycle;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.audit.AuditTrail;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

/**
 * What every account transition leaves behind: the new state on the user's row, its entry in the
 * audit trail (who, from which state to which, why) and the change event of it. Shared by the state
 * machine ({@link AccountLifecycle}) and the guard's staff decisions ({@link DeletionGuard}); runs
 * in the caller's transaction, so an entry exists exactly when its change was committed.
 */
@ApplicationScoped
public class AccountTransitions {
  @Inject AuditTrail audit;

  /** Moves the account of {@code user} to {@code to} and records it. */
  public void transition(
      UserEntity user, Actor actor, String action, AccountState to, String reason, long now) {
    AccountState from = user.getAccountState();
    user.setAccountState(to, reason, now);
    record(user, actor, action, from, to, reason, now);
  }

  /** An audit entry for {@code user}: {@code from} or {@code to} null when there was no account. */
  public void record(
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

  /** The change event of an account transition of {@code user}. */
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
