package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.SOFTDRIVE;
import static co.softdrive.scim.it.scim.Scim.USER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /Users create, read, filter, replace and delete: test vectors T6–T13, T23 and T24
 * (docs/entra.md#test-vectors), the Softdrive {@code userType} extension, passwords (never stored
 * or returned), and ETags (RFC 7644 §3.14).
 */
class UsersIT {
  static final String PASSWORD = "Sup3r-Secret-Passw0rd!";
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-users");
  }

  private static String post(String body) {
    return t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(body)
        .post("/Users")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void documentedCreateUserBodyWithCharsetIs201WithIdAndTheSentValues() {
    // T6
    String userName = "Test_User_" + UUID.randomUUID();
    String externalId = UUID.randomUUID().toString();
    String email = "Test_User_" + UUID.randomUUID() + "@testuser.com";
    ExtractableResponse<Response> r =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.r4CreateUser(userName, externalId, email))
            .post("/Users")
            .then()
            .statusCode(201)
            .contentType(startsWith("application/scim+json"))
            .body("schemas", hasItem(USER))
            .body("id", notNullValue())
            .body("userName", equalTo(userName))
            .body("externalId", equalTo(externalId))
            .body("active", equalTo(true))
            .body("emails", hasSize(1))
            .body("emails[0].type", equalTo("work"))
            .body("emails[0].value", equalTo(email))
            .body("emails[0].primary", equalTo(true))
            .body("name.givenName", equalTo("givenName"))
            .body("meta.resourceType", equalTo("User"))
            .body("meta.created", notNullValue())
            .extract();
    String id = r.path("id");
    assertFalse(id.isBlank());
    assertTrue(
        r.header("Location").endsWith("/api/v1/automations/scim/Users/" + id),
        r.header("Location"));
    assertEquals(r.header("Location"), r.path("meta.location"));
    assertEquals(r.header("ETag"), r.path("meta.version"));
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("userName", equalTo(userName))
        .body("emails[0].value", equalTo(email));
  }

  @Test
  void sameUserNameInAnotherCaseIs409UniquenessWithDetail() {
    // T7
    String userName = "Test_User_" + UUID.randomUUID();
    t.createUser(userName);
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            Scim.r4CreateUser(
                userName.toUpperCase(), UUID.randomUUID().toString(), "x@example.com"))
        .post("/Users")
        .then()
        .statusCode(409)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", equalTo(java.util.List.of(ERROR)))
        .body("status", equalTo("409"))
        .body("scimType", equalTo("uniqueness"))
        .body("detail", notNullValue());
  }

  @Test
  void filterByUserNameIgnoresCaseAndFindsExactlyThatUser() {
    // T8
    String userName = "Test_User_" + UUID.randomUUID();
    String id = t.createUser(userName);
    t.createUser(userName + "-other");
    for (String asked : new String[] {userName.toUpperCase(), userName.toLowerCase()}) {
      t.scim()
          .queryParam("filter", "userName eq \"" + asked + "\"")
          .get("/Users")
          .then()
          .statusCode(200)
          .body("totalResults", equalTo(1))
          .body("Resources", hasSize(1))
          .body("Resources[0].id", equalTo(id))
          .body("Resources[0].userName", equalTo(userName));
    }
  }

  @Test
  void filterByExternalIdWorkEmailAndEmployeeNumberFindsThatUser() {
    // T9 (+ R2's admin-chosen enterprise matching attribute)
    String externalId = UUID.randomUUID().toString();
    String email = "Work." + UUID.randomUUID() + "@Contoso.example";
    String employeeNumber = "E" + System.nanoTime();
    String id =
        post(
            """
            {"schemas": ["%s", "%s"], "userName": "%s", "externalId": "%s",
             "emails": [{"type": "work", "value": "%s", "primary": true}, {"type": "other", "value": "other-%s"}],
             "%s": {"employeeNumber": "%s"}}
            """
                .formatted(
                    USER,
                    ENTERPRISE,
                    Scim.unique("t9"),
                    externalId,
                    email,
                    email,
                    ENTERPRISE,
                    employeeNumber));
    for (String filter :
        new String[] {
          "externalId eq \"" + externalId + "\"",
          "emails[type eq \"work\"].value eq \"" + email + "\"",
          "emails[type eq \"work\"].value eq \"" + email.toLowerCase() + "\"",
          "emails.value eq \"" + email + "\"",
          ENTERPRISE + ":employeeNumber eq \"" + employeeNumber + "\"",
          "externalId eq \"" + externalId + "\" and active eq true"
        }) {
      t.scim()
          .queryParam("filter", filter)
          .get("/Users")
          .then()
          .statusCode(200)
          .body("totalResults", equalTo(1))
          .body("Resources[0].id", equalTo(id));
    }
    // The other email is not a work email.
    t.scim()
        .queryParam("filter", "emails[type eq \"work\"].value eq \"other-" + email + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
  }

  @Test
  void filterOnAnUnsupportedAttributeIs400InvalidFilter() {
    // T10
    t.createUser(Scim.unique("t10"));
    t.scim()
        .queryParam("filter", "favoriteColor eq \"x\"")
        .get("/Users")
        .then()
        .statusCode(400)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("400"))
        .body("scimType", equalTo("invalidFilter"))
        .body("$", not(hasKey("totalResults")));
  }

  @Test
  void activeSentAsAStringIsStoredAsABoolean() {
    // T11
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + Scim.unique("t11")
                + "\",\"active\":\"True\"}")
        .post("/Users")
        .then()
        .statusCode(201)
        .body("active", equalTo(true));
    String id =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\""
                    + USER
                    + "\"],\"userName\":\""
                    + Scim.unique("t11f")
                    + "\",\"active\":\"False\"}")
            .post("/Users")
            .then()
            .statusCode(201)
            .body("active", equalTo(false))
            .extract()
            .path("id");
    t.scim().get("/Users/" + id).then().statusCode(200).body("active", equalTo(false));
  }

  @Test
  void enterpriseExtensionAndAnUnlistedSoftdriveExtensionAreStoredAndReturned() {
    // T12: the Softdrive extension's URN is deliberately absent from schemas.
    String managerId = t.createUser(Scim.unique("t12-manager"));
    String id =
        post(
            """
            {"schemas": ["%s", "%s"], "userName": "%s",
             "%s": {"employeeNumber": "701984", "department": "X", "manager": {"value": "%s"}},
             "%s": {"userType": "Contractor"}}
            """
                .formatted(USER, ENTERPRISE, Scim.unique("t12"), ENTERPRISE, managerId, SOFTDRIVE));
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("701984"))
        .body("'" + ENTERPRISE + "'.department", equalTo("X"))
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(managerId))
        .body("'" + SOFTDRIVE + "'.userType", equalTo("Contractor"))
        .body("schemas", hasItem(ENTERPRISE))
        .body("schemas", hasItem(SOFTDRIVE));
  }

  @Test
  void missingUserNameAndInvalidJsonAre400() {
    // T13
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + USER + "\"],\"active\":true}")
        .post("/Users")
        .then()
        .statusCode(400)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("400"))
        .body("detail", containsString("userName"));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"userName\": \"junk\",")
        .post("/Users")
        .then()
        .statusCode(400)
        .body("status", equalTo("400"))
        .body("scimType", equalTo("invalidSyntax"));
  }

  @Test
  void clientSentIdAndMetaAreIgnoredOnCreate() {
    String id =
        post(
            "{\"schemas\":[\""
                + USER
                + "\"],\"id\":\"client-sent-id\",\"userName\":\""
                + Scim.unique("ids")
                + "\",\"meta\":{\"resourceType\":\"User\",\"created\":\"2001-01-01T00:00:00Z\"}}");
    assertNotEquals("client-sent-id", id);
    t.scim().get("/Users/client-sent-id").then().statusCode(404);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("meta.created", not(startsWith("2001")));
  }

  @Test
  void deletePurgesTheUserAndASecondDeleteIs404() {
    // T23: Softdrive answers 404 to the second DELETE (the record is gone; docs/decisions.md).
    String userName = Scim.unique("t23");
    String id = t.createUser(userName);
    t.scim().delete("/Users/" + id).then().statusCode(204);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(404)
        .body("status", equalTo("404"))
        .body("schemas", hasItem(ERROR));
    t.scim().delete("/Users/" + id).then().statusCode(404).body("status", equalTo("404"));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    // The userName is free again: Entra may create the person anew.
    t.createUser(userName);
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void patchAndPutOnADeletedIdAre404(OpCase casing) {
    // T24
    String id = t.createUser(Scim.unique("t24"));
    t.scim().delete("/Users/" + id).then().statusCode(204);
    Scim.patchUser(
            t,
            id,
            casing,
            Scim.patch("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"x\"}"))
        .statusCode(404)
        .body("status", equalTo("404"))
        .body("schemas", hasItem(ERROR));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"userName\":\"x\"}")
        .put("/Users/" + id)
        .then()
        .statusCode(404);
    t.scim().get("/Users/" + id).then().statusCode(404);
  }

  @Test
  void passwordSentOnCreateIsNeverReturnedOrStored() {
    String userName = Scim.unique("pw");
    String id =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\""
                    + USER
                    + "\"],\"userName\":\""
                    + userName
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\"}")
            .post("/Users")
            .then()
            .statusCode(201)
            .body("$", not(hasKey("password")))
            .body(not(containsString(PASSWORD)))
            .extract()
            .path("id");
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("password")))
        .body(not(containsString(PASSWORD)));
    t.scim()
        .queryParam("attributes", "password,userName")
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("password")))
        .body("userName", equalTo(userName));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("Resources[0]", not(hasKey("password")))
        .body(not(containsString(PASSWORD)));
    // Not stored either: the attribute cannot be filtered into existence.
    t.scim()
        .queryParam("filter", "favoriteColor eq \"" + PASSWORD + "\"")
        .get("/Users")
        .then()
        .statusCode(400);
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void passwordSentInPutOrPatchIsNeverReturned(OpCase casing) {
    String userName = Scim.unique("pw2");
    String id = t.createUser(userName);
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + userName
                + "\",\"password\":\""
                + PASSWORD
                + "\"}")
        .put("/Users/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("password")));
    Scim.patchUser(
            t,
            id,
            casing,
            Scim.patch(
                "{\"op\": \"Replace\", \"path\": \"password\", \"value\": \"" + PASSWORD + "\"}"))
        .statusCode(200)
        .body("$", not(hasKey("password")))
        .body(not(containsString(PASSWORD)));
    Scim.patchUser(
            t,
            id,
            casing,
            Scim.patch("{\"op\": \"Add\", \"value\": {\"password\": \"" + PASSWORD + "\"}}"))
        .statusCode(200)
        .body("$", not(hasKey("password")));
    t.scim().get("/Users/" + id).then().statusCode(200).body(not(containsString(PASSWORD)));
  }

  @Test
  void softdriveUserTypeIsStoredReturnedAndFilterableInBothPostForms() {
    String nested = Scim.unique("ut-nested");
    String flat = Scim.unique("ut-flat");
    String type = "Type" + System.nanoTime();
    String nestedId =
        post(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + nested
                + "\",\""
                + SOFTDRIVE
                + "\":{\"userType\":\""
                + type
                + "\"}}");
    String flatId =
        post(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + flat
                + "\",\""
                + SOFTDRIVE
                + ":userType\":\""
                + type
                + "-b\"}");
    t.scim()
        .get("/Users/" + nestedId)
        .then()
        .statusCode(200)
        .body("'" + SOFTDRIVE + "'.userType", equalTo(type));
    t.scim()
        .get("/Users/" + flatId)
        .then()
        .statusCode(200)
        .body("'" + SOFTDRIVE + "'.userType", equalTo(type + "-b"))
        .body("$", not(hasKey(SOFTDRIVE + ":userType")));
    t.scim()
        .queryParam("filter", SOFTDRIVE + ":userType eq \"" + type + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(nestedId));
    t.scim()
        .queryParam("filter", SOFTDRIVE + ":userType sw \"" + type + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(2));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void softdriveUserTypeCanBeSetByPatchAndIsFilterable(OpCase casing) {
    String id = t.createUser(Scim.unique("ut-patch"));
    String type = "Patched" + System.nanoTime();
    Scim.patchUser(
            t,
            id,
            casing,
            Scim.patch(
                "{\"op\": \"Add\", \"path\": \""
                    + SOFTDRIVE
                    + ":userType\", \"value\": \""
                    + type
                    + "\"}"))
        .statusCode(200)
        .body("'" + SOFTDRIVE + "'.userType", equalTo(type));
    t.scim()
        .queryParam("filter", SOFTDRIVE + ":userType eq \"" + type.toLowerCase() + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
  }

  @Test
  void putReplacesTheWholeUser() {
    String userName = Scim.unique("put");
    String id = post(Scim.r4CreateUser(userName, "ext-1", "put@example.com"));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + userName
                + "\",\"displayName\":\"Put Only\"}")
        .put("/Users/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("displayName", equalTo("Put Only"))
        .body("$", not(hasKey("emails")))
        .body("$", not(hasKey("externalId")));
  }

  @Test
  void etagHeaderMatchesMetaVersionAndDrivesConditionalRequests() {
    String id = t.createUser(Scim.unique("etag"));
    ExtractableResponse<Response> first =
        t.scim().get("/Users/" + id).then().statusCode(200).extract();
    String etag = first.header("ETag");
    assertTrue(etag != null && !etag.isBlank(), "ETag header");
    assertEquals(etag, first.path("meta.version"));
    // If-None-Match with the current version: 304 and no body.
    t.scim().header("If-None-Match", etag).get("/Users/" + id).then().statusCode(304);
    // A change makes a new version.
    String next =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .header("If-Match", etag)
            .body(Scim.patch("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"v2\"}"))
            .patch("/Users/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertNotEquals(etag, next);
    t.scim()
        .header("If-None-Match", etag)
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("v2"));
    // If-Match with the stale version: 412 for PATCH, PUT and DELETE; nothing changes.
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .header("If-Match", etag)
        .body(Scim.patch("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"v3\"}"))
        .patch("/Users/" + id)
        .then()
        .statusCode(412)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("412"));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .header("If-Match", etag)
        .body("{\"userName\":\"whatever\"}")
        .put("/Users/" + id)
        .then()
        .statusCode(412);
    t.scim().header("If-Match", etag).delete("/Users/" + id).then().statusCode(412);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("v2"))
        .header("ETag", equalTo(next));
    t.scim().header("If-Match", next).delete("/Users/" + id).then().statusCode(204);
  }

  @Test
  void legacyManagerReferenceCheckWithIdAndManagerAndAttributesId() {
    // R16: GET /Users?filter=id eq X and manager eq M&attributes=id
    String managerId = t.createUser(Scim.unique("r16-mgr"));
    String id =
        post(
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + Scim.unique("r16")
                + "\",\""
                + ENTERPRISE
                + "\":{\"manager\":{\"value\":\""
                + managerId
                + "\"}}}");
    t.scim()
        .queryParam("filter", "id eq \"" + id + "\" and manager eq \"" + managerId + "\"")
        .queryParam("attributes", "id")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id))
        .body("Resources[0]", not(hasKey("userName")));
    t.scim()
        .queryParam("filter", "id eq \"" + id + "\" and manager eq \"" + UUID.randomUUID() + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
  }

  @Test
  void locationOfACreatedUserAnswersGet() {
    String id = t.createUser(Scim.unique("loc"));
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("meta.location", endsWith("/Users/" + id));
  }
}
