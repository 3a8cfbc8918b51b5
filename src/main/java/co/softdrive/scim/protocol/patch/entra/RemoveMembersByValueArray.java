package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.schema.MemberValues;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Without the {@code aadOptscim062020} flag Entra removes group members with a {@code value} array
 * on the plain {@code members} path, which RFC 7644 §3.5.2.2 does not define (there, {@code remove}
 * has no value and {@code path: members} means "remove all").
 *
 * <pre>
 * Entra:  {"op":"Remove","path":"members","value":[{"value":"2392066"}]}
 * RFC:    {"op":"remove","path":"members[value eq \"2392066\"]"}
 * </pre>
 *
 * Exactly the listed members are removed; ids that are not members are a silent no-op. The engine
 * applies the same reading to other multi-valued attributes ({@code remove emails} with a value
 * array removes the matching elements). When disabled, such an operation fails with {@code
 * invalidSyntax} rather than emptying the group.
 *
 * <p>Source: docs/entra.md#q3-remove-members-by-value-array; Captain-P-Goldfish/SCIM-SDK#149,
 * Captain-P-Goldfish/SCIM-SDK#167, apache/directory-scimple#436. Flag: {@value #FLAG}.
 */
public final class RemoveMembersByValueArray {
  public static final String FLAG = "scim.entra.remove-members-by-value-array.enabled";

  private RemoveMembersByValueArray() {}

  /** The member ids listed in the operation's value; more than {@code max} is invalidValue. */
  public static List<String> ids(JsonValue value, int max) {
    return MemberValues.of(value, "members", max);
  }
}
