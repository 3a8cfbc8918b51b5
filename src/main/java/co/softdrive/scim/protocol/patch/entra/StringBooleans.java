package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ValueRewrite;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Entra sends booleans as strings, in POST and PATCH, because admins map {@code active} through
 * {@code Switch([IsSoftDeleted], , "False", "True", "True", "False")}.
 *
 * <pre>
 * Entra:  {"op":"Replace","path":"active","value":"False"}      POST {"active":"True", ...}
 *         {"op":"replace","value":{"active":"false"}}
 * RFC:    {"op":"replace","path":"active","value":false}        POST {"active":true, ...}
 * </pre>
 *
 * Any case of {@code true}/{@code false} is accepted for any boolean attribute or sub-attribute
 * ({@code emails[].primary} too); other strings are left alone and fail type checking with {@code
 * invalidValue}.
 *
 * <p>Source: docs/entra.md#q2-booleans-as-strings; AzureAD/SCIMReferenceCode#21. Flag: {@value
 * #FLAG}.
 */
public final class StringBooleans implements ValueRewrite {
  public static final String FLAG = "scim.entra.string-booleans.enabled";

  @Override
  public JsonValue rewrite(AttributeDef attribute, JsonValue value) {
    if (attribute.type() != AttributeDef.Type.BOOLEAN || !(value instanceof JsonString s)) {
      return value;
    }
    return parse(s.getString()).map(b -> b ? JsonValue.TRUE : JsonValue.FALSE).orElse(value);
  }

  /** {@code true}/{@code false} in any case, else empty. */
  public static Optional<Boolean> parse(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    if (s.equalsIgnoreCase("false")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }
}
