package co.softdrive.scim.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.Map;

/** JSON request bodies for tests, written with JSON-P (no object mapper needed). */
public final class Jsons {
  private Jsons() {}

  /** {@code Jsons.of("name", "x", "count", 3)}: alternating keys and values. */
  public static String of(Object... keysAndValues) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      add(b, (String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build().toString();
  }

  public static String of(Map<String, ?> map) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    map.forEach((k, v) -> add(b, k, v));
    return b.build().toString();
  }

  private static void add(JsonObjectBuilder b, String key, Object value) {
    if (value instanceof String s) {
      b.add(key, s);
    } else if (value instanceof Integer n) {
      b.add(key, n);
    } else if (value instanceof Long n) {
      b.add(key, n);
    } else if (value instanceof Boolean v) {
      b.add(key, v);
    } else if (value instanceof Collection<?> c) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      c.forEach(item -> a.add(String.valueOf(item)));
      b.add(key, a);
    } else if (value == null) {
      b.addNull(key);
    } else {
      throw new IllegalArgumentException("Unsupported JSON value " + value.getClass());
    }
  }
}
