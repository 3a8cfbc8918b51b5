package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The record a deleted group leaves ({@code group_deletion}) and its members at deletion time with
 * their userNames ({@code group_deletion_member}), in the caller's transaction. An aggregate of its
 * own beside {@link Groups}: it outlives the group and is purged after its own retention.
 */
@ApplicationScoped
public class DeletedGroups {
  /** Width of {@code group_deletion.actor_id}. */
  static final int ACTOR_ID_LENGTH = 100;

  /**
   * Copies a group's members with their userNames, over the group's membership index. Native SQL
   * because JPQL has no INSERT ... SELECT: the members (tens of thousands in a large group) are
   * copied inside the database in one statement and never read into the service.
   */
  static final String COPY_MEMBERS_SQL =
      "INSERT INTO group_deletion_member (tenant_id, deletion_id, user_id, user_name)"
          + " SELECT m.tenant_id, ?, m.user_id, u.user_name FROM group_member m"
          + " JOIN scim_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id"
          + " WHERE m.tenant_id = ? AND m.group_id = ?";

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /**
   * Records the deletion of {@code group} with its members, before its memberships are deleted;
   * returns the record's id. {@code actorId} is cut to its column's width.
   */
  public String record(
      TenantId tenant,
      GroupEntity group,
      String actorType,
      String actorId,
      String policy,
      long now) {
    String id = UUID.randomUUID().toString();
    String actor =
        actorId == null || actorId.length() <= ACTOR_ID_LENGTH
            ? actorId
            : actorId.substring(0, ACTOR_ID_LENGTH);
    em.persist(new GroupDeletionEntity(id, group, now, actorType, actor, policy));
    em.createNativeQuery(COPY_MEMBERS_SQL)
        .setParameter(1, id)
        .setParameter(2, tenant.value())
        .setParameter(3, group.getId())
        .executeUpdate();
    return id;
  }

  /** The tenant's group deletions, newest first, at most {@code limit}. */
  public List<GroupDeletionEntity> recent(TenantId tenant, int limit) {
    return page(tenant, 0, limit);
  }

  /** One page of the tenant's group deletions, newest first. */
  public List<GroupDeletionEntity> page(TenantId tenant, int offset, int limit) {
    return em.createQuery(
            "SELECT d FROM GroupDeletionEntity d WHERE d.tenantId = :tenantId"
                + " ORDER BY d.deletedAt DESC, d.id DESC",
            GroupDeletionEntity.class)
        .setParameter("tenantId", tenant.value())
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(limit)
        .getResultList();
  }

  /** How many group deletions the tenant has recorded. */
  public long count(TenantId tenant) {
    return em.createQuery(
            "SELECT COUNT(d) FROM GroupDeletionEntity d WHERE d.tenantId = :tenantId", Long.class)
        .setParameter("tenantId", tenant.value())
        .getSingleResult();
  }

  /** The newest deletion of the group with this id, if it was deleted. */
  public Optional<GroupDeletionEntity> newestOf(TenantId tenant, String groupId) {
    return em.createQuery(
            "SELECT d FROM GroupDeletionEntity d WHERE d.tenantId = :tenantId"
                + " AND d.groupId = :groupId ORDER BY d.deletedAt DESC, d.id DESC",
            GroupDeletionEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * A member of a deleted group and its account now.
   *
   * @param state the account's state now; null when the user's record was purged since
   * @param stateAt when the account reached that state; null when purged
   */
  public record Member(String userId, String userName, AccountState state, Long stateAt) {}

  /**
   * A page of a deletion's members by user id (keyset: ids after {@code afterUserId}), at most
   * {@code limit}, each with its account's state now: the page from the deletion's key, then the
   * users of the page by primary key (IN lists, the tenant compared on each row found, as {@link
   * Users#existing}).
   */
  public List<Member> members(TenantId tenant, String deletionId, String afterUserId, int limit) {
    List<Object[]> page =
        em.createQuery(
                "SELECT d.userId, d.userName FROM GroupDeletionMemberEntity d"
                    + " WHERE d.tenantId = :tenantId AND d.deletionId = :deletionId"
                    + " AND d.userId > :after ORDER BY d.userId",
                Object[].class)
            .setParameter("tenantId", tenant.value())
            .setParameter("deletionId", deletionId)
            .setParameter("after", afterUserId == null ? "" : afterUserId)
            .setMaxResults(limit)
            .getResultList();
    List<String> ids = new ArrayList<>();
    for (Object[] row : page) {
      ids.add((String) row[0]);
    }
    Map<String, Object[]> users = new HashMap<>();
    for (List<String> chunk : InLists.padded(ids)) {
      for (Object[] row :
          em.createQuery(
                  "SELECT u.id, u.tenantId, u.accountState, u.accountStateAt FROM UserEntity u"
                      + " WHERE u.id IN :ids",
                  Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        if (tenant.value().equals(row[1])) {
          users.put((String) row[0], row);
        }
      }
    }
    List<Member> members = new ArrayList<>();
    for (Object[] row : page) {
      Object[] user = users.get((String) row[0]);
      members.add(
          user == null
              ? new Member((String) row[0], (String) row[1], null, null)
              : new Member(
                  (String) row[0],
                  (String) row[1],
                  (AccountState) user[2],
                  ((Number) user[3]).longValue()));
    }
    return members;
  }

  /**
   * How many of a deletion's members had their account change state at or after {@code deletedAt},
   * or were purged since (no user row of the tenant with an older state).
   */
  public long changedSince(TenantId tenant, String deletionId, long deletedAt) {
    return em.createQuery(
            "SELECT COUNT(d.userId) FROM GroupDeletionMemberEntity d"
                + " WHERE d.tenantId = :tenantId AND d.deletionId = :deletionId"
                + " AND NOT EXISTS (SELECT u.id FROM UserEntity u WHERE u.id = d.userId"
                + " AND u.tenantId = d.tenantId AND u.accountStateAt < :deletedAt)",
            Long.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("deletionId", deletionId)
        .setParameter("deletedAt", deletedAt)
        .getSingleResult();
  }

  /**
   * Deletes up to {@code max} of the tenant's deletion records made before {@code before}, oldest
   * first, with their members; returns how many records went. Reads {@code ix_group_deletion_time}
   * and the members' key.
   */
  public int purgeBefore(TenantId tenant, long before, int max) {
    List<String> ids =
        em.createQuery(
                "SELECT d.id FROM GroupDeletionEntity d WHERE d.tenantId = :tenantId"
                    + " AND d.deletedAt < :before ORDER BY d.deletedAt",
                String.class)
            .setParameter("tenantId", tenant.value())
            .setParameter("before", before)
            .setMaxResults(max)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    em.createQuery(
            "DELETE FROM GroupDeletionMemberEntity m WHERE m.tenantId = :tenantId"
                + " AND m.deletionId IN :ids")
        .setParameter("tenantId", tenant.value())
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery(
            "DELETE FROM GroupDeletionEntity d WHERE d.tenantId = :tenantId AND d.id IN :ids")
        .setParameter("tenantId", tenant.value())
        .setParameter("ids", ids)
        .executeUpdate();
    return ids.size();
  }
}
