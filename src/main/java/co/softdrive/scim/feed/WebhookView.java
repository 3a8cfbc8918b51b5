package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.WebhookEndpointEntity;
import java.time.Instant;

/**
 * A webhook endpoint and its delivery state, without the secret, and without a user name or
 * password in the URL.
 */
public record WebhookView(
    String id,
    String tenantId,
    String url,
    boolean enabled,
    String createdBy,
    Instant createdAt,
    long deliveredThroughCursor,
    int failedAttempts,
    Instant nextAttemptAt,
    String lastError,
    Instant lastSuccessAt) {

  static WebhookView of(WebhookEndpointEntity w) {
    return new WebhookView(
        w.getId(),
        w.getTenantId(),
        WebhookUrl.withoutUserInfo(w.getUrl()),
        w.isEnabled(),
        w.getCreatedBy(),
        Instant.ofEpochMilli(w.getCreatedAt()),
        w.getLastSeq(),
        w.getAttempts(),
        Instant.ofEpochMilli(w.getNextAttemptAt()),
        w.getLastError(),
        w.getLastSuccessAt() == null ? null : Instant.ofEpochMilli(w.getLastSuccessAt()));
  }
}
