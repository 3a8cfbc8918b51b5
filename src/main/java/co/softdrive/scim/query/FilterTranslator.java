package co.softdrive.scim.query;

import co.softdrive.scim.persistence.NameKey;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a filter AST into a JPQL condition over one resource type (RFC 7644 §3.4.2.2).
 * Comparisons honour each attribute's {@code caseExact} by comparing lower-cased columns with
 * lower-cased values (userName and group displayName: comparison keys with keys, {@link NameKey});
 * nullable columns are guarded so that {@code not(...)} keeps SCIM's meaning (a user without an
 * externalId matches {@code not (externalId eq "x")}).
 */
final class FilterTranslator {
  private final ResourceMapping mapping;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private int aliases;

  private FilterTranslator(ResourceMapping mapping) {
    this.mapping = mapping;
  }

  static JpqlFilter translate(ResourceMapping mapping, Filter filter, String alias) {
    FilterTranslator t = new FilterTranslator(mapping);
    String where = t.node(filter, alias);
    return new JpqlFilter(where, Map.copyOf(t.params));
  }

  private String node(Filter f, String alias) {
    if (f instanceof Filter.And a) {
      return "(" + node(a.left(), alias) + " AND " + node(a.right(), alias) + ")";
    } else if (f instanceof Filter.Or o) {
      return "(" + node(o.left(), alias) + " OR " + node(o.right(), alias) + ")";
    } else if (f instanceof Filter.Not n) {
      return "(NOT " + node(n.inner(), alias) + ")";
    } else if (f instanceof Filter.Compare c) {
      return compareOnResource(c, alias);
    } else if (f instanceof Filter.Present p) {
      return presentOnResource(p.attr(), alias);
    }
    return valuePath((Filter.ValuePath) f, alias);
  }

  private String compareOnResource(Filter.Compare c, String alias) {
    var side = mapping.sideTable(c.attr());
    if (side.isPresent() && (c.attr().hasSubAttribute() || mapping.column(c.attr()).isEmpty())) {
      ResourceMapping.SideTable table = side.get();
      String sub =
          c.attr().hasSubAttribute() ? c.attr().subAttribute().toLowerCase(Locale.ROOT) : "";
      Column column = table.subAttributes().get(sub);
      if (column == null) {
        throw unknown(c.attr());
      }
      String s = nextAlias();
      return exists(table, s, alias, compare(column, s, c.op(), c.value(), c.attr()));
    }
    Column column = mapping.column(c.attr()).orElseThrow(() -> unknown(c.attr()));
    return compare(column, alias, c.op(), c.value(), c.attr());
  }

  private String presentOnResource(AttrPath attr, String alias) {
    var column = mapping.column(attr);
    if (column.isPresent()) {
      return present(column.get(), alias);
    }
    var side = mapping.sideTable(attr);
    if (side.isEmpty()) {
      throw unknown(attr);
    }
    String s = nextAlias();
    String sub = attr.hasSubAttribute() ? attr.subAttribute().toLowerCase(Locale.ROOT) : "";
    Column sc = side.get().subAttributes().get(sub);
    if (sc == null) {
      throw unknown(attr);
    }
    return exists(side.get(), s, alias, present(sc, s));
  }

