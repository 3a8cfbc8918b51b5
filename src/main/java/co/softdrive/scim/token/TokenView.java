package co.softdrive.scim.token;

import co.softdrive.scim.persistence.TokenEntity;
import java.time.Instant;

/** What lists and the console show of a token: never the secret or its hash. */
public record TokenView(
    String id,
    String tenantId,
    String serviceAccount,
    String prefix,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    String status) {

  static TokenView of(TokenEntity t, long now) {
    String status =
        t.getRevokedAt() != null
            ? "revoked"
            : (t.getExpiresAt() != null && t.getExpiresAt() <= now ? "expired" : "active");
    return new TokenView(
        t.getId(),
        t.getTenantId(),
        t.getServiceAccount(),
        t.getDisplayPrefix(),
        t.getCreatedBy(),
        Instant.ofEpochMilli(t.getCreatedAt()),
        instant(t.getExpiresAt()),
        instant(t.getRevokedAt()),
        t.getRevokedBy(),
        instant(t.getLastUsedAt()),
        status);
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
