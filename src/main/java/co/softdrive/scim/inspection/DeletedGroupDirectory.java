package co.softdrive.scim.inspection;

import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.persistence.GroupDeletionReadModel;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The records a tenant's deleted groups left, for the admin API: the deletions newest first, and
 * one group's record with its members at deletion time and what became of their accounts.
 */
@ApplicationScoped
@QuietClientErrors
public class DeletedGroupDirectory {
  @Inject GroupDeletionReadModel deletions;

  /**
   * A deleted group's record with one page of its members.
   *
   * @param affected members whose account changed state at or after the deletion, or was purged
   * @param nextAfter the {@code after} of the next page of members, null on the last
   */
  public record Detail(
      GroupDeletion deletion,
      long affected,
      List<GroupDeletion.Member> members,
      String nextAfter) {}

  @Transactional
  public long count(String tenantId) {
    return TenantIds.of(tenantId).map(deletions::count).orElse(0L);
  }

  /** One page of the tenant's group deletions, newest first. */
  @Transactional
  public List<GroupDeletion> page(String tenantId, int offset, int limit) {
    return TenantIds.of(tenantId)
        .map(t -> deletions.page(t, offset, limit))
        .orElse(List.of())
        .stream()
        .map(d -> deletion(tenantId, d))
        .toList();
  }

  /**
   * The newest deletion of the group with this id and up to {@code limit} of its members after
   * {@code afterUserId} (by user id); 404 when the tenant deleted no such group.
   */
  @Transactional
  public Detail get(String tenantId, String groupId, String afterUserId, int limit) {
    TenantId tenant =
        TenantIds.of(tenantId)
            .orElseThrow(() -> ScimErrors.notFound("No deleted group " + groupId));
    GroupDeletionReadModel.Deletion d =
        deletions
            .ofGroup(tenant, groupId)
            .orElseThrow(() -> ScimErrors.notFound("No deleted group " + groupId));
    List<GroupDeletion.Member> members =
        deletions.members(tenant, d.id(), afterUserId, limit + 1).stream()
            .map(
                m ->
                    new GroupDeletion.Member(
                        m.userId(),
                        m.userName(),
                        m.accountState(),
                        m.accountStateAt() == null
                            ? null
                            : Instant.ofEpochMilli(m.accountStateAt())))
            .toList();
    boolean more = members.size() > limit;
    List<GroupDeletion.Member> page = more ? members.subList(0, limit) : members;
    return new Detail(
        deletion(tenantId, d),
        deletions.affected(tenant, d.id(), d.deletedAt()),
        page,
        more ? page.get(limit - 1).userId() : null);
  }

  private static GroupDeletion deletion(String tenantId, GroupDeletionReadModel.Deletion d) {
    return new GroupDeletion(
        d.id(),
        tenantId,
        d.groupId(),
        d.displayName(),
        Instant.ofEpochMilli(d.deletedAt()),
        d.actorType(),
        d.actorId(),
        d.memberCount(),
        d.policy());
  }
}
