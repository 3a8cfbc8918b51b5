package co.softdrive.scim.protocol.patch.entra;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.protocol.schema.ValueRewrite;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * With the {@code AppRoleAssignmentsComplex} mapping, Entra puts each app role into {@code roles}
 * as a JSON <em>string</em> holding an object.
 *
 * <pre>
 * Entra:  {"op":"Add","path":"roles","value":[
 *            {"value":"{\"id\":\"06b0..\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]}
 * RFC:    {"op":"add","path":"roles","value":[{"value":"Admin","display":"Admin"}]}
 * </pre>
 *
 * The inner {@code value} becomes {@code value}, the inner {@code displayName} becomes {@code
 * display}; other sub-attributes of the outer object ({@code type}, {@code primary}) are kept. A
 * string that does not parse as a JSON object is left as it is.
 *
 * <p>Source: docs/entra.md#q9-roles-as-json-strings; Captain-P-Goldfish/SCIM-SDK#516. Flag: {@value
 * #FLAG}.
 */
public final class RolesAsJsonStrings implements ValueRewrite {
  public static final String FLAG = "scim.entra.roles-as-json-strings.enabled";

  private static final AttributeDef ROLES = SchemaRegistry.USER.attribute("roles").orElseThrow();

  @Override
  public JsonValue rewrite(AttributeDef attribute, JsonValue value) {
    if (attribute != ROLES) {
      return value;
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder out = JSON.createArrayBuilder();
      array.forEach(e -> out.add(element(e)));
      return out.build();
    }
    return element(value);
  }

  private static JsonValue element(JsonValue e) {
    if (!(e instanceof JsonObject o)) {
      return e;
    }
    for (Map.Entry<String, JsonValue> f : o.entrySet()) {
      if (f.getKey().equalsIgnoreCase("value") && f.getValue() instanceof JsonString s) {
        JsonObject inner = parseObject(s.getString());
        if (inner == null) {
          return e;
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        o.forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("value") && !k.equalsIgnoreCase("display")) {
                out.add(k, v);
              }
            });
        if (inner.get("value") != null) {
          out.add("value", inner.get("value"));
        }
        if (inner.get("displayName") != null) {
          out.add("display", inner.get("displayName"));
        }
        return out.build();
      }
    }
    return e;
  }

  private static JsonObject parseObject(String s) {
    String t = s.trim();
    if (!t.startsWith("{")) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(t))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      // Not only JsonException: JSON-P throws UnsupportedOperationException for a number longer
      // than it takes and NumberFormatException for an exponent out of range. Either way the
      // string is no role object, and stays as it is.
      return null;
    }
  }
}
