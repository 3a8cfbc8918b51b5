package co.softdrive.scim.lifecycle;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.Groups;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.protocol.json.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What deleting a group means for its members, per tenant.
 *
 * <ul>
 *   <li>{@link #FOLLOW_ENTRA} (default): only the group goes. Entra itself sends {@code
 *       active=false} for each member who thereby loses access; members still assigned another way
 *       keep their accounts (docs/decisions.md#group-deletion-policy).
 *   <li>{@link #CASCADE}: for customers who assign only groups: members who belong to no other
 *       group of the tenant are deactivated as if Entra had sent {@code active=false} (the deletion
 *       guard applies).
 * </ul>
 */
@ApplicationScoped
public class GroupPolicy {
  private static final Logger LOG = Logger.getLogger(GroupPolicy.class.getName());
  public static final String FOLLOW_ENTRA = "FOLLOW_ENTRA";
  public static final String CASCADE = "CASCADE";

  @Inject Tenants tenants;
  @Inject Groups groups;
  @Inject AccountLifecycle lifecycle;

  /** The tenant's policy: {@link #CASCADE} or {@link #FOLLOW_ENTRA}. */
  public String of(String tenantId) {
    return tenants
            .find(TenantId.of(tenantId))
            .filter(tenant -> CASCADE.equals(tenant.getGroupPolicy()))
            .isPresent()
        ? CASCADE
        : FOLLOW_ENTRA;
  }

  /**
   * Called in the deleting transaction, before the group's memberships are removed; returns how
   * many members it deactivated (policy cascade). The members left without a group are locked
   * before any of them is deactivated (which locks the tenant's row): user rows first, then the
   * tenant's, as every deactivation does.
   */
  public int beforeGroupDeleted(GroupEntity group, Actor actor, List<ChangeEvent> events) {
    if (!CASCADE.equals(of(group.getTenantId()))) {
      return 0;
    }
    List<UserEntity> onlyHere =
        groups.soleMembersForUpdate(TenantId.of(group.getTenantId()), group.getId());
    long now = System.currentTimeMillis();
    int deactivated = 0;
    for (UserEntity user : onlyHere) {
      if (!user.isActive()) {
        continue;
      }
      user.setActive(false);
      user.setAttributes(
          JSON.createObjectBuilder(ScimJson.parseStored(user.getAttributes()))
              .add("active", false)
              .build()
              .toString(),
          now);
      if (AccountState.ACTIVE == user.getAccountState()) {
        lifecycle.deactivate(
            user,
            actor,
            "group " + group.getDisplayName() + " deleted (policy cascade)",
            now,
            events);
      }
      deactivated++;
    }
    LOG.log(
        Level.INFO,
        "Tenant {0}: group {1} deleted with policy cascade; {2} member(s) without another group deactivated",
        new Object[] {group.getTenantId(), group.getId(), deactivated});
    return deactivated;
  }
}
