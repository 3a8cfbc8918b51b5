package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group memberships in bulk, in the caller's transaction. Adding or removing k members costs O(k)
 * statements' worth of rows whatever the group's size: ids are checked and written in chunks with
 * IN lists and multi-row INSERTs of a few fixed sizes ({@link InLists}), so that the database sees
 * a handful of statement shapes and keeps them compiled.
 *
 * <p>Every statement on {@code group_member} is here, with the one Derby-specific probe ({@link
 * #existingMembers}).
 */
@ApplicationScoped
public class MembershipRepository {
  /** A user's groups (id, display name) by display name, then id. */
  private static final Comparator<Object[]> BY_DISPLAY_NAME =
      Comparator.<Object[], String>comparing(row -> (String) row[1])
          .thenComparing(row -> (String) row[0]);

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject TxConnections connections;

  /**
   * The subset of {@code ids} already members of the group: one probe of the primary key per id,
   * whatever the group's size. On Derby one statement per id: Derby probes an index once per value
   * of an IN list only when the list is on the index's first column, and with the tenant and group
   * before {@code user_id} it scanned every member of the group and compared each with the list (a
   * batch of 50 added to a group of 10,000 read 10,000 rows; docs/benchmarks.md). PostgreSQL probes
   * the same IN list on the key, one statement per padded chunk.
   */
  public Set<String> existingMembers(TenantId tenant, String groupId, Collection<String> ids) {
    return connections.run(
        "read the members of group " + groupId,
        c -> existingMembers(c, tenant.value(), groupId, new LinkedHashSet<>(ids)));
  }

  static final String MEMBER_PROBE =
      "SELECT user_id FROM group_member WHERE tenant_id = ? AND group_id = ? AND user_id = ?";

  static Set<String> existingMembers(
      Connection c, String tenantId, String groupId, Collection<String> ids) throws SQLException {
    Set<String> found = new HashSet<>();
    if (ids.isEmpty()) {
      return found;
    }
    if (Dialect.of(c) == Dialect.DERBY) {
      try (PreparedStatement ps = c.prepareStatement(MEMBER_PROBE)) {
        ps.setString(1, tenantId);
        ps.setString(2, groupId);
        for (String id : ids) {
          ps.setString(3, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              found.add(id);
            }
          }
        }
      }
      return found;
    }
    for (List<String> chunk : InLists.padded(new ArrayList<>(ids))) {
      String sql =
          "SELECT user_id FROM group_member WHERE tenant_id = ? AND group_id = ? AND user_id IN ("
              + InLists.parameters(chunk.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, tenantId);
        ps.setString(2, groupId);
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(3 + i, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1));
          }
        }
      }
    }
    return found;
  }

  /**
   * Inserts memberships that the caller has checked do not exist yet, with multi-row INSERTs of
   * bucket sizes on the transaction's connection. One statement per chunk, not per row: Derby
   * releases the foreign-key checks' read locks when a statement closes the referenced table, by
   * walking every lock the transaction holds, so row-at-a-time inserts cost O(k²) for k members
   * (docs/benchmarks.md).
   */
  public void insert(TenantId tenant, String groupId, List<String> userIds, long now) {
    Connection c = em.unwrap(Connection.class);
    Map<Integer, PreparedStatement> statements = new HashMap<>();
    try {
      int i = 0;
      while (i < userIds.size()) {
        int size = InLists.bucket(userIds.size() - i);
        PreparedStatement ps = statements.get(size);
        if (ps == null) {
          ps = c.prepareStatement(insertSql(size));
          statements.put(size, ps);
        }
        int p = 1;
        for (String userId : userIds.subList(i, i + size)) {
          ps.setString(p++, tenant.value());
          ps.setString(p++, groupId);
          ps.setString(p++, userId);
          ps.setLong(p++, now);
        }
        ps.executeUpdate();
        i += size;
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not insert memberships", e);
    } finally {
      for (PreparedStatement ps : statements.values()) {
        try {
          ps.close();
        } catch (SQLException e) {
          // the statement dies with the connection anyway
        }
      }
    }
  }

  static String insertSql(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO group_member (tenant_id, group_id, user_id, added_at) VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /** Deletes the given memberships; returns the ids that were members. */
  public List<String> delete(TenantId tenant, String groupId, Collection<String> userIds) {
    String tenantId = tenant.value();
    Set<String> present = existingMembers(tenant, groupId, userIds);
    List<String> removed = new ArrayList<>(present);
    for (List<String> chunk : InLists.padded(removed)) {
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
  public int deleteAll(TenantId tenant, String groupId) {
    return em.createQuery(
            "DELETE FROM GroupMemberEntity m WHERE m.tenantId = :tenantId AND m.groupId = :groupId")
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .executeUpdate();
  }

  /** One page of member ids in id order, after {@code afterUserId} (keyset paging). */
  public List<String> page(TenantId tenant, String groupId, String afterUserId, int size) {
    return em.createNamedQuery("GroupMemberEntity.page", String.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .setParameter("after", afterUserId == null ? "" : afterUserId)
        .setMaxResults(size)
        .getResultList();
  }

  /** A member's id and its {@code displayName} (null when it has none). */
  public record Member(String id, String display) {}

  /**
   * One page of members in id order with their display names: the same keyset read as {@link
   * #page}, joined to each member's user row by primary key in the same query (no query per
   * member).
   */
  public List<Member> pageWithDisplayNames(
      TenantId tenant, String groupId, String afterUserId, int size) {
    return em
        .createNamedQuery("GroupMemberEntity.pageWithDisplayNames", Object[].class)
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .setParameter("after", afterUserId == null ? "" : afterUserId)
        .setMaxResults(size)
        .getResultList()
        .stream()
        .map(row -> new Member((String) row[0], (String) row[1]))
        .toList();
  }

  public long count(TenantId tenant, String groupId) {
    return em.createNamedQuery("GroupMemberEntity.count", Long.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .getSingleResult();
  }

  /**
   * Ids and display names of the groups a user belongs to, by display name. Two reads instead of a
   * join: the user's group ids in id order, then the groups by primary key (IN lists, which the
   * database probes in id order). A join read the group rows in the membership index's order and,
   * on Derby, held one row's lock while it waited for the next: it deadlocked with a concurrent
   * purge, which updates the same groups in id order ({@link #removeUserEverywhere}). Both take
   * group rows in id order now (docs/benchmarks.md#how-the-figures-got-here).
   */
  public List<Object[]> groupsOf(TenantId tenant, String userId) {
    String tenantId = tenant.value();
    List<Object[]> groups = new ArrayList<>();
    for (List<String> chunk : InLists.padded(groupIdsOf(tenantId, userId))) {
      for (Object[] row :
          em.createNamedQuery("GroupEntity.namesOfIds", Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        if (tenantId.equals(row[1])) {
          groups.add(new Object[] {row[0], row[2]});
        }
      }
    }
    groups.sort(BY_DISPLAY_NAME);
    return groups;
  }

  /** The ids of the groups a user belongs to, in id order. */
  private List<String> groupIdsOf(String tenantId, String userId) {
    return em.createNamedQuery("GroupMemberEntity.groupIdsOfUser", String.class)
        .setParameter("tenantId", tenantId)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * Before a user is purged: lowers the member count of its groups and moves their version, then
   * removes its memberships. The groups are read first and updated by id in id order, so that
   * concurrent purges and group deletions lock group rows in the same order (no deadlock), and only
   * this user's groups are locked.
   */
  public void removeUserEverywhere(TenantId tenant, String userId, long now) {
    String tenantId = tenant.value();
    List<String> groupIds = groupIdsOf(tenantId, userId);
    for (String groupId : groupIds) {
      em.createQuery(
              "UPDATE GroupEntity g SET g.memberCount = g.memberCount - 1, g.lastModified = :now,"
                  + " g.version = g.version + 1 WHERE g.tenantId = :tenantId AND g.id = :groupId")
          .setParameter("now", now)
          .setParameter("tenantId", tenantId)
          .setParameter("groupId", groupId)
          .executeUpdate();
    }
    if (!groupIds.isEmpty()) {
      em.createQuery(
              "DELETE FROM GroupMemberEntity m WHERE m.tenantId = :tenantId AND m.userId = :userId")
          .setParameter("tenantId", tenantId)
          .setParameter("userId", userId)
          .executeUpdate();
    }
  }
}
