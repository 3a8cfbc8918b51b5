package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates a {@link Filter} in memory on one JSON object, the way RFC 7644 §3.4.2.2 defines the
 * operators. PATCH uses it for value filters such as {@code emails[type eq "work"]}, {@code
 * members[value eq "x"]} and {@code roles[primary eq "True"]} (RFC 7644 §3.5.2); list queries are
 * turned into SQL by {@code query} instead.
 *
 * <ul>
 *   <li>Attribute names match the object's keys case-insensitively; a URN-qualified name is looked
 *       up under its schema key when the object has one (extensions), else at the top level.
 *   <li>Strings compare case-insensitively unless {@code caseExact} says the attribute is
 *       case-exact; {@code gt ge lt le} compare RFC 3339 date-times as instants, other strings
 *       lexicographically.
 *   <li>Numbers compare numerically, also against a string holding a number.
 *   <li>A boolean matches the strings {@code "true"} and {@code "false"} in any case, because Entra
 *       sends {@code roles[primary eq "True"]}.
 *   <li>A multi-valued attribute matches when any of its values matches; a complex value without a
 *       sub-attribute is compared through its {@code value} sub-attribute.
 *   <li>{@code ne} is the negation of {@code eq}, so it is true for a missing attribute and, on a
 *       multi-valued attribute, true only when no value is equal. {@code eq null} is true when the
 *       attribute is missing or null.
 *   <li>{@code pr}: present and not null, not an empty string, array or object.
 *   <li>Operators that do not apply to a type (ordering on booleans, {@code co} on numbers) do not
 *       match; the evaluator has no schema to reject them with.
 * </ul>
 */
public final class FilterEvaluator {
  private FilterEvaluator() {}

  /**
   * Whether {@code element} matches {@code filter}.
   *
   * @param caseExact tells which attributes (as written in the filter, relative to {@code element})
   *     compare case-exactly; null means none
   */
  public static boolean matches(Filter filter, JsonObject element, Predicate<AttrPath> caseExact) {
    Predicate<AttrPath> exact = caseExact == null ? a -> false : caseExact;
    return new Evaluation(exact).test(filter, element);
  }

  private record Evaluation(Predicate<AttrPath> caseExact) {

    boolean test(Filter filter, JsonObject element) {
      if (filter instanceof Filter.And and) {
        return test(and.left(), element) && test(and.right(), element);
      }
      if (filter instanceof Filter.Or or) {
        return test(or.left(), element) || test(or.right(), element);
      }
      if (filter instanceof Filter.Not not) {
        return !test(not.inner(), element);
      }
      if (filter instanceof Filter.Present present) {
        return values(present.attr(), element, false).stream().anyMatch(Evaluation::isPresent);
      }
      if (filter instanceof Filter.Compare compare) {
        return compare(compare, element);
      }
      Filter.ValuePath valuePath = (Filter.ValuePath) filter;
      return values(valuePath.attr(), element, false).stream()
          .anyMatch(
              v ->
                  v.getValueType() == JsonValue.ValueType.OBJECT
                      && test(valuePath.filter(), v.asJsonObject()));
    }

    private boolean compare(Filter.Compare compare, JsonObject element) {
      List<JsonValue> values = values(compare.attr(), element, true);
      boolean exact = caseExact.test(compare.attr());
      JsonValue expected = compare.value();
      if (expected.getValueType() == JsonValue.ValueType.NULL) {
        return switch (compare.op()) {
          case EQ -> values.isEmpty();
          case NE -> !values.isEmpty();
          default -> false;
        };
      }
      if (compare.op() == CompareOp.NE) {
        return values.stream().noneMatch(v -> test(v, CompareOp.EQ, expected, exact));
      }
      return values.stream().anyMatch(v -> test(v, compare.op(), expected, exact));
    }

    private static boolean test(JsonValue actual, CompareOp op, JsonValue expected, boolean exact) {
      return switch (actual.getValueType()) {
        case TRUE, FALSE -> op == CompareOp.EQ && actual.equals(bool(expected));
        case NUMBER -> compareNumbers(((JsonNumber) actual).bigDecimalValue(), op, expected);
        case STRING -> compareString(((JsonString) actual).getString(), op, expected, exact);
        default -> false;
      };
    }

    private static boolean compareNumbers(BigDecimal actual, CompareOp op, JsonValue expected) {
      BigDecimal number = number(expected);
      return number != null && ordered(op, actual.compareTo(number));
    }

