package co.softdrive.scim.inspection;

import java.time.Instant;
import java.util.List;

/**
 * A user as support inspects it: indexed fields, every attribute as stored (pretty JSON:
 * normalized, without a password Entra may have sent, without a manager that is not a user of the
 * tenant), its groups, and its account state. The account-state history is the audit trail, which
 * the user page reads apart ({@code console.UserPage}).
 */
public record UserDetail(
    String id,
    String userName,
    String displayName,
    String externalId,
    boolean active,
    String accountState,
    Instant accountStateAt,
    Instant createdAt,
    Instant lastModified,
    long version,
    String attributesJson,
    List<GroupRef> groups) {
  /** A group the user belongs to. */
  public record GroupRef(String id, String displayName) {}
}
