package co.softdrive.scim.protocol.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * A stored SCIM resource ready to be rendered: its canonical attributes plus server-managed values.
 *
 * @param id server-assigned id
 * @param resourceType "User" or "Group"
 * @param attributes canonical attributes as stored (including {@code schemas})
 * @param created creation time, epoch ms
 * @param lastModified last modification, epoch ms
 * @param version optimistic version, used as the ETag
 * @param groups for a user: its groups ({@code [{value, display, $ref-less}]}), or null when not
 *     loaded
 */
public record ResourceView(
    String id,
    String resourceType,
    JsonObject attributes,
    long created,
    long lastModified,
    long version,
    JsonArray groups) {

  public String etag() {
    return "W/\"" + version + "\"";
  }
}
