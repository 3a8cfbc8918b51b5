package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The records deleted groups left ({@code group_deletion}, {@code group_deletion_member}) as the
 * admin API reads them (read only, in the caller's transaction). The tables have no entity, so the
 * reads are SQL through the entity manager; each starts with {@code tenant_id} and reads an index
 * that starts with it ({@code ix_group_deletion_time}, {@code ix_group_deletion_group}, the
 * members' key).
 */
@ApplicationScoped
public class GroupDeletionReadModel {
  static final String COLUMNS =
      "SELECT id, group_id, display_name, deleted_at, actor_type, actor_id, member_count, policy"
          + " FROM group_deletion";

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** A deleted group's record; {@code deletedAt} in epoch millis. */
  public record Deletion(
      String id,
      String groupId,
      String displayName,
      long deletedAt,
      String actorType,
      String actorId,
      long memberCount,
      String policy) {}

  /**
   * A member at deletion time with its account's state now ({@code accountState} and {@code
   * accountStateAt} null when the user's record was purged since).
   */
  public record Member(String userId, String userName, String accountState, Long accountStateAt) {}

  /** How many group deletions the tenant has recorded. */
  public long count(TenantId tenant) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM group_deletion WHERE tenant_id = ?1")
                .setParameter(1, tenant.value())
                .getSingleResult())
        .longValue();
  }

  /** One page of the tenant's group deletions, newest first. */
  public List<Deletion> page(TenantId tenant, int offset, int limit) {
    return deletions(
        em.createNativeQuery(
                COLUMNS
                    + " WHERE tenant_id = ?1 ORDER BY deleted_at DESC, id DESC OFFSET "
                    + Math.max(0, offset)
                    + " ROWS FETCH NEXT "
                    + Math.max(1, Math.min(500, limit))
                    + " ROWS ONLY")
            .setParameter(1, tenant.value())
            .getResultList());
  }

  /** The newest deletion of the group with this id, if the tenant deleted such a group. */
  public Optional<Deletion> ofGroup(TenantId tenant, String groupId) {
    return deletions(
            em.createNativeQuery(
                    COLUMNS
                        + " WHERE tenant_id = ?1 AND group_id = ?2"
                        + " ORDER BY deleted_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, tenant.value())
                .setParameter(2, groupId)
                .getResultList())
        .stream()
        .findFirst();
  }

  /**
   * A page of a deletion's members by user id (keyset: ids after {@code afterUserId}), each with
   * its account's state now.
   */
  public List<Member> members(TenantId tenant, String deletionId, String afterUserId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT d.user_id, d.user_name, u.account_state, u.account_state_at"
                    + " FROM group_deletion_member d LEFT JOIN scim_user u"
                    + " ON u.tenant_id = d.tenant_id AND u.id = d.user_id"
                    + " WHERE d.tenant_id = ?1 AND d.deletion_id = ?2 AND d.user_id > ?3"
                    + " ORDER BY d.user_id FETCH FIRST "
                    + Math.max(1, Math.min(500, limit))
                    + " ROWS ONLY")
            .setParameter(1, tenant.value())
            .setParameter(2, deletionId)
            .setParameter(3, afterUserId == null ? "" : afterUserId)
            .getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new Member(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  r[3] == null ? null : ((Number) r[3]).longValue());
            })
        .toList();
  }

  /**
   * How many of a deletion's members had their account change state at or after {@code deletedAt},
   * or were purged since.
   */
  public long affected(TenantId tenant, String deletionId, long deletedAt) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM group_deletion_member d LEFT JOIN scim_user u"
                        + " ON u.tenant_id = d.tenant_id AND u.id = d.user_id"
                        + " WHERE d.tenant_id = ?1 AND d.deletion_id = ?2"
                        + " AND (u.id IS NULL OR u.account_state_at >= ?3)")
                .setParameter(1, tenant.value())
                .setParameter(2, deletionId)
                .setParameter(3, deletedAt)
                .getSingleResult())
        .longValue();
  }

  private static List<Deletion> deletions(List<?> rows) {
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new Deletion(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  ((Number) r[3]).longValue(),
                  (String) r[4],
                  (String) r[5],
                  ((Number) r[6]).longValue(),
                  (String) r[7]);
            })
        .toList();
  }
}
