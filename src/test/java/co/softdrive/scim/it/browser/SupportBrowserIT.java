package co.softdrive.scim.it.browser;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.EntraRun;
import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console answers support's questions: each tenant's health (never connected, failing, silent,
 * healthy) on the tenants list and leading the tenant page, the provisioning cycle of an
 * Entra-shaped run, what each request changed, a purged user found by userName with its history, a
 * deleted group's affected accounts, a tombstone's way back and the mass-deactivation view. The IT
 * server declares a tenant silent after 12 s without success (pom.xml). Screenshots go to
 * target/screenshots.
 */
@ExtendWith(RequiresBrowser.class)
class SupportBrowserIT {

  @Test
  void everyHealthStatusShowsOnTheTenantsListAndLeadsTheTenantPage() throws Exception {
    // Silent needs 12 s without success: that tenant goes first, the others are checked meanwhile.
    // One prefix for this run's three tenants: a data directory kept from earlier runs holds
    // theirs too, and the sort below must see this run's alone.
    String run = "browser-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    TenantFixture silent = TenantFixture.create(run + "silent");
    silent.createUser("once@contoso.example");
    long silentSince = System.currentTimeMillis();

    TenantFixture never = TenantFixture.create(run + "never");
    TenantFixture failing = TenantFixture.create(run + "failing");
    failing.createUser("before@contoso.example");
    admin()
        .delete(
            ItConfig.adminBase() + "/tenants/" + failing.tenantId + "/tokens/" + failing.tokenId)
        .then()
        .statusCode(204);
    failing.scim().get("/Users").then().statusCode(401);
    Thread.sleep(2_000); // the activity log is written about once a second

    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));

      b.open("/console/tenant.xhtml?id=" + never.tenantId);
      assertEquals("never connected", b.visible(By.id("health-status")).getText());
      assertTrue(b.driver.findElement(By.id("health-reason")).getText().contains("No request yet"));
      b.screenshot("20-health-never-connected");

      b.open("/console/tenant.xhtml?id=" + failing.tenantId);
      assertEquals("failing", b.visible(By.id("health-status")).getText());
      assertTrue(b.driver.findElement(By.id("health-reason")).getText().contains("401"));
      assertTrue(b.driver.findElement(By.id("health-last-failure")).getText().contains("ago"));
      b.screenshot("21-health-failing");

      // The tenants list filters by health (each tenant searched by its own name, so the other
      // tests' tenants cannot push it off the first page; the name is typed before a health
      // filter is chosen, so no keystroke works out the health of every tenant of the run).
      b.open("/console/tenants.xhtml");
      b.visible(By.id("tenants:table"));
      b.type(By.id("tenants:search"), failing.tenantName);
      b.waitForRows(".tenants-table", 1, failing.tenantName);
      b.choose("tenants:health", "failing");
      b.ajaxDone();
      b.waitForRows(".tenants-table", 1, failing.tenantName);
      b.choose("tenants:health", "All");
      b.ajaxDone();
      b.type(By.id("tenants:search"), never.tenantName);
      b.waitForRows(".tenants-table", 1, never.tenantName);
      b.choose("tenants:health", "failing");
      b.ajaxDone();
      b.waitForText("No tenant matches this search.");
      b.choose("tenants:health", "never connected");
      b.ajaxDone();
      b.waitForRows(".tenants-table", 1, never.tenantName);
      b.screenshot("22-tenants-by-health");

      // Sorted by health, the most urgent come first: a failing tenant exists, so the first row is.
      b.choose("tenants:health", "All");
      b.ajaxDone();
      b.type(By.id("tenants:search"), run);
      b.waitForRows(".tenants-table", 3, run);
      b.click(
          By.xpath(
              "//th[contains(@class,'ui-sortable-column')][.//*[normalize-space(text())='Health']]"));
      b.ajaxDone();
      b.wait.until(
          d ->
              "failing"
                  .equals(
                      d.findElement(
                              By.cssSelector(
                                  ".tenants-table tbody tr:first-child .badge[class*='health-']"))
                          .getText()));

      long wait = silentSince + ItConfig.silentAfterMillis() + 1_500 - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      b.open("/console/tenant.xhtml?id=" + silent.tenantId);
      assertEquals("silent", b.visible(By.id("health-status")).getText());
      assertTrue(
          b.driver.findElement(By.id("health-reason")).getText().contains("token is active"),
          b.driver.findElement(By.id("health-reason")).getText());
      b.screenshot("23-health-silent");
    }
  }

  @Test
  void anEntraRunShowsItsCycleChangesPurgedUsersAndTheDeletedGroupsAffectedAccounts()
      throws Exception {
    TenantFixture t = TenantFixture.create("browser-support");
    EntraRun run = EntraRun.run(t, "sup", "Support Team", 5);
    // The group goes; Entra then deactivates a member who thereby lost access.
    t.scim().delete("/Groups/" + run.groupId).then().statusCode(204);
    EntraRun.patch(
        t,
        "/Users/" + run.userIds.get(3),
        "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}");
    Thread.sleep(2_000);

    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));

      // The tenant page leads with health and the cycle.
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      assertEquals("healthy", b.visible(By.id("health-status")).getText());
      List<WebElement> cycles = b.driver.findElements(By.cssSelector(".cycles-table tbody tr"));
      assertEquals(1, cycles.size());
      List<String> cells =
          cycles.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
      // requests, users created, updated, deactivated, deleted, memberships changed (+3, -1 +1,
      // -3 with the group), failures
      assertEquals(
          List.of("12", "5", "1", "2", "1", "8", "0"), cells.subList(2, 9), cells.toString());
      b.screenshot("24-tenant-health-cycle");

      // Activity rows name the user and say what changed.
      b.open("/console/activity.xhtml?tenant=" + t.tenantId);
      b.visible(By.cssSelector(".resource-link"));
      String activity = b.text();
      assertTrue(activity.contains("active true \u2192 false; account deleted"), activity);
      assertTrue(activity.contains("title changed"), activity);
      assertTrue(activity.contains("members +1 \u22121"), activity);
      assertTrue(activity.contains(run.userNames.get(1)), activity);
      b.screenshot("25-activity-changes");

      // The purged user (deleted by Entra) is found by the start of its userName, with its history.
      String purged = run.userNames.get(4);
      b.open("/console/users.xhtml?tenant=" + t.tenantId);
      b.type(By.id("users:search"), purged.substring(0, 5));
      b.visible(By.cssSelector(".purged-table"));
      b.waitForRows(".purged-table", 1, purged);
      b.screenshot("26-users-purged-search");
      b.click(By.cssSelector(".purged-link"));
      assertEquals(purged, b.visible(By.id("user-name")).getText());
      String history = b.driver.findElement(By.cssSelector(".audit-table")).getText();
      assertTrue(history.contains("purged"), history);
      assertTrue(history.contains("created"), history);
      b.screenshot("27-purged-user");

      // The deleted group's page: its record and which accounts it touched.
      b.open("/console/group.xhtml?tenant=" + t.tenantId + "&id=" + run.groupId);
      assertEquals("Support Team", b.visible(By.id("group-name")).getText());
      assertTrue(b.driver.findElement(By.id("deleted-by")).getText().startsWith("token sdscim_"));
      assertEquals("3", b.driver.findElement(By.id("member-count")).getText());
      String members = b.driver.findElement(By.cssSelector(".deleted-members-table")).getText();
      for (int i : new int[] {0, 1, 3}) {
        assertTrue(members.contains(run.userNames.get(i)), members);
      }
      assertTrue(members.contains("tombstone since the deletion"), members);
      assertTrue(b.driver.findElement(By.id("affected")).getText().startsWith("1 of 3"));
      b.screenshot("28-deleted-group");

      // The tenant page lists the deletion too.
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      b.visible(By.cssSelector(".deleted-group-link"));

      // A tombstone says how to bring the person back and when it is purged; no reactivation.
      b.open("/console/user.xhtml?tenant=" + t.tenantId + "&id=" + run.userIds.get(1));
      String tombstone = b.visible(By.id("tombstone")).getText();
      assertTrue(tombstone.contains("Provision on Demand"), tombstone);
      assertTrue(tombstone.contains("assign the person to the Softdrive enterprise application"));
      assertTrue(b.driver.findElement(By.id("purge-at")).getText().contains("30 days"));
      assertTrue(b.driver.findElements(By.xpath("//button[contains(., 'eactivate')]")).isEmpty());
      b.screenshot("29-tombstone");

      // The mass-deactivation view counts the deletions of the window.
      b.open("/console/deactivations.xhtml?tenant=" + t.tenantId);
      assertEquals("3", b.visible(By.id("deleted-count")).getText());
      assertEquals("3", b.driver.findElement(By.id("deleted-before-trip")).getText());
      b.waitForRows(".deactivations-table", 3, run.userNames.get(3));
      b.screenshot("30-deactivations");
    }
  }
}
