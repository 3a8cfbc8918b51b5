package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.GROUP;
import static co.softdrive.scim.it.scim.Scim.LIST;
import static co.softdrive.scim.it.scim.Scim.SOFTDRIVE;
import static co.softdrive.scim.it.scim.Scim.USER;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.TenantFixture;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery (RFC 7644 §4; R14 and T35 in docs/entra.md): /Schemas, /ServiceProviderConfig,
 * /ResourceTypes.
 */
class DiscoveryIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-discovery");
  }

  @Test
  void schemasIsAListResponseWithCoreUserGroupEnterpriseAndSoftdriveSchemas() {
    t.scim()
        .get("/Schemas")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", equalTo(List.of(LIST)))
        .body("totalResults", equalTo(4))
        .body("Resources.id", containsInAnyOrder(USER, GROUP, ENTERPRISE, SOFTDRIVE))
        .body(
            "Resources.find { it.id == '" + SOFTDRIVE + "' }.attributes.name", hasItem("userType"))
        .body(
            "Resources.find { it.id == '" + ENTERPRISE + "' }.attributes.name",
            hasItems("employeeNumber", "manager"))
        .body(
            "Resources.find { it.id == '" + GROUP + "' }.attributes.name",
            hasItems("displayName", "members"))
        .body(
            "Resources.find { it.id == '" + USER + "' }.attributes.name",
            hasItems("userName", "active", "emails"));
  }

  @Test
  void schemasContainNoNullsAndPasswordIsNeverReturned() {
    HttpResponse<String> r = Scim.raw("GET", "/Schemas", t.token, null, null);
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains(":null"), "no null values in /Schemas");
    JsonPath body = JsonPath.from(r.body());
    String returned =
        body.getString(
            "Resources.find { it.id == '"
                + USER
                + "' }.attributes.find { it.name == 'password' }.returned");
    assertTrue(returned == null || returned.equals("never"), "password returned=" + returned);
  }

  @Test
  void oneSchemaByIdAndUnknownSchemaIs404() {
    t.scim().get("/Schemas/" + SOFTDRIVE).then().statusCode(200).body("id", equalTo(SOFTDRIVE));
    t.scim()
        .get("/Schemas/urn:nope")
        .then()
        .statusCode(404)
        .body("schemas", hasItem(Scim.ERROR))
        .body("status", equalTo("404"));
  }

  @Test
  void serviceProviderConfigAdvertisesPatchFilterSortEtagAndBulkWithMaxOperations() {
    t.scim()
        .get("/ServiceProviderConfig")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", hasItem("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
        .body("patch.supported", equalTo(true))
        .body("filter.supported", equalTo(true))
        .body("filter.maxResults", equalTo(200))
        .body("bulk.supported", equalTo(false))
        .body("bulk.maxOperations", notNullValue())
        .body("bulk.maxPayloadSize", notNullValue())
        .body("changePassword.supported", equalTo(false))
        .body("sort.supported", equalTo(true))
        .body("etag.supported", equalTo(true))
        .body("authenticationSchemes.type", hasItem("oauthbearertoken"));
  }

  @Test
  void resourceTypesListsUserWithBothExtensionsAndGroup() {
    t.scim()
        .get("/ResourceTypes")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", equalTo(List.of(LIST)))
        .body("Resources.id", containsInAnyOrder("User", "Group"))
        .body("Resources.find { it.id == 'User' }.endpoint", equalTo("/Users"))
        .body("Resources.find { it.id == 'User' }.schema", equalTo(USER))
        .body(
            "Resources.find { it.id == 'User' }.schemaExtensions.schema",
            containsInAnyOrder(ENTERPRISE, SOFTDRIVE))
        .body("Resources.find { it.id == 'Group' }.schema", equalTo(GROUP));
    t.scim()
        .get("/ResourceTypes/Group")
        .then()
        .statusCode(200)
        .body("endpoint", equalTo("/Groups"));
  }

  @Test
  void discoveryAnswersScimJsonWithoutAnAcceptHeader() {
    for (String path : List.of("/Schemas", "/ServiceProviderConfig", "/ResourceTypes")) {
      HttpResponse<String> r = Scim.raw("GET", path, t.token, null, null);
      assertEquals(200, r.statusCode(), path);
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"),
          path);
    }
  }
}
