package co.softdrive.scim.query;

import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code attr[...]} (RFC 7644 §3.4.2.2 value paths) on an attribute of {@code scim_user_value} as
 * an {@code EXISTS}: the filter ranges over one element, and rows of the same element share {@code
 * pos}. Used where the element's rows cannot be joined ({@link ValueJoins#element}): under {@code
 * or} or {@code not}, and for brackets without an {@code eq} on a value.
 */
final class ValuePaths {
  private final FilterTranslator t;
  private final ValueFilters values;

  ValuePaths(FilterTranslator translator, ValueFilters values) {
    this.t = translator;
    this.values = values;
  }

  /**
   * {@code attr[filter]} on the resource {@code alias}, or empty if not in the table. The most
   * selective positive test joined by {@code and} ({@link #rank}) is made on the element's own row,
   * found by the value index; every other test is an {@code EXISTS} on a row of the same element.
   */
  Optional<String> valuePath(Filter.ValuePath v, String alias) {
    Optional<UserValues.Attribute> found = values.attribute(v.attr());
    if (found.isEmpty() || !found.get().multiValued()) {
      return Optional.empty();
    }
    UserValues.Attribute a = found.get();
    List<Filter> conjuncts = new ArrayList<>();
    flatten(v.filter(), conjuncts);
    Filter anchor =
        conjuncts.stream()
            .filter(f -> rank(f) < 4)
            .min(Comparator.comparingInt(ValuePaths::rank))
            .orElse(null);
    String e = t.nextAlias();
    StringBuilder sql =
        new StringBuilder(
            ValueFilters.from(e)
                + ValueFilters.owner(e, alias)
                + " AND "
                + e
                + ".attr = '"
                + a.code()
                + "'");
    if (anchor != null) {
      AttrPath path = FilterTranslator.subPath(v.attr(), pathOf(anchor));
      String sub = values.sub(a, path);
      sql.append(" AND ").append(e).append(".sub = '").append(sub).append("'");
      if (anchor instanceof Filter.Compare c) {
        sql.append(" AND ").append(values.compare(a, sub, e, c, path));
      }
    }
    for (Filter f : conjuncts) {
      if (f != anchor) {
        sql.append(" AND ").append(element(f, a, e, v.attr()));
      }
    }
    return Optional.of("EXISTS (" + sql + FilterTranslator.sameTenant(e) + ")");
  }

  /**
   * How selective a test in brackets is likely to be: 0 an {@code eq} on a value, 1 another
   * comparison of a value, 2 a comparison of a label ({@code type}, {@code primary}), 3 {@code pr};
   * 4 and above are not row tests.
   */
  static int rank(Filter f) {
    if (f instanceof Filter.Compare c && c.op() != CompareOp.NE) {
      String name = c.attr().hasSubAttribute() ? c.attr().subAttribute() : c.attr().attribute();
      boolean label = name.equalsIgnoreCase("type") || name.equalsIgnoreCase("primary");
      return label ? 2 : c.op() == CompareOp.EQ ? 0 : 1;
    }
    return f instanceof Filter.Present ? 3 : 4;
  }

  /** The tests of {@code f} joined by {@code and}. */
  static void flatten(Filter f, List<Filter> into) {
    if (f instanceof Filter.And and) {
      flatten(and.left(), into);
      flatten(and.right(), into);
    } else {
      into.add(f);
    }
  }

  static AttrPath pathOf(Filter f) {
    return f instanceof Filter.Compare c ? c.attr() : ((Filter.Present) f).attr();
  }

  /** A test inside brackets on the element of row {@code e}. */
  private String element(Filter f, UserValues.Attribute a, String e, AttrPath parent) {
    if (f instanceof Filter.And x) {
      return "("
          + element(x.left(), a, e, parent)
          + " AND "
          + element(x.right(), a, e, parent)
          + ")";
    } else if (f instanceof Filter.Or x) {
      return "("
          + element(x.left(), a, e, parent)
          + " OR "
          + element(x.right(), a, e, parent)
          + ")";
    } else if (f instanceof Filter.Not x) {
      return "(NOT " + element(x.inner(), a, e, parent) + ")";
    } else if (!(f instanceof Filter.Compare) && !(f instanceof Filter.Present)) {
      throw ScimBadRequest.invalidFilter(
          "A value path cannot be nested inside '" + t.spelled(parent) + "[...]'");
    }
    AttrPath path = FilterTranslator.subPath(parent, pathOf(f));
    String sub = values.sub(a, path);
    String w = t.nextAlias();
    String rows =
        ValueFilters.from(w)
            + ValueFilters.sameElement(w, e)
            + " AND "
            + w
            + ".sub = '"
            + sub
            + "'";
    if (f instanceof Filter.Compare c) {
      // the element's row is read by primary key (ValueFilters.testOfKeyedRow)
      if (c.op() == CompareOp.NE) {
        Filter equal = new Filter.Compare(c.attr(), CompareOp.EQ, c.value());
        return "NOT EXISTS ("
            + rows
            + " AND "
            + values.testOfKeyedRow(a, sub, w, equal, path)
            + ")";
      }
      rows += " AND " + values.testOfKeyedRow(a, sub, w, c, path);
    }
    return "EXISTS (" + rows + ")";
  }
}
