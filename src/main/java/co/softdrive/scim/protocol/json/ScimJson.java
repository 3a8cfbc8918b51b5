package co.softdrive.scim.protocol.json;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

/** SCIM JSON of stored resources: id first, then attributes, then {@code meta} (RFC 7643 §3.1). */
public final class ScimJson {
  private ScimJson() {}

  public static JsonObject parseStored(String json) {
    try (JsonReader r = JSON.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  /**
   * The full resource. {@code location} is the resource's absolute URL.
   *
   * @param extra additional attributes (e.g. a group's members) or null
   */
  public static JsonObject render(ResourceView view, String location, JsonObject extra) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    JsonValue schemas = view.attributes().get("schemas");
    if (schemas != null) {
      b.add("schemas", schemas);
    }
    b.add("id", view.id());
    for (Map.Entry<String, JsonValue> e : view.attributes().entrySet()) {
      if (!e.getKey().equals("schemas")) {
        b.add(e.getKey(), e.getValue());
      }
    }
    if (view.groups() != null && !view.groups().isEmpty()) {
      b.add("groups", view.groups());
    }
    if (extra != null) {
      extra.forEach(b::add);
    }
    b.add("meta", meta(view, location));
    return b.build();
  }

  public static JsonObject meta(ResourceView view, String location) {
    return JSON.createObjectBuilder()
        .add("resourceType", view.resourceType())
        .add("created", Instant.ofEpochMilli(view.created()).toString())
        .add("lastModified", Instant.ofEpochMilli(view.lastModified()).toString())
        .add("location", location)
        .add("version", view.etag())
        .build();
  }
}
