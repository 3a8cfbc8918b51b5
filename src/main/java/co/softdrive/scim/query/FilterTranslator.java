package co.softdrive.scim.query;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ResolvedAttribute;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a filter AST into a JPQL condition over one resource type (RFC 7644 §3.4.2.2). Where
 * an attribute lives decides the shape: a column of the resource ({@link ResourceMapping#column}),
 * a side table reached through {@code EXISTS} (e-mails, memberships, the manager; {@link
 * ResourceMapping.SideTable}), or the rows of {@code scim_user_value} ({@link ValueFilters}, {@link
 * ValuePaths}). A test at the top of the filter may instead be rows joined to the resource ({@link
 * Joined}: {@link SideJoins}, {@link ValueJoins}). Comparisons themselves (case rules, types, NULL
 * guards) are {@link Comparisons}'.
 *
 * <p>Error details name attributes as the schemas spell them ({@code displayName}, not {@code
 * displayname}).
 */
final class FilterTranslator {
  final ResourceMapping mapping;
  final Comparisons comparisons = new Comparisons();
  private final ValueFilters values = new ValueFilters(this);
  private final ValuePaths valuePaths = new ValuePaths(this, values);
  private final ValueJoins valueJoins = new ValueJoins(this, values);
  private int aliases;

  private FilterTranslator(ResourceMapping mapping) {
    this.mapping = mapping;
  }

  static JpqlFilter translate(ResourceMapping mapping, Filter filter, String alias) {
    FilterTranslator t = new FilterTranslator(mapping);
    List<Filter> conjuncts = new ArrayList<>();
    conjuncts(filter, conjuncts);
    for (Filter c : conjuncts) {
      Optional<Joined> joined = t.joined(c, alias);
      if (joined.isPresent()) {
        List<String> parts = new ArrayList<>();
        for (Filter other : conjuncts) {
          parts.add(other == c ? joined.get().where() : t.node(other, alias));
        }
        String where = parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        return new JpqlFilter(where, Map.copyOf(t.comparisons.params), joined.get().from());
      }
    }
    String where = t.node(filter, alias);
    return new JpqlFilter(where, Map.copyOf(t.comparisons.params));
  }

  /** The most branches an {@code or} is split into ({@link #branches}); beyond, one query. */
  static final int MAX_BRANCHES = 8;

  /**
   * A filter that no index can start from as a whole, but whose {@code or} can be split into
   * branches that each can: {@code title eq "a" or department eq "b"} (two side tables), {@code
   * groups.value eq "g" or externalId eq "x"}. Branch <i>i</i> is the <i>i</i>-th disjunct, the
   * filter's other conjuncts, and {@code not} each earlier disjunct, so the branches are disjoint
   * and a resource that matches several disjuncts belongs to the first (comparisons are two-valued:
   * {@link Comparisons} guards NULLs, so {@code not} is the exact complement). Each branch starts
   * from an index: a test joined to the side table's or value index ({@link #joined}) or an {@code
   * eq} on an indexed column of the resource ({@link ResourceMapping#indexed}); each other test is
   * checked on the rows that branch found. Empty when the filter is served as one query: when one
   * of its own tests can start it, when it has no {@code or}, or when a branch has no such test (it
   * would walk the tenant's rows in any case).
   */
  static Optional<List<JpqlFilter>> branches(ResourceMapping mapping, Filter filter, String alias) {
    List<Filter> conjuncts = new ArrayList<>();
    conjuncts(filter, conjuncts);
    // Most filters (every one Entra sends) have no or at the top: nothing more is translated.
    Filter.Or or =
        conjuncts.stream()
            .filter(Filter.Or.class::isInstance)
            .map(Filter.Or.class::cast)
            .findFirst()
            .orElse(null);
    if (or == null) {
      return Optional.empty();
    }
    FilterTranslator probe = new FilterTranslator(mapping);
    List<Filter> disjuncts = new ArrayList<>();
    disjuncts(or, disjuncts);
    if (disjuncts.size() > MAX_BRANCHES
        || conjuncts.stream().anyMatch(c -> probe.startsFromIndex(c, alias))) {
      return Optional.empty();
    }
    List<JpqlFilter> branches = new ArrayList<>();
    for (int i = 0; i < disjuncts.size(); i++) {
      List<Filter> own = new ArrayList<>();
      conjuncts(disjuncts.get(i), own);
      if (own.stream().noneMatch(f -> probe.startsFromIndex(f, alias))) {
        return Optional.empty();
      }
      Filter branch = disjuncts.get(i);
      for (Filter c : conjuncts) {
        if (c != or) {
          branch = new Filter.And(branch, c);
        }
      }
      for (Filter earlier : disjuncts.subList(0, i)) {
        branch = new Filter.And(branch, new Filter.Not(earlier));
      }
      branches.add(translate(mapping, branch, alias));
    }
    return Optional.of(branches);
  }

  /** Whether an index can start a query from test {@code f} (joined rows or an indexed column). */
  private boolean startsFromIndex(Filter f, String alias) {
    if (f instanceof Filter.Compare c
        && c.op() == CompareOp.EQ
        && c.value().getValueType() != JsonValue.ValueType.NULL
        && mapping.column(c.attr()).filter(mapping::indexed).isPresent()) {
      return true;
    }
    return joined(f, alias).isPresent();
  }

  /** The tests joined by {@code or} at the top of {@code f}. */
  private static void disjuncts(Filter f, List<Filter> into) {
    flatten(f, true, into);
  }

  /**
   * A test at the top of a filter as joined rows of the table that keeps the attribute ({@link
   * Joined}): an {@code eq} on a side table or value, or a bracket on values; empty for a column of
   * the resource and where the table does not allow it.
   */
  private Optional<Joined> joined(Filter f, String alias) {
    if (f instanceof Filter.ValuePath v) {
      return mapping.sideTable(v.attr()).isPresent()
          ? Optional.empty()
          : valueJoins.element(v, alias);
    }
    if (!(f instanceof Filter.Compare c) || mapping.column(c.attr()).isPresent()) {
      return Optional.empty();
    }
    if (mapping.sideTable(c.attr()).isPresent()) {
      return SideJoins.joined(this, f, alias);
    }
    return valueJoins.joined(f, alias);
  }

  /** The tests joined by {@code and} at the top of a filter. */
  private static void conjuncts(Filter f, List<Filter> into) {
    flatten(f, false, into);
  }

  /** The operands of the {@code or} (else {@code and}) chain at the top of {@code f}. */
  private static void flatten(Filter f, boolean or, List<Filter> into) {
    if (or && f instanceof Filter.Or o) {
      flatten(o.left(), true, into);
      flatten(o.right(), true, into);
    } else if (!or && f instanceof Filter.And a) {
      flatten(a.left(), false, into);
      flatten(a.right(), false, into);
    } else {
      into.add(f);
    }
  }

  private String node(Filter f, String alias) {
    if (f instanceof Filter.And a) {
      return "(" + node(a.left(), alias) + " AND " + node(a.right(), alias) + ")";
    } else if (f instanceof Filter.Or o) {
      return "(" + node(o.left(), alias) + " OR " + node(o.right(), alias) + ")";
    } else if (f instanceof Filter.Not n) {
      return "(NOT " + node(n.inner(), alias) + ")";
    } else if (f instanceof Filter.Compare c) {
      return leaf(c.attr(), f, alias);
    } else if (f instanceof Filter.Present p) {
      return leaf(p.attr(), f, alias);
    }
    return valuePath((Filter.ValuePath) f, alias);
  }

  /** A comparison or presence test of one attribute of the resource. */
  private String leaf(AttrPath attr, Filter f, String alias) {
    Optional<Column> column = mapping.column(attr);
    if (column.isPresent()) {
      return condition(column.get(), alias, f, attr);
    }
    Optional<ResourceMapping.SideTable> side = mapping.sideTable(attr);
    if (side.isPresent()) {
      ResourceMapping.SideTable table = side.get();
      String sub = attr.hasSubAttribute() ? attr.subAttribute().toLowerCase(Locale.ROOT) : "";
      Column sc = table.subAttributes().get(sub);
      if (sc == null) {
        throw unknown(attr);
      }
      String s = nextAlias();
      return exists(table, s, alias, () -> condition(sc, s, f, attr));
    }
    Optional<String> inValues = values.leaf(attr, f, alias);
    if (inValues.isPresent()) {
      return inValues.get();
    }
    if (f instanceof Filter.Present) {
      Optional<String> anyPart = presentAsAnySubAttribute(attr, alias);
      if (anyPart.isPresent()) {
        return anyPart.get();
      }
    }
    throw unknown(attr);
  }

  /**
   * {@code pr} on a complex single-valued attribute ({@code name}, {@code meta}): present when any
   * of its sub-attributes is.
   */
  private Optional<String> presentAsAnySubAttribute(AttrPath attr, String alias) {
    Optional<ResolvedAttribute> resolved = mapping.type.resolve(attr);
    if (attr.hasSubAttribute()
        || resolved.isEmpty()
        || resolved.get().attribute().multiValued()
        || resolved.get().attribute().subAttributes().isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (AttributeDef sub : resolved.get().attribute().subAttributes()) {
      AttrPath path = new AttrPath(attr.schema(), attr.attribute(), sub.name());
      try {
        parts.add(leaf(path, new Filter.Present(path), alias));
      } catch (ScimBadRequest notFilterable) {
        // a sub-attribute without an index ($ref) does not count
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of("(" + String.join(" OR ", parts) + ")");
  }

  /**
   * The condition of a comparison or presence test {@code f} on {@code column} of {@code alias}.
   */
  String condition(Column column, String alias, Filter f, AttrPath attr) {
    if (column.join() != null) {
      String j = nextAlias();
      Column.Join join = column.join();
      return "%s.%s IN (SELECT %s.id FROM %s %s WHERE %s%s)"
          .formatted(
              alias,
              join.reference(),
              j,
              join.entity(),
              j,
              test(column, j, f, attr),
              sameTenant(j));
    }
    return test(column, alias, f, attr);
  }

  /** The test {@code f} on {@code column} of {@code alias}, which holds the column itself. */
  String test(Column column, String alias, Filter f, AttrPath attr) {
    if (f instanceof Filter.Compare cmp) {
      return comparisons.compare(column, alias, cmp.op(), cmp.value(), spelled(attr));
    }
    return comparisons.present(column, alias);
  }

  private String valuePath(Filter.ValuePath v, String alias) {
    Optional<ResourceMapping.SideTable> side = mapping.sideTable(v.attr());
    if (side.isEmpty()) {
      Optional<String> inValues = valuePaths.valuePath(v, alias);
      if (inValues.isPresent()) {
        return inValues.get();
      }
      throw ScimBadRequest.invalidFilter(
          "'"
              + spelled(v.attr())
              + "' cannot be used with [...] in a filter; it is not a filterable multi-valued"
              + " attribute");
    }
    ResourceMapping.SideTable table = side.get();
    String s = nextAlias();
    return exists(table, s, alias, () -> element(v.filter(), table, s, v.attr()));
  }

  /** A filter inside {@code attr[...]}: its paths name sub-attributes of one element. */
  private String element(Filter f, ResourceMapping.SideTable table, String s, AttrPath parent) {
    if (f instanceof Filter.And a) {
      return "("
          + element(a.left(), table, s, parent)
          + " AND "
          + element(a.right(), table, s, parent)
          + ")";
    } else if (f instanceof Filter.Or o) {
      return "("
          + element(o.left(), table, s, parent)
          + " OR "
          + element(o.right(), table, s, parent)
          + ")";
    } else if (f instanceof Filter.Not n) {
      return "(NOT " + element(n.inner(), table, s, parent) + ")";
    } else if (f instanceof Filter.Compare c) {
      return condition(sub(table, c.attr(), parent), s, f, subPath(parent, c.attr()));
    } else if (f instanceof Filter.Present p) {
      return condition(sub(table, p.attr(), parent), s, f, subPath(parent, p.attr()));
    }
    throw ScimBadRequest.invalidFilter(
        "A value path cannot be nested inside '" + spelled(parent) + "[...]'");
  }

  /** {@code parent.name} for a path written inside {@code parent[...]}. */
  static AttrPath subPath(AttrPath parent, AttrPath inner) {
    String name = inner.hasSubAttribute() ? inner.subAttribute() : inner.attribute();
    return new AttrPath(parent.schema(), parent.attribute(), name);
  }

  private Column sub(ResourceMapping.SideTable table, AttrPath attr, AttrPath parent) {
    String name =
        attr.hasSubAttribute()
            ? attr.subAttribute().toLowerCase(Locale.ROOT)
            : attr.attribute().toLowerCase(Locale.ROOT);
    Column column = table.subAttributes().get(name);
    if (column == null || name.isEmpty()) {
      throw ScimBadRequest.invalidFilter(
          "'" + spelled(subPath(parent, attr)) + "' cannot be used in a filter");
    }
    return column;
  }

  /** {@code EXISTS} over a side table's rows of the resource {@code alias}. */
  private static String exists(
      ResourceMapping.SideTable table,
      String s,
      String alias,
      java.util.function.Supplier<String> condition) {
    return "EXISTS (SELECT %s FROM %s %s WHERE %s AND %s%s)"
        .formatted(
            s, table.entity(), s, table.join().formatted(s, alias), condition.get(), sameTenant(s));
  }

  /**
   * {@code " AND s.tenantId = :tenantId"}: the query's own tenant parameter (bound by {@link
   * ResourceQueries}) on a subquery's row, beside its correlation to the resource. PostgreSQL runs
   * an {@code EXISTS} under {@code or} as a hashed subplan that keeps only the subquery's own
   * conditions: with the tenant only correlated, it read the whole table, every tenant's rows.
   */
  static String sameTenant(String s) {
    return " AND " + s + ".tenantId = :tenantId";
  }

  String nextAlias() {
    return "s" + (aliases++);
  }

  /** An attribute path as the schemas spell it, or as written when they do not know it. */
  String spelled(AttrPath attr) {
    Optional<ResolvedAttribute> r = mapping.type.resolve(attr);
    if (r.isEmpty()) {
      if (attr.hasSubAttribute() && mapping.type.resolve(attr.parent()).isPresent()) {
        return spelled(attr.parent()) + "." + attr.subAttribute();
      }
      return attr.toString();
    }
    ResolvedAttribute a = r.get();
    String prefix = attr.schema() == null || a.schema() == null ? "" : a.schema().id() + ":";
    return prefix
        + a.attribute().name()
        + (a.subAttribute() == null ? "" : "." + a.subAttribute().name());
  }

  ScimBadRequest unknown(AttrPath attr) {
    boolean known = mapping.type.resolve(attr).isPresent();
    return ScimBadRequest.invalidFilter(
        "Attribute '"
            + spelled(attr)
            + "' cannot be used in a filter: "
            + (known
                ? "it is not kept in a form a filter can search (password, $ref, meta.location and"
                    + " meta.version are not)"
                : "the " + mapping.type.name() + " schemas have no such attribute"));
  }
}
