package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * With the {@code aadOptscim062020} flag Entra removes one member per operation with a value
 * filter. Members are not held in the resource JSON, so the filter cannot be evaluated in memory;
 * it is turned into the list of ids it names.
 *
 * <pre>
 * Entra:  {"op":"remove","path":"members[value eq \"7f4bc1a3-285e-48ae-8202-5accb43efb0e\"]"}
 * RFC:    the same; we apply it as "remove member 7f4bc1a3-..." (never "remove all")
 * </pre>
 *
 * Supported filters: {@code value eq "id"} and {@code or} of such clauses; anything else is {@code
 * invalidPath}. When disabled, every filtered {@code members} path is {@code invalidPath}.
 *
 * <p>Source: docs/entra.md#q4-remove-a-member-by-value-filter; msaad00/agent-bom#3533,
 * SimpleIdServer/SimpleIdServer#164. Flag: {@value #FLAG}.
 */
public final class FilteredMemberRemove {
  public static final String FLAG = "scim.entra.filtered-member-remove.enabled";

  private FilteredMemberRemove() {}

  /** The ids named by {@code value eq "id" [or value eq "id2" ...]}. */
  public static List<String> ids(Filter filter) {
    Set<String> ids = new LinkedHashSet<>();
    collect(filter, ids);
    return new ArrayList<>(ids);
  }

  private static void collect(Filter filter, Set<String> ids) {
    if (filter instanceof Filter.Or or) {
      collect(or.left(), ids);
      collect(or.right(), ids);
      return;
    }
    if (filter instanceof Filter.Compare c
        && c.op() == CompareOp.EQ
        && c.attr().schema() == null
        && c.attr().matches("value", null)
        && c.value() instanceof JsonString s) {
      ids.add(s.getString());
      return;
    }
    throw ScimBadRequest.invalidPath(
        "a members filter may only compare 'value' with 'eq' (joined by 'or')");
  }
}
