package co.softdrive.scim.protocol.schema;

import jakarta.json.JsonValue;

/**
 * Rewrites a client's non-standard value into the RFC form before it is type-checked, for example
 * the string {@code "False"} into {@code false} for a boolean attribute. The Entra workarounds in
 * {@code protocol.patch.entra} implement this; {@link ValueCoercer} applies them to every attribute
 * and sub-attribute value of POST, PUT and PATCH bodies, so both paths accept the same forms.
 *
 * <p>A rewrite returns its input unchanged when it does not apply, and {@link JsonValue#NULL} to
 * mean "no value" (for example a manager sent as {@code ""}).
 */
@FunctionalInterface
public interface ValueRewrite {
  /**
   * @param attribute the attribute (or sub-attribute) the value is for
   * @param value the value as sent: for a multi-valued attribute an array or a single element
   */
  JsonValue rewrite(AttributeDef attribute, JsonValue value);
}
