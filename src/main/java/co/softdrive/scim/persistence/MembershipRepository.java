package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group memberships in bulk, in the caller's transaction. Adding or removing k members costs
 * O(k) statements' worth of rows whatever the group's size: ids are checked and written in chunks
 * with IN lists and multi-row INSERTs. Chunk sizes come from a few fixed buckets (IN lists are
 * padded by repeating an id) so that the database sees a handful of statement shapes and keeps
 * them compiled.
 */
@ApplicationScoped
public class MembershipRepository {
  /** IN-list and INSERT chunk sizes, largest first. */
  static final int[] BUCKETS = {256, 64, 16, 4, 1};

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** The subset of {@code ids} that are users of this tenant. */
  public Set<String> existingUsers(String tenantId, Collection<String> ids) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : padded(new ArrayList<>(new LinkedHashSet<>(ids)))) {
      found.addAll(
          em.createNamedQuery("UserEntity.existingIds", String.class)
              .setParameter("tenantId", tenantId)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return found;
  }

  /** The subset of {@code ids} already members of the group. */
  public Set<String> existingMembers(String tenantId, String groupId, Collection<String> ids) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : padded(new ArrayList<>(new LinkedHashSet<>(ids)))) {
      found.addAll(
          em.createNamedQuery("GroupMemberEntity.existing", String.class)
              .setParameter("tenantId", tenantId)
              .setParameter("groupId", groupId)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return found;
  }

  /** Inserts memberships that the caller has checked do not exist yet. */
  public void insert(String tenantId, String groupId, List<String> userIds, long now) {
    int i = 0;
    while (i < userIds.size()) {
      int size = bucket(userIds.size() - i);
      StringBuilder sql =
          new StringBuilder("INSERT INTO group_member (tenant_id, group_id, user_id, added_at) VALUES ");
      for (int r = 0; r < size; r++) {
        int p = r * 4;
        sql.append(r == 0 ? "" : ", ")
            .append("(?").append(p + 1).append(", ?").append(p + 2)
            .append(", ?").append(p + 3).append(", ?").append(p + 4).append(')');
      }
      Query q = em.createNativeQuery(sql.toString());
      for (int r = 0; r < size; r++) {
        int p = r * 4;
        q.setParameter(p + 1, tenantId);
        q.setParameter(p + 2, groupId);
        q.setParameter(p + 3, userIds.get(i + r));
        q.setParameter(p + 4, now);
      }
      q.executeUpdate();
      i += size;
    }
  }

  /** Deletes the given memberships; returns the ids that were members. */
  public List<String> delete(String tenantId, String groupId, Collection<String> userIds) {
    Set<String> present = existingMembers(tenantId, groupId, userIds);
    List<String> removed = new ArrayList<>(present);
    for (List<String> chunk : padded(removed)) {
      em.createQuery(
              "DELETE FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
                  + " AND m.groupId = :groupId AND m.userId IN :ids")
          .setParameter("tenantId", tenantId)
          .setParameter("groupId", groupId)
          .setParameter("ids", chunk)
          .executeUpdate();
    }
    return removed;
  }

  /** Deletes every membership of the group; returns how many there were. */
  public int deleteAll(String tenantId, String groupId) {
    return em.createQuery(
            "DELETE FROM GroupMemberEntity m WHERE m.tenantId = :tenantId AND m.groupId = :groupId")
        .setParameter("tenantId", tenantId)
        .setParameter("groupId", groupId)
        .executeUpdate();
  }

  /** One page of member ids in id order, after {@code afterUserId} (keyset paging). */
  public List<String> page(String tenantId, String groupId, String afterUserId, int size) {
    return em.createNamedQuery("GroupMemberEntity.page", String.class)
        .setParameter("tenantId", tenantId)
        .setParameter("groupId", groupId)
        .setParameter("after", afterUserId == null ? "" : afterUserId)
        .setMaxResults(size)
        .getResultList();
  }

  public long count(String tenantId, String groupId) {
    return em.createNamedQuery("GroupMemberEntity.count", Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("groupId", groupId)
        .getSingleResult();
  }

  /** Ids and display names of the groups a user belongs to. */
  public List<Object[]> groupsOf(String tenantId, String userId) {
    return em.createNamedQuery("GroupMemberEntity.groupsOfUser", Object[].class)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * Before a user is purged: lowers the member count of its groups and moves their version, then
   * removes its memberships (the foreign key would cascade, but counts must follow).
   */
  public void removeUserEverywhere(String tenantId, String userId, long now) {
    em.createQuery(
            "UPDATE GroupEntity g SET g.memberCount = g.memberCount - 1, g.lastModified = :now,"
                + " g.version = g.version + 1 WHERE g.tenantId = :tenantId AND g.id IN"
                + " (SELECT m.groupId FROM GroupMemberEntity m WHERE m.tenantId = :tenantId"
                + " AND m.userId = :userId)")
        .setParameter("now", now)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .executeUpdate();
    em.createQuery(
            "DELETE FROM GroupMemberEntity m WHERE m.tenantId = :tenantId AND m.userId = :userId")
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .executeUpdate();
  }

  static int bucket(int remaining) {
    for (int b : BUCKETS) {
      if (remaining >= b) {
        return b;
      }
    }
    return 1;
  }

  /** Splits ids into chunks of bucket sizes; the last chunk is padded by repeating its last id. */
  static List<List<String>> padded(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    int i = 0;
    while (i < ids.size()) {
      int remaining = ids.size() - i;
      int size = remaining >= BUCKETS[0] ? BUCKETS[0] : roundUp(remaining);
      int take = Math.min(size, remaining);
      List<String> chunk = new ArrayList<>(ids.subList(i, i + take));
      while (chunk.size() < size) {
        chunk.add(chunk.get(chunk.size() - 1));
      }
      chunks.add(chunk);
      i += take;
    }
    return chunks;
  }

  private static int roundUp(int n) {
    int best = BUCKETS[0];
    for (int b : BUCKETS) {
      if (b >= n) {
        best = b;
      }
    }
    return best;
  }
}
