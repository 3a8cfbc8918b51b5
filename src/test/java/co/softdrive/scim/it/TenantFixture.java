package co.softdrive.scim.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.UUID;

/**
 * A fresh tenant and service-account token, made through the admin API, for one integration test
 * class. Each test class gets its own, so tests never see each other's users and groups.
 */
public final class TenantFixture {
  public final String tenantId;
  public final String tenantName;
  public final String token;
  public final String tokenId;

  private TenantFixture(String tenantId, String tenantName, String token, String tokenId) {
    this.tenantId = tenantId;
    this.tenantName = tenantName;
    this.token = token;
    this.tokenId = tokenId;
  }

  /** Creates a tenant named after the test plus a random suffix, and one token. */
  public static TenantFixture create(String label) {
    String name = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    String tenantId =
        admin()
            .contentType(ContentType.JSON)
            .body(Jsons.of("name", name))
            .post(ItConfig.adminBase() + "/tenants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Token token = issueToken(tenantId, "entra-provisioning", null);
    return new TenantFixture(tenantId, name, token.secret(), token.id());
  }

  /** A token issued through the admin API: its id and its secret (shown only in that response). */
  public record Token(String id, String secret) {}

  /** Issues another token of a tenant, optionally expiring at {@code expiresAt}. */
  public static Token issueToken(String tenantId, String serviceAccount, Instant expiresAt) {
    var token =
        admin()
            .contentType(ContentType.JSON)
            .body(
                Jsons.of(
                    "serviceAccount",
                    serviceAccount,
                    "expiresAt",
                    expiresAt == null ? null : expiresAt.toString()))
            .post(ItConfig.adminBase() + "/tenants/" + tenantId + "/tokens")
            .then()
            .statusCode(201)
            .extract();
    return new Token(token.path("id"), token.path("token"));
  }

  /**
   * Lifts this tenant's request rate limit ({@code rateLimitPerSecond: 0}), for tests that load
   * thousands of resources as fast as the server takes them.
   */
  public TenantFixture withoutRateLimit() {
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("rateLimitPerSecond", 0))
        .patch(ItConfig.adminBase() + "/tenants/" + tenantId)
        .then()
        .statusCode(200);
    return this;
  }

  /** A request authenticated as the first admin (HTTP Basic). */
  public static RequestSpecification admin() {
    return given().auth().preemptive().basic(ItConfig.adminUser(), ItConfig.adminPassword());
  }

  /** A SCIM request with this tenant's bearer token, relative to the SCIM base. */
  public RequestSpecification scim() {
    return given()
        .baseUri(ItConfig.scimBase())
        .header("Authorization", "Bearer " + token)
        .urlEncodingEnabled(true);
  }

  /** POSTs a minimal user and returns its id. */
  public String createUser(String userName) {
    return createUserResponse(userName).statusCode(201).extract().path("id");
  }

  public ValidatableResponse createUserResponse(String userName) {
    return scim()
        .contentType("application/scim+json; charset=utf-8")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName
                + "\",\"active\":true}")
        .post("/Users")
        .then();
  }

  /** POSTs a group without members and returns its id. */
  public String createGroup(String displayName) {
    return scim()
        .contentType("application/scim+json; charset=utf-8")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                + displayName
                + "\"}")
        .post("/Groups")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