  private String valuePath(Filter.ValuePath v, String alias) {
    ResourceMapping.SideTable table =
        mapping
            .sideTable(v.attr())
            .orElseThrow(
                () ->
                    ScimBadRequest.invalidFilter(
                        "'"
                            + v.attr()
                            + "' cannot be used with [...] in a filter; it is not a"
                            + " filterable multi-valued attribute"));
    String s = nextAlias();
    return exists(table, s, alias, element(v.filter(), table, s, v.attr()));
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
      return compare(sub(table, c.attr(), parent), s, c.op(), c.value(), c.attr());
    } else if (f instanceof Filter.Present p) {
      return present(sub(table, p.attr(), parent), s);
    }
    throw ScimBadRequest.invalidFilter(
        "A value path cannot be nested inside '" + parent + "[...]'");
  }

  private static Column sub(ResourceMapping.SideTable table, AttrPath attr, AttrPath parent) {
    String name =
        attr.hasSubAttribute()
            ? attr.subAttribute().toLowerCase(Locale.ROOT)
            : attr.attribute().toLowerCase(Locale.ROOT);
    Column column = table.subAttributes().get(name);
    if (column == null || name.isEmpty()) {
      throw ScimBadRequest.invalidFilter(
          "'" + parent.attribute() + "." + name + "' cannot be used in a filter");
    }
    return column;
  }

  private String exists(ResourceMapping.SideTable table, String s, String alias, String condition) {
    return "EXISTS (SELECT "
        + s
        + " FROM "
        + table.entity()
        + " "
        + s
        + " WHERE "
        + table.join().formatted(s, alias)
        + " AND "
        + condition
        + ")";
  }

  private String present(Column column, String alias) {
    String col = column.on(alias);
    if (!column.nullable()) {
      // Not "1 = 1": with all parameters bound (ResourceQueries) Derby refuses "? = ?".
      return col + " IS NOT NULL";
    }
    return column.kind() == Column.Kind.STRING_CI || column.kind() == Column.Kind.STRING_EXACT
        ? "(" + col + " IS NOT NULL AND " + col + " <> '')"
        : col + " IS NOT NULL";
  }

  private String compare(
      Column column, String alias, CompareOp op, JsonValue value, AttrPath attr) {
    String col = column.on(alias);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return switch (op) {
        case EQ -> col + " IS NULL";
        case NE -> col + " IS NOT NULL";
        default ->
            throw ScimBadRequest.invalidFilter(
                "Operator '" + op.name().toLowerCase(Locale.ROOT) + "' cannot compare with null");
      };
    }
    Object v = typed(column, op, value, attr);
    String p = param(v);
    String condition =
        switch (op) {
          case EQ -> col + " = " + p;
          case NE -> col + " <> " + p;
          case GT -> col + " > " + p;
          case GE -> col + " >= " + p;
          case LT -> col + " < " + p;
          case LE -> col + " <= " + p;
          case CO, SW, EW -> col + " LIKE " + p + " ESCAPE '\\'";
        };
    if (!column.nullable()) {
      return condition;
    }
    return op == CompareOp.NE
        ? "(" + col + " IS NULL OR " + condition + ")"
        : "(" + col + " IS NOT NULL AND " + condition + ")";
  }

  private Object typed(Column column, CompareOp op, JsonValue value, AttrPath attr) {
    switch (column.kind()) {
      case BOOLEAN -> {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' is a boolean; only 'eq' and 'ne' apply");
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
          return value == JsonValue.TRUE;
        }
        if (value instanceof JsonString s
            && (s.getString().equalsIgnoreCase("true")
                || s.getString().equalsIgnoreCase("false"))) {
          return Boolean.parseBoolean(s.getString().toLowerCase(Locale.ROOT));
        }
        throw ScimBadRequest.invalidFilter(
            "'" + attr + "' is a boolean; compare it with true or false");
      }
      case TIMESTAMP -> {
        if (op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW) {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' is a date-time; use eq, ne, gt, ge, lt or le");
        }
        if (!(value instanceof JsonString s)) {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' must be compared with a date-time string");
        }
        try {
          return OffsetDateTime.parse(s.getString()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
          throw ScimBadRequest.invalidFilter(
              "'" + s.getString() + "' is not an RFC 3339 date-time such as 2026-01-31T08:00:00Z");
        }
      }
      default -> {
        String text;
        if (value instanceof JsonString s) {
          text = s.getString();
        } else if (value instanceof JsonNumber n) {
          text = n.toString();
        } else {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' is a string; compare it with a string");
        }
        if (column.kind() == Column.Kind.STRING_CI) {
          text = text.toLowerCase(Locale.ROOT);
        } else if (column.kind() == Column.Kind.NAME_KEY) {
          // The fragment of sw/co/ew is normalized alone: one that starts or ends inside a
          // combining sequence may not match the normalized name (documented on NameKey).
          text = NameKey.of(text);
        }
        return switch (op) {
          case CO -> "%" + escapeLike(text) + "%";
          case SW -> escapeLike(text) + "%";
          case EW -> "%" + escapeLike(text);
          default -> text;
        };
      }
    }
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private String param(Object value) {
    String name = "f" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  private String nextAlias() {
    return "s" + (aliases++);
  }

  private ScimBadRequest unknown(AttrPath attr) {
    return ScimBadRequest.invalidFilter(
        "Attribute '"
            + attr
            + "' cannot be used in a filter. Filterable attributes: "
            + mapping.filterableList());
  }
}
