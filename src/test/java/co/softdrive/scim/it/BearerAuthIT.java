package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Bearer authentication of the SCIM API: who gets in, which tenant they see, and for how long. */
class BearerAuthIT {
  private static final Logger LOG = Logger.getLogger(BearerAuthIT.class.getName());

  static final String PROBE =
      "/Users?filter=userName+eq+%22aab4f0c2-93b1-4d6a-9a10-5e3f6c9c0e11%22";

  /**
   * The documented bound, {@code scim.auth.cache-seconds} (default 5 s): how long an instance may
   * keep trusting a token check, so how long a revocation, expiry or suspension made elsewhere may
   * take to reach it. On the instance that revokes or suspends it is immediate (tests below).
   */
  static final Duration AUTH_CACHE_BOUND = Duration.ofSeconds(5);

  /** Polling allows this much on top of the bound, for a loaded build machine. */
  static final Duration POLL_MARGIN = Duration.ofSeconds(15);

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
      request
          .get(ItConfig.scimBase() + PROBE)
          .then()
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
    t.scim()
        .urlEncodingEnabled(false)
        .get(PROBE)
        .then()
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
    b.scim()
        .urlEncodingEnabled(false)
        .get("/Users?filter=userName+eq+%22alice@a.example%22")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    a.scim()
        .get("/Users/" + userA)
        .then()
        .statusCode(200)
        .body("userName", equalTo("alice@a.example"));
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
        admin()
            .contentType(ContentType.JSON)
            .body(Jsons.of("serviceAccount", "rotation"))
            .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    t.scim().get("/Users").then().statusCode(200);
    admin()
        .delete(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
        .then()
        .statusCode(204);
    t.scim().get("/Users").then().statusCode(401).body("detail", containsString("revoked"));
    given()
        .header("Authorization", "Bearer " + second)
        .get(ItConfig.scimBase() + "/Users")
        .then()
        .statusCode(200);
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
        .then()
        .statusCode(200)
        .body("status", equalTo("revoked"))
        .body("revokedBy", equalTo(ItConfig.adminUser()));
  }

  @Test
  void suspendedTenantGets401WithClearDetailAndResumes() {
    TenantFixture t = TenantFixture.create("suspend");
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("status", "suspended"))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200)
        .body("status", equalTo("suspended"));
    t.scim().get("/Users").then().statusCode(401).body("detail", containsString("suspended"));
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("status", "active"))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
    t.scim().get("/Users").then().statusCode(200);
  }

  @Test
  void expiredTokenIsRefusedOnceItsExpiryHasPassed() {
    TenantFixture t = TenantFixture.create("expiry");
    TenantFixture.Token token =
        TenantFixture.issueToken(t.tenantId, "short-lived", Instant.now().plusSeconds(5));
    // Accepted before its expiry, which also puts the accepting check in this instance's cache.
    given()
        .header("Authorization", "Bearer " + token.secret())
        .get(ItConfig.scimBase() + "/Users")
        .then()
        .statusCode(200);
    awaitStatus(token.secret(), 401).then().body("detail", containsString("expired"));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + token.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("expired"));
  }

  /**
   * Another instance revokes a token or suspends a tenant: this instance hears nothing, yet refuses
   * the token once its cached check is older than the bound. "Another instance" is a direct write
   * to the shared PostgreSQL database; embedded Derby serves exactly one instance, where revocation
   * and suspension act at once (revokedTokenStops..., suspendedTenantGets401...).
   */
  @Test
  void revocationAndSuspensionByAnotherInstanceTakeEffectWithinTheBound() throws Exception {
    assumeTrue(
        ItConfig.dbKind().equals("postgres"), "needs a database shared by several instances");
    TenantFixture revoked = TenantFixture.create("other-instance-revoke");
    TenantFixture suspended = TenantFixture.create("other-instance-suspend");
    try (Connection c = SecretScan.connect()) {
      // Each change follows a successful request, whose check this instance has just cached.
      revoked.scim().get("/Users").then().statusCode(200);
      update(
          c,
          "UPDATE api_token SET revoked_at = ?, revoked_by = 'another-instance' WHERE id = ?",
          System.currentTimeMillis(),
          revoked.tokenId);
      awaitStatus(revoked.token, 401).then().body("detail", containsString("revoked"));
      suspended.scim().get("/Users").then().statusCode(200);
      update(c, "UPDATE tenant SET status = 'SUSPENDED' WHERE id = ?", null, suspended.tenantId);
      awaitStatus(suspended.token, 401).then().body("detail", containsString("suspended"));
      // Resumed elsewhere: the cached refusal lasts no longer than the bound either.
      update(c, "UPDATE tenant SET status = 'ACTIVE' WHERE id = ?", null, suspended.tenantId);
      awaitStatus(suspended.token, 200);
    }
  }

  private static void update(Connection c, String sql, Long millis, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (millis != null) {
        ps.setLong(i++, millis);
      }
      ps.setString(i, id);
      assertEquals(1, ps.executeUpdate());
    }
  }

  /**
   * Polls {@code GET /Users} with the token every 100 ms until it gets {@code status}, for at most
   * the auth cache bound plus {@link #POLL_MARGIN}; prints how long it took.
   */
  static Response awaitStatus(String token, int status) {
    long start = System.nanoTime();
    long deadline = start + AUTH_CACHE_BOUND.plus(POLL_MARGIN).toNanos();
    while (true) {
      Response r =
          given().header("Authorization", "Bearer " + token).get(ItConfig.scimBase() + "/Users");
      if (r.statusCode() == status) {
        LOG.log(
            Level.INFO,
            "Token answered {0} after {1} ms (bound {2} s)",
            new Object[] {
              status, (System.nanoTime() - start) / 1_000_000, AUTH_CACHE_BOUND.toSeconds()
            });
        return r;
      }
      if (System.nanoTime() > deadline) {
        fail(
            "Still "
                + r.statusCode()
                + " instead of "
                + status
                + " after the bound of "
                + AUTH_CACHE_BOUND
                + " plus "
                + POLL_MARGIN);
      }
      ServerControl.sleep(100);
    }
  }

  @Test
  void errorBodiesNeverEchoTheToken() {
    String token = "sdscim_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    given()
        .header("Authorization", "Bearer " + token)
        .get(ItConfig.scimBase() + "/Users")
        .then()
        .statusCode(401)
        .body(not(containsString("BBBBBBBB")));
  }
}
