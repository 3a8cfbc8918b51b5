package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.fuzz.FuzzBytes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds PATCH request bodies from fuzzer data: mostly the vocabulary Entra and the RFC use (op
 * names in every casing, real paths with value filters, Entra's value shapes), mixed with raw
 * fuzzed strings wherever a path, key or value goes, so that the engine sees deep, plausible
 * requests as well as garbage.
 */
final class PatchBodies {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SOFTDRIVE = "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User";

  private static final List<String> OPS =
      List.of("add", "replace", "remove", "Add", "Replace", "Remove", "ADD", "delete", "");

  private static final List<String> USER_PATHS =
      List.of(
          "userName",
          "displayName",
          "title",
          "active",
          "nickName",
          "externalId",
          "password",
          "preferredLanguage",
          "name",
          "name.givenName",
          "name.familyName",
          "name.formatted",
          "emails",
          "emails.value",
          "emails[type eq \"work\"]",
          "emails[type eq \"work\"].value",
          "emails[value eq \"bjensen@example.com\"].primary",
          "emails[primary eq true].type",
          "phoneNumbers[type eq \"mobile\"].value",
          "phoneNumbers",
          "addresses",
          "addresses[type eq \"work\"].streetAddress",
          "addresses[type eq \"work\"]",
          "roles",
          "roles[primary eq \"True\"]",
          "roles.value",
          "entitlements",
          "ims",
          "photos",
          "x509Certificates",
          "groups",
          "id",
          "meta.created",
          "meta",
          "schemas",
          ENTERPRISE,
          ENTERPRISE + ":manager",
          ENTERPRISE + ":manager.value",
          ENTERPRISE + ":manager.displayName",
          ENTERPRISE + ":department",
          ENTERPRISE + ":employeeNumber",
          SOFTDRIVE,
          SOFTDRIVE + ":userType",
          "urn:ietf:params:scim:schemas:core:2.0:User:title",
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:other:2.0:User:x",
          "manager",
          "department");

  private static final List<String> GROUP_PATHS =
      List.of(
          "displayName",
          "externalId",
          "members",
          "members[value eq \"u-1\"]",
          "members[value eq \"u-1\" or value eq \"u-2\"]",
          "members.value",
          "members[type eq \"User\"]",
          "owners",
          "id",
          "meta",
          "urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
          "urn:ietf:params:scim:schemas:core:2.0:Group");

  private static final List<String> FILTERS =
      List.of(
          "type eq \"work\"",
          "value eq \"u-1\"",
          "primary eq true",
          "type eq \"work\" and primary eq true",
          "not (type eq \"home\")",
          "value co \"@\"",
          "type pr",
          "display sw \"A\"",
          "value gt 5");

  private static final List<String> KEYS =
      List.of(
          "value",
          "type",
          "primary",
          "display",
          "$ref",
          "givenName",
          "familyName",
          "formatted",
          "streetAddress",
          "userName",
          "displayName",
          "active",
          "title",
          "emails",
          "name",
          "members",
          "manager",
          "department",
          "employeeNumber",
          "userType",
          "schemas",
          "id",
          "meta",
          "name.givenName",
          "emails[type eq \"work\"].value",
          ENTERPRISE,
          SOFTDRIVE,
          ENTERPRISE + ":department",
          ENTERPRISE + ":manager",
          SOFTDRIVE + ":userType");

  private static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "True",
          "False",
          "true",
          "work",
          "home",
          "mobile",
          "User",
          "u-1",
          "u-2",
          "bjensen@example.com",
          "Barbara",
          "[\"a\",\"b\"]",
          "{\"value\":\"r\"}",
          "[{\"value\":\"Admin\",\"primary\":\"True\"}]",
          "2026-01-31T08:00:00Z");

  private PatchBodies() {}

  /** A PATCH body for a User ({@code group} false) or a Group. */
  static JsonObject body(FuzzBytes data, boolean group) {
    JsonArrayBuilder operations = Json.createArrayBuilder();
    int count = data.consumeInt(1, 6);
    for (int i = 0; i < count; i++) {
      operations.add(operation(data, group));
    }
    return Json.createObjectBuilder()
        .add(
            "schemas",
            Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .add(data.consumeBoolean() ? "Operations" : "operations", operations)
        .build();
  }

  private static JsonObject operation(FuzzBytes data, boolean group) {
    JsonObjectBuilder op = Json.createObjectBuilder();
    op.add("op", data.consumeInt(0, 9) == 0 ? data.consumeString(8) : data.pickValue(OPS));
    switch (data.consumeInt(0, 5)) {
      case 0 -> {} // no path: the value is an object of attributes
      case 1 -> op.add("path", data.consumeString(60));
      case 2 -> op.add("path", filtered(data, group));
      case 3 -> op.add("path", JsonValue.NULL);
      default -> op.add("path", data.pickValue(group ? GROUP_PATHS : USER_PATHS));
    }
    if (data.consumeInt(0, 5) > 0) {
      op.add(data.consumeBoolean() ? "value" : "Value", value(data, 3));
    }
    return op.build();
  }

  private static String filtered(FuzzBytes data, boolean group) {
    String attribute =
        group
            ? "members"
            : data.pickValue(List.of("emails", "addresses", "roles", "phoneNumbers", "name"));
    String filter = data.consumeBoolean() ? data.pickValue(FILTERS) : data.consumeString(40);
    String sub = data.consumeBoolean() ? "" : "." + data.pickValue(KEYS);
    return attribute + "[" + filter + "]" + sub;
  }

  private static JsonValue value(FuzzBytes data, int depth) {
    int kind = data.consumeInt(0, depth > 0 ? 9 : 5);
    return switch (kind) {
      case 0 -> Json.createValue(data.pickValue(STRINGS));
      case 1 -> Json.createValue(data.consumeString(30));
      case 2 -> data.consumeBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 3 -> JsonValue.NULL;
      case 4 -> Json.createValue(data.consumeLong());
      case 5 -> Json.createValue(new BigDecimal(data.consumeBoolean() ? "1e400" : "-0.5"));
      case 6, 7 -> object(data, depth - 1);
      default -> array(data, depth - 1);
    };
  }

  private static JsonObject object(FuzzBytes data, int depth) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    int entries = data.consumeInt(0, 4);
    for (int i = 0; i < entries; i++) {
      String key = data.consumeInt(0, 7) == 0 ? data.consumeString(20) : data.pickValue(KEYS);
      o.add(key, value(data, depth));
    }
    return o.build();
  }

  private static JsonValue array(FuzzBytes data, int depth) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    int elements = data.consumeInt(0, 3);
    for (int i = 0; i < elements; i++) {
      a.add(value(data, depth));
    }
    return a.build();
  }
}
