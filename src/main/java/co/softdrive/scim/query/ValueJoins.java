package co.softdrive.scim.query;

import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tests on {@code scim_user_value} at the top of a filter (alone or joined by {@code and}) as
 * joined rows ({@link Joined}): an {@code eq} on a value, and a bracket whose tests are all
 * positive and one of them an {@code eq} on a value. The value index finds the matching entries,
 * the element's other rows are read by primary key, the users by primary key: rows read grow with
 * the matches. The row joined is the user's first matching element (no lower {@code pos} matches),
 * so a user is listed and counted once.
 */
final class ValueJoins {
  private final FilterTranslator t;
  private final ValueFilters values;

  ValueJoins(FilterTranslator translator, ValueFilters values) {
    this.t = translator;
    this.values = values;
  }

  /** {@code f} as a joined row, or empty if it is not an {@code eq} on the table. */
  Optional<Joined> joined(Filter f, String alias) {
    if (!(f instanceof Filter.Compare c) || c.op() != CompareOp.EQ) {
      return Optional.empty();
    }
    Optional<UserValues.Attribute> found = values.attribute(c.attr());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UserValues.Attribute a = found.get();
    AttrPath attr = c.attr();
    if (attr.hasSubAttribute() && a.subAttribute(attr.subAttribute()).isEmpty()) {
      return Optional.empty(); // not in the table: the EXISTS path answers (or explains) it
    }
    String sub = values.sub(a, attr, f);
    String s = t.nextAlias();
    String where =
        ValueFilters.owner(s, alias)
            + " AND "
            + s
            + ".attr = '"
            + a.code()
            + "' AND "
            + s
            + ".sub = '"
            + sub
            + "' AND "
            + values.equal(a, sub, s, c, attr);
    if (a.multiValued()) {
      String w = t.nextAlias();
      where +=
          " AND NOT EXISTS ("
              + ValueFilters.from(w)
              + ValueFilters.earlierElement(w, s)
              + " AND "
              + w
              + ".sub = '"
              + sub
              + "' AND "
              + values.equal(a, sub, w, c, attr)
              + ")";
    }
    return Optional.of(new Joined(", " + ValueFilters.ENTITY + " " + s, "(" + where + ")"));
  }

  /**
   * {@code attr[...]} as the joined rows of one element, or empty where the bracket needs the
   * {@code EXISTS} of {@link ValuePaths}. Its {@code eq} on a value ({@link ValuePaths#rank}) is
   * the row found by the value index; each other test is the element's row of that sub-attribute,
   * one by the primary key {@code (tenant_id, user_id, attr, pos, sub)} ({@link
   * ValueFilters#testOfKeyedRow}).
   */
  Optional<Joined> element(Filter.ValuePath v, String alias) {
    Optional<UserValues.Attribute> found = values.attribute(v.attr());
    if (found.isEmpty() || !found.get().multiValued()) {
      return Optional.empty();
    }
    List<Filter> tests = new ArrayList<>();
    ValuePaths.flatten(v.filter(), tests);
    if (!tests.stream().allMatch(ValueJoins::joinable)
        || tests.stream().noneMatch(f -> ValuePaths.rank(f) == 0)) {
      return Optional.empty();
    }
    tests.sort(Comparator.comparingInt(ValuePaths::rank));
    UserValues.Attribute a = found.get();
    List<AttrPath> paths = new ArrayList<>();
    List<String> subs = new ArrayList<>();
    for (Filter f : tests) {
      AttrPath path = FilterTranslator.subPath(v.attr(), ValuePaths.pathOf(f));
      paths.add(path);
      subs.add(values.sub(a, path));
    }
    List<String> rows = aliases(tests.size());
    String where =
        ValueFilters.owner(rows.get(0), alias)
            + " AND "
            + rows.get(0)
            + ".attr = '"
            + a.code()
            + "' AND "
            + tests(a, tests, subs, paths, rows);
    List<String> earlier = aliases(tests.size());
    where +=
        " AND NOT EXISTS (SELECT "
            + earlier.get(0)
            + " FROM "
            + range(earlier).substring(2)
            + " WHERE "
            + ValueFilters.earlierElement(earlier.get(0), rows.get(0))
            + " AND "
            + tests(a, tests, subs, paths, earlier)
            + ")";
    return Optional.of(new Joined(range(rows), "(" + where + ")"));
  }

  /** A positive comparison with a value, or {@code pr}: a row of the element must exist. */
  private static boolean joinable(Filter f) {
    return f instanceof Filter.Present
        || f instanceof Filter.Compare c
            && c.op() != CompareOp.NE
            && c.value().getValueType() != JsonValue.ValueType.NULL;
  }

  /** Each test on its row, every row of the same element as the first. */
  private String tests(
      UserValues.Attribute a,
      List<Filter> tests,
      List<String> subs,
      List<AttrPath> paths,
      List<String> rows) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      String row = rows.get(i);
      if (i > 0) {
        parts.add(ValueFilters.sameElement(row, rows.get(0)));
      }
      parts.add(row + ".sub = '" + subs.get(i) + "'");
      parts.add(
          i == 0
              ? values.test(a, subs.get(i), row, tests.get(i), paths.get(i))
              : values.testOfKeyedRow(a, subs.get(i), row, tests.get(i), paths.get(i)));
    }
    return String.join(" AND ", parts);
  }

  private List<String> aliases(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(t.nextAlias());
    }
    return names;
  }

  private static String range(List<String> rows) {
    StringBuilder from = new StringBuilder();
    for (String row : rows) {
      from.append(", ").append(ValueFilters.ENTITY).append(' ').append(row);
    }
    return from.toString();
  }
}
