package co.softdrive.scim.inspection;

import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.lifecycle.GroupDeletions;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The records a tenant's deleted groups left, for the admin API: the deletions newest first, and
 * one group's record with its members at deletion time and what became of their accounts.
 */
@ApplicationScoped
@QuietClientErrors
public class DeletedGroupDirectory {
  @Inject GroupDeletions deletions;

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
    return TenantIds.of(tenantId).map(t -> deletions.count(tenantId)).orElse(0L);
  }

  /** One page of the tenant's group deletions, newest first. */
  @Transactional
  public List<GroupDeletion> page(String tenantId, int offset, int limit) {
    return TenantIds.of(tenantId)
        .map(t -> deletions.page(tenantId, offset, limit))
        .orElse(List.of());
  }

  /**
   * The newest deletion of the group with this id and up to {@code limit} of its members after
   * {@code afterUserId} (by user id); 404 when the tenant deleted no such group.
   */
  @Transactional
  public Detail get(String tenantId, String groupId, String afterUserId, int limit) {
    GroupDeletion d =
        TenantIds.of(tenantId)
            .flatMap(t -> deletions.ofGroup(tenantId, groupId))
            .orElseThrow(() -> ScimErrors.notFound("No deleted group " + groupId));
    List<GroupDeletion.Member> members =
        deletions.members(tenantId, d.id(), afterUserId, limit + 1);
    boolean more = members.size() > limit;
    List<GroupDeletion.Member> page = more ? members.subList(0, limit) : members;
    return new Detail(
        d, deletions.affected(tenantId, d), page, more ? page.get(limit - 1).userId() : null);
  }
}
