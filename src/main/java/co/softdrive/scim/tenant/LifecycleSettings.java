package co.softdrive.scim.tenant;

import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import java.util.List;

/**
 * A tenant's lifecycle settings: how long tombstones are kept, what a group deletion does to its
 * members, and the deletion-guard thresholds (null = the service default).
 *
 * @param groupPolicy {@code FOLLOW_ENTRA} (members lose access only when Entra deactivates them) or
 *     {@code CASCADE} (deleting a group deletes members who belong to no other group)
 */
public record LifecycleSettings(
    int retentionDays,
    String groupPolicy,
    Integer guardPercent,
    Integer guardMinCount,
    Integer guardWindowMinutes) {
  public static final List<String> GROUP_POLICIES = List.of("FOLLOW_ENTRA", "CASCADE");

  static LifecycleSettings of(TenantEntity t) {
    return new LifecycleSettings(
        t.getRetentionDays(),
        t.getGroupPolicy(),
        t.getGuardPercent(),
        t.getGuardMinCount(),
        t.getGuardWindowMinutes());
  }

  void validate() {
    if (retentionDays < 0 || retentionDays > 3650) {
      throw ScimBadRequest.invalidValue("retention must be 0 to 3650 days");
    }
    if (groupPolicy == null || !GROUP_POLICIES.contains(groupPolicy)) {
      throw ScimBadRequest.invalidValue("group policy must be one of " + GROUP_POLICIES);
    }
    range("guard percentage", guardPercent, 1, 100);
    range("guard minimum count", guardMinCount, 1, 1_000_000);
    range("guard window", guardWindowMinutes, 1, 10_080);
  }

  private static void range(String name, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw ScimBadRequest.invalidValue(name + " must be " + min + " to " + max + " (or empty)");
    }
  }
}
