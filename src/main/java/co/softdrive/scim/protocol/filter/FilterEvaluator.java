package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.function.Predicate;

/**
 * PLACEHOLDER (replaced on merge by the real evaluator from branch protocol-filter). Evaluates a
 * value filter on one element of a multi-valued attribute: {@code eq} (case-insensitive unless
 * caseExact, boolean against "True"/"False"), {@code and}, {@code or}, {@code not}, {@code pr}.
 */
public final class FilterEvaluator {
  private FilterEvaluator() {}

  public static boolean matches(Filter filter, JsonObject element, Predicate<AttrPath> caseExact) {
    if (filter instanceof Filter.And and) {
      return matches(and.left(), element, caseExact) && matches(and.right(), element, caseExact);
    }
    if (filter instanceof Filter.Or or) {
      return matches(or.left(), element, caseExact) || matches(or.right(), element, caseExact);
    }
    if (filter instanceof Filter.Not not) {
      return !matches(not.inner(), element, caseExact);
    }
    if (filter instanceof Filter.Present present) {
      JsonValue v = get(element, present.attr());
      return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }
    if (filter instanceof Filter.Compare c && c.op() == CompareOp.EQ) {
      return equal(get(element, c.attr()), c.value(), caseExact.test(c.attr()));
    }
    return false;
  }

  private static JsonValue get(JsonObject element, AttrPath attr) {
    JsonValue v = field(element, attr.attribute());
    if (attr.subAttribute() != null && v instanceof JsonObject o) {
      v = field(o, attr.subAttribute());
    }
    return v;
  }

  private static JsonValue field(JsonObject o, String name) {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean equal(JsonValue actual, JsonValue expected, boolean caseExact) {
    if (actual == null) {
      return expected.getValueType() == JsonValue.ValueType.NULL;
    }
    if (actual instanceof JsonString a && expected instanceof JsonString e) {
      return caseExact ? a.getString().equals(e.getString()) : a.getString().equalsIgnoreCase(e.getString());
    }
    if (actual instanceof JsonNumber a && expected instanceof JsonNumber e) {
      return a.bigDecimalValue().compareTo(e.bigDecimalValue()) == 0;
    }
    Boolean a = bool(actual);
    Boolean e = bool(expected);
    return a != null && a.equals(e);
  }

  private static Boolean bool(JsonValue v) {
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    if (v instanceof JsonString s) {
      if (s.getString().equalsIgnoreCase("true")) {
        return true;
      }
      if (s.getString().equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }
}
