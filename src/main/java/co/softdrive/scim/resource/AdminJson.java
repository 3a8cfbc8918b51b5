package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of admin API request bodies with clear 400s. */
final class AdminJson {
  private AdminJson() {}

  static String string(JsonObject json, String key) {
    JsonValue v = json.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw ScimBadRequest.invalidValue(key + " must be a string");
    }
    return s.getString();
  }

  static Integer integer(JsonObject json, String key) {
    Long v = longValue(json, key);
    if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw ScimBadRequest.invalidValue(key + " is out of range");
    }
    return v == null ? null : v.intValue();
  }

  static Long longValue(JsonObject json, String key) {
    JsonValue v = json.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw ScimBadRequest.invalidValue(key + " must be an integer");
    }
    return n.longValue();
  }

  /** A list of strings, or null when absent. */
  static List<String> strings(JsonObject json, String key) {
    JsonValue v = json.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw ScimBadRequest.invalidValue(key + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : a) {
      if (!(item instanceof JsonString s)) {
        throw ScimBadRequest.invalidValue(key + " must be an array of strings");
      }
      out.add(s.getString());
    }
    return out;
  }

  static int limit(String value, int def, int max) {
    if (value == null || value.isBlank()) {
      return def;
    }
    try {
      return Math.max(1, Math.min(max, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      throw ScimBadRequest.invalidValue("limit must be an integer");
    }
  }

  /** An integer query parameter kept to {@code min..max}; {@code def} when absent. */
  static int parameter(String name, String value, int def, int min, int max) {
    if (value == null || value.isBlank()) {
      return def;
    }
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      throw ScimBadRequest.invalidValue(name + " must be an integer");
    }
  }

  static long cursor(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw ScimBadRequest.invalidValue("after must be a cursor (an integer)");
    }
  }
}
