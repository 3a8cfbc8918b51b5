package co.softdrive.scim.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of a User that have no column of their own on {@code scim_user} and are filtered
 * through {@code scim_user_value}: one row per (attribute, element, sub-attribute) holding the
 * value as filters compare it. Both the writers (provisioning, the migration's backfill) and the
 * filter translation read this one list, so a value is stored exactly as a filter looks for it.
 *
 * <p>A row: {@code attr} the attribute's code ({@link Attribute#code}), {@code pos} the element's
 * index in the multi-valued array (0 for a single value), {@code sub} the lower-case sub-attribute
 * ("" for a simple attribute), {@code val} the value: lower-cased unless the sub-attribute is
 * {@code caseExact}, booleans as {@code true}/{@code false}, and a value over {@link #MAX_VALUE}
 * characters as its first {@link #LONG_PREFIX} characters, {@code #} and the SHA-256 of the whole
 * (so {@code eq} and {@code ne} still find it exactly and {@code sw} by a short prefix; {@code co}
 * and {@code ew} do not reach past the prefix).
 */
public final class UserValues {
  public static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** The longest value stored as is. */
  public static final int MAX_VALUE = 512;

  /** What a longer value keeps of itself before its hash. */
  static final int LONG_PREFIX = 440;

  /**
   * One filterable attribute kept in the table.
   *
   * @param code {@code scim_user_value.attr}
   * @param schema the extension's URN, or null for the core User schema
   * @param name the attribute's name as the schema spells it
   * @param multiValued whether the JSON holds an array of elements
   * @param subAttributes sub-attribute names as the schema spells them; empty for a simple one
   * @param caseExact the sub-attributes (lower-case; "" for a simple attribute) compared exactly
   * @param booleans the sub-attributes (lower-case) that hold booleans
   */
  public record Attribute(
      String code,
      String schema,
      String name,
      boolean multiValued,
      List<String> subAttributes,
      Set<String> caseExact,
      Set<String> booleans) {

    /**
     * The schema spelling of a sub-attribute (any case), or empty when it has none of that name.
     */
    public Optional<String> subAttribute(String anyCase) {
      return subAttributes.stream().filter(s -> s.equalsIgnoreCase(anyCase)).findFirst();
    }

    public boolean isCaseExact(String sub) {
      return caseExact.contains(sub.toLowerCase(Locale.ROOT));
    }

    public boolean isBoolean(String sub) {
      return booleans.contains(sub.toLowerCase(Locale.ROOT));
    }
  }

  private static final List<String> VALUE_DISPLAY_TYPE_PRIMARY =
      List.of("value", "display", "type", "primary");

  /** Every attribute of the User schemas filtered through the table. */
  public static final List<Attribute> ATTRIBUTES =
      List.of(
          simple("nickname", null, "nickName"),
          simple("profileurl", null, "profileUrl"),
          simple("title", null, "title"),
          simple("usertype", null, "userType"),
          simple("preferredlanguage", null, "preferredLanguage"),
          simple("locale", null, "locale"),
          simple("timezone", null, "timezone"),
          new Attribute(
              "name",
              null,
              "name",
              false,
              List.of("formatted", "middleName", "honorificPrefix", "honorificSuffix"),
              Set.of(),
              Set.of()),
          multi("phonenumbers", "phoneNumbers", Set.of()),
          multi("ims", "ims", Set.of()),
          multi("photos", "photos", Set.of()),
          multi("entitlements", "entitlements", Set.of()),
          multi("roles", "roles", Set.of()),
          // Binary (RFC 7643 §2.3.6): compared exactly.
          multi("x509certificates", "x509Certificates", Set.of("value")),
          new Attribute(
              "addresses",
              null,
              "addresses",
              true,
              List.of(
                  "formatted",
                  "streetAddress",
                  "locality",
                  "region",
                  "postalCode",
                  "country",
                  "type",
                  "primary"),
              Set.of(),
              Set.of("primary")),
          simple("enterprise:costcenter", ENTERPRISE, "costCenter"),
          simple("enterprise:organization", ENTERPRISE, "organization"),
          simple("enterprise:division", ENTERPRISE, "division"),
          simple("enterprise:department", ENTERPRISE, "department"));

  /** One row of {@code scim_user_value}. */
  public record Row(String attr, int pos, String sub, String value) {}

  private UserValues() {}

  private static Attribute simple(String code, String schema, String name) {
    return new Attribute(code, schema, name, false, List.of(), Set.of(), Set.of());
  }

  private static Attribute multi(String code, String name, Set<String> caseExact) {
    return new Attribute(
        code, null, name, true, VALUE_DISPLAY_TYPE_PRIMARY, caseExact, Set.of("primary"));
  }

  /** The attribute of that schema (null = core) and name (any case), if it is kept here. */
  public static Optional<Attribute> find(String schema, String name) {
    return ATTRIBUTES.stream()
        .filter(a -> a.name().equalsIgnoreCase(name))
        .filter(a -> schema == null ? a.schema() == null : schema.equalsIgnoreCase(a.schema()))
        .findFirst();
  }

  /**
   * The rows of one canonical User (the JSON stored in {@code scim_user.attributes}), in a stable
   * order: equal lists mean nothing to rewrite.
   */
  public static List<Row> of(JsonObject user) {
    List<Row> rows = new ArrayList<>();
    for (Attribute a : ATTRIBUTES) {
      JsonObject container = user;
      if (a.schema() != null) {
        container = field(user, a.schema()) instanceof JsonObject o ? o : null;
        if (container == null) {
          continue;
        }
      }
      JsonValue v = field(container, a.name());
      if (v == null) {
        continue;
      }
      if (a.subAttributes().isEmpty()) {
        add(rows, a, 0, "", v);
      } else if (a.multiValued()) {
        if (v instanceof JsonArray array) {
          for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject element) {
              element(rows, a, i, element);
            }
          }
        }
      } else if (v instanceof JsonObject element) {
        element(rows, a, 0, element);
      }
    }
    return rows;
  }

  private static void element(List<Row> rows, Attribute a, int pos, JsonObject element) {
    for (String sub : a.subAttributes()) {
      JsonValue v = field(element, sub);
      if (v != null) {
        add(rows, a, pos, sub.toLowerCase(Locale.ROOT), v);
      }
    }
  }

  private static void add(List<Row> rows, Attribute a, int pos, String sub, JsonValue v) {
    String text;
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      text = String.valueOf(v == JsonValue.TRUE);
    } else if (v instanceof JsonString s) {
      text = normalize(a, sub, s.getString());
    } else {
      return;
    }
    if (!text.isEmpty()) {
      rows.add(new Row(a.code(), pos, sub, text));
    }
  }

  /** A value as stored, for the sub-attribute {@code sub} ("" for a simple attribute). */
  public static String normalize(Attribute a, String sub, String value) {
    return stored(a.isCaseExact(sub) ? value : value.toLowerCase(Locale.ROOT));
  }

  /** A (normalized) value as the column holds it: as is, or prefix and hash when long. */
  public static String stored(String value) {
    if (value.length() <= MAX_VALUE) {
      return value;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return value.substring(0, LONG_PREFIX) + "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A member of an object by name in any case (attribute names are case-insensitive). */
  private static JsonValue field(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v != null) {
      return v;
    }
    for (var e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
