package co.softdrive.scim.protocol.path;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * PLACEHOLDER (replaced on merge by the real parser from branch protocol-filter). Parses a PATCH
 * path (RFC 7644 §3.5.2): {@code attr}, {@code attr.sub}, {@code urn:...:attr[.sub]}, a bare
 * extension URN, {@code attr[sub eq "v" and|or ...]} and {@code attr[sub eq "v"].sub}.
 */
public final class PathParser {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

  private PathParser() {}

  public static PatchPath parse(String path) {
    if (path == null || path.isBlank()) {
      throw ScimBadRequest.invalidPath("path is empty");
    }
    String p = path.trim();
    int open = p.indexOf('[');
    if (open < 0) {
      return PatchPath.of(attrPath(p));
    }
    int close = p.lastIndexOf(']');
    if (close < open) {
      throw ScimBadRequest.invalidPath("missing ']' in path '" + p + "'");
    }
    AttrPath attr = attrPath(p.substring(0, open));
    Filter filter = filter(p.substring(open + 1, close));
    String rest = p.substring(close + 1);
    String sub = null;
    if (!rest.isEmpty()) {
      if (!rest.startsWith(".") || rest.length() < 2) {
        throw ScimBadRequest.invalidPath("unexpected '" + rest + "' after ']' in path");
      }
      sub = name(rest.substring(1));
    }
    return new PatchPath(attr, filter, sub);
  }

  private static AttrPath attrPath(String s) {
    if (s.regionMatches(true, 0, "urn:", 0, 4)) {
      int colon = s.lastIndexOf(':');
      String head = s.substring(0, colon);
      String tail = s.substring(colon + 1);
      String previous = head.substring(head.lastIndexOf(':') + 1);
      if (VERSION.matcher(previous).matches()) {
        return new AttrPath(s, "", null);
      }
      AttrPath local = attrPath(tail);
      return new AttrPath(head, local.attribute(), local.subAttribute());
    }
    int dot = s.indexOf('.');
    if (dot < 0) {
      return new AttrPath(null, name(s), null);
    }
    return new AttrPath(null, name(s.substring(0, dot)), name(s.substring(dot + 1)));
  }

  private static String name(String s) {
    if (!s.matches("\\$?[A-Za-z][A-Za-z0-9_$-]*")) {
      throw ScimBadRequest.invalidPath("invalid attribute name '" + s + "'");
    }
    return s;
  }

  private static Filter filter(String text) {
    String[] alternatives = text.trim().split("(?i)\\s+or\\s+");
    Filter result = null;
    for (String alternative : alternatives) {
      Filter f = conjunction(alternative);
      result = result == null ? f : new Filter.Or(result, f);
    }
    return result;
  }

  private static Filter conjunction(String text) {
    String[] parts = text.trim().split("(?i)\\s+and\\s+");
    Filter result = null;
    for (String part : parts) {
      Filter f = compare(part.trim());
      result = result == null ? f : new Filter.And(result, f);
    }
    return result;
  }

  private static Filter compare(String s) {
    String[] t = s.split("\\s+", 3);
    if (t.length != 3 || !t[1].equalsIgnoreCase("eq")) {
      throw ScimBadRequest.invalidPath("unsupported value filter '" + s + "'");
    }
    return new Filter.Compare(attrPath(t[0]), CompareOp.EQ, literal(t[2]));
  }

  private static JsonValue literal(String v) {
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
      return Json.createValue(v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    switch (v.toLowerCase()) {
      case "true":
        return JsonValue.TRUE;
      case "false":
        return JsonValue.FALSE;
      case "null":
        return JsonValue.NULL;
      default:
        try {
          return Json.createValue(new BigDecimal(v));
        } catch (NumberFormatException e) {
          throw ScimBadRequest.invalidPath("invalid value '" + v + "' in filter");
        }
    }
  }
}
