package co.softdrive.scim.protocol.patch.entra;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.protocol.schema.ValueRewrite;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Entra sends the enterprise {@code manager} as a plain id string; older documentation shows a
 * one-element array with {@code $ref}; Microsoft's gallery test clears it with {@code ""}.
 *
 * <pre>
 * Entra:  {"op":"Add","path":"urn:...:enterprise:2.0:User:manager","value":"271"}
 *         {"op":"Add","path":"manager","value":[{"$ref":"http://.../Users/00aa..","value":"00aa.."}]}
 *         {"op":"replace","path":"urn:...:enterprise:2.0:User:manager","value":""}
 * RFC:    {"op":"add","path":"urn:...:enterprise:2.0:User:manager","value":{"value":"271"}}
 *         (and for "": {"op":"remove","path":"urn:...:enterprise:2.0:User:manager"})
 * </pre>
 *
 * A plain string is stored as {@code {"value": id}}; an object (alone or as the one element of an
 * array) is stored as sent, so a client's {@code $ref} round-trips; {@code displayName} is
 * read-only (filled from the manager's own record when the user is returned). An object without a
 * {@code value}, or with {@code ""}, clears the manager.
 *
 * <p>Source: docs/entra.md#q7-manager-as-a-plain-string; Captain-P-Goldfish/SCIM-SDK#541,
 * Captain-P-Goldfish/SCIM-SDK#686; AzureAD/SCIMReferenceCode Logic App SCIMTests_Workflow.json.
 * Flag: {@value #FLAG}.
 */
public final class ManagerShorthand implements ValueRewrite {
  public static final String FLAG = "scim.entra.manager-shorthand.enabled";

  private static final AttributeDef MANAGER =
      SchemaRegistry.ENTERPRISE_USER.attribute("manager").orElseThrow();

  @Override
  public JsonValue rewrite(AttributeDef attribute, JsonValue value) {
    if (attribute != MANAGER) {
      return value;
    }
    JsonValue v = value;
    if (v instanceof JsonArray a && a.size() == 1) {
      v = a.get(0);
    }
    if (v instanceof JsonObject o) {
      JsonValue id = valueOf(o);
      if (id == null || (id instanceof JsonString s && s.getString().isEmpty())) {
        return JsonValue.NULL;
      }
      return o; // kept as sent, $ref included (RFC 7643 §4.3); displayName is dropped as read-only
    }
    if (v instanceof JsonString s) {
      return s.getString().isEmpty()
          ? JsonValue.NULL
          : JSON.createObjectBuilder().add("value", s).build();
    }
    return v == null ? JsonValue.NULL : value;
  }

  private static JsonValue valueOf(JsonObject o) {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase("value")) {
        return e.getValue().getValueType() == JsonValue.ValueType.NULL ? null : e.getValue();
      }
    }
    return null;
  }
}
