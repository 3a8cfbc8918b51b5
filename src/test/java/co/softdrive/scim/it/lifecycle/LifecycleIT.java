package co.softdrive.scim.it.lifecycle;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Softdrive's lifecycle rules replayed with Entra's real sequences (docs/entra.md#lifecycle):
 * tombstones, restore, purge, group policies, retention, the deletion guard and the audit trail.
 */
class LifecycleIT {
  static final String DEACTIVATE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";
  static final String ACTIVATE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]}";

  static void patch(TenantFixture t, String path, String body, int status) {
    t.scim()
        .contentType("application/scim+json; charset=utf-8")
        .body(body)
        .patch(path)
        .then()
        .statusCode(status);
  }

  static void settings(TenantFixture t, String json) {
    admin()
        .contentType(ContentType.JSON)
        .body(json)
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
  }

  static List<String> auditActions(TenantFixture t, String userId) {
    return admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/audit?userId=" + userId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("action");
  }

  static List<String> eventTypes(TenantFixture t, String resourceId) {
    JsonPath feed =
        admin()
            .get(ItConfig.adminBase() + "/events?after=0&limit=1000&tenantId=" + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> types = new ArrayList<>();
    List<String> ids = feed.getList("events.resourceId");
    List<String> all = feed.getList("events.type");
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).equals(resourceId)) {
        types.add(all.get(i));
      }
    }
    return types;
  }

  @Test
  void unassignMakesATombstoneAndReassignRestoresTheAccount() {
    TenantFixture t = TenantFixture.create("unassign");
    String id = t.createUser("ann@contoso.example");
    // Entra unassigns: PATCH active "False" answers 200 with the user, never 404.
    t.scim()
        .contentType("application/scim+json")
        .body(DEACTIVATE)
        .patch("/Users/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    // The tombstone still answers GET by id and by filter.
    t.scim().get("/Users/" + id).then().statusCode(200).body("active", equalTo(false));
    t.scim()
        .urlEncodingEnabled(false)
        .get("/Users?filter=userName+eq+%22ann@contoso.example%22")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
    // Re-assignment: PATCH active "True" on the same id restores the account.
    t.scim()
        .contentType("application/scim+json")
        .body(ACTIVATE)
        .patch("/Users/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    assertEquals(List.of("restored", "deleted", "created"), auditActions(t, id));
    assertEquals(
        List.of("account.created", "account.deleted", "account.restored"), eventTypes(t, id));
  }

  @Test
  void softDeleteThenHardDeletePurgesTheRecord() {
    TenantFixture t = TenantFixture.create("hard-delete");
    String id = t.createUser("bob@contoso.example");
    patch(t, "/Users/" + id, DEACTIVATE, 200);
    t.scim().delete("/Users/" + id).then().statusCode(204);
    t.scim().get("/Users/" + id).then().statusCode(404);
    t.scim().delete("/Users/" + id).then().statusCode(404);
    assertEquals(List.of("purged", "deleted", "created"), auditActions(t, id));
    assertEquals(
        List.of("account.created", "account.deleted", "account.purged"), eventTypes(t, id));
  }

  @Test
  void hardDeleteOfAnActiveUserDeletesTheAccountAndPurges() {
    TenantFixture t = TenantFixture.create("hard-delete-active");
    String id = t.createUser("carl@contoso.example");
    t.scim().delete("/Users/" + id).then().statusCode(204);
    assertEquals(
        List.of("account.created", "account.deleted", "account.purged"), eventTypes(t, id));
  }

  @Test
  void groupDeletionFollowingEntraKeepsEveryMemberActive() {
    TenantFixture t = TenantFixture.create("follow-entra");
    String only = t.createUser("only@contoso.example");
    String both = t.createUser("both@contoso.example");
    String g = t.createGroup("Sales");
    String h = t.createGroup("Everyone");
    addMembers(t, g, only, both);
    addMembers(t, h, both);
    t.scim().delete("/Groups/" + g).then().statusCode(204);
    t.scim().get("/Users/" + only).then().statusCode(200).body("active", equalTo(true));
    t.scim().get("/Users/" + both).then().statusCode(200).body("active", equalTo(true));
    t.scim().get("/Groups/" + g).then().statusCode(404);
  }

  @Test
  void groupDeletionWithCascadeDeactivatesMembersWithoutOtherGroups() {
    TenantFixture t = TenantFixture.create("cascade");
    settings(t, Jsons.of("groupPolicy", "cascade"));
    String only = t.createUser("only@fabrikam.example");
    String both = t.createUser("both@fabrikam.example");
    String none = t.createUser("direct@fabrikam.example");
    String g = t.createGroup("Sales");
    String h = t.createGroup("Everyone");
    addMembers(t, g, only, both);
    addMembers(t, h, both);
    t.scim().delete("/Groups/" + g).then().statusCode(204);
    t.scim().get("/Users/" + only).then().statusCode(200).body("active", equalTo(false));
    t.scim().get("/Users/" + both).then().statusCode(200).body("active", equalTo(true));
    t.scim().get("/Users/" + none).then().statusCode(200).body("active", equalTo(true));
    assertTrue(eventTypes(t, only).contains("account.deleted"));
    assertEquals(List.of("account.created"), eventTypes(t, both));
  }

  @Test
  void tombstonesArePurgedAfterTheTenantsRetention() {
    TenantFixture t = TenantFixture.create("retention");
    String kept = t.createUser("kept@contoso.example");
    String gone = t.createUser("gone@contoso.example");
    patch(t, "/Users/" + gone, DEACTIVATE, 200);
    settings(t, Jsons.of("retentionDays", 0));
    admin().post(ItConfig.adminBase() + "/jobs/tombstone-purge").then().statusCode(200);
    t.scim().get("/Users/" + gone).then().statusCode(404);
    t.scim().get("/Users/" + kept).then().statusCode(200).body("active", equalTo(true));
    assertEquals("purged", auditActions(t, gone).get(0));
    assertEquals(
        "job",
        admin()
            .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/audit?userId=" + gone)
            .then()
            .extract()
            .path("[0].actorType"));
  }

  @Test
  void deletionGuardHoldsDeletionsPastTheThresholdUntilStaffApproveOrReject() {
    TenantFixture t = TenantFixture.create("guard");
    settings(t, Jsons.of("guardPercent", 20, "guardMinCount", 3, "guardWindowMinutes", 60));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(t.createUser("user" + i + "@guard.example"));
    }
    // Three deletions are within the thresholds (more than 3 and more than 20% of 10 trips it).
    for (int i = 0; i < 3; i++) {
      patch(t, "/Users/" + ids.get(i), DEACTIVATE, 200);
    }
    // The fourth and fifth are held: Entra still gets 200 and sees active:false.
    for (int i = 3; i < 5; i++) {
      t.scim()
          .contentType("application/scim+json")
          .body(DEACTIVATE)
          .patch("/Users/" + ids.get(i))
          .then()
          .statusCode(200)
          .body("active", equalTo(false));
    }
    String pendingUrl = ItConfig.adminBase() + "/tenants/" + t.tenantId + "/pending-deletions";
    admin()
        .get(pendingUrl)
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("userId", hasItem(ids.get(3)));
    assertEquals(List.of("account.created"), eventTypes(t, ids.get(3)));
    assertEquals(List.of("deletion-held", "created"), auditActions(t, ids.get(3)));
    // Reject one: its account stays. Approve the other: now it is deleted and the event goes out.
    admin()
        .contentType(ContentType.JSON)
        .body("{\"userIds\":[\"" + ids.get(4) + "\"]}")
        .post(pendingUrl + "/reject")
        .then()
        .statusCode(200)
        .body("rejected", equalTo(1));
    admin().post(pendingUrl + "/approve").then().statusCode(200).body("approved", equalTo(1));
    admin().get(pendingUrl).then().statusCode(200).body("$", hasSize(0));
    assertEquals(List.of("account.created", "account.deleted"), eventTypes(t, ids.get(3)));
    assertEquals(List.of("account.created"), eventTypes(t, ids.get(4)));
    assertEquals("deletion-rejected", auditActions(t, ids.get(4)).get(0));
    assertEquals(
        "staff",
        admin()
            .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/audit?userId=" + ids.get(3))
            .then()
            .extract()
            .path("[0].actorType"));
  }

  @Test
  void auditTrailIsConfinedToItsTenant() {
    TenantFixture a = TenantFixture.create("audit-a");
    TenantFixture b = TenantFixture.create("audit-b");
    String id = a.createUser("dora@contoso.example");
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + b.tenantId + "/audit?userId=" + id)
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID() + "/audit")
        .then()
        .statusCode(404);
  }

  static void addMembers(TenantFixture t, String groupId, String... userIds) {
    StringBuilder values = new StringBuilder();
    for (String u : userIds) {
      values
          .append(values.length() == 0 ? "" : ",")
          .append("{\"$ref\":null,\"value\":\"")
          .append(u)
          .append("\"}");
    }
    patch(
        t,
        "/Groups/" + groupId,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":["
            + values
            + "]}]}",
        204);
  }
}
