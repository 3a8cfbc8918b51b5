package co.softdrive.scim.protocol.list;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9):
 * which attributes of a resource go into a response.
 *
 * <p>Each name is {@code name}, {@code name.subName}, URN-qualified ({@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}) or a whole extension
 * URN; names are case-insensitive. Extension attributes live in the resource under their URN key,
 * and an extension object (or a complex value) that the projection leaves empty is dropped. A name
 * qualified with a core schema ({@code urn:ietf:params:scim:schemas:core:2.0:User:userName}) means
 * the top-level attribute; a name qualified with an extension the resource does not have selects
 * nothing. When both parameters are given, {@code attributes} wins. Attributes that are always
 * returned (e.g. {@code id}, {@code schemas}, {@code meta}) are never removed.
 */
public final class AttributeProjection {
  /** Attributes qualified with a core schema (RFC 7643 §8.7.1) are top-level attributes. */
  private static final String CORE_PREFIX = "urn:ietf:params:scim:schemas:core:";

  private AttributeProjection() {}

  /**
   * The resource with only the requested attributes.
   *
   * @param resource the full resource
   * @param attributes names to return (already split at commas), or null/empty
   * @param excludedAttributes names to leave out, or null/empty; ignored when {@code attributes}
   *     has a name
   * @param alwaysReturned top-level names kept whatever is asked, any case
   */
  public static JsonObject apply(
      JsonObject resource,
      List<String> attributes,
      List<String> excludedAttributes,
      Set<String> alwaysReturned) {
    List<String> included = names(attributes);
    List<String> excluded = names(excludedAttributes);
    if (included.isEmpty() && excluded.isEmpty()) {
      return resource;
    }
    Set<String> always =
        alwaysReturned == null
            ? Set.of()
            : alwaysReturned.stream()
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    boolean include = !included.isEmpty();
    List<Selector> selectors = new ArrayList<>();
    for (String name : include ? included : excluded) {
      Selector selector = Selector.resolve(name, resource);
      if (selector != null) {
        selectors.add(selector);
      }
    }
    JsonObjectBuilder out = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : resource.entrySet()) {
      String key = e.getKey();
      JsonValue value = e.getValue();
      JsonValue kept;
      if (always.contains(key.toLowerCase(Locale.ROOT))) {
        kept = value;
      } else if (isExtension(key, value)) {
        kept = extension(key, value.asJsonObject(), selectors, include);
      } else {
        kept = attribute(key, value, null, selectors, include);
      }
      if (kept != null) {
        out.add(key, kept);
      }
    }
    return out.build();
  }

  /**
   * Whether the top-level {@code attribute} (e.g. {@code members}, or an extension URN) will be
   * absent from what {@link #apply} returns, so that callers can skip loading it. It does not know
   * the always-returned attributes: do not ask about those.
   */
  public static boolean excludes(
      String attribute, List<String> attributes, List<String> excludedAttributes) {
    List<String> included = names(attributes);
    if (!included.isEmpty()) {
      return included.stream().noneMatch(name -> selectsSomeOf(name, attribute));
    }
    return names(excludedAttributes).stream().anyMatch(name -> selectsAllOf(name, attribute));
  }

  /**
   * Whether sub-attribute {@code sub} of {@code attribute} (e.g. {@code members.display}) is
   * returned: the attribute is, and the sub-attribute is neither left out of an {@code attributes}
   * list that names other sub-attributes only nor named in {@code excludedAttributes}.
   */
  public static boolean returnsSubAttribute(
      String attribute, String sub, List<String> attributes, List<String> excludedAttributes) {
    if (excludes(attribute, attributes, excludedAttributes)) {
      return false;
    }
    String path = attribute + "." + sub;
    List<String> included = names(attributes);
    if (!included.isEmpty()) {
      return included.stream()
          .anyMatch(name -> selectsAllOf(name, attribute) || selectsAllOf(name, path));
    }
    return names(excludedAttributes).stream().noneMatch(name -> selectsAllOf(name, path));
  }

  private static boolean selectsSomeOf(String name, String attribute) {
    String local = coreLocalName(name);
    return name.equalsIgnoreCase(attribute)
        || startsWithIgnoreCase(name, attribute + ".")
        || startsWithIgnoreCase(name, attribute + ":")
        || (local != null
            && (local.equalsIgnoreCase(attribute) || startsWithIgnoreCase(local, attribute + ".")));
  }

  private static boolean selectsAllOf(String name, String attribute) {
    return name.equalsIgnoreCase(attribute) || attribute.equalsIgnoreCase(coreLocalName(name));
  }

  /**
   * {@code userName} for {@code urn:ietf:params:scim:schemas:core:2.0:User:userName}, else null.
   */
  private static String coreLocalName(String name) {
    int colon = name.lastIndexOf(':');
    return colon >= 0 && startsWithIgnoreCase(name, CORE_PREFIX) ? name.substring(colon + 1) : null;
  }

  /** The extension object as projected, or null when it goes. */
  private static JsonValue extension(
      String key, JsonObject value, List<Selector> selectors, boolean include) {
    List<Selector> mine = selectors.stream().filter(s -> key.equals(s.extension())).toList();
    if (mine.stream().anyMatch(s -> s.attribute() == null)) {
      return include ? value : null;
    }
    if (mine.isEmpty()) {
      return include ? null : value;
    }
    JsonObjectBuilder out = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : value.entrySet()) {
      JsonValue kept = attribute(e.getKey(), e.getValue(), key, selectors, include);
      if (kept != null) {
        out.add(e.getKey(), kept);
      }
    }
    JsonObject projected = out.build();
    return projected.isEmpty() && !value.isEmpty() ? null : projected;
  }

  /** One attribute of the resource or of extension {@code extension}, as projected, or null. */
  private static JsonValue attribute(
      String name, JsonValue value, String extension, List<Selector> selectors, boolean include) {
    boolean whole = false;
    List<String> subs = new ArrayList<>();
    for (Selector s : selectors) {
      if (s.attribute() != null
          && s.attribute().equalsIgnoreCase(name)
          && (extension == null ? s.extension() == null : extension.equals(s.extension()))) {
        if (s.sub() == null) {
          whole = true;
        } else {
          subs.add(s.sub());
        }
      }
    }
    if (whole) {
      return include ? value : null;
    }
    if (subs.isEmpty()) {
      return include ? null : value;
    }
    return subAttributes(value, subs, include);
  }

  /** Keeps ({@code include}) or removes the sub-attributes {@code subs} of a complex value. */
  private static JsonValue subAttributes(JsonValue value, List<String> subs, boolean include) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject object = value.asJsonObject();
      JsonObjectBuilder out = JSON.createObjectBuilder();
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        boolean named = subs.stream().anyMatch(s -> s.equalsIgnoreCase(e.getKey()));
        if (named == include) {
          out.add(e.getKey(), e.getValue());
        }
      }
      JsonObject projected = out.build();
      return projected.isEmpty() && (include || !object.isEmpty()) ? null : projected;
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray array = value.asJsonArray();
      JsonArrayBuilder out = JSON.createArrayBuilder();
      int count = 0;
      for (JsonValue element : array) {
        JsonValue projected =
            element.getValueType() == JsonValue.ValueType.OBJECT
                ? subAttributes(element, subs, include)
                : (include ? null : element);
        if (projected != null) {
          out.add(projected);
          count++;
        }
      }
      return count == 0 && (include || !array.isEmpty()) ? null : out.build();
    }
    // A simple value has no sub-attributes: asking for one selects nothing, excluding one nothing.
    return include ? null : value;
  }

  private static boolean isExtension(String key, JsonValue value) {
    return key.indexOf(':') >= 0 && value.getValueType() == JsonValue.ValueType.OBJECT;
  }

  private static List<String> names(List<String> names) {
    if (names == null) {
      return List.of();
    }
    return names.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /**
   * What one name selects: {@code extension} is the resource's key for an extension (null for a
   * top-level attribute), {@code attribute} is null for the whole extension, {@code sub} is null
   * for the whole attribute.
   */
  private record Selector(String extension, String attribute, String sub) {

    /** The selector for {@code name} in {@code resource}, or null when it can select nothing. */
    static Selector resolve(String name, JsonObject resource) {
      for (Map.Entry<String, JsonValue> e : resource.entrySet()) {
        String key = e.getKey();
        if (!isExtension(key, e.getValue())) {
          continue;
        }
        if (name.equalsIgnoreCase(key)) {
          return new Selector(key, null, null);
        }
        if (name.length() > key.length() + 1
            && startsWithIgnoreCase(name, key)
            && name.charAt(key.length()) == ':') {
          return local(key, name.substring(key.length() + 1));
        }
      }
      if (name.indexOf(':') < 0) {
        return local(null, name);
      }
      String core = coreLocalName(name);
      return core == null ? null : local(null, core);
    }

    private static Selector local(String extension, String local) {
      int dot = local.indexOf('.');
      return dot < 0
          ? new Selector(extension, local, null)
          : new Selector(extension, local.substring(0, dot), local.substring(dot + 1));
    }
  }
}
