package co.softdrive.scim.lifecycle;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.persistence.DeletedGroups;
import co.softdrive.scim.persistence.GroupDeletionEntity;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deleted groups keep a record ({@code group_deletion}) and their members at deletion time with
 * their userNames ({@code group_deletion_member}, copied in the database in the deleting
 * transaction, before the memberships go; {@link DeletedGroups}). Support reads which accounts the
 * deletion touched and what became of them since: Entra deactivates the members who thereby lose
 * access in its following requests. Records older than the activity log's retention are purged
 * ({@link GroupDeletionPurgeJob}).
 */
@ApplicationScoped
@QuietClientErrors
public class GroupDeletions {
  /** The most records or members one read returns. */
  static final int MAX_READ = 500;

  @Inject DeletedGroups records;
  @Inject Tenants tenants;

  /** Records the deletion of {@code group} (locked by the caller) in the caller's transaction. */
  public void record(GroupEntity group, Actor actor, String policy, long now) {
    records.record(TenantId.of(group.getTenantId()), group, actor.type(), actor.id(), policy, now);
  }

  /** The tenant's group deletions, newest first. */
  @Transactional
  public List<GroupDeletion> recent(String tenantId, int limit) {
    return records.recent(TenantId.of(tenantId), bounded(limit)).stream()
        .map(GroupDeletions::deletion)
        .toList();
  }

  /** One page of the tenant's group deletions, newest first (the admin API's list). */
  @Transactional
  public List<GroupDeletion> page(String tenantId, int offset, int limit) {
    return records.page(TenantId.of(tenantId), offset, bounded(limit)).stream()
        .map(GroupDeletions::deletion)
        .toList();
  }

  /** How many group deletions the tenant has recorded. */
  @Transactional
  public long count(String tenantId) {
    return records.count(TenantId.of(tenantId));
  }

  /** The newest deletion of the group with this id, if it was deleted. */
  @Transactional
  public Optional<GroupDeletion> ofGroup(String tenantId, String groupId) {
    return records.newestOf(TenantId.of(tenantId), groupId).map(GroupDeletions::deletion);
  }

  /**
   * A page of the deleted group's members by id (keyset: ids after {@code afterUserId}), each with
   * its account's state now.
   */
  @Transactional
  public List<GroupDeletion.Member> members(
      String tenantId, String deletionId, String afterUserId, int limit) {
    return records.members(TenantId.of(tenantId), deletionId, afterUserId, bounded(limit)).stream()
        .map(
            m ->
                new GroupDeletion.Member(
                    m.userId(),
                    m.userName(),
                    m.state() == null ? null : m.state().name(),
                    m.stateAt() == null ? null : Instant.ofEpochMilli(m.stateAt())))
        .toList();
  }

  /**
   * How many of the deleted group's members had their account change state at or after the
   * deletion, or were purged since: what the deletion or Entra's following deactivations affected.
   */
  @Transactional
  public long affected(String tenantId, GroupDeletion deletion) {
    return records.changedSince(
        TenantId.of(tenantId), deletion.id(), deletion.deletedAt().toEpochMilli());
  }

  /** Every tenant's id, for the retention purge. */
  @Transactional
  public List<String> tenantIds() {
    return tenants.list().stream().map(TenantEntity::getId).toList();
  }

  /**
   * Purges, in a transaction of its own, up to {@code max} of the tenant's records made before
   * {@code before}, oldest first, with their members; returns how many records went.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(String tenantId, long before, int max) {
    return records.purgeBefore(TenantId.of(tenantId), before, max);
  }

  private static int bounded(int limit) {
    return Math.max(1, Math.min(MAX_READ, limit));
  }

  private static GroupDeletion deletion(GroupDeletionEntity d) {
    return new GroupDeletion(
        d.getId(),
        d.getTenantId(),
        d.getGroupId(),
        d.getDisplayName(),
        Instant.ofEpochMilli(d.getDeletedAt()),
        d.getActorType(),
        d.getActorId(),
        d.getMemberCount(),
        d.getPolicy());
  }
}
