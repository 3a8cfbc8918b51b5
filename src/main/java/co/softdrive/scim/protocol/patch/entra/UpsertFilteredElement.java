package co.softdrive.scim.protocol.patch.entra;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * Entra maps Entra attributes onto filtered paths and expects {@code add}/{@code replace} to create
 * the element when none matches (RFC 7644 would answer {@code noTarget}). Several operations on the
 * same filtered element then update that one element: operations apply in order, so the second
 * finds the element the first created.
 *
 * <pre>
 * Entra:  {"op":"Replace","path":"emails[type eq \"work\"].value","value":"x@y.com"}   (no work email yet)
 * RFC:    {"op":"add","path":"emails","value":[{"type":"work","value":"x@y.com"}]}
 *
 * Entra:  {"op":"Add","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"},
 *         {"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Springfield"}
 * RFC:    {"op":"add","path":"addresses","value":[{"type":"work","streetAddress":"1 Main St",
 *                                                  "locality":"Springfield"}]}
 * </pre>
 *
 * The new element is seeded from the filter's {@code eq} clauses (joined by {@code and}); a filter
 * of any other shape still answers {@code noTarget}. When disabled, a filter that matches nothing
 * answers {@code noTarget}.
 *
 * <p>Source: docs/entra.md#q8-filtered-path-creates-the-element, and why we depart from the RFC:
 * docs/decisions.md#a-filtered-replace-that-matches-nothing-adds-the-element;
 * Captain-P-Goldfish/SCIM-SDK#416, Captain-P-Goldfish/SCIM-SDK#680, ssoready/ssoready#228. Flag:
 * {@value #FLAG}.
 */
public final class UpsertFilteredElement {
  public static final String FLAG = "scim.entra.upsert-filtered-element.enabled";

  private UpsertFilteredElement() {}

  /** The element a filter describes, e.g. {@code {"type":"work"}}; empty for other filters. */
  public static Optional<JsonObject> seed(Filter filter) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    return collect(filter, b) ? Optional.of(b.build()) : Optional.empty();
  }

  private static boolean collect(Filter filter, JsonObjectBuilder b) {
    if (filter instanceof Filter.And and) {
      return collect(and.left(), b) && collect(and.right(), b);
    }
    if (filter instanceof Filter.Compare c
        && c.op() == CompareOp.EQ
        && c.attr().schema() == null
        && c.attr().subAttribute() == null
        && c.value().getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
      b.add(c.attr().attribute(), c.value());
      return true;
    }
    return false;
  }
}
