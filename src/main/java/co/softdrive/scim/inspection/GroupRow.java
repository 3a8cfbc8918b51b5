package co.softdrive.scim.inspection;

import java.time.Instant;

/** One line of a tenant's group list. */
public record GroupRow(
    String id, String displayName, String externalId, long members, Instant lastModified) {}
