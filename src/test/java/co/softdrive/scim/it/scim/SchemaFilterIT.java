package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.GROUP;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.TenantFixture;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters generated from {@code /Schemas} (RFC 7644 §3.4.2.2): every attribute and sub-attribute of
 * the User, EnterpriseUser and Group schemas is written on one resource (A), then filtered with
 * {@code eq} (A and not the bare resource B), {@code pr} (A; B when B has it too), {@code co} on
 * strings, and {@code eq} with the value upper-cased (found unless the schema says caseExact).
 * Read-only attributes get known values: ids, memberships, {@code meta}. The attributes a filter
 * cannot search ({@link #NOT_FILTERABLE}) must answer 400 invalidFilter.
 */
class SchemaFilterIT {
  /** Never stored, or computed per request: a filter on them is 400 invalidFilter. */
  static final Set<String> NOT_FILTERABLE =
      Set.of("password", "groups.$ref", "members.$ref", ENTERPRISE + ":manager.$ref");

  static TenantFixture t;
  static String a;
  static String b;
  static String group;
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** Path (schema spelling, extensions URN-qualified) to what A holds there. */
  record Leaf(String type, boolean caseExact, Object value, boolean bHasIt) {}

  static final Map<String, Leaf> USER_LEAVES = new LinkedHashMap<>();
  static final Map<String, Leaf> GROUP_LEAVES = new LinkedHashMap<>();

  @BeforeAll
  static void resources() {
    t = TenantFixture.create("schema-filters").withoutRateLimit();
    Response schemas = t.scim().get("/Schemas");
    assertEquals(200, schemas.statusCode());
    List<Map<String, Object>> resources = schemas.path("Resources");
    b =
        post(
            "/Users",
            Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(USER))
                .add("userName", "b-" + RUN)
                .add("displayName", "Bee " + RUN)
                .build()
                .toString());
    JsonObjectBuilder user = Json.createObjectBuilder();
    JsonObjectBuilder enterprise = Json.createObjectBuilder();
    for (Map<String, Object> schema : resources) {
      String id = (String) schema.get("id");
      if (!id.equals(USER) && !id.equals(ENTERPRISE)) {
        continue;
      }
      String prefix = id.equals(USER) ? "" : id + ":";
      for (Map<String, Object> attr : attributes(schema)) {
        write(id.equals(USER) ? user : enterprise, prefix, attr, USER_LEAVES);
      }
    }
    user.add("externalId", "Ext-" + RUN + "-Mixed");
    user.add(ENTERPRISE, enterprise);
    user.add("schemas", Json.createArrayBuilder().add(USER).add(ENTERPRISE));
    a = post("/Users", user.build().toString());
    group =
        post(
            "/Groups",
            Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(GROUP))
                .add("displayName", "Group " + RUN)
                .add(
                    "members",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", a)))
                .build()
                .toString());
    // Read-only and common attributes, with what they hold for A.
    String displayName = (String) USER_LEAVES.get("displayName").value();
    known(USER_LEAVES, "id", "string", true, a, true);
    known(USER_LEAVES, "externalId", "string", true, "Ext-" + RUN + "-Mixed", false);
    known(USER_LEAVES, "meta.resourceType", "string", true, "User", true);
    known(USER_LEAVES, "meta.created", "dateTime", false, null, true);
    known(USER_LEAVES, "meta.lastModified", "dateTime", false, null, true);
    known(USER_LEAVES, "groups.value", "string", true, group, false);
    known(USER_LEAVES, "groups.display", "string", false, "Group " + RUN, false);
    known(USER_LEAVES, "groups.type", "string", false, "direct", false);
    known(USER_LEAVES, ENTERPRISE + ":manager.value", "string", true, b, false);
    known(USER_LEAVES, ENTERPRISE + ":manager.displayName", "string", false, "Bee " + RUN, false);
    known(GROUP_LEAVES, "id", "string", true, group, false);
    known(GROUP_LEAVES, "displayName", "string", false, "Group " + RUN, false);
    known(GROUP_LEAVES, "meta.resourceType", "string", true, "Group", false);
    known(GROUP_LEAVES, "members.value", "string", true, a, false);
    known(GROUP_LEAVES, "members.display", "string", false, displayName, false);
    known(GROUP_LEAVES, "members.type", "string", false, "User", false);
    USER_LEAVES.keySet().removeIf(NOT_FILTERABLE::contains);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attributes(Map<String, Object> owner) {
    Object list = owner.get(owner.containsKey("attributes") ? "attributes" : "subAttributes");
    return list == null ? List.of() : (List<Map<String, Object>>) list;
  }

  private static void known(
      Map<String, Leaf> leaves, String path, String type, boolean exact, Object v, boolean bHas) {
    leaves.put(path, new Leaf(type, exact, v, bHas));
  }

  /** Writes a value for a writable attribute into {@code into}, recording each leaf. */
  private static void write(
      JsonObjectBuilder into, String prefix, Map<String, Object> attr, Map<String, Leaf> leaves) {
    String name = (String) attr.get("name");
    String mutability = (String) attr.get("mutability");
    if ("readOnly".equals(mutability) || name.equals("password") || name.equals("$ref")) {
      return;
    }
    boolean multi = Boolean.TRUE.equals(attr.get("multiValued"));
    if ("complex".equals(attr.get("type"))) {
      JsonObjectBuilder element = Json.createObjectBuilder();
      for (Map<String, Object> sub : attributes(attr)) {
        String subName = (String) sub.get("name");
        if ("readOnly".equals(sub.get("mutability")) || subName.equals("$ref")) {
          continue;
        }
        if (name.equals("manager")) {
          continue; // manager.value must name a user: set below, filtered as a known leaf
        }
        Object v = value(name + "." + subName, sub);
        add(element, subName, v);
        leaves.put(
            prefix + name + "." + subName,
            new Leaf(
                (String) sub.get("type"), Boolean.TRUE.equals(sub.get("caseExact")), v, false));
      }
      if (name.equals("manager")) {
        element.add("value", b);
      }
      if (multi) {
        into.add(name, Json.createArrayBuilder().add(element));
      } else {
        into.add(name, element);
      }
      return;
    }
    Object v = value(name, attr);
    if (multi) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      if (v instanceof String s) {
        array.add(s);
      }
      into.add(name, array);
    } else {
      add(into, name, v);
    }
    boolean bHas = prefix.isEmpty() && Set.of("userName", "displayName", "active").contains(name);
    leaves.put(
        prefix + name,
        new Leaf((String) attr.get("type"), Boolean.TRUE.equals(attr.get("caseExact")), v, bHas));
  }

  private static void add(JsonObjectBuilder o, String name, Object v) {
    if (v instanceof Boolean bool) {
      o.add(name, bool);
    } else {
      o.add(name, (String) v);
    }
  }

  /** A value of the attribute's type that identifies A. */
  private static Object value(String path, Map<String, Object> def) {
    String type = (String) def.get("type");
    List<?> canonical = (List<?>) def.get("canonicalValues");
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    if ("boolean".equals(type)) {
      return true;
    }
    if (leaf.equals("type") && canonical != null && !canonical.isEmpty()) {
      return canonical.get(0);
    }
    return switch (path) {
      case "emails.value" -> "Ada." + RUN + "@Example.com";
      case "locale", "preferredLanguage" -> "en-US";
      case "timezone" -> "Europe/Paris";
      case "userName" -> "a-" + RUN;
      default ->
          switch (type == null ? "string" : type) {
            case "binary" -> "QUJD" + RUN.toUpperCase(Locale.ROOT) + "RUVG";
            case "reference" -> "https://example.com/" + leaf + "/" + RUN;
            default -> "V" + leaf + "-" + RUN + "-Mixed";
          };
    };
  }

  private static String post(String path, String body) {
    Response r = t.scim().contentType(SCIM_JSON_UTF8).body(body).post(path);
    assertEquals(201, r.statusCode(), r.asString());
    return r.path("id");
  }

  private static List<String> ids(String path, String filter) {
    Response r = t.scim().queryParam("filter", filter).queryParam("count", 200).get(path);
    assertEquals(200, r.statusCode(), filter + " -> " + r.asString());
    return r.path("Resources.id");
  }

  private static String literal(Object v) {
    return v instanceof Boolean ? v.toString() : "\"" + v + "\"";
  }

  private static void check(String path, Map<String, Leaf> leaves, String a, String b) {
    List<String> failures = new ArrayList<>();
    leaves.forEach(
        (attr, leaf) -> {
          String pr = attr + " pr";
          List<String> present = ids(path, pr);
          if (!present.contains(a) || (b != null && leaf.bHasIt() != present.contains(b))) {
            failures.add(pr + " -> " + present);
          }
          if (leaf.value() == null) {
            List<String> after = ids(path, attr + " gt \"2000-01-01T00:00:00Z\"");
            if (!after.contains(a)) {
              failures.add(attr + " gt 2000 -> " + after);
            }
            return;
          }
          String eq = attr + " eq " + literal(leaf.value());
          List<String> equal = ids(path, eq);
          if (!equal.contains(a) || (b != null && !leaf.bHasIt() && equal.contains(b))) {
            failures.add(eq + " -> " + equal);
          }
          if (leaf.value() instanceof String s && !s.equals(s.toUpperCase(Locale.ROOT))) {
            String co = attr + " co \"" + s.substring(1, s.length() - 1) + "\"";
            if (!ids(path, co).contains(a)) {
              failures.add(co);
            }
            if (!"binary".equals(leaf.type())) {
              String upper = attr + " eq \"" + s.toUpperCase(Locale.ROOT) + "\"";
              if (ids(path, upper).contains(a) == leaf.caseExact()) {
                failures.add(upper + " (caseExact " + leaf.caseExact() + ")");
              }
            }
          }
        });
    assertTrue(failures.isEmpty(), failures.size() + " of " + leaves.size() + ": " + failures);
  }

  @Test
  void everyUserAttributeFiltersWithEqPrAndCo() {
    assertTrue(USER_LEAVES.size() > 40, USER_LEAVES.keySet().toString());
    check("/Users", USER_LEAVES, a, b);
  }

  @Test
  void everyGroupAttributeFiltersWithEqPrAndCo() {
    check("/Groups", GROUP_LEAVES, group, null);
  }

  @Test
  void subAttributesInBracketsRangeOverOneElement() {
    for (String attr : List.of("phoneNumbers", "ims", "photos", "roles", "entitlements")) {
      Object value = USER_LEAVES.get(attr + ".value").value();
      Object type = USER_LEAVES.get(attr + ".type").value();
      String both =
          attr
              + "[type eq "
              + literal(type)
              + " and value co \""
              + value.toString().substring(1, 6)
              + "\"]";
      assertTrue(ids("/Users", both).contains(a), both);
      String other = attr + "[type eq \"nothing\" and value eq " + literal(value) + "]";
      assertFalse(ids("/Users", other).contains(a), other);
    }
    Object locality = USER_LEAVES.get("addresses.locality").value();
    assertTrue(
        ids("/Users", "addresses[locality eq " + literal(locality) + " and primary eq true]")
            .contains(a));
    if (USER_LEAVES.containsKey("emails.display")) {
      assertTrue(ids("/Users", "emails[display pr and value co \"ada\"]").contains(a));
    }
  }

  @Test
  void whatAFilterCannotSearchIs400WithTheSchemaSpelling() {
    Response r = t.scim().queryParam("filter", "PASSWORD eq \"x\"").get("/Users");
    assertEquals(400, r.statusCode());
    assertEquals("invalidFilter", r.path("scimType"));
    assertTrue(((String) r.path("detail")).contains("'password'"), r.asString());
    r = t.scim().queryParam("filter", "phonenumbers[nosuch eq \"x\"]").get("/Users");
    assertEquals(400, r.statusCode());
    assertTrue(((String) r.path("detail")).contains("'phoneNumbers.nosuch'"), r.asString());
  }

  @Test
  void valuesFollowWritesAndDeletes() {
    String title = (String) USER_LEAVES.get("title").value();
    String id =
        post(
            "/Users",
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\"c-"
                + RUN
                + "\",\"title\":\""
                + title
                + "\",\"phoneNumbers\":[{\"value\":\"+1 555 "
                + RUN
                + "\",\"type\":\"work\"}]}");
    assertTrue(ids("/Users", "title eq \"" + title + "\"").contains(id));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Other\"}]}")
        .patch("/Users/" + id)
        .then()
        .statusCode(200);
    assertFalse(ids("/Users", "title eq \"" + title + "\"").contains(id));
    assertTrue(ids("/Users", "title eq \"other\"").contains(id));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"c-" + RUN + "\"}")
        .put("/Users/" + id)
        .then()
        .statusCode(200);
    assertFalse(ids("/Users", "title pr").contains(id));
    assertFalse(ids("/Users", "phoneNumbers co \"" + RUN + "\"").contains(id));
    t.scim().delete("/Users/" + id).then().statusCode(204);
  }
}
