package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer authentication of the SCIM API: who gets in, and which tenant they see. */
class BearerAuthIT {
  static final String PROBE = "/Users?filter=userName+eq+%22aab4f0c2-93b1-4d6a-9a10-5e3f6c9c0e11%22";

  @Test
  void missingMalformedAndUnknownTokensAre401WithScimErrorAndChallenge() {
    List<String> headers =
        List.of(
            "",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer",
            "Bearer not-a-softdrive-token",
            "Bearer sdscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    for (String header : headers) {
      var request = given().urlEncodingEnabled(false);
      if (!header.isEmpty()) {
        request.header("Authorization", header);
      }
      request.get(ItConfig.scimBase() + PROBE).then()
          .statusCode(401)
          .header("WWW-Authenticate", startsWith("Bearer"))
          .contentType(startsWith("application/scim+json"))
          .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"))
          .body("status", equalTo("401"));
    }
  }

  @Test
  void validTokenGetsAnEmptyListForTheTestConnectionProbe() {
    TenantFixture t = TenantFixture.create("probe");
    t.scim().urlEncodingEnabled(false).get(PROBE).then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"))
        .body("totalResults", equalTo(0));
  }

  @Test
  void tokenOfTenantASeesOnlyTenantA() {
    TenantFixture a = TenantFixture.create("iso-a");
    TenantFixture b = TenantFixture.create("iso-b");
    String userA = a.createUser("alice@a.example");
    b.scim().get("/Users/" + userA).then().statusCode(404);
    b.scim().get("/Users").then().statusCode(200).body("totalResults", equalTo(0));
    b.scim().urlEncodingEnabled(false).get("/Users?filter=userName+eq+%22alice@a.example%22").then()
        .statusCode(200).body("totalResults", equalTo(0));
    a.scim().get("/Users/" + userA).then().statusCode(200).body("userName", equalTo("alice@a.example"));
  }

  @Test
  void useOfATokenIsRecordedAsLastUsed() throws InterruptedException {
    TenantFixture t = TenantFixture.create("last-used");
    String url = ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId;
    admin().get(url).then().statusCode(200).body("lastUsedAt", org.hamcrest.Matchers.nullValue());
    t.scim().get("/Users").then().statusCode(200);
    // Written off the request thread: wait a little for it.
    Object lastUsed = null;
    for (int i = 0; i < 50 && lastUsed == null; i++) {
      Thread.sleep(100);
      lastUsed = admin().get(url).then().statusCode(200).extract().path("lastUsedAt");
    }
    org.junit.jupiter.api.Assertions.assertNotNull(lastUsed, "lastUsedAt recorded");
  }

  @Test
  void revokedTokenStopsWorkingAndOtherTokensKeepWorking() {
    TenantFixture t = TenantFixture.create("revoke");
    String second =
        admin().contentType(ContentType.JSON).body(Jsons.of("serviceAccount", "rotation"))
            .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens").then().statusCode(201)
            .extract().path("token");
    t.scim().get("/Users").then().statusCode(200);
    admin().delete(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
        .then().statusCode(204);
    t.scim().get("/Users").then().statusCode(401).body("detail", containsString("revoked"));
    given().header("Authorization", "Bearer " + second).get(ItConfig.scimBase() + "/Users")
        .then().statusCode(200);
    admin().get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId).then()
        .statusCode(200).body("status", equalTo("revoked")).body("revokedBy", equalTo(ItConfig.adminUser()));
  }

  @Test
  void suspendedTenantGets401WithClearDetailAndResumes() {
    TenantFixture t = TenantFixture.create("suspend");
    admin().contentType(ContentType.JSON).body(Jsons.of("status", "suspended"))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId).then().statusCode(200)
        .body("status", equalTo("suspended"));
    t.scim().get("/Users").then().statusCode(401).body("detail", containsString("suspended"));
    admin().contentType(ContentType.JSON).body(Jsons.of("status", "active"))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId).then().statusCode(200);
    t.scim().get("/Users").then().statusCode(200);
  }

  @Test
  void anotherTenantsTokenIdCannotBeRevokedThroughTheWrongTenant() {
    TenantFixture a = TenantFixture.create("tok-a");
    TenantFixture b = TenantFixture.create("tok-b");
    admin().delete(ItConfig.adminBase() + "/tenants/" + b.tenantId + "/tokens/" + a.tokenId)
        .then().statusCode(404);
    a.scim().get("/Users").then().statusCode(200);
  }

  @Test
  void errorBodiesNeverEchoTheToken() {
    String token = "sdscim_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    given().header("Authorization", "Bearer " + token).get(ItConfig.scimBase() + "/Users")
        .then().statusCode(401).body(not(containsString("BBBBBBBB")));
  }
}
