package co.softdrive.scim.audit;

import java.time.Instant;

/**
 * The record a deleted group leaves: its name, when, by whom, how many members it had and the
 * tenant's group policy at the time; its members are kept beside it ({@link GroupDeletions}).
 */
public record GroupDeletion(
    String id,
    String tenantId,
    String groupId,
    String displayName,
    Instant deletedAt,
    String actorType,
    String actorId,
    long memberCount,
    String policy) {

  /**
   * A member at deletion time and what became of the account.
   *
   * @param state the account state now; null when the user's record was purged since
   * @param stateAt when the account reached that state, null when purged
   */
  public record Member(String userId, String userName, String state, Instant stateAt) {
    /** Whether the account changed state after the group's deletion (Entra's deactivations). */
    public boolean changedAfter(Instant deletedAt) {
      return stateAt == null || !stateAt.isBefore(deletedAt);
    }
  }
}
