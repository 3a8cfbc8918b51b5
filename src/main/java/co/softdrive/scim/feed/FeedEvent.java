package co.softdrive.scim.feed;

import jakarta.json.Json;
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
    return Json.createObjectBuilder()
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
