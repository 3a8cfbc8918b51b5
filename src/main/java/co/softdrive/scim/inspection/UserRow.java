package co.softdrive.scim.inspection;

import java.time.Instant;

/** One line of a tenant's user list. Texts are as Entra sent them: render them escaped. */
public record UserRow(
    String id,
    String userName,
    String displayName,
    String externalId,
    boolean active,
    String accountState,
    Instant accountStateAt,
    Instant lastModified) {}
