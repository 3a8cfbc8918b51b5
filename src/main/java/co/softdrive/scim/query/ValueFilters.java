package co.softdrive.scim.query;

import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.ResolvedAttribute;
import java.util.Locale;
import java.util.Optional;

/**
 * Filters on the attributes kept in {@code scim_user_value} ({@link UserValues}): which attribute
 * and sub-attribute a path names, and a test of one as an {@code EXISTS} over the user's rows of
 * it, which the index {@code (tenant_id, attr, sub, val, user_id)} finds by value, or the primary
 * key {@code (tenant_id, user_id, attr, pos, sub)} per user. {@code ne} on a single-valued
 * attribute is {@code NOT EXISTS} of the equal value, so that a user without the attribute matches,
 * as with columns. Brackets are {@link ValuePaths}', joined rows {@link ValueJoins}'.
 */
final class ValueFilters {
  static final String ENTITY = "UserValueEntity";
  private final FilterTranslator t;

  ValueFilters(FilterTranslator translator) {
    this.t = translator;
  }

  /** The attribute of the table that a path names, if it is one. */
  Optional<UserValues.Attribute> attribute(AttrPath attr) {
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
        return Optional.of(
            "NOT EXISTS ("
                + rows
                + " AND "
                + equal(a, sub, s, c, attr)
                + FilterTranslator.sameTenant(s)
                + ")");
      }
      rows += " AND " + compare(a, sub, s, c, attr);
    }
    return Optional.of("EXISTS (" + rows + FilterTranslator.sameTenant(s) + ")");
  }

  /**
   * The sub-attribute a test of {@code attr} compares ("" for a simple attribute, null for {@code
   * pr} on a whole multi-valued attribute).
   */
  String sub(UserValues.Attribute a, AttrPath attr, Filter f) {
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

  /** The sub-attribute a test inside {@code attr[...]} names ({@code path} is its full path). */
  String sub(UserValues.Attribute a, AttrPath path) {
    return a.subAttribute(path.subAttribute())
        .map(x -> x.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                ScimBadRequest.invalidFilter(
                    "'" + t.spelled(path) + "' cannot be used in a filter"));
  }

  /** The comparison {@code c} on row {@code s} of sub-attribute {@code sub}. */
  String compare(UserValues.Attribute a, String sub, String s, Filter.Compare c, AttrPath p) {
    return t.comparisons.compare(column(a, sub), s, c.op(), c.value(), t.spelled(p));
  }

  /**
   * The test {@code f} (a comparison or {@code pr}) on row {@code s} of sub-attribute {@code sub},
   * a row found by its primary key: the value is compared as an expression ({@code val || ''}),
   * which no index can serve. Otherwise Derby, which sees each value of the index as equally
   * frequent, may hash the index entries of a common value ({@code type eq "work"}: every work
   * address of the tenant) instead of reading one row per element.
   */
  String testOfKeyedRow(UserValues.Attribute a, String sub, String s, Filter f, AttrPath p) {
    Column keyed = new Column("CONCAT(%s.value, '')", column(a, sub).kind(), false);
    return f instanceof Filter.Compare c
        ? t.comparisons.compare(keyed, s, c.op(), c.value(), t.spelled(p))
        : t.comparisons.present(column(a, sub), s);
  }

  /**
   * The test {@code f} (a comparison or {@code pr}) on row {@code s} of sub-attribute {@code sub}.
   */
  String test(UserValues.Attribute a, String sub, String s, Filter f, AttrPath p) {
    return f instanceof Filter.Compare c
        ? compare(a, sub, s, c, p)
        : t.comparisons.present(column(a, sub), s);
  }

  /** Row {@code s} holds the value {@code c} compares with (its {@code eq}, whatever its op). */
  String equal(UserValues.Attribute a, String sub, String s, Filter.Compare c, AttrPath p) {
    return t.comparisons.compare(column(a, sub), s, CompareOp.EQ, c.value(), t.spelled(p));
  }

  private static Column column(UserValues.Attribute a, String sub) {
    Column.Kind kind =
        a.isBoolean(sub)
            ? Column.Kind.STORED_BOOLEAN
            : a.isCaseExact(sub) ? Column.Kind.STORED_EXACT : Column.Kind.STORED_CI;
    return new Column("%s.value", kind, false);
  }

  static String from(String s) {
    return "SELECT " + s + " FROM " + ENTITY + " " + s + " WHERE ";
  }

  static String owner(String s, String alias) {
    return s + ".tenantId = " + alias + ".tenantId AND " + s + ".userId = " + alias + ".id";
  }

  /** Row {@code w} belongs to the same element as row {@code e}. */
  static String sameElement(String w, String e) {
    return element(w, e) + " AND " + w + ".pos = " + e + ".pos";
  }

  /**
   * Row {@code w} belongs to an earlier element (lower {@code pos}) of row {@code e}'s attribute.
   */
  static String earlierElement(String w, String e) {
    return element(w, e) + " AND " + w + ".pos < " + e + ".pos";
  }

  private static String element(String w, String e) {
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
        + ".attr";
  }
}
