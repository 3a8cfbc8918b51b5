package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin API's reads of what the console shows beside a tenant's users and groups: purged users
 * found by userName, the records deleted groups left, and mass deactivations; each answers 404 for
 * a tenant that does not exist and shows nothing of another tenant.
 */
class AdminSupportRecordsIT {
  static final String DEACTIVATE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";

  static String tenantPath(TenantFixture t) {
    return ItConfig.adminBase() + "/tenants/" + t.tenantId;
  }

  @Test
  void purgedUsersAreFoundByTheStartOfTheirUserNamePageByPage() {
    TenantFixture t = TenantFixture.create("purged-api");
    TenantFixture other = TenantFixture.create("purged-api-other");
    String first = t.createUser("Jo.First@contoso.example");
    String second = t.createUser("jo.second@contoso.example");
    String kept = t.createUser("joe.kept@contoso.example");
    t.scim().delete("/Users/" + first).then().statusCode(204);
    t.scim().delete("/Users/" + second).then().statusCode(204);

    // Newest first, case-insensitively; a user that still exists is not purged.
    List<String> ids =
        admin()
            .get(tenantPath(t) + "/purged-users?userName=JO.")
            .then()
            .statusCode(200)
            .extract()
            .path("userId");
    assertEquals(List.of(second, first), ids);

    // One per page: the second page starts before the first page's entry.
    long firstEntry =
        admin()
            .get(tenantPath(t) + "/purged-users?userName=jo.&limit=1")
            .then()
            .statusCode(200)
            .body("userId", equalTo(List.of(second)))
            .body("[0].action", equalTo("purged"))
            .extract()
            .<Number>path("[0].id")
            .longValue();
    admin()
        .get(tenantPath(t) + "/purged-users?userName=jo.&limit=1&before=" + firstEntry)
        .then()
        .statusCode(200)
        .body("userId", equalTo(List.of(first)));
    admin()
        .get(tenantPath(t) + "/purged-users?userName=joe")
        .then()
        .statusCode(200)
        .body("userId", not(hasItem(kept)));

    // Another tenant sees none of them; an unknown tenant is 404; the name is required.
    admin()
        .get(tenantPath(other) + "/purged-users?userName=jo")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID() + "/purged-users?userName=jo")
        .then()
        .statusCode(404);
    admin().get(tenantPath(t) + "/purged-users").then().statusCode(400);
    admin().get(tenantPath(t) + "/purged-users?userName=jo&before=x").then().statusCode(400);
  }

  @Test
  void aDeletedGroupsRecordListsItsMembersAndIsTheTenantsOnly() {
    TenantFixture t = TenantFixture.create("deleted-groups-api");
    TenantFixture other = TenantFixture.create("deleted-groups-api-other");
    String ann = t.createUser("ann@contoso.example");
    String ben = t.createUser("ben@contoso.example");
    String g = t.createGroup("Sales");
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\""
                + ann
                + "\"},{\"value\":\""
                + ben
                + "\"}]}]}")
        .patch("/Groups/" + g)
        .then()
        .statusCode(204);
    t.scim().delete("/Groups/" + g).then().statusCode(204);

    admin()
        .get(tenantPath(t) + "/deleted-groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("items[0].groupId", equalTo(g))
        .body("items[0].displayName", equalTo("Sales"))
        .body("items[0].memberCount", equalTo(2));

    // The group's record, one member per page by user id.
    List<String> both = ann.compareTo(ben) < 0 ? List.of(ann, ben) : List.of(ben, ann);
    String next =
        admin()
            .get(tenantPath(t) + "/deleted-groups/" + g + "?limit=1")
            .then()
            .statusCode(200)
            .body("deletion.displayName", equalTo("Sales"))
            .body("members.userId", equalTo(both.subList(0, 1)))
            .body("members[0].state", equalTo("ACTIVE"))
            .extract()
            .path("nextAfter");
    admin()
        .get(tenantPath(t) + "/deleted-groups/" + g + "?limit=1&after=" + next)
        .then()
        .statusCode(200)
        .body("members.userId", equalTo(both.subList(1, 2)))
        .body("nextAfter", nullValue());

    // Another tenant's view: no deletions, and this group is not found there.
    admin()
        .get(tenantPath(other) + "/deleted-groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    admin().get(tenantPath(other) + "/deleted-groups/" + g).then().statusCode(404);
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID() + "/deleted-groups")
        .then()
        .statusCode(404);
    admin().get(tenantPath(t) + "/deleted-groups?count=many").then().statusCode(400);
  }

  @Test
  void deactivationsInTheWindowAreCountedAndListed() {
    TenantFixture t = TenantFixture.create("deactivations-api");
    TenantFixture other = TenantFixture.create("deactivations-api-other");
    String id = t.createUser("dora@contoso.example");
    t.scim()
        .contentType("application/scim+json")
        .body(DEACTIVATE)
        .patch("/Users/" + id)
        .then()
        .statusCode(200);

    admin()
        .get(tenantPath(t) + "/deactivations?hours=1")
        .then()
        .statusCode(200)
        .body("counts.deleted", equalTo(1))
        .body("deletedBeforeTrip", equalTo(1))
        .body("trippedAt", nullValue())
        .body("entries.userId", equalTo(List.of(id)))
        .body("truncated", equalTo(false));
    admin()
        .get(tenantPath(other) + "/deactivations")
        .then()
        .statusCode(200)
        .body("entries", hasSize(0));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + UUID.randomUUID() + "/deactivations")
        .then()
        .statusCode(404);
    admin().get(tenantPath(t) + "/deactivations?hours=soon").then().statusCode(400);
  }

  @Test
  void withoutStaffCredentialsEveryReadIsUnauthorized() {
    TenantFixture t = TenantFixture.create("support-records-auth");
    for (String path : List.of("/purged-users?userName=a", "/deleted-groups", "/deactivations")) {
      given().get(tenantPath(t) + path).then().statusCode(401);
    }
  }
}
