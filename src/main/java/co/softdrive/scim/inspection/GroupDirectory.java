package co.softdrive.scim.inspection;

import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.GroupReadModel;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A tenant's groups and their members for the console, paged in the database. */
@ApplicationScoped
@QuietClientErrors
public class GroupDirectory {
  static final Map<String, GroupReadModel.Sort> SORTS =
      Map.of(
          "displayName", GroupReadModel.Sort.DISPLAY_NAME,
          "members", GroupReadModel.Sort.MEMBERS,
          "lastModified", GroupReadModel.Sort.LAST_MODIFIED);

  @Inject GroupReadModel groups;

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
    return TenantIds.of(tenantId).map(t -> groups.count(t, search)).orElse(0L);
  }

  @Transactional
  public List<GroupRow> page(String tenantId, String search, Slice slice) {
    GroupReadModel.Sort sort =
        SORTS.getOrDefault(String.valueOf(slice.sortField()), GroupReadModel.Sort.DISPLAY_NAME);
    return TenantIds.of(tenantId)
        .map(t -> groups.page(t, search, sort, slice.ascending(), slice.offset(), slice.limit()))
        .orElse(List.of())
        .stream()
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
        TenantIds.of(tenantId)
            .flatMap(t -> groups.find(t, groupId))
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
    return TenantIds.of(tenantId).map(t -> groups.countMembers(t, groupId)).orElse(0L);
  }

  /** One page of members, ordered by userName. */
  @Transactional
  public List<MemberRow> members(String tenantId, String groupId, Slice slice) {
    return TenantIds.of(tenantId)
        .map(t -> groups.members(t, groupId, slice.offset(), slice.limit()))
        .orElse(List.of())
        .stream()
        .map(m -> new MemberRow(m.id(), m.userName(), m.active(), m.accountState().name()))
        .toList();
  }
}
