package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.filter.FilterParser;
import co.softdrive.scim.protocol.filter.PathParser;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.query.ListParams;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A list/search request (RFC 7644 §3.4.2, §3.4.3) from query parameters or a {@code .search} body:
 * parameter names are case-insensitive, unknown parameters are ignored, {@code startIndex} below 1
 * means 1, {@code count} is clamped to [0, {@link Limits#maxCount()}], the filter and {@code
 * sortBy} are parsed within the limits.
 */
record ListRequest(
    ListParams params, List<String> attributes, List<String> excludedAttributes, int startIndex) {

  static ListRequest fromQuery(
      MultivaluedMap<String, String> query, int defaultCount, Limits limits) {
    Map<String, String> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    query.forEach((k, v) -> p.putIfAbsent(k, v.isEmpty() ? null : v.get(0)));
    return of(
        p.get("filter"),
        p.get("sortBy"),
        p.get("sortOrder"),
        integer("startIndex", p.get("startIndex")),
        integer("count", p.get("count")),
        split(p.get("attributes")),
        split(p.get("excludedAttributes")),
        defaultCount,
        limits);
  }

  static ListRequest fromSearchBody(JsonObject body, int defaultCount, Limits limits) {
    Map<String, JsonValue> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    p.putAll(body);
    return of(
        string(p, "filter"),
        string(p, "sortBy"),
        string(p, "sortOrder"),
        number(p, "startIndex"),
        number(p, "count"),
        list(p, "attributes"),
        list(p, "excludedAttributes"),
        defaultCount,
        limits);
  }

  private static ListRequest of(
      String filterText,
      String sortBy,
      String sortOrder,
      Integer startIndex,
      Integer count,
      List<String> attributes,
      List<String> excluded,
      int defaultCount,
      Limits limits) {
    Filter filter =
        filterText == null || filterText.isBlank()
            ? null
            : FilterParser.parse(filterText.strip(), limits);
    AttrPath sort = null;
    if (sortBy != null && !sortBy.isBlank()) {
      try {
        sort = PathParser.parse(sortBy.strip(), limits).attr();
      } catch (ScimBadRequest e) {
        throw ScimBadRequest.invalidValue("sortBy '" + sortBy + "' is not an attribute name");
      }
    }
    boolean descending = false;
    if (sortOrder != null && !sortOrder.isBlank()) {
      String o = sortOrder.strip().toLowerCase(Locale.ROOT);
      if (!o.equals("ascending") && !o.equals("descending")) {
        throw ScimBadRequest.invalidValue("sortOrder must be \"ascending\" or \"descending\"");
      }
      descending = o.equals("descending");
    }
    int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
    int c = Math.max(0, Math.min(count == null ? defaultCount : count, limits.maxCount()));
    return new ListRequest(
        new ListParams(filter, sort, descending, start, c), attributes, excluded, start);
  }

  private static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(value.strip());
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    } catch (NumberFormatException e) {
      throw ScimBadRequest.invalidValue(name + " must be an integer");
    }
  }

  private static String string(Map<String, JsonValue> p, String key) {
    JsonValue v = p.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw ScimBadRequest.invalidValue(key + " must be a string");
  }

  private static Integer number(Map<String, JsonValue> p, String key) {
    JsonValue v = p.get(key);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue()));
    }
    if (v instanceof JsonString s) {
      return integer(key, s.getString());
    }
    throw ScimBadRequest.invalidValue(key + " must be an integer");
  }

  private static List<String> list(Map<String, JsonValue> p, String key) {
    JsonValue v = p.get(key);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (v instanceof JsonString s) {
      return split(s.getString());
    }
    if (v instanceof JsonArray a) {
      List<String> out = new ArrayList<>();
      for (JsonValue item : a) {
        if (!(item instanceof JsonString s)) {
          throw ScimBadRequest.invalidValue(key + " must be a list of attribute names");
        }
        out.addAll(split(s.getString()));
      }
      return out;
    }
    throw ScimBadRequest.invalidValue(key + " must be a list of attribute names");
  }

  static List<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
