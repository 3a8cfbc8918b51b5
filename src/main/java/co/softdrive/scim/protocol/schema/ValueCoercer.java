package co.softdrive.scim.protocol.schema;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one attribute value against its definition (RFC 7643 §2.3) and puts it into canonical
 * form: sub-attribute names in canonical case, unknown and read-only sub-attributes and JSON nulls
 * dropped, everything else stored exactly as sent. Client quirks are undone first by the configured
 * {@link ValueRewrite}s. A value of the wrong JSON type, a string longer than {@link
 * Limits#stringLength()} ({@link Limits#largeStringLength()} for {@code x509Certificates} and
 * {@code photos}), or more than {@link Limits#attributeValues()} values of one multi-valued
 * attribute (group members are counted elsewhere) fails with {@code invalidValue} naming the
 * attribute.
 */
public final class ValueCoercer {
  private static final List<String> LARGE_VALUE_ATTRIBUTES = List.of("x509certificates", "photos");

  private final List<ValueRewrite> rewrites;
  private final Limits limits;

  public ValueCoercer(List<ValueRewrite> rewrites, Limits limits) {
    this.rewrites = List.copyOf(rewrites);
    this.limits = limits;
  }

  /**
   * The whole value of an attribute: an array for a multi-valued attribute (a single element is
   * accepted and wrapped). Empty when there is no value left (null, {@code []}, an empty object).
   */
  public Optional<JsonValue> attribute(AttributeDef def, JsonValue value, String where) {
    return attribute(def, value, where, limits.stringLength());
  }

  /**
   * One value of {@code def} ignoring {@code multiValued}: an element of a multi-valued attribute
   * or the value of a single-valued one. Empty when there is no value left.
   */
  public Optional<JsonValue> element(AttributeDef def, JsonValue value, String where) {
    JsonValue v = rewrite(def, value);
    return single(def, v, where, limitFor(def, limits.stringLength()));
  }

  private Optional<JsonValue> attribute(
      AttributeDef def, JsonValue value, String where, int limit) {
    JsonValue v = rewrite(def, value);
    if (v == null || v.getValueType() == ValueType.NULL) {
      return Optional.empty();
    }
    if (!def.multiValued()) {
      return single(def, v, where, limit);
    }
    List<JsonValue> elements = v instanceof JsonArray array ? array : List.of(v);
    if (elements.size() > limits.attributeValues()) {
      throw ScimBadRequest.invalidValue(
          "attribute '" + where + "' has more than " + limits.attributeValues() + " values");
    }
    JsonArrayBuilder out = JSON.createArrayBuilder();
    int count = 0;
    for (JsonValue e : elements) {
      Optional<JsonValue> c = single(def, e, where, limitFor(def, limit));
      if (c.isPresent()) {
        out.add(c.get());
        count++;
      }
    }
    return count == 0 ? Optional.empty() : Optional.of(out.build());
  }

  private Optional<JsonValue> single(AttributeDef def, JsonValue v, String where, int limit) {
    if (v == null || v.getValueType() == ValueType.NULL) {
      return Optional.empty();
    }
    switch (def.type()) {
      case STRING, REFERENCE, DATETIME, BINARY -> {
        if (!(v instanceof JsonString s)) {
          throw wrongType(where, "a string", v);
        }
        if (s.getString().length() > limit) {
          throw ScimBadRequest.invalidValue(
              "attribute '" + where + "' is longer than " + limit + " characters");
        }
        return Optional.of(v);
      }
      case BOOLEAN -> {
        if (v.getValueType() != ValueType.TRUE && v.getValueType() != ValueType.FALSE) {
          throw wrongType(where, "a boolean", v);
        }
        return Optional.of(v);
      }
      case INTEGER -> {
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
          throw wrongType(where, "an integer", v);
        }
        return Optional.of(v);
      }
      case DECIMAL -> {
        if (!(v instanceof JsonNumber)) {
          throw wrongType(where, "a number", v);
        }
        return Optional.of(v);
      }
      case COMPLEX -> {
        if (!(v instanceof JsonObject o)) {
          throw wrongType(where, "an object", v);
        }
        return complex(def, o, where, limit);
      }
      default -> throw new IllegalStateException(def.type().name());
    }
  }

  private Optional<JsonValue> complex(AttributeDef def, JsonObject o, String where, int limit) {
    JsonObjectBuilder out = JSON.createObjectBuilder();
    int count = 0;
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      Optional<AttributeDef> sub = def.subAttribute(e.getKey());
      if (sub.isEmpty() || sub.get().isReadOnly()) {
        continue; // unknown and server-owned sub-attributes are dropped, as for top-level ones
      }
      String subWhere = where + "." + sub.get().name();
      Optional<JsonValue> c = attribute(sub.get(), e.getValue(), subWhere, limit);
      if (c.isPresent()) {
        out.add(sub.get().name(), c.get());
        count++;
      }
    }
    return count == 0 ? Optional.empty() : Optional.of(out.build());
  }

  private JsonValue rewrite(AttributeDef def, JsonValue value) {
    JsonValue v = value;
    for (ValueRewrite r : rewrites) {
      if (v == null) {
        return null;
      }
      v = r.rewrite(def, v);
    }
    return v;
  }

  private int limitFor(AttributeDef def, int inherited) {
    return LARGE_VALUE_ATTRIBUTES.contains(def.key()) ? limits.largeStringLength() : inherited;
  }

  private static ScimBadRequest wrongType(String where, String expected, JsonValue v) {
    return ScimBadRequest.invalidValue(
        "attribute '" + where + "' must be " + expected + ", not " + describe(v));
  }

  private static String describe(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case NULL -> "null";
    };
  }
}