    private static boolean compareString(
        String actual, CompareOp op, JsonValue expected, boolean exact) {
      if (expected.getValueType() == JsonValue.ValueType.NUMBER) {
        BigDecimal number = parseNumber(actual);
        return number != null && compareNumbers(number, op, expected);
      }
      if (expected.getValueType() == JsonValue.ValueType.TRUE
          || expected.getValueType() == JsonValue.ValueType.FALSE) {
        return op == CompareOp.EQ && expected.equals(parseBoolean(actual));
      }
      if (expected.getValueType() != JsonValue.ValueType.STRING) {
        return false;
      }
      String wanted = ((JsonString) expected).getString();
      String a = exact ? actual : actual.toLowerCase(Locale.ROOT);
      String w = exact ? wanted : wanted.toLowerCase(Locale.ROOT);
      return switch (op) {
        case EQ -> a.equals(w);
        case CO -> a.contains(w);
        case SW -> a.startsWith(w);
        case EW -> a.endsWith(w);
        case GT, GE, LT, LE -> {
          Instant ia = instant(actual);
          Instant iw = instant(wanted);
          yield ordered(op, ia != null && iw != null ? ia.compareTo(iw) : a.compareTo(w));
        }
        case NE -> !a.equals(w);
      };
    }

    private static boolean ordered(CompareOp op, int cmp) {
      return switch (op) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case CO, SW, EW -> false;
      };
    }

    /** {@code true}/{@code false}, also from the strings "True", "false", ...; else null. */
    private static JsonValue bool(JsonValue value) {
      return switch (value.getValueType()) {
        case TRUE, FALSE -> value;
        case STRING -> parseBoolean(((JsonString) value).getString());
        default -> null;
      };
    }

    private static JsonValue parseBoolean(String s) {
      return s.equalsIgnoreCase("true")
          ? JsonValue.TRUE
          : s.equalsIgnoreCase("false") ? JsonValue.FALSE : null;
    }

    /** The number in a JSON number or in a string such as "42"; else null. */
    private static BigDecimal number(JsonValue value) {
      if (value.getValueType() == JsonValue.ValueType.NUMBER) {
        return ((JsonNumber) value).bigDecimalValue();
      }
      return value.getValueType() == JsonValue.ValueType.STRING
          ? parseNumber(((JsonString) value).getString())
          : null;
    }

    private static BigDecimal parseNumber(String text) {
      String s = text.trim();
      if (s.isEmpty() || s.length() > 100 || !(Character.isDigit(s.charAt(s.length() - 1)))) {
        return null; // long strings are not numbers worth parsing; "1e" is not a number
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** An RFC 3339 date-time as an instant, or null. */
    private static Instant instant(String s) {
      if (s.length() < 20 || s.charAt(4) != '-') {
        return null;
      }
      try {
        return OffsetDateTime.parse(
                s.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private static boolean isPresent(JsonValue value) {
      return switch (value.getValueType()) {
        case NULL -> false;
        case STRING -> !((JsonString) value).getString().isEmpty();
        case ARRAY -> !((JsonArray) value).isEmpty();
        case OBJECT -> !((JsonObject) value).isEmpty();
        default -> true;
      };
    }

    /**
     * The non-null values {@code attr} names in {@code element}, arrays flattened. With {@code
     * valueOfComplex}, a complex value stands for its {@code value} sub-attribute.
     */
    private static List<JsonValue> values(
        AttrPath attr, JsonObject element, boolean valueOfComplex) {
      JsonObject scope = element;
      if (attr.schema() != null) {
        JsonValue extension = get(element, attr.schema());
        if (extension != null && extension.getValueType() == JsonValue.ValueType.OBJECT) {
          scope = extension.asJsonObject();
        }
      }
      List<JsonValue> top = new ArrayList<>();
      flatten(get(scope, attr.attribute()), top);
      if (!attr.hasSubAttribute() && !valueOfComplex) {
        return top;
      }
      String sub = attr.hasSubAttribute() ? attr.subAttribute() : "value";
      List<JsonValue> result = new ArrayList<>();
      for (JsonValue v : top) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          flatten(get(v.asJsonObject(), sub), result);
        } else if (!attr.hasSubAttribute()) {
          result.add(v);
        }
      }
      return result;
    }

    private static void flatten(JsonValue value, List<JsonValue> into) {
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        return;
      }
      if (value.getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue v : value.asJsonArray()) {
          if (v.getValueType() != JsonValue.ValueType.NULL) {
            into.add(v);
          }
        }
        return;
      }
      into.add(value);
    }

    /** The value under {@code name}, the exact key first, else any key equal ignoring case. */
    private static JsonValue get(JsonObject object, String name) {
      JsonValue exact = object.get(name);
      if (exact != null) {
        return exact;
      }
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }
  }
}
