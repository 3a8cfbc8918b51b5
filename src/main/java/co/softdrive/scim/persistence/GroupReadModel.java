package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's groups as the console lists and shows them (read only, in the caller's transaction):
 * search by the start of the display name, sort, page and members, all in the database on indexes
 * that start with {@code tenant_id}.
 */
@ApplicationScoped
public class GroupReadModel {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** What a group list can be sorted by; ties go by id. */
  public enum Sort {
    DISPLAY_NAME("g.displayNameCi"),
    MEMBERS("g.memberCount"),
    LAST_MODIFIED("g.lastModified");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  /** One member of a group: the user's id, userName, active flag and account state. */
  public record Member(String id, String userName, boolean active, AccountState accountState) {}

  /** Groups whose display name starts with {@code search}, case-insensitively (blank: all). */
  public long count(TenantId tenant, String search) {
    return em.createQuery(
            "SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :t"
                + " AND g.displayNameCi LIKE :q ESCAPE '!'",
            Long.class)
        .setParameter("t", tenant.value())
        .setParameter("q", Like.startsWith(search))
        .getSingleResult();
  }

  /** One page of the groups {@link #count} counts. */
  public List<GroupEntity> page(
      TenantId tenant, String search, Sort sort, boolean ascending, int offset, int limit) {
    return em.createQuery(
            "SELECT g FROM GroupEntity g WHERE g.tenantId = :t"
                + " AND g.displayNameCi LIKE :q ESCAPE '!' ORDER BY "
                + sort.path
                + (ascending ? " ASC" : " DESC")
                + ", g.id",
            GroupEntity.class)
        .setParameter("t", tenant.value())
        .setParameter("q", Like.startsWith(search))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The tenant's group with this id, if it is the tenant's. */
  public Optional<GroupEntity> find(TenantId tenant, String groupId) {
    return em.createNamedQuery("GroupEntity.find", GroupEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", groupId)
        .getResultStream()
        .findFirst();
  }

  /** How many members the group has (its memberships, counted). */
  public long countMembers(TenantId tenant, String groupId) {
    return em.createNamedQuery("GroupMemberEntity.count", Long.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("groupId", groupId)
        .getSingleResult();
  }

  /** One page of the group's members, by userName. */
  public List<Member> members(TenantId tenant, String groupId, int offset, int limit) {
    return em.createQuery(
            "SELECT u.id, u.userName, u.active, u.accountState FROM GroupMemberEntity m, UserEntity u"
                + " WHERE m.tenantId = :t AND m.groupId = :g AND u.tenantId = m.tenantId"
                + " AND u.id = m.userId ORDER BY u.userNameCi, u.id",
            Object[].class)
        .setParameter("t", tenant.value())
        .setParameter("g", groupId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(r -> new Member((String) r[0], (String) r[1], (Boolean) r[2], (AccountState) r[3]))
        .toList();
  }
}
