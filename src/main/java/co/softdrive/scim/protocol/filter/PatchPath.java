package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.path.AttrPath;
import java.util.Objects;

/**
 * A PATCH {@code path} (RFC 7644 §3.5.2): {@code attrPath / valuePath [subAttr]}.
 *
 * <ul>
 *   <li>{@code name.familyName}: attr = name.familyName, no filter, no element sub-attribute
 *   <li>{@code emails[type eq "work"]}: attr = emails, filter, no element sub-attribute
 *   <li>{@code emails[type eq "work"].value}: attr = emails, filter, elementSubAttribute = value
 *   <li>{@code urn:...:enterprise:2.0:User:manager}: attr with schema
 * </ul>
 *
 * @param attr the attribute (with sub-attribute when there is no filter)
 * @param valueFilter filter on the elements of a multi-valued attribute, or null
 * @param elementSubAttribute sub-attribute after the filter ({@code .value}), or null
 */
public record PatchPath(AttrPath attr, Filter valueFilter, String elementSubAttribute) {
  public PatchPath {
    Objects.requireNonNull(attr);
    if (elementSubAttribute != null && valueFilter == null) {
      throw new IllegalArgumentException("elementSubAttribute needs a valueFilter");
    }
  }

  public static PatchPath of(AttrPath attr) {
    return new PatchPath(attr, null, null);
  }

  public boolean hasFilter() {
    return valueFilter != null;
  }
}
