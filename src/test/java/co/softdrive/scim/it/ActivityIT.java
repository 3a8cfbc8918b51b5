package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every SCIM request lands in the tenant's activity log, with what failed and why. */
class ActivityIT {

  @Test
  void requestsAreRecordedWithOperationStatusAndErrorType() {
    TenantFixture t = TenantFixture.create("activity");
    // A create, a miss, an invalid filter.
    String id = t.createUser("ada@example.com");
    t.scim().get("/Users/no-such-user").then().statusCode(404);
    t.scim().queryParam("filter", "favoriteColor eq \"x\"").get("/Users").then().statusCode(400);

    List<Map<String, Object>> items = awaitItems(t.tenantId, "", rows -> rows.size() >= 3);
    assertTrue(
        items.stream()
            .anyMatch(
                r ->
                    "Users.create".equals(r.get("operation"))
                        && id.equals(r.get("resourceId"))
                        && Integer.valueOf(201).equals(r.get("status"))),
        items.toString());
    assertTrue(
        items.stream()
            .anyMatch(
                r ->
                    "Users.get".equals(r.get("operation"))
                        && Integer.valueOf(404).equals(r.get("status"))),
        items.toString());
    assertTrue(
        items.stream()
            .anyMatch(
                r ->
                    "invalidFilter".equals(r.get("scimType"))
                        && "favoriteColor eq \"x\"".equals(r.get("filter"))),
        items.toString());
    assertTrue(
        items.stream().allMatch(r -> String.valueOf(r.get("tokenPrefix")).startsWith("sdscim_")));

    // Only failures, only one operation.
    List<Map<String, Object>> failed =
        awaitItems(t.tenantId, "?status=4xx&operation=Users.get", r -> !r.isEmpty());
    assertEquals(1, failed.size());
    assertEquals("/Users/no-such-user", failed.get(0).get("path"));
  }

  @Test
  void tokensInAPathAFilterOrAPatchPathAreNeverRecorded() {
    TenantFixture t = TenantFixture.create("activity-redact");
    // The reported repro: the tenant's own token in a filter, and a token-shaped id in a path.
    t.scim()
        .queryParam("filter", "userName eq \"" + t.token + "\"")
        .get("/Users")
        .then()
        .statusCode(200);
    t.scim().get("/Users/sdscim_xxx").then().statusCode(404);
    t.scim().get("/Users/" + t.token).then().statusCode(404);
    String id = t.createUser("redact@example.com");
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[value eq \\\""
                + t.token
                + "\\\"]x\",\"value\":\"a\"}]}")
        .patch("/Users/" + id)
        .then()
        .statusCode(400);

    awaitItems(t.tenantId, "", rows -> rows.size() >= 5);
    String answer =
        admin()
            .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/activity")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // Only the display prefix (the first 13 characters, shown in the token list) may appear.
    assertFalse(answer.contains(t.token.substring(13)), answer);
    assertFalse(answer.contains("sdscim_xxx"), answer);
    assertTrue(answer.contains("[redacted]"), answer);
  }

  @Test
  void aSuspendedTenantsRejectedRequestsAreRecordedWithTheReason() {
    TenantFixture t = TenantFixture.create("activity-suspended");
    t.scim().get("/Users").then().statusCode(200);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("status", "suspended"))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
    t.scim().get("/Users").then().statusCode(401);
    List<Map<String, Object>> rejected = awaitItems(t.tenantId, "?status=4xx", r -> !r.isEmpty());
    assertEquals(401, rejected.get(0).get("status"));
    assertTrue(String.valueOf(rejected.get(0).get("detail")).contains("suspended"));
  }

  @Test
  void badStatusFilterIs400AndUnknownTenant404() {
    admin().get(ItConfig.adminBase() + "/tenants/nope/activity").then().statusCode(404);
    TenantFixture t = TenantFixture.create("activity-bad");
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/activity?status=404")
        .then()
        .statusCode(400)
        .body("status", equalTo(400));
  }

  /** Activity is written asynchronously (about once a second): poll until it shows. */
  static List<Map<String, Object>> awaitItems(
      String tenantId, String query, Predicate<List<Map<String, Object>>> done) {
    long deadline = System.currentTimeMillis() + 15_000;
    List<Map<String, Object>> items = List.of();
    while (System.currentTimeMillis() < deadline) {
      JsonPath body =
          admin()
              .get(ItConfig.adminBase() + "/tenants/" + tenantId + "/activity" + query)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      items = body.getList("items");
      if (done.test(items)) {
        return items;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return items;
  }
}
