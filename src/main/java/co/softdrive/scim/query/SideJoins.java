package co.softdrive.scim.query;

import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code eq} at the top of a filter on a side table ({@code emails.value}, a user's {@code
 * groups.value} and {@code groups.display}, a group's {@code members.value} and {@code
 * members.display}) as joined rows rather than an {@code EXISTS} ({@link Joined}). One row per
 * resource is joined ({@link ResourceMapping.SideTable#firstBy}), so pages and counts need no
 * DISTINCT.
 */
final class SideJoins {
  private SideJoins() {}

  static Optional<Joined> joined(FilterTranslator t, Filter f, String alias) {
    if (!(f instanceof Filter.Compare c)
        || c.op() != CompareOp.EQ
        || c.value().getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    Optional<ResourceMapping.SideTable> side = t.mapping.sideTable(c.attr());
    String sub = c.attr().hasSubAttribute() ? c.attr().subAttribute().toLowerCase(Locale.ROOT) : "";
    if (side.isEmpty() || side.get().firstBy() == null) {
      return Optional.empty();
    }
    ResourceMapping.SideTable table = side.get();
    Column column = table.subAttributes().get(sub);
    if (column == null || column.isConstant()) {
      return Optional.empty();
    }
    if (column.join() != null) {
      return Optional.of(referenced(t, table, column, c, alias));
    }
    if (!(sub.isEmpty() || sub.equals("value"))) {
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
    return Optional.of(new Joined(", " + table.entity() + " " + s, "(" + where + ")"));
  }

  /**
   * {@code groups.display eq} / {@code members.display eq}: the named group (or users) found
   * through its index, then the memberships by key, then the resource by primary key. Names may
   * repeat (users' display names; look-alike group names kept by migration V10), so a resource in
   * several of them is joined through the one with the lowest id only.
   */
  private static Joined referenced(
      FilterTranslator t,
      ResourceMapping.SideTable table,
      Column column,
      Filter.Compare c,
      String alias) {
    Column.Join ref = column.join();
    String j = t.nextAlias();
    String s = t.nextAlias();
    String where = rows(t, table, ref, column, c, j, s, alias);
    String m = t.nextAlias();
    String k = t.nextAlias();
    // The earlier match starts from the resource's own memberships (by key) and reads each one's
    // group or user by primary key; the membership's foreign key carries the tenant. With a tenant
    // test on k, Derby hashed every group of the tenant instead.
    where +=
        " AND NOT EXISTS (SELECT "
            + m
            + " FROM "
            + table.entity()
            + " "
            + m
            + ", "
            + ref.entity()
            + " "
            + k
            + " WHERE "
            + table.join().formatted(m, alias)
            + " AND "
            + k
            + ".id = "
            + m
            + "."
            + ref.reference()
            + " AND "
            + t.test(column, k, c, c.attr())
            + " AND "
            + k
            + ".id < "
            + j
            + ".id)";
    return new Joined(
        ", " + ref.entity() + " " + j + ", " + table.entity() + " " + s, "(" + where + ")");
  }

  /**
   * The referenced row {@code j} passes the test and side row {@code s} ties it to the resource.
   */
  private static String rows(
      FilterTranslator t,
      ResourceMapping.SideTable table,
      Column.Join ref,
      Column column,
      Filter.Compare c,
      String j,
      String s,
      String alias) {
    return j
        + ".tenantId = "
        + alias
        + ".tenantId AND "
        + t.test(column, j, c, c.attr())
        + " AND "
        + table.join().formatted(s, alias)
        + " AND "
        + s
        + "."
        + ref.reference()
        + " = "
        + j
        + ".id";
  }
}
