package co.softdrive.scim.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DiscoveryDocumentsTest {
  private static final String BASE = "https://host/api/v1/automations/scim";
  private static final Set<String> CHARACTERISTICS =
      Set.of(
          "name",
          "type",
          "multiValued",
          "description",
          "required",
          "mutability",
          "returned",
          "uniqueness");
  private static final Set<String> CAMEL_VALUES =
      Set.of(
          "string",
          "boolean",
          "decimal",
          "integer",
          "dateTime",
          "binary",
          "reference",
          "complex",
          "readOnly",
          "readWrite",
          "immutable",
          "writeOnly",
          "always",
          "never",
          "default",
          "request",
          "none",
          "server",
          "global");

  @Test
  void schemasIsAListResponseOfEverySchemaWithLocations() {
    JsonObject list = DiscoveryDocuments.schemas(BASE);

    assertEquals(
        List.of(jakarta.json.Json.createValue(Schemas.LIST_RESPONSE)),
        list.getJsonArray("schemas"));
    assertEquals(4, list.getInt("totalResults"));
    List<String> ids =
        list.getJsonArray("Resources").stream().map(r -> r.asJsonObject().getString("id")).toList();
    assertEquals(
        List.of(
            Schemas.CORE_USER, Schemas.CORE_GROUP, Schemas.ENTERPRISE_USER, Schemas.SOFTDRIVE_USER),
        ids);
    JsonObject user = list.getJsonArray("Resources").getJsonObject(0);
    assertEquals(
        BASE + "/Schemas/" + Schemas.CORE_USER, user.getJsonObject("meta").getString("location"));
    assertEquals("Schema", user.getJsonObject("meta").getString("resourceType"));
  }

  static Stream<JsonObject> schemaResources() {
    return DiscoveryDocuments.schemas(BASE).getJsonArray("Resources").stream()
        .map(JsonValue::asJsonObject);
  }

  @ParameterizedTest
  @MethodSource("schemaResources")
  void everyAttributeCarriesEveryCharacteristicInCamelCaseAndNoNulls(JsonObject schema) {
    checkAttributes(schema.getJsonArray("attributes"));
  }

  private static void checkAttributes(JsonArray attributes) {
    for (JsonValue v : attributes) {
      JsonObject a = v.asJsonObject();
      assertTrue(a.keySet().containsAll(CHARACTERISTICS), a.toString());
      a.values()
          .forEach(x -> assertFalse(x.getValueType() == JsonValue.ValueType.NULL, a.toString()));
      for (String k : List.of("type", "mutability", "returned", "uniqueness")) {
        assertTrue(CAMEL_VALUES.contains(a.getString(k)), a.getString(k));
      }
      if (a.getString("type").equals("complex")) {
        checkAttributes(a.getJsonArray("subAttributes"));
      } else {
        assertTrue(a.containsKey("caseExact"), a.toString());
      }
      if (a.getString("type").equals("reference")) {
        assertFalse(a.getJsonArray("referenceTypes").isEmpty(), a.toString());
      }
    }
  }

  @Test
  void passwordIsAdvertisedWriteOnlyAndNeverReturned() {
    JsonObject user = DiscoveryDocuments.schema(BASE, Schemas.CORE_USER).orElseThrow();
    JsonObject password =
        user.getJsonArray("attributes").stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("name").equals("password"))
            .findFirst()
            .orElseThrow();

    assertEquals("writeOnly", password.getString("mutability"));
    assertEquals("never", password.getString("returned"));
    assertTrue(DiscoveryDocuments.schema(BASE, "urn:nope").isEmpty());
  }

  @Test
  void resourceTypesListUserWithOptionalExtensionsAndGroup() {
    JsonArray types = DiscoveryDocuments.resourceTypes(BASE).getJsonArray("Resources");
    JsonObject user = types.getJsonObject(0);

    assertEquals("User", user.getString("name"));
    assertEquals("/Users", user.getString("endpoint"));
    assertEquals(Schemas.CORE_USER, user.getString("schema"));
    assertEquals(2, user.getJsonArray("schemaExtensions").size());
    user.getJsonArray("schemaExtensions")
        .forEach(e -> assertFalse(e.asJsonObject().getBoolean("required")));
    assertEquals(
        Schemas.ENTERPRISE_USER,
        user.getJsonArray("schemaExtensions").getJsonObject(0).getString("schema"));
    assertEquals("Group", types.getJsonObject(1).getString("name"));
    assertEquals(
        BASE + "/ResourceTypes/Group",
        types.getJsonObject(1).getJsonObject("meta").getString("location"));
  }

  @Test
  void serviceProviderConfigAdvertisesWhatWeSupport() {
    JsonObject spc = DiscoveryDocuments.serviceProviderConfig(BASE, 200, null);

    assertTrue(spc.getJsonObject("patch").getBoolean("supported"));
    assertTrue(spc.getJsonObject("filter").getBoolean("supported"));
    assertEquals(200, spc.getJsonObject("filter").getInt("maxResults"));
    assertFalse(spc.getJsonObject("bulk").getBoolean("supported"));
    assertEquals(0, spc.getJsonObject("bulk").getInt("maxOperations"));
    assertEquals(0, spc.getJsonObject("bulk").getInt("maxPayloadSize"));
    assertTrue(spc.getJsonObject("sort").getBoolean("supported"));
    assertTrue(spc.getJsonObject("etag").getBoolean("supported"));
    assertFalse(spc.getJsonObject("changePassword").getBoolean("supported"));
    JsonObject auth = spc.getJsonArray("authenticationSchemes").getJsonObject(0);
    assertEquals("oauthbearertoken", auth.getString("type"));
    assertTrue(auth.getBoolean("primary"));
    assertFalse(auth.getString("name").isEmpty());
    assertFalse(auth.getString("description").isEmpty());
    assertFalse(spc.containsKey("documentationUri"));
    assertEquals(
        "https://docs",
        DiscoveryDocuments.serviceProviderConfig(BASE, 200, "https://docs")
            .getString("documentationUri"));
  }
}
