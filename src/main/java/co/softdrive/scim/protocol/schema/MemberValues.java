package co.softdrive.scim.protocol.schema;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the ids out of a Group {@code members} value (RFC 7643 §4.2): an array of {@code {"value":
 * id, "$ref": ..., "display": ..., "type": ...}} objects. Only {@code value} matters; {@code
 * "$ref": null}, which Entra sends (docs/entra.md#q13-null-ref-in-member-values), is an unassigned
 * attribute (RFC 7643 §2.5) and ignored like every other sub-attribute. A single object instead of
 * an array is accepted.
 */
public final class MemberValues {
  private MemberValues() {}

  /**
   * The ids in the order sent, duplicates removed; empty for null or {@code []}.
   *
   * @param max most elements accepted ({@code Limits.valuesPerOperation()}); more is {@code
   *     invalidValue}
   */
  public static List<String> of(JsonValue value, String where, int max) {
    if (value == null || value.getValueType() == ValueType.NULL) {
      return List.of();
    }
    List<JsonValue> elements = value instanceof JsonArray a ? a : List.of(value);
    if (elements.size() > max) {
      throw ScimBadRequest.invalidValue("'" + where + "' has more than " + max + " values");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonValue e : elements) {
      if (!(e instanceof JsonObject o)) {
        throw ScimBadRequest.invalidValue(
            "each element of '" + where + "' must be an object with a 'value'");
      }
      JsonValue id = field(o, "value");
      if (!(id instanceof JsonString s) || s.getString().isBlank()) {
        throw ScimBadRequest.invalidValue(
            "each element of '" + where + "' needs a string 'value' (the member id)");
      }
      ids.add(s.getString());
    }
    return new ArrayList<>(ids);
  }

  private static JsonValue field(JsonObject o, String name) {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
