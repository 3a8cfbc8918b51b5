package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.LIST;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Test vectors T1–T5 (Test Connection and probes, docs/entra.md#test-vectors) and the HTTP edge
 * Entra needs (docs/entra.md#q16-media-types, #q17-query-strings, #q18-doubled-or-trailing-slash):
 * media types, query-string encodings, unknown parameters, doubled and trailing slashes, and SCIM
 * error bodies (never HTML) for every failure the edge can produce.
 */
class ConnectionIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-connection");
  }

  private static void assertEmptyListResponse(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"),
        "Content-Type " + r.headers().firstValue("Content-Type"));
    JsonPath body = JsonPath.from(r.body());
    assertEquals(List.of(LIST), body.getList("schemas"));
    assertEquals(0, body.getInt("totalResults"));
    assertEquals(List.of(), body.getList("Resources"));
    assertEquals(1, body.getInt("startIndex"));
    assertEquals(0, body.getInt("itemsPerPage"));
  }

  private static void assertScimError(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"),
        "Content-Type " + r.headers().firstValue("Content-Type") + " body " + r.body());
    JsonPath body = JsonPath.from(r.body());
    assertEquals(List.of(ERROR), body.getList("schemas"));
    assertEquals(Integer.toString(status), body.getString("status"));
    assertTrue(body.getString("detail") != null && !body.getString("detail").isBlank(), r.body());
  }

  @Test
  void testConnectionProbeWithoutAcceptOrContentTypeGetsAnEmptyScimListResponse() {
    // T1: exactly what Entra's Test Connection sends: form-encoded filter, no Accept, no
    // Content-Type.
    HttpResponse<String> r =
        Scim.raw(
            "GET",
            "/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22",
            t.token,
            null,
            null);
    assertEmptyListResponse(r);
  }

  @Test
  void percentTwentyEncodingAndTheUnknownComplianceFlagParameterGiveTheSameEmptyList() {
    // T2: %20 instead of +, and ?aadOptscim062020 (no value) in front of the filter.
    String guid = UUID.randomUUID().toString();
    assertEmptyListResponse(
        Scim.raw("GET", "/Users?filter=userName%20eq%20%22" + guid + "%22", t.token, null, null));
    assertEmptyListResponse(
        Scim.raw(
            "GET",
            "/Users?aadOptscim062020&filter=userName+eq+%22" + guid + "%22",
            t.token,
            null,
            null));
    assertEmptyListResponse(
        Scim.raw(
            "GET",
            "/Users?filter=userName+eq+%22" + guid + "%22&someVendorParam=1",
            t.token,
            null,
            null));
  }

  @Test
  void plusAndPercentTwentyEncodedFiltersBothFindAnExistingUser() {
    String userName = Scim.unique("plus") + "@example.com";
    String id = t.createUser(userName);
    for (String q :
        List.of("userName+eq+%22" + userName + "%22", "userName%20eq%20%22" + userName + "%22")) {
      HttpResponse<String> r =
          Scim.raw("GET", "/Users?aadOptscim062020&filter=" + q, t.token, null, null);
      assertEquals(200, r.statusCode(), r.body());
      JsonPath body = JsonPath.from(r.body());
      assertEquals(1, body.getInt("totalResults"));
      assertEquals(id, body.getString("Resources[0].id"));
    }
  }

  @Test
  void probeWithoutAuthorizationOrWithAWrongTokenIs401ScimError() {
    // T3
    String probe = "/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22";
    assertScimError(Scim.raw("GET", probe, null, null, null), 401);
    assertScimError(
        Scim.raw("GET", probe, "sdscim_wrongwrongwrongwrongwrongwrongwrongwrong12", null, null),
        401);
  }

  @Test
  void groupProbeWithExcludedMembersGetsAnEmptyListResponse() {
    // T4
    assertEmptyListResponse(
        Scim.raw(
            "GET",
            "/Groups?excludedAttributes=members&filter=displayName+eq+%22"
                + UUID.randomUUID()
                + "%22",
            t.token,
            null,
            null));
  }

  @Test
  void unknownUserAndGroupIdsAre404ScimErrors() {
    // T5
    assertScimError(Scim.raw("GET", "/Users/" + UUID.randomUUID(), t.token, null, null), 404);
    assertScimError(Scim.raw("GET", "/Groups/" + UUID.randomUUID(), t.token, null, null), 404);
  }

  @Test
  void postAcceptsScimJsonAndJsonWithAndWithoutCharsetAndAlwaysAnswersScimJson() {
    for (String type :
        List.of(
            "application/scim+json",
            "application/scim+json; charset=utf-8",
            "application/json",
            "application/json; charset=UTF-8")) {
      String userName = Scim.unique("ctype") + "@example.com";
      t.scim()
          .contentType(type)
          .body("{\"schemas\":[\"" + Scim.USER + "\"],\"userName\":\"" + userName + "\"}")
          .post("/Users")
          .then()
          .statusCode(201)
          .contentType(startsWith("application/scim+json"))
          .body("userName", equalTo(userName));
    }
  }

  @Test
  void responsesAreScimJsonEvenWhenTheClientAcceptsOnlyApplicationJson() {
    t.scim()
        .accept("application/json")
        .get("/Users")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"));
    t.scim()
        .accept("application/scim+json")
        .get("/Groups")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/scim+json"));
  }

  @Test
  void getAndDeleteNeedNeitherAcceptNorContentType() {
    String id = t.createUser(Scim.unique("nohdr") + "@example.com");
    HttpResponse<String> get = Scim.raw("GET", "/Users/" + id, t.token, null, null);
    assertEquals(200, get.statusCode(), get.body());
    assertTrue(
        get.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));
    assertEquals(id, JsonPath.from(get.body()).getString("id"));
    HttpResponse<String> delete = Scim.raw("DELETE", "/Users/" + id, t.token, null, null);
    assertEquals(204, delete.statusCode(), delete.body());
    assertEquals(404, Scim.raw("GET", "/Users/" + id, t.token, null, null).statusCode());
  }

  @Test
  void doubledSlashAndTrailingSlashReachTheSameEndpoints() {
    String userName = Scim.unique("slash") + "@example.com";
    String id = t.createUser(userName);
    String filter = "?filter=userName+eq+%22" + userName + "%22";
    for (String path : List.of("//Users" + filter, "/Users/" + filter, "//Users/" + filter)) {
      HttpResponse<String> r = Scim.raw("GET", path, t.token, null, null);
      assertEquals(200, r.statusCode(), path + " -> " + r.body());
      assertEquals(id, JsonPath.from(r.body()).getString("Resources[0].id"), path);
    }
    HttpResponse<String> byId = Scim.raw("GET", "//Users/" + id + "/", t.token, null, null);
    assertEquals(200, byId.statusCode(), byId.body());
    assertEquals(userName, JsonPath.from(byId.body()).getString("userName"));
    // A POST through a doubled slash (Tenant URL pasted with a trailing slash) creates.
    HttpResponse<String> post =
        Scim.raw(
            "POST",
            "//Groups",
            t.token,
            Scim.SCIM_JSON_UTF8,
            Scim.r9CreateGroup(Scim.unique("slash-group"), "x"));
    assertEquals(201, post.statusCode(), post.body());
  }

  @Test
  void unknownPathsAnswer404ScimErrorNotHtml() {
    for (String path : List.of("/Nope", "/Users/a/b/c", "/Bulk", "/Me")) {
      assertScimError(Scim.raw("GET", path, t.token, null, null), 404);
    }
  }

  @Test
  void wrongMethodsAnswer405ScimError() {
    assertScimError(Scim.raw("DELETE", "/Users", t.token, null, null), 405);
    assertScimError(Scim.raw("PUT", "/Groups", t.token, Scim.SCIM_JSON_UTF8, "{}"), 405);
    assertScimError(
        Scim.raw("POST", "/ServiceProviderConfig", t.token, Scim.SCIM_JSON_UTF8, "{}"), 405);
  }

  @Test
  void malformedJsonIs400InvalidSyntax() {
    for (String body : List.of("{\"userName\": ", "not json at all", "[]", "")) {
      HttpResponse<String> r = Scim.raw("POST", "/Users", t.token, Scim.SCIM_JSON_UTF8, body);
      assertScimError(r, 400);
      assertEquals("invalidSyntax", JsonPath.from(r.body()).getString("scimType"), body);
    }
    String id = t.createUser(Scim.unique("badpatch") + "@example.com");
    HttpResponse<String> r =
        Scim.raw("PATCH", "/Users/" + id, t.token, Scim.SCIM_JSON_UTF8, "{\"Operations\": [");
    assertScimError(r, 400);
    assertEquals("invalidSyntax", JsonPath.from(r.body()).getString("scimType"));
  }

  @Test
  void unsupportedOrBrokenFiltersAre400InvalidFilterNeverAList() {
    t.createUser(Scim.unique("filter") + "@example.com");
    for (String filter :
        List.of(
            "favoriteColor eq \"x\"", "userName eq", "userName zz \"x\"", "(userName eq \"x\"")) {
      t.scim()
          .queryParam("filter", filter)
          .get("/Users")
          .then()
          .statusCode(400)
          .contentType(startsWith("application/scim+json"))
          .body("schemas", equalTo(List.of(ERROR)))
          .body("status", equalTo("400"))
          .body("scimType", equalTo("invalidFilter"))
          .body("detail", notNullValue())
          .body("$", not(hasKey("Resources")));
    }
    t.scim()
        .queryParam("filter", "members.nosuch eq \"x\"")
        .get("/Groups")
        .then()
        .statusCode(400)
        .body("scimType", equalTo("invalidFilter"));
  }

  @Test
  void errorBodiesCarryStatusAsAStringAndScimTypeWhereTheRfcDefinesOne() {
    String userName = Scim.unique("dup") + "@example.com";
    t.createUser(userName);
    t.createUserResponse(userName)
        .statusCode(409)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("409"))
        .body("scimType", equalTo("uniqueness"))
        .body("detail", notNullValue());
  }

  @Test
  void unauthenticatedUnknownPathIsStillAScimErrorNotHtml() {
    HttpResponse<String> r = Scim.raw("GET", "/Nope", null, null, null);
    assertScimError(r, 401);
    Map<String, Object> body = JsonPath.from(r.body()).getMap("$");
    assertTrue(body.containsKey("schemas"));
    given()
        .get(ItConfig.scimBase() + "/Users")
        .then()
        .statusCode(401)
        .contentType(startsWith("application/scim+json"))
        .body("status", equalTo("401"));
  }
}
