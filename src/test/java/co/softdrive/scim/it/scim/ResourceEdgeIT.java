package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the shared SCIM edge answers for both resource types: {@code Location} beside {@code
 * Content-Location} on every 200 with one resource (RFC 7644 §3.4.1, §3.5.1), the requested path in
 * a 404's detail, and {@code POST /.search} at the service root (RFC 7644 §3.4.3) answered with a
 * SCIM 501.
 */
class ResourceEdgeIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-edge");
  }

  private static void bothLocations(Response r, String location) {
    assertEquals(200, r.statusCode(), r.asString());
    assertEquals(location, r.header("Location"));
    assertEquals(location, r.header("Content-Location"));
  }

  @Test
  void userGetPutAndPatchAnswerLocationAndContentLocation() {
    String name = Scim.unique("edge-user") + "@contoso.com";
    String id = t.createUser(name);
    String location = ItConfig.scimBase() + "/Users/" + id;
    bothLocations(t.scim().get("/Users/" + id), location);
    bothLocations(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                    + name
                    + "\",\"displayName\":\"Put\"}")
            .put("/Users/" + id),
        location);
    bothLocations(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Patched\"}"))
            .patch("/Users/" + id),
        location);
  }

  @Test
  void groupGetPutAndProjectedPatchAnswerLocationAndContentLocation() {
    String name = Scim.unique("edge-group");
    String id = t.createGroup(name);
    String location = ItConfig.scimBase() + "/Groups/" + id;
    bothLocations(t.scim().get("/Groups/" + id), location);
    bothLocations(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\""
                    + name
                    + "\"}")
            .put("/Groups/" + id),
        location);
    String rename =
        Scim.patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name + "-2\"}");
    // A group PATCH stays 204 without a body, 200 with it when a projection asks for it.
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(rename)
        .patch("/Groups/" + id)
        .then()
        .statusCode(204)
        .header("Location", nullValue());
    bothLocations(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(rename)
            .patch("/Groups/" + id + "?attributes=displayName"),
        location);
  }

  @Test
  void bothResourceTypesAnswerOnlyJson() {
    for (String collection : new String[] {"/Users", "/Groups"}) {
      t.scim()
          .get(collection)
          .then()
          .statusCode(200)
          .contentType(startsWith("application/scim+json"));
      t.scim()
          .accept("application/xml")
          .get(collection)
          .then()
          .statusCode(406)
          .body("schemas", hasItem(ERROR));
    }
  }

  @Test
  void searchAtTheServiceRootIsAScim501() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}")
        .post("/.search")
        .then()
        .statusCode(501)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("501"))
        .body(
            "detail",
            equalTo(
                "Searching across resource types at the service root is not supported;"
                    + " POST /Users/.search or /Groups/.search"));
    // Other paths at the root that nothing serves stay 404.
    t.scim().get("/Bulk").then().statusCode(404);
    t.scim().contentType(SCIM_JSON_UTF8).body("{}").post("/Bulk").then().statusCode(404);
  }

  @Test
  void aNotFoundNamesThePathAsRequested() {
    t.scim()
        .get("/users")
        .then()
        .statusCode(404)
        .body("schemas", hasItem(ERROR))
        .body("detail", equalTo("No resource at /api/v1/automations/scim/users"));
  }
}
