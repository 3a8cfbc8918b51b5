package co.softdrive.scim.query;

import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.ResolvedAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Filters on the attributes kept in {@code scim_user_value} ({@link UserValues}): every test is an
 * {@code EXISTS} over the user's rows of one attribute and sub-attribute, which the index {@code
 * (tenant_id, attr, sub, val)} finds by value, or the primary key {@code (tenant_id, user_id, attr,
 * pos, sub)} per user.
 *
 * <p>{@code attr[...]} (RFC 7644 §3.4.2.2 value paths) ranges over one element: rows of the same
 * element share {@code pos} ({@link #valuePath}). {@code ne} on a single-valued attribute (or
 * inside brackets) is {@code NOT EXISTS} of the equal value, so that a user without the attribute
 * matches, as with columns.
 */
final class ValueFilters {
  private static final String ENTITY = "UserValueEntity";
  private final FilterTranslator t;

  ValueFilters(FilterTranslator translator) {
    this.t = translator;
  }

  /** The attribute of the table that a path names, if it is one. */
  private Optional<UserValues.Attribute> attribute(AttrPath attr) {
    if (!t.mapping.valueTable) {
      return Optional.empty();
    }
    Optional<ResolvedAttribute> r = t.mapping.type.resolve(attr.parent());
    if (r.isEmpty() || r.get().schema() == null) {
      return Optional.empty();
    }
    String schema = r.get().schema().id();
    boolean core = schema.equalsIgnoreCase(t.mapping.coreSchema);
    return UserValues.find(core ? null : schema, r.get().attribute().name());
  }

  /**
   * A row of the table joined to the resource rather than an {@code EXISTS}, for an {@code eq} at
   * the top of a filter (alone or joined by {@code and}).
   *
   * @param from the range variable to add to the query ({@code ", UserValueEntity s0"})
   * @param where the condition that ties it to the resource and tests it
   */
  record Joined(String from, String where) {}

  /**
   * {@code f} as a joined row, or empty if it is not an {@code eq} on the table. On Derby an {@code
   * EXISTS} (and an {@code IN} subquery, with or without DISTINCT) is always the inner side of the
   * join, so the query walks every user of the tenant; a joined row lets the value index drive and
   * the users be read by primary key, as many as match. The row joined is the user's first matching
   * element (lowest {@code pos}), so a user matches once and pages and counts need no DISTINCT.
   */
  Optional<Joined> joined(Filter f, String alias) {
    if (!(f instanceof Filter.Compare c) || c.op() != CompareOp.EQ) {
      return Optional.empty();
    }
    Optional<UserValues.Attribute> found = attribute(c.attr());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UserValues.Attribute a = found.get();
    AttrPath attr = c.attr();
    if (attr.hasSubAttribute() && a.subAttribute(attr.subAttribute()).isEmpty()) {
      return Optional.empty(); // not in the table: the EXISTS path answers (or explains) it
    }
    String sub = sub(a, attr, f);
    String s = t.nextAlias();
    String where =
        owner(s, alias)
            + " AND "
            + s
            + ".attr = '"
            + a.code()
            + "' AND "
            + s
            + ".sub = '"
            + sub
            + "' AND "
            + equal(a, sub, s, c, c.attr());
    if (a.multiValued()) {
      String w = t.nextAlias();
      where +=
          " AND NOT EXISTS ("
              + from(w)
              + sameElement(w, s).replace(w + ".pos = " + s + ".pos", w + ".pos < " + s + ".pos")
              + " AND "
              + w
              + ".sub = '"
              + sub
              + "' AND "
              + equal(a, sub, w, c, c.attr())
              + ")";
    }
    return Optional.of(new Joined(", " + ENTITY + " " + s, "(" + where + ")"));
  }

  /** A comparison or presence test on the resource {@code alias}, or empty if not in the table. */
  Optional<String> leaf(AttrPath attr, Filter f, String alias) {
    Optional<UserValues.Attribute> found = attribute(attr);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UserValues.Attribute a = found.get();
    if (!a.subAttributes().isEmpty()
        && !attr.hasSubAttribute()
        && f instanceof Filter.Present
        && !a.multiValued()) {
      // name pr: some of its parts are columns; FilterTranslator asks each part
      return Optional.empty();
    }
    String sub = sub(a, attr, f);
    String s = t.nextAlias();
    String rows = from(s) + owner(s, alias) + " AND " + s + ".attr = '" + a.code() + "'";
    if (sub != null) {
      rows += " AND " + s + ".sub = '" + sub + "'";
    }
    if (f instanceof Filter.Compare c) {
      if (c.op() == CompareOp.NE && !a.multiValued()) {
        return Optional.of("NOT EXISTS (" + rows + " AND " + equal(a, sub, s, c, attr) + ")");
      }
      rows +=
          " AND " + t.comparisons.compare(column(a, sub), s, c.op(), c.value(), t.spelled(attr));
    }
    return Optional.of("EXISTS (" + rows + ")");
  }

  /**
   * The sub-attribute a test of {@code attr} compares ("" for a simple attribute, null for {@code
   * pr} on a whole multi-valued attribute).
   */
  private String sub(UserValues.Attribute a, AttrPath attr, Filter f) {
    if (a.subAttributes().isEmpty()) {
      if (attr.hasSubAttribute()) {
        throw t.unknown(attr);
      }
      return "";
    } else if (attr.hasSubAttribute()) {
      return a.subAttribute(attr.subAttribute())
          .map(x -> x.toLowerCase(Locale.ROOT))
          .orElseThrow(() -> t.unknown(attr));
    } else if (f instanceof Filter.Present) {
      return null;
    } else if (a.multiValued() && a.subAttribute("value").isPresent()) {
      return "value";
    }
    throw ScimBadRequest.invalidFilter(
        "'"
            + t.spelled(attr)
            + "' has sub-attributes; compare one of them, such as '"
            + t.spelled(AttrPath.of(attr.attribute(), a.subAttributes().get(0)))
            + "'");
  }

  /**
   * {@code attr[filter]} on the resource {@code alias}, or empty if not in the table. The most
   * selective positive test joined by {@code and} (an {@code eq} on a value rather than a type) is
   * made on the element's own row, found by the value index; every other test is an {@code EXISTS}
   * on a row of the same element. (Derby turns that nested {@code EXISTS} into a hash join over the
   * value index's rows of that sub-attribute in the tenant: an index read, not a scan, but not
   * bound by the matches either; a same-element join or a non-flattened subquery read the table.)
   */
  Optional<String> valuePath(Filter.ValuePath v, String alias) {
    Optional<UserValues.Attribute> found = attribute(v.attr());
    if (found.isEmpty() || !found.get().multiValued()) {
      return Optional.empty();
    }
    UserValues.Attribute a = found.get();
    List<Filter> conjuncts = new ArrayList<>();
    flatten(v.filter(), conjuncts);
    Filter anchor =
        conjuncts.stream()
            .filter(f -> rank(f) < 4)
            .min(java.util.Comparator.comparingInt(ValueFilters::rank))
            .orElse(null);
    String e = t.nextAlias();
    StringBuilder sql =
        new StringBuilder(from(e) + owner(e, alias) + " AND " + e + ".attr = '" + a.code() + "'");
    if (anchor != null) {
      AttrPath path = FilterTranslator.subPath(v.attr(), pathOf(anchor));
      String sub = sub(a, path);
      sql.append(" AND ").append(e).append(".sub = '").append(sub).append("'");
      if (anchor instanceof Filter.Compare c) {
        sql.append(" AND ")
            .append(t.comparisons.compare(column(a, sub), e, c.op(), c.value(), t.spelled(path)));
      }
    }
    for (Filter f : conjuncts) {
      if (f != anchor) {
        sql.append(" AND ").append(element(f, a, e, v.attr()));
      }
    }
    return Optional.of("EXISTS (" + sql + ")");
  }

  /** How selective a test in brackets is likely to be; 4 and above are not row tests. */
  private static int rank(Filter f) {
    if (f instanceof Filter.Compare c && c.op() != CompareOp.NE) {
      String name = c.attr().hasSubAttribute() ? c.attr().subAttribute() : c.attr().attribute();
      boolean label = name.equalsIgnoreCase("type") || name.equalsIgnoreCase("primary");
      return label ? 2 : c.op() == CompareOp.EQ ? 0 : 1;
    }
    return f instanceof Filter.Present ? 3 : 4;
  }

  /** Row {@code w} belongs to the same element as row {@code e}. */
  private static String sameElement(String w, String e) {
    return w
        + ".tenantId = "
        + e
        + ".tenantId AND "
        + w
        + ".userId = "
        + e
        + ".userId AND "
        + w
        + ".attr = "
        + e
        + ".attr AND "
        + w
        + ".pos = "
        + e
        + ".pos";
  }

  private static void flatten(Filter f, List<Filter> into) {
    if (f instanceof Filter.And and) {
      flatten(and.left(), into);
      flatten(and.right(), into);
    } else {
      into.add(f);
    }
  }

  private static AttrPath pathOf(Filter f) {
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
    String sub = sub(a, path);
    String w = t.nextAlias();
    String rows = from(w) + sameElement(w, e) + " AND " + w + ".sub = '" + sub + "'";
    if (f instanceof Filter.Compare c) {
      if (c.op() == CompareOp.NE) {
        return "NOT EXISTS (" + rows + " AND " + equal(a, sub, w, c, path) + ")";
      }
      rows +=
          " AND " + t.comparisons.compare(column(a, sub), w, c.op(), c.value(), t.spelled(path));
    }
    return "EXISTS (" + rows + ")";
  }

  private String equal(UserValues.Attribute a, String sub, String s, Filter.Compare c, AttrPath p) {
    return t.comparisons.compare(column(a, sub), s, CompareOp.EQ, c.value(), t.spelled(p));
  }

  private String sub(UserValues.Attribute a, AttrPath path) {
    return a.subAttribute(path.subAttribute())
        .map(x -> x.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                ScimBadRequest.invalidFilter(
                    "'" + t.spelled(path) + "' cannot be used in a filter"));
  }

  private static Column column(UserValues.Attribute a, String sub) {
    Column.Kind kind =
        a.isBoolean(sub)
            ? Column.Kind.STORED_BOOLEAN
            : a.isCaseExact(sub) ? Column.Kind.STORED_EXACT : Column.Kind.STORED_CI;
    return new Column("%s.value", kind, false);
  }

  private static String from(String s) {
    return "SELECT " + s + " FROM " + ENTITY + " " + s + " WHERE ";
  }

  private static String owner(String s, String alias) {
    return s + ".tenantId = " + alias + ".tenantId AND " + s + ".userId = " + alias + ".id";
  }
}
