package co.softdrive.scim.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import co.softdrive.scim.it.TenantFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A round trip generated from {@code /Schemas} itself: every attribute and sub-attribute a client
 * may write (mutability {@code readWrite} or {@code immutable}; {@code writeOnly} ones are never
 * returned) of every schema of Users and Groups gets a value of its type, is written by POST, PUT,
 * PATCH {@code add} and PATCH {@code replace}, and must be read back unchanged (every value the
 * client sent is there; read-only additions such as {@code manager.displayName} may be too).
 *
 * <p>Two references need real ids: {@code manager.value} (a user of the tenant) and a group's
 * {@code members.value}; their {@code $ref} and {@code type} are the server's (RFC 7643 §4.2) and
 * are compared only for members the client sends.
 */
class SchemaRoundTripIT {
  static TenantFixture t;
  static JsonObject schemas;
  static String manager;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("schema-round-trip").withoutRateLimit();
    schemas = parse(t.scim().get("/Schemas").then().statusCode(200).extract().asString());
    manager = t.createUser("manager-" + UUID.randomUUID());
  }

  // ---------------------------------------------------------------- Users

  @Test
  void everyWritableUserAttributeRoundTripsThroughPostAndPut() {
    JsonObject sent = userBody(1);
    String id = post("/Users", sent);
    assertRoundTrip(sent, get("/Users/" + id), "POST");

    JsonObject replaced = userBody(2);
    put("/Users/" + id, replaced);
    assertRoundTrip(replaced, get("/Users/" + id), "PUT");
  }

  @Test
  void everyWritableUserAttributeRoundTripsThroughPatchAddAndReplace() {
    String id = t.createUser("patched-" + UUID.randomUUID());
    JsonObject added = userBody(3);
    patch("/Users/" + id, operations("add", added, "User"), 200);
    assertRoundTrip(added, get("/Users/" + id), "PATCH add");

    JsonObject replaced = userBody(4);
    patch("/Users/" + id, operations("replace", replaced, "User"), 200);
    assertRoundTrip(replaced, get("/Users/" + id), "PATCH replace");
  }

  @Test
  void everyWritableSubAttributeRoundTripsThroughAPatchOfItsOwnPath() {
    String id = t.createUser("sub-" + UUID.randomUUID());
    JsonObject body = userBody(5);
    // Single-valued complex attributes: one operation per sub-attribute ("name.givenName").
    JsonArrayBuilder ops = Json.createArrayBuilder();
    for (JsonObject a : attributes(ResourceKind.USER)) {
      if (a.getString("type").equals("complex") && !a.getBoolean("multiValued")) {
        String path = pathOf(a);
        JsonObject value = valueAt(body, a).asJsonObject();
        for (Map.Entry<String, JsonValue> e : value.entrySet()) {
          ops.add(op("add", path + "." + e.getKey(), e.getValue()));
        }
      }
    }
    patch("/Users/" + id, patchBody(ops), 200);
    JsonObject read = get("/Users/" + id);
    for (JsonObject a : attributes(ResourceKind.USER)) {
      if (a.getString("type").equals("complex") && !a.getBoolean("multiValued")) {
        assertContains(valueAt(body, a), valueAt(read, a), "sub-attribute PATCH " + pathOf(a));
      }
    }
  }

  // ---------------------------------------------------------------- Groups

  @Test
  void everyWritableGroupAttributeRoundTripsThroughPostPutAndPatch() {
    String member = t.createUser("member-" + UUID.randomUUID());
    JsonObject sent = groupBody(1, member);
    String id = post("/Groups", sent);
    assertRoundTrip(sent, get("/Groups/" + id), "POST");

    JsonObject replaced = groupBody(2, member);
    put("/Groups/" + id, replaced);
    assertRoundTrip(replaced, get("/Groups/" + id), "PUT");

    JsonObject patched = groupBody(3, member);
    patch("/Groups/" + id, operations("replace", patched, "Group"), 204);
    assertRoundTrip(patched, get("/Groups/" + id), "PATCH replace");
  }

  // ---------------------------------------------------------------- values from the schema

  enum ResourceKind {
    USER(
        "User",
        List.of(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User")),
    GROUP("Group", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"));

    final String name;
    final List<String> schemaIds;

    ResourceKind(String name, List<String> schemaIds) {
      this.name = name;
      this.schemaIds = schemaIds;
    }
  }

  /** The writable top-level attributes of a resource type, each with its schema id in "_schema". */
  static List<JsonObject> attributes(ResourceKind kind) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue r : schemas.getJsonArray("Resources")) {
      JsonObject s = r.asJsonObject();
      if (!kind.schemaIds.contains(s.getString("id"))) {
        continue;
      }
      for (JsonValue v : s.getJsonArray("attributes")) {
        JsonObject a = v.asJsonObject();
        if (writable(a)) {
          out.add(Json.createObjectBuilder(a).add("_schema", s.getString("id")).build());
        }
      }
    }
    assertTrue(!out.isEmpty(), "no writable attributes for " + kind);
    return out;
  }

  static boolean writable(JsonObject a) {
    String m = a.getString("mutability");
    return m.equals("readWrite") || m.equals("immutable");
  }

  static boolean core(JsonObject a) {
    return a.getString("_schema").contains(":core:");
  }

  static String pathOf(JsonObject a) {
    return core(a) ? a.getString("name") : a.getString("_schema") + ":" + a.getString("name");
  }

  static JsonObject userBody(int round) {
    return body(ResourceKind.USER, round, null);
  }

  static JsonObject groupBody(int round, String member) {
    return body(ResourceKind.GROUP, round, member);
  }

  /** A resource body with a value for every writable attribute, extensions nested under URNs. */
  static JsonObject body(ResourceKind kind, int round, String member) {
    JsonObjectBuilder core = Json.createObjectBuilder();
    Map<String, JsonObjectBuilder> extensions = new LinkedHashMap<>();
    JsonArrayBuilder schemaList = Json.createArrayBuilder().add(kind.schemaIds.get(0));
    for (JsonObject a : attributes(kind)) {
      JsonValue v = value(a, a.getString("name"), round, member);
      if (core(a)) {
        core.add(a.getString("name"), v);
      } else {
        extensions
            .computeIfAbsent(
                a.getString("_schema"),
                k -> {
                  schemaList.add(k);
                  return Json.createObjectBuilder();
                })
            .add(a.getString("name"), v);
      }
    }
    core.add("schemas", schemaList);
    extensions.forEach(core::add);
    return core.build();
  }

  /** A value of the attribute's type; {@code where} is its dotted path for readable values. */
  static JsonValue value(JsonObject a, String where, int round, String member) {
    if (a.getBoolean("multiValued") && !a.getString("type").equals("complex")) {
      return Json.createArrayBuilder().add(single(a, where, round, member)).build();
    }
    if (a.getBoolean("multiValued")) {
      return Json.createArrayBuilder().add(single(a, where, round, member)).build();
    }
    return single(a, where, round, member);
  }

  static JsonValue single(JsonObject a, String where, int round, String member) {
    String name = a.getString("name");
    String suffix = round + "-" + UUID.randomUUID().toString().substring(0, 8);
    switch (a.getString("type")) {
      case "complex" -> {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (JsonValue sv : a.getJsonArray("subAttributes")) {
          JsonObject sub = sv.asJsonObject();
          if (!writable(sub) || skippedSub(where, sub.getString("name"))) {
            continue;
          }
          o.add(
              sub.getString("name"),
              single(sub, where + "." + sub.getString("name"), round, member));
        }
        return o.build();
      }
      case "boolean" -> {
        return where.equals("active")
            ? JsonValue.TRUE
            : (round % 2 == 1 ? JsonValue.TRUE : JsonValue.FALSE);
      }
      case "binary" -> {
        return Json.createValue("TUlJQ" + round + "mQ0NDQ==");
      }
      case "reference" -> {
        return Json.createValue("https://example.com/" + where + "/" + suffix);
      }
      case "integer" -> {
        return Json.createValue(round);
      }
      case "decimal" -> {
        return Json.createValue(round + 0.5);
      }
      case "dateTime" -> {
        return Json.createValue("2026-0" + round + "-01T00:00:00Z");
      }
      default -> {
        if (where.equals("manager.value")) {
          return Json.createValue(manager);
        }
        if (where.equals("members.value")) {
          return Json.createValue(member);
        }
        if (a.containsKey("canonicalValues") && !a.getJsonArray("canonicalValues").isEmpty()) {
          JsonArray c = a.getJsonArray("canonicalValues");
          return c.get(round % c.size());
        }
        return Json.createValue(name + "-" + suffix);
      }
    }
  }

  /** Members' $ref and type are the server's to give (the member is a user of this tenant). */
  static boolean skippedSub(String where, String sub) {
    return where.equals("members") && !sub.equals("value");
  }

  // ---------------------------------------------------------------- PATCH bodies

  /** One operation per top-level attribute of {@code body}, with its schema-qualified path. */
  static JsonObject operations(String op, JsonObject body, String kind) {
    JsonArrayBuilder ops = Json.createArrayBuilder();
    ResourceKind k = kind.equals("User") ? ResourceKind.USER : ResourceKind.GROUP;
    for (JsonObject a : attributes(k)) {
      ops.add(op(op, pathOf(a), valueAt(body, a)));
    }
    return patchBody(ops);
  }

  static JsonObject op(String op, String path, JsonValue value) {
    return Json.createObjectBuilder().add("op", op).add("path", path).add("value", value).build();
  }

  static JsonObject patchBody(JsonArrayBuilder ops) {
    return Json.createObjectBuilder()
        .add(
            "schemas",
            Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .add("Operations", ops)
        .build();
  }

  static JsonValue valueAt(JsonObject resource, JsonObject a) {
    JsonObject holder = core(a) ? resource : resource.getJsonObject(a.getString("_schema"));
    return holder == null ? null : holder.get(a.getString("name"));
  }

  // ---------------------------------------------------------------- comparison

  /** Every value of {@code sent} is in {@code read}: objects by key, arrays element by element. */
  static void assertRoundTrip(JsonObject sent, JsonObject read, String how) {
    for (Map.Entry<String, JsonValue> e : sent.entrySet()) {
      if (e.getKey().equals("schemas")) {
        continue;
      }
      assertContains(e.getValue(), read.get(e.getKey()), how + " " + e.getKey());
    }
  }

  static void assertContains(JsonValue sent, JsonValue read, String where) {
    if (read == null) {
      fail(where + ": sent " + sent + ", not returned");
    }
    if (sent instanceof JsonObject so) {
      assertTrue(read instanceof JsonObject, where + ": " + read);
      for (Map.Entry<String, JsonValue> e : so.entrySet()) {
        assertContains(e.getValue(), read.asJsonObject().get(e.getKey()), where + "." + e.getKey());
      }
    } else if (sent instanceof JsonArray sa) {
      assertTrue(read instanceof JsonArray, where + ": " + read);
      JsonArray ra = read.asJsonArray();
      assertEquals(sa.size(), ra.size(), where + ": " + ra);
      for (int i = 0; i < sa.size(); i++) {
        assertContains(sa.get(i), ra.get(i), where + "[" + i + "]");
      }
    } else if (sent instanceof JsonString s) {
      assertEquals(s.getString(), ((JsonString) read).getString(), where);
    } else {
      assertEquals(sent, read, where);
    }
  }

  // ---------------------------------------------------------------- HTTP

  static String post(String path, JsonObject body) {
    return t.scim()
        .contentType("application/scim+json")
        .body(body.toString())
        .post(path)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void put(String path, JsonObject body) {
    t.scim()
        .contentType("application/scim+json")
        .body(body.toString())
        .put(path)
        .then()
        .statusCode(200);
  }

  static void patch(String path, JsonObject body, int status) {
    t.scim()
        .contentType("application/scim+json")
        .body(body.toString())
        .patch(path)
        .then()
        .statusCode(status);
  }

  static JsonObject get(String path) {
    return parse(t.scim().get(path).then().statusCode(200).extract().asString());
  }

  static JsonObject parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }
}
