package co.softdrive.scim.protocol.patch.entra;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Microsoft's gallery test clears every optional attribute with an empty string (then a null), and
 * Microsoft's reference server clears a single-valued attribute on {@code remove} whether or not
 * the operation carries a value.
 *
 * <pre>
 * Entra:  {"op":"replace","path":"title","value":""}
 *         {"op":"Remove","path":"title","value":"Engineer"}
 * RFC:    {"op":"remove","path":"title"}
 * </pre>
 *
 * When disabled, {@code ""} is stored as an empty string and {@code remove} with a value on a
 * single-valued attribute is {@code invalidSyntax}. ({@code null} always clears: RFC 7643 §2.5
 * treats it as unassigned.)
 *
 * <p>Source: docs/entra.md#q10-clearing-values; AzureAD/SCIMReferenceCode SCIM_Null_Update_Test and
 * Core2EnterpriseUserExtensions.cs. Flag: {@value #FLAG}.
 */
public final class ClearingValues {
  public static final String FLAG = "scim.entra.clearing-values.enabled";

  private ClearingValues() {}

  /** Whether {@code value} means "no value": JSON null always, {@code ""} when enabled. */
  public static boolean clears(JsonValue value, boolean enabled) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return true;
    }
    return enabled && value instanceof JsonString s && s.getString().isEmpty();
  }
}
