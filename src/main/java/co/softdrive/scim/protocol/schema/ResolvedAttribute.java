package co.softdrive.scim.protocol.schema;

import java.util.Objects;

/**
 * An attribute reference resolved against a resource type: the schema it belongs to (null for the
 * common attributes {@code id}, {@code externalId}, {@code meta}), its definition and, for {@code
 * name.givenName}-style references, the sub-attribute.
 *
 * @param schema owning schema, or null for a common attribute (RFC 7643 §3.1)
 * @param attribute the top-level attribute
 * @param subAttribute the sub-attribute, or null
 */
public record ResolvedAttribute(
    SchemaDef schema, AttributeDef attribute, AttributeDef subAttribute) {
  public ResolvedAttribute {
    Objects.requireNonNull(attribute);
  }

  /** The definition the reference ends at: the sub-attribute when there is one. */
  public AttributeDef target() {
    return subAttribute == null ? attribute : subAttribute;
  }
}
