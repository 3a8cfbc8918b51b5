package co.softdrive.scim.lifecycle;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.UserValueRepository;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.transaction.QuietClientErrors;
import co.softdrive.scim.transaction.RetryDeadlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes a user's SCIM record with everything that points to it: its memberships, its indexed
 * e-mails and values, and the row, with the account's audit entries and change events ({@link
 * AccountLifecycle#purged}). Both {@code DELETE /Users/{id}} (provisioning) and the {@link
 * TombstonePurge} go through here, so that neither calls the other.
 */
@ApplicationScoped
@QuietClientErrors
@RetryDeadlocks
public class UserPurge {
  private static final Logger LOG = Logger.getLogger(UserPurge.class.getName());

  @Inject Users users;
  @Inject MembershipRepository memberships;
  @Inject UserValueRepository values;
  @Inject AccountLifecycle lifecycle;
  @Inject Outbox outbox;

  /**
   * Purges one tombstone whose retention has passed, in its own transaction; false when it was
   * re-activated or purged meanwhile.
   */
  @Transactional
  public boolean purgeExpiredTombstone(String tenantId, String id, long olderThan, Actor actor) {
    UserEntity user = users.find(TenantId.of(tenantId), id, true).orElse(null);
    if (user == null
        || AccountState.DELETED != user.getAccountState()
        || user.getAccountStateAt() >= olderThan) {
      return false;
    }
    purge(user, actor, "tombstone retention expired");
    return true;
  }

  /** Purges {@code user}, locked by the caller, in the caller's transaction. */
  public void purge(UserEntity user, Actor actor, String reason) {
    String tenantId = user.getTenantId();
    String id = user.getId();
    long now = System.currentTimeMillis();
    List<ChangeEvent> events = new ArrayList<>();
    lifecycle.purged(user, actor, reason, now, events);
    memberships.removeUserEverywhere(TenantId.of(tenantId), id, now);
    values.delete(TenantId.of(tenantId), id);
    users.delete(TenantId.of(tenantId), user);
    outbox.append(events);
    LOG.log(Level.FINE, "Tenant {0}: purged user {1}", new Object[] {tenantId, id});
  }
}
