package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.schema.AttributeDef;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values of a multi-valued attribute as a PATCH reads and writes them. */
final class Elements {
  private Elements() {}

  static JsonObject withSub(JsonObject object, String sub, JsonValue value) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    object.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(sub)) {
            b.add(k, v);
          }
        });
    if (value != null) {
      b.add(sub, value);
    }
    return b.build();
  }

  static List<JsonValue> of(JsonValue v) {
    return v instanceof JsonArray a ? new ArrayList<>(a) : new ArrayList<>();
  }

  /**
   * Writes the elements back (removing the attribute when none are left). When a touched element is
   * {@code primary: true}, every other element's {@code primary} becomes false (RFC 7643 §2.4).
   */
  static void put(
      Limits limits,
      Map<String, JsonValue> target,
      String name,
      List<JsonValue> elements,
      List<Integer> touched) {
    if (elements.isEmpty()) {
      target.remove(name);
      return;
    }
    if (elements.size() > limits.attributeValues()) {
      throw ScimBadRequest.invalidValue(
          "attribute '" + name + "' would have more than " + limits.attributeValues() + " values");
    }
    int primary = -1;
    for (int i : touched) {
      if (isPrimary(elements.get(i))) {
        primary = i;
      }
    }
    JsonArrayBuilder out = JSON.createArrayBuilder();
    for (int i = 0; i < elements.size(); i++) {
      JsonValue e = elements.get(i);
      if (primary >= 0 && i != primary && isPrimary(e)) {
        e = JSON.createObjectBuilder(e.asJsonObject()).add("primary", false).build();
      }
      out.add(e);
    }
    target.put(name, out.build());
  }

  private static boolean isPrimary(JsonValue e) {
    return e instanceof JsonObject o
        && o.get("primary") != null
        && o.get("primary").getValueType() == ValueType.TRUE;
  }

  /** Whether every sub-attribute of {@code given} equals the element's (case rules per schema). */
  static boolean describes(AttributeDef def, JsonValue given, JsonValue element) {
    if (!(given instanceof JsonObject g) || !(element instanceof JsonObject e)) {
      return given.equals(element);
    }
    for (Map.Entry<String, JsonValue> f : g.entrySet()) {
      JsonValue actual = e.get(f.getKey());
      boolean caseExact = def.subAttribute(f.getKey()).map(AttributeDef::caseExact).orElse(false);
      if (actual instanceof JsonString a && f.getValue() instanceof JsonString x) {
        if (caseExact
            ? !a.getString().equals(x.getString())
            : !a.getString().equalsIgnoreCase(x.getString())) {
          return false;
        }
      } else if (!f.getValue().equals(actual)) {
        return false;
      }
    }
    return true;
  }

  /** The value as an object, or {@code invalidValue} naming where it was expected. */
  static JsonObject objectValue(JsonValue value, String where) {
    if (!(value instanceof JsonObject o)) {
      throw ScimBadRequest.invalidValue("the value for '" + where + "' must be an object");
    }
    return o;
  }
}
