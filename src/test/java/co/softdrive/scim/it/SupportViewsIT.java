package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What support reads through the admin API: each tenant's {@code health} (status, last success and
 * failure, recent provisioning cycles) and, in the activity answers, the name of the user or group
 * a request touched and what it changed in words. The IT server declares a tenant silent after 12 s
 * without a successful request ({@code scim.health.silent-after-seconds}, pom.xml).
 */
class SupportViewsIT {

  @Test
  void aTenantWithoutRequestsHasNeverConnected() {
    TenantFixture t = TenantFixture.create("health-never");
    JsonPath tenant = tenant(t.tenantId);
    assertEquals("never_connected", tenant.getString("health.status"));
    assertNull(tenant.get("health.lastSuccessfulRequest"));
    assertEquals(List.of(), tenant.getList("health.recentCycles"));
    // The list carries the same field.
    List<Map<String, Object>> all =
        admin()
            .get(ItConfig.adminBase() + "/tenants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    Map<String, Object> mine =
        all.stream().filter(m -> t.tenantId.equals(m.get("id"))).findFirst().orElseThrow();
    assertEquals("never_connected", ((Map<?, ?>) mine.get("health")).get("status"));
  }

  @Test
  void anEntraRunIsOneHealthyCycleWithItsCounts() {
    TenantFixture t = TenantFixture.create("health-cycle");
    EntraRun.run(t, "cycle", "Cycle Team", 5);
    JsonPath tenant =
        awaitTenant(t.tenantId, j -> j.getInt("health.recentCycles[0].requests") >= 10);
    assertEquals("healthy", tenant.getString("health.status"), tenant.prettify());
    assertNotNull(tenant.get("health.lastSuccessfulRequest"));
    assertEquals(1, tenant.getList("health.recentCycles").size(), tenant.prettify());
    assertEquals(5, tenant.getInt("health.recentCycles[0].usersCreated"));
    assertEquals(1, tenant.getInt("health.recentCycles[0].usersUpdated"));
    assertEquals(1, tenant.getInt("health.recentCycles[0].usersDeactivated"));
    assertEquals(1, tenant.getInt("health.recentCycles[0].usersDeleted"));
    // 3 added at creation, then -1 +1.
    assertEquals(5, tenant.getInt("health.recentCycles[0].membershipChanges"));
    assertEquals(0, tenant.getInt("health.recentCycles[0].failures"));
  }

  @Test
  void aRejectedTokenMakesTheTenantFailing() {
    TenantFixture t = TenantFixture.create("health-failing");
    t.createUser("ok@contoso.example");
    admin()
        .delete(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
        .then()
        .statusCode(204);
    t.scim().get("/Users").then().statusCode(401);
    JsonPath tenant = awaitTenant(t.tenantId, j -> "failing".equals(j.getString("health.status")));
    assertEquals("failing", tenant.getString("health.status"), tenant.prettify());
    assertTrue(tenant.getString("health.reason").contains("401"), tenant.prettify());
    assertNotNull(tenant.get("health.lastFailure"));
    assertEquals(401, tenant.getInt("health.lastFailureStatus"));
  }

  @Test
  void noSuccessForLongerThanTheThresholdWithAnActiveTokenIsSilent() throws Exception {
    TenantFixture t = TenantFixture.create("health-silent");
    t.createUser("once@contoso.example");
    awaitTenant(t.tenantId, j -> "healthy".equals(j.getString("health.status")));
    Thread.sleep(ItConfig.silentAfterMillis() + 1_500);
    JsonPath tenant = tenant(t.tenantId);
    assertEquals("silent", tenant.getString("health.status"), tenant.prettify());
  }

  @Test
  void activityNamesTheResourceAndSaysWhatChanged() {
    TenantFixture t = TenantFixture.create("activity-changes");
    EntraRun run = EntraRun.run(t, "chg", "Change Team", 5);
    List<Map<String, Object>> items =
        ActivityIT.awaitItems(t.tenantId, "?count=100", rows -> rows.size() >= 10);
    assertTrue(has(items, "Users.create", run.userNames.get(0), "created"), items.toString());
    assertTrue(has(items, "Users.patch", run.userNames.get(0), "title changed"), items.toString());
    assertTrue(
        has(
            items,
            "Users.patch",
            run.userNames.get(1),
            "active true \u2192 false; account deleted"),
        items.toString());
    assertTrue(has(items, "Groups.create", "Change Team", "created, members +3"), items.toString());
    assertTrue(has(items, "Groups.patch", "Change Team", "members +1 \u22121"), items.toString());
    assertTrue(
        has(items, "Users.delete", run.userNames.get(4), "record deleted; account deleted"),
        items.toString());
    // Never a value other than active's.
    assertTrue(items.stream().noneMatch(r -> String.valueOf(r.get("change")).contains("CTO")));
  }

  private static boolean has(
      List<Map<String, Object>> items, String operation, String name, String change) {
    return items.stream()
        .anyMatch(
            r ->
                operation.equals(r.get("operation"))
                    && name.equals(r.get("resourceName"))
                    && change.equals(r.get("change")));
  }

  static JsonPath tenant(String tenantId) {
    return admin()
        .get(ItConfig.adminBase() + "/tenants/" + tenantId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Activity is written about once a second: poll until the tenant's answer shows it. */
  static JsonPath awaitTenant(String tenantId, Predicate<JsonPath> done) {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonPath j = tenant(tenantId);
    while (System.currentTimeMillis() < deadline) {
      try {
        if (done.test(j)) {
          return j;
        }
      } catch (RuntimeException e) {
        // not there yet
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      j = tenant(tenantId);
    }
    return j;
  }
}
