package co.softdrive.scim.query;

import co.softdrive.scim.persistence.NameKey;
import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One comparison or presence test on one column, as JPQL, with the parameters it binds. Honours
 * each attribute's {@code caseExact} by comparing lower-cased columns with lower-cased values
 * (userName and group displayName: comparison keys with keys, {@link NameKey}); nullable columns
 * are guarded so that {@code not(...)} keeps SCIM's meaning (a user without an externalId matches
 * {@code not (externalId eq "x")}). A constant ({@code meta.resourceType}) is compared here, in
 * Java, and becomes a condition that is always true or always false.
 */
final class Comparisons {
  final Map<String, Object> params = new LinkedHashMap<>();

  String present(Column column, String alias) {
    if (column.isConstant()) {
      return always(alias, true);
    }
    String col = column.on(alias);
    if (!column.nullable()) {
      // Not "1 = 1": with all parameters bound (ResourceQueries) Derby refuses "? = ?".
      return col + " IS NOT NULL";
    }
    return column.kind() == Column.Kind.STRING_CI || column.kind() == Column.Kind.STRING_EXACT
        ? "(" + col + " IS NOT NULL AND " + col + " <> '')"
        : col + " IS NOT NULL";
  }

  /** A condition on {@code alias}'s row that is always true or always false. */
  private static String always(String alias, boolean holds) {
    return alias + ".tenantId IS " + (holds ? "NOT NULL" : "NULL");
  }

  String compare(Column column, String alias, CompareOp op, JsonValue value, String attr) {
    if (column.isConstant()) {
      return always(alias, constant(column, op, value, attr));
    }
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

  private static boolean constant(Column column, CompareOp op, JsonValue value, String attr) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return op == CompareOp.NE;
    }
    if (!(value instanceof JsonString s)) {
      throw ScimBadRequest.invalidFilter("'" + attr + "' is a string; compare it with a string");
    }
    String have = column.expression();
    String want = s.getString();
    if (column.kind() == Column.Kind.CONSTANT_CI) {
      have = have.toLowerCase(Locale.ROOT);
      want = want.toLowerCase(Locale.ROOT);
    }
    int order = have.compareTo(want);
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case CO -> have.contains(want);
      case SW -> have.startsWith(want);
      case EW -> have.endsWith(want);
    };
  }

  private Object typed(Column column, CompareOp op, JsonValue value, String attr) {
    switch (column.kind()) {
      case BOOLEAN, STORED_BOOLEAN -> {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' is a boolean; only 'eq' and 'ne' apply");
        }
        Boolean b = null;
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
          b = value == JsonValue.TRUE;
        } else if (value instanceof JsonString s
            && (s.getString().equalsIgnoreCase("true")
                || s.getString().equalsIgnoreCase("false"))) {
          b = Boolean.parseBoolean(s.getString().toLowerCase(Locale.ROOT));
        }
        if (b == null) {
          throw ScimBadRequest.invalidFilter(
              "'" + attr + "' is a boolean; compare it with true or false");
        }
        return column.kind() == Column.Kind.BOOLEAN ? b : b.toString();
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
        if (column.kind() == Column.Kind.STRING_CI || column.kind() == Column.Kind.STORED_CI) {
          text = text.toLowerCase(Locale.ROOT);
        } else if (column.kind() == Column.Kind.NAME_KEY) {
          // The fragment of sw/co/ew is normalized alone: one that starts or ends inside a
          // combining sequence may not match the normalized name (documented on NameKey).
          text = NameKey.of(text);
        }
        boolean stored =
            column.kind() == Column.Kind.STORED_CI || column.kind() == Column.Kind.STORED_EXACT;
        return switch (op) {
          case CO -> "%" + escapeLike(text) + "%";
          case SW -> escapeLike(text) + "%";
          case EW -> "%" + escapeLike(text);
          // A long value is stored as prefix and hash: compare with the same form.
          default -> stored ? UserValues.stored(text) : text;
        };
      }
    }
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  String param(Object value) {
    String name = "f" + params.size();
    params.put(name, value);
    return ":" + name;
  }
}
