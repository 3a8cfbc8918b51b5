package co.softdrive.scim.lifecycle;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.protocol.json.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject AccountLifecycle lifecycle;

  /** The tenant's policy: {@link #CASCADE} or {@link #FOLLOW_ENTRA}. */
  public String of(String tenantId) {
    TenantEntity tenant = em.find(TenantEntity.class, tenantId);
    return tenant != null && CASCADE.equals(tenant.getGroupPolicy()) ? CASCADE : FOLLOW_ENTRA;
  }

  /**
   * Called in the deleting transaction, before the group's memberships are removed; returns how
   * many members it deactivated (policy cascade).
   */
  public int beforeGroupDeleted(GroupEntity group, Actor actor, List<ChangeEvent> events) {
    TenantEntity tenant = em.find(TenantEntity.class, group.getTenantId());
    if (tenant == null || !CASCADE.equals(tenant.getGroupPolicy())) {
      return 0;
    }
    List<String> onlyHere =
        em.createQuery(
                "SELECT m.userId FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
                    + " AND m.groupId = :groupId AND NOT EXISTS (SELECT o FROM GroupMemberEntity o"
                    + " WHERE o.tenantId = m.tenantId AND o.userId = m.userId AND o.groupId <> m.groupId)",
                String.class)
            .setParameter("tenantId", group.getTenantId())
            .setParameter("groupId", group.getId())
            .getResultList();
    long now = System.currentTimeMillis();
    int deactivated = 0;
    for (String userId : onlyHere) {
      UserEntity user =
          em.createNamedQuery("UserEntity.find", UserEntity.class)
              .setParameter("tenantId", group.getTenantId())
              .setParameter("id", userId)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getSingleResult();
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
