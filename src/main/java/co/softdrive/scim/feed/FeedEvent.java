package co.softdrive.scim.feed;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A committed event with its cursor, as consumers read it. */
public record FeedEvent(
    long cursor,
    String tenantId,
    String type,
    String resourceType,
    String resourceId,
    Instant occurredAt,
    JsonObject data) {

  public JsonObject toJson() {
    return JSON.createObjectBuilder()
        .add("cursor", cursor)
        .add("type", type)
        .add("tenantId", tenantId)
        .add("resourceType", resourceType)
        .add("resourceId", resourceId)
        .add("occurredAt", occurredAt.toString())
        .add("data", data)
        .build();
  }
}
