package co.softdrive.scim.inspection;

import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A tenant's groups and their members for the console, paged in the database. */
@ApplicationScoped
@QuietClientErrors
public class GroupDirectory {
  static final Map<String, String> SORTS =
      Map.of(
          "displayName", "g.displayNameCi",
          "members", "g.memberCount",
          "lastModified", "g.lastModified");

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** A group's header for its detail page. */
  public record GroupDetail(
      String id,
      String displayName,
      String externalId,
      long members,
      Instant createdAt,
      Instant lastModified,
      String attributesJson) {}

  @Transactional
  public long count(String tenantId, String search) {
    return em.createQuery(
            "SELECT COUNT(g) FROM GroupEntity g WHERE g.tenantId = :t"
                + " AND g.displayNameCi LIKE :q ESCAPE '!'",
            Long.class)
        .setParameter("t", tenantId)
        .setParameter("q", Patterns.startsWith(search))
        .getSingleResult();
  }

  @Transactional
  public List<GroupRow> page(String tenantId, String search, Slice slice) {
    String order =
        SORTS.getOrDefault(String.valueOf(slice.sortField()), "g.displayNameCi")
            + (slice.ascending() ? " ASC" : " DESC");
    return em.createQuery(
            "SELECT g FROM GroupEntity g WHERE g.tenantId = :t"
                + " AND g.displayNameCi LIKE :q ESCAPE '!' ORDER BY "
                + order
                + ", g.id",
            GroupEntity.class)
        .setParameter("t", tenantId)
        .setParameter("q", Patterns.startsWith(search))
        .setFirstResult(slice.offset())
        .setMaxResults(slice.limit())
        .getResultStream()
        .map(
            g ->
                new GroupRow(
                    g.getId(),
                    g.getDisplayName(),
                    g.getExternalId(),
                    g.getMemberCount(),
                    Instant.ofEpochMilli(g.getLastModified())))
        .toList();
  }

  @Transactional
  public GroupDetail get(String tenantId, String groupId) {
    GroupEntity g =
        em.createNamedQuery("GroupEntity.find", GroupEntity.class)
            .setParameter("tenantId", tenantId)
            .setParameter("id", groupId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> ScimErrors.notFound("Group " + groupId + " not found"));
    return new GroupDetail(
        g.getId(),
        g.getDisplayName(),
        g.getExternalId(),
        g.getMemberCount(),
        Instant.ofEpochMilli(g.getCreatedAt()),
        Instant.ofEpochMilli(g.getLastModified()),
        UserDirectory.pretty(ScimJson.parseStored(g.getAttributes())));
  }

  @Transactional
  public long countMembers(String tenantId, String groupId) {
    return em.createNamedQuery("GroupMemberEntity.count", Long.class)
        .setParameter("tenantId", tenantId)
        .setParameter("groupId", groupId)
        .getSingleResult();
  }

  /** One page of members, ordered by userName. */
  @Transactional
  public List<MemberRow> members(String tenantId, String groupId, Slice slice) {
    return em.createQuery(
            "SELECT u.id, u.userName, u.active, u.accountState FROM GroupMemberEntity m, UserEntity u"
                + " WHERE m.tenantId = :t AND m.groupId = :g AND u.tenantId = m.tenantId"
                + " AND u.id = m.userId ORDER BY u.userNameCi, u.id",
            Object[].class)
        .setParameter("t", tenantId)
        .setParameter("g", groupId)
        .setFirstResult(slice.offset())
        .setMaxResults(slice.limit())
        .getResultStream()
        .map(
            r ->
                new MemberRow(
                    (String) r[0], (String) r[1], (Boolean) r[2], ((AccountState) r[3]).name()))
        .toList();
  }
}
