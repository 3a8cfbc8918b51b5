package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The staff admin API: tenants, tokens, staff accounts; 401/403/400 instead of 500s. */
class AdminApiIT {

  @Test
  void createTenantThenGetAndListIt() {
    String name = "Contoso-" + UUID.randomUUID();
    String id =
        admin()
            .contentType(ContentType.JSON)
            .body(Jsons.of("name", name))
            .post(ItConfig.adminBase() + "/tenants")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/admin/tenants/"))
            .body("name", equalTo(name))
            .body("status", equalTo("active"))
            .body("users", equalTo(0))
            .extract()
            .path("id");
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(name));
    admin().get(ItConfig.adminBase() + "/tenants").then().statusCode(200).body("id", hasItem(id));
  }

  @Test
  void duplicateTenantNameIsConflictIgnoringCase() {
    String name = "Fabrikam-" + UUID.randomUUID();
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("name", name))
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(201);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("name", name.toUpperCase()))
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(409)
        .body("error", equalTo("uniqueness"));
  }

  @Test
  void badInputIs400WithJsonError() {
    admin()
        .contentType(ContentType.JSON)
        .body("{not json")
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/json"))
        .body("error", equalTo("invalidSyntax"));
    admin()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(400)
        .body("detail", containsString("name"));
    admin()
        .contentType(ContentType.JSON)
        .body("{\"name\": 42}")
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(400);
    admin()
        .contentType(ContentType.JSON)
        .body("[]")
        .post(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(400);
  }

  @Test
  void unknownTenantIs404() {
    admin().get(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID()).then().statusCode(404);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "x"))
        .post(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID() + "/tokens")
        .then()
        .statusCode(404);
  }

  @Test
  void withoutCredentialsIs401WithBasicChallenge() {
    given()
        .get(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Basic"))
        .contentType(startsWith("application/json"));
    given()
        .auth()
        .preemptive()
        .basic(ItConfig.adminUser(), "wrong-password")
        .get(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(401);
  }

  @Test
  void supportRoleCannotManageStaffButCanManageTenants() {
    String user = "support-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(
            Jsons.of(
                "username", user, "password", "support-password-1", "roles", List.of("support")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201)
        .body("roles", equalTo(List.of("support")));
    var support = given().auth().preemptive().basic(user, "support-password-1");
    support.get(ItConfig.adminBase() + "/tenants").then().statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic(user, "support-password-1")
        .get(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(403);
    // A disabled account cannot sign in any more.
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("enabled", false))
        .patch(ItConfig.adminBase() + "/staff/" + user)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false));
    given()
        .auth()
        .preemptive()
        .basic(user, "support-password-1")
        .get(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(401);
  }

  @Test
  void tokenSecretIsShownOnceAndNeverListed() {
    TenantFixture t = TenantFixture.create("secret-once");
    assertEquals(50, t.token.length());
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens")
        .then()
        .statusCode(200)
        .body("[0].prefix", equalTo(t.token.substring(0, 13)))
        .body("[0].token", nullValue())
        .body(not(containsString(t.token.substring(13))));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
        .then()
        .statusCode(200)
        .body("token", nullValue())
        .body("createdBy", equalTo(ItConfig.adminUser()))
        .body("createdAt", notNullValue());
  }

  @Test
  void issuedTokenCarriesTheTenantUrlAndPrefix() {
    String tenantId = TenantFixture.create("tenant-url").tenantId;
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "entra-provisioning", "expiresAt", "2099-01-01T00:00:00Z"))
        .post(ItConfig.adminBase() + "/tenants/" + tenantId + "/tokens")
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("token", startsWith("sdscim_"))
        .body("tenantUrl", equalTo(ItConfig.scimBase()))
        .body("expiresAt", equalTo("2099-01-01T00:00:00Z"));
  }

  /**
   * Behind a proxy the Tenant URL of a new token is the configured public one, the same base as the
   * resources' locations.
   */
  @Test
  void issuedTokenTenantUrlHonoursThePublicBaseUrl() {
    TenantFixture t = TenantFixture.create("public-url");
    String publicScim = "https://scim.example.test" + "/api/v1/automations/scim";
    ServerControl.variable("scim.public-base-url", "https://scim.example.test/");
    try {
      admin()
          .contentType(ContentType.JSON)
          .body(Jsons.of("serviceAccount", "entra-provisioning"))
          .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens")
          .then()
          .statusCode(201)
          .body("tenantUrl", equalTo(publicScim));
      given()
          .auth()
          .oauth2(t.token)
          .contentType("application/scim+json")
          .body(Jsons.of("userName", "public-url@contoso.com"))
          .post(ItConfig.scimBase() + "/Users")
          .then()
          .statusCode(201)
          .header("Location", startsWith(publicScim + "/Users/"))
          .body("meta.location", startsWith(publicScim + "/Users/"));
    } finally {
      ServerControl.variable("scim.public-base-url", null);
    }
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "entra-provisioning"))
        .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens")
        .then()
        .statusCode(201)
        .body("tenantUrl", equalTo(ItConfig.scimBase()));
  }

  @Test
  void invalidTokenRequestsAre400() {
    String tenantId = TenantFixture.create("token-400").tenantId;
    String url = ItConfig.adminBase() + "/tenants/" + tenantId + "/tokens";
    admin().contentType(ContentType.JSON).body("{}").post(url).then().statusCode(400);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "has spaces"))
        .post(url)
        .then()
        .statusCode(400);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "x", "expiresAt", "tomorrow"))
        .post(url)
        .then()
        .statusCode(400);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("serviceAccount", "x", "expiresAt", "2001-01-01T00:00:00Z"))
        .post(url)
        .then()
        .statusCode(400);
  }
}
