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
 * Every form is stored as {@code {"value": id}} only: {@code $ref} is derived from the id and
 * {@code displayName} is read-only.
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
      v = valueOf(o);
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
