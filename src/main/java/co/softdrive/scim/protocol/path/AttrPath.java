package co.softdrive.scim.protocol.path;

import java.util.Locale;
import java.util.Objects;

/**
 * An attribute reference as RFC 7644 §3.4.2.2 writes it: {@code [URI ":"] ATTRNAME *1subAttr}.
 *
 * <p>{@code schema} is the schema URN when the reference was URN-qualified (for example {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} in {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}), else {@code null}.
 * Names keep the case they were written in; compare them with {@link #matches}. Attribute names are
 * case-insensitive (RFC 7643 §2.1).
 *
 * @param schema URN of the schema, or null when not qualified
 * @param attribute top-level attribute name, never null
 * @param subAttribute sub-attribute name, or null
 */
public record AttrPath(String schema, String attribute, String subAttribute) {
  public AttrPath {
    Objects.requireNonNull(attribute, "attribute");
  }

  public static AttrPath of(String attribute) {
    return new AttrPath(null, attribute, null);
  }

  public static AttrPath of(String attribute, String subAttribute) {
    return new AttrPath(null, attribute, subAttribute);
  }

  public boolean hasSubAttribute() {
    return subAttribute != null;
  }

  /** This path without its sub-attribute. */
  public AttrPath parent() {
    return new AttrPath(schema, attribute, null);
  }

  /** Case-insensitive comparison of attribute and sub-attribute names (schema ignored). */
  public boolean matches(String attr, String sub) {
    return attribute.equalsIgnoreCase(attr)
        && (sub == null ? subAttribute == null : sub.equalsIgnoreCase(subAttribute));
  }

  /** Lower-case dotted form without schema, e.g. {@code name.familyname}: handy as a map key. */
  public String key() {
    String a = attribute.toLowerCase(Locale.ROOT);
    return subAttribute == null ? a : a + "." + subAttribute.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    String s = schema == null ? attribute : schema + ":" + attribute;
    return subAttribute == null ? s : s + "." + subAttribute;
  }
}
