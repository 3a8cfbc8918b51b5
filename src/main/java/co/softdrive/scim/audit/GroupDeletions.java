package co.softdrive.scim.audit;

import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Deleted groups keep a record ({@code group_deletion}) and their members at deletion time with
 * their userNames ({@code group_deletion_member}, copied by one INSERT ... SELECT over the group's
 * membership index, in the deleting transaction, before the memberships go). Support reads which
 * accounts the deletion touched and what became of them since: Entra deactivates the members who
 * thereby lose access in its following requests.
 */
@ApplicationScoped
@QuietClientErrors
public class GroupDeletions {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** Records the deletion of {@code group} (locked by the caller) in the caller's transaction. */
  public void record(GroupEntity group, Actor actor, String policy, long now) {
    String id = UUID.randomUUID().toString();
    Connection c = em.unwrap(Connection.class);
    try {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO group_deletion (id, tenant_id, group_id, display_name, deleted_at,"
                  + " actor_type, actor_id, member_count, policy) VALUES (?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, id);
        ps.setString(2, group.getTenantId());
        ps.setString(3, group.getId());
        ps.setString(4, group.getDisplayName());
        ps.setLong(5, now);
        ps.setString(6, actor.type());
        ps.setString(7, actor.id() == null ? null : cut(actor.id(), 100));
        ps.setInt(8, (int) Math.min(Integer.MAX_VALUE, group.getMemberCount()));
        ps.setString(9, policy);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO group_deletion_member (tenant_id, deletion_id, user_id, user_name)"
                  + " SELECT m.tenant_id, ?, m.user_id, u.user_name FROM group_member m"
                  + " JOIN scim_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id"
                  + " WHERE m.tenant_id = ? AND m.group_id = ?")) {
        ps.setString(1, id);
        ps.setString(2, group.getTenantId());
        ps.setString(3, group.getId());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not record the deletion of group " + group.getId(), e);
    }
  }

  /** The tenant's group deletions, newest first. */
  @Transactional
  public List<GroupDeletion> recent(String tenantId, int limit) {
    return select(
        "WHERE tenant_id = ? ORDER BY deleted_at DESC, id DESC FETCH FIRST "
            + Math.max(1, Math.min(500, limit))
            + " ROWS ONLY",
        tenantId,
        null);
  }

  /** The newest deletion of the group with this id, if it was deleted. */
  @Transactional
  public Optional<GroupDeletion> ofGroup(String tenantId, String groupId) {
    return select(
            "WHERE tenant_id = ? AND group_id = ? ORDER BY deleted_at DESC FETCH FIRST 1 ROWS ONLY",
            tenantId,
            groupId)
        .stream()
        .findFirst();
  }

  /**
   * A page of the deleted group's members by id (keyset: ids after {@code afterUserId}), each with
   * its account's state now.
   */
  @Transactional
  public List<GroupDeletion.Member> members(
      String tenantId, String deletionId, String afterUserId, int limit) {
    String sql =
        "SELECT d.user_id, d.user_name, u.account_state, u.account_state_at"
            + " FROM group_deletion_member d LEFT JOIN scim_user u"
            + " ON u.tenant_id = d.tenant_id AND u.id = d.user_id"
            + " WHERE d.tenant_id = ? AND d.deletion_id = ? AND d.user_id > ?"
            + " ORDER BY d.user_id FETCH FIRST "
            + Math.max(1, Math.min(500, limit))
            + " ROWS ONLY";
    List<GroupDeletion.Member> rows = new ArrayList<>();
    try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement(sql)) {
      ps.setString(1, tenantId);
      ps.setString(2, deletionId);
      ps.setString(3, afterUserId == null ? "" : afterUserId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long at = rs.getLong(4);
          rows.add(
              new GroupDeletion.Member(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.wasNull() ? null : Instant.ofEpochMilli(at)));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read a deleted group's members", e);
    }
    return rows;
  }

  /**
   * How many of the deleted group's members had their account change state at or after the
   * deletion, or were purged since: what the deletion or Entra's following deactivations affected.
   */
  @Transactional
  public long affected(String tenantId, GroupDeletion deletion) {
    try (PreparedStatement ps =
        em.unwrap(Connection.class)
            .prepareStatement(
                "SELECT COUNT(*) FROM group_deletion_member d LEFT JOIN scim_user u"
                    + " ON u.tenant_id = d.tenant_id AND u.id = d.user_id"
                    + " WHERE d.tenant_id = ? AND d.deletion_id = ?"
                    + " AND (u.id IS NULL OR u.account_state_at >= ?)")) {
      ps.setString(1, tenantId);
      ps.setString(2, deletion.id());
      ps.setLong(3, deletion.deletedAt().toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not count a deleted group's affected members", e);
    }
  }

  private List<GroupDeletion> select(String where, String tenantId, String groupId) {
    List<GroupDeletion> rows = new ArrayList<>();
    try (PreparedStatement ps =
        em.unwrap(Connection.class)
            .prepareStatement(
                "SELECT id, tenant_id, group_id, display_name, deleted_at, actor_type, actor_id,"
                    + " member_count, policy FROM group_deletion "
                    + where)) {
      ps.setString(1, tenantId);
      if (groupId != null) {
        ps.setString(2, groupId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new GroupDeletion(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Instant.ofEpochMilli(rs.getLong(5)),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getString(9)));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read group deletions", e);
    }
    return rows;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
