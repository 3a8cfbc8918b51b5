package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's groups ({@code scim_group}), in the caller's transaction. Memberships in bulk are
 * {@link MembershipRepository}'s, the record a deleted group leaves {@link DeletedGroups}'. The
 * groups returned are managed: changes to them are written at the next {@link #write} or at commit.
 *
 * <p>A displayName is unique per tenant by its {@link NameKey}: {@link #nameTaken} answers the
 * usual case before the write, the unique index on the key decides ({@link #insert}, {@link
 * #rename}), so that of two concurrent requests for one name only one succeeds.
 */
@ApplicationScoped
public class Groups {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject MembershipRepository memberships;

  /** The group, if the tenant has it. */
  public Optional<GroupEntity> find(TenantId tenant, String id) {
    return em.createNamedQuery("GroupEntity.find", GroupEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /**
   * The group, if the tenant has it, locked ({@code PESSIMISTIC_WRITE}) until the transaction ends,
   * so that concurrent writes of one group serialise and none is lost.
   */
  public Optional<GroupEntity> lock(TenantId tenant, String id) {
    return em.createNamedQuery("GroupEntity.find", GroupEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * Whether another group of the tenant holds the key of {@code displayName}. A name whose key
   * {@code group} already holds is not checked again, so that a look-alike duplicate that migration
   * V10 kept stays updatable.
   */
  public boolean nameTaken(TenantId tenant, GroupEntity group, String displayName) {
    String key = NameKey.of(displayName);
    return !key.equals(group.getDisplayNameKey())
        && em.createNamedQuery("GroupEntity.countByDisplayNameKey", Long.class)
                .setParameter("tenantId", tenant.value())
                .setParameter("key", key)
                .setParameter("exceptId", group.getId())
                .getSingleResult()
            > 0;
  }

  /**
   * Inserts a new group and writes it at once, so that the unique index judges its displayName:
   * false when the database refused it (another group of that name committed first); the caller's
   * transaction must then roll back.
   */
  public boolean insert(GroupEntity group) {
    em.persist(group);
    return written();
  }

  /**
   * Writes a group whose displayName changed at once, so that the unique index judges the new name:
   * false as for {@link #insert}.
   */
  public boolean rename(GroupEntity group) {
    return written();
  }

  /**
   * Writes the transaction's pending changes now (its groups' among them), so that a changed
   * group's version, its ETag, is the one the answer shows.
   */
  public void write() {
    em.flush();
  }

  /** Deletes the group and its memberships, the memberships first (foreign keys never cascade). */
  public void delete(TenantId tenant, GroupEntity group) {
    memberships.deleteAll(tenant, group.getId());
    em.remove(group);
  }

  /**
   * The members of the group who belong to no other group of the tenant, each locked ({@code
   * PESSIMISTIC_WRITE}, by primary key, in the order read) until the transaction ends: those a
   * deletion of the group leaves without any group. A user gone meanwhile is left out.
   */
  public List<UserEntity> soleMembersForUpdate(TenantId tenant, String groupId) {
    List<String> ids =
        em.createQuery(
                "SELECT m.userId FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
                    + " AND m.groupId = :groupId AND NOT EXISTS (SELECT o FROM GroupMemberEntity o"
                    + " WHERE o.tenantId = m.tenantId AND o.userId = m.userId"
                    + " AND o.groupId <> m.groupId)",
                String.class)
            .setParameter("tenantId", tenant.value())
            .setParameter("groupId", groupId)
            .getResultList();
    List<UserEntity> users = new ArrayList<>();
    for (String userId : ids) {
      em.createNamedQuery("UserEntity.find", UserEntity.class)
          .setParameter("tenantId", tenant.value())
          .setParameter("id", userId)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultStream()
          .findFirst()
          .ifPresent(users::add);
    }
    return users;
  }

  private boolean written() {
    try {
      em.flush();
      return true;
    } catch (PersistenceException e) {
      return false;
    }
  }
}
