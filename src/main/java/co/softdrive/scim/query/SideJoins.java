package co.softdrive.scim.query;

import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code eq} on the value of a side table ({@code emails.value}, a user's {@code groups.value},
 * a group's {@code members.value}) at the top of a filter, as a joined row rather than an {@code
 * EXISTS}: on Derby a subquery is always the inner side, so the query would walk every resource of
 * the tenant; a joined row lets the side table's index drive and the resources be read by primary
 * key, as many as match. One row per resource is joined ({@link
 * ResourceMapping.SideTable#firstBy}), so pages and counts need no DISTINCT.
 */
final class SideJoins {
  private SideJoins() {}

  static Optional<ValueFilters.Joined> joined(FilterTranslator t, Filter f, String alias) {
    if (!(f instanceof Filter.Compare c) || c.op() != CompareOp.EQ) {
      return Optional.empty();
    }
    Optional<ResourceMapping.SideTable> side = t.mapping.sideTable(c.attr());
    String sub = c.attr().hasSubAttribute() ? c.attr().subAttribute().toLowerCase(Locale.ROOT) : "";
    if (side.isEmpty() || side.get().firstBy() == null || !(sub.isEmpty() || sub.equals("value"))) {
      return Optional.empty();
    }
    ResourceMapping.SideTable table = side.get();
    Column column = table.subAttributes().get(sub);
    if (column == null || column.join() != null) {
      return Optional.empty();
    }
    String s = t.nextAlias();
    String where = table.join().formatted(s, alias) + " AND " + t.condition(column, s, f, c.attr());
    if (!table.firstBy().isEmpty()) {
      String w = t.nextAlias();
      String order = table.firstBy();
      where +=
          " AND NOT EXISTS (SELECT "
              + w
              + " FROM "
              + table.entity()
              + " "
              + w
              + " WHERE "
              + table.join().formatted(w, alias)
              + " AND "
              + w
              + "."
              + order
              + " < "
              + s
              + "."
              + order
              + " AND "
              + t.condition(column, w, f, c.attr())
              + ")";
    }
    return Optional.of(new ValueFilters.Joined(", " + table.entity() + " " + s, "(" + where + ")"));
  }
}
