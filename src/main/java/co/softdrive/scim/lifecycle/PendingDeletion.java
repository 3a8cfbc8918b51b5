package co.softdrive.scim.lifecycle;

import java.time.Instant;

/** A deletion held by the guard, awaiting staff. */
public record PendingDeletion(String userId, String userName, Instant since) {}
