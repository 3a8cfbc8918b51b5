package co.softdrive.scim.it.browser;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The deletion guard in the console: a tenant with low thresholds holds a deactivation from Entra;
 * the tenant page warns about it, the pending-deletions page lists it, staff approve it, and the
 * user's account-state history shows the approval. Screenshots go to target/screenshots.
 */
@ExtendWith(RequiresBrowser.class)
class PendingDeletionsBrowserIT {

  @Test
  void aHeldDeletionIsApprovedFromThePendingPageAndShowsInTheHistory() throws Exception {
    TenantFixture t = TenantFixture.create("browser-pending");
    admin()
        .contentType(ContentType.JSON)
        .body("{\"guardPercent\": 10, \"guardMinCount\": 1, \"guardWindowMinutes\": 60}")
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(t.createUser("guarded" + i + "@contoso.example"));
    }

    // Entra deactivates users until the guard holds one.
    String held = null;
    for (String id : ids) {
      t.scim()
          .contentType("application/scim+json")
          .body(
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                  + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}")
          .patch("/Users/" + id)
          .then()
          .statusCode(200);
      List<String> pending = pendingIds(t);
      if (!pending.isEmpty()) {
        assertEquals(List.of(id), pending);
        held = id;
        break;
      }
    }
    assertNotNull(held, "the guard held no deletion");
    String heldName = "guarded" + ids.indexOf(held) + "@contoso.example";

    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));

      // The users list filters by "pending deletion".
      b.open("/console/users.xhtml?tenant=" + t.tenantId + "&state=PENDING_DELETION");
      b.waitForRows(".users-table", 1, heldName);
      assertTrue(
          b.driver
              .findElement(By.cssSelector(".users-table tbody"))
              .getText()
              .contains("pending deletion"));

      // The tenant page warns and links to the pending deletions.
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      b.visible(By.id("pending-banner"));
      assertTrue(b.text().contains("holding 1 account deletion"), b.text());
      b.screenshot("10-tenant-pending-banner");
      b.click(By.id("pending-link"));

      // The pending page lists the held deletion.
      b.waitForRows(".pending-table", 1, heldName);
      assertTrue(b.driver.findElement(By.id("guard-rule")).getText().contains("more than 10%"));
      b.screenshot("11-pending");

      // Select it, approve, confirm.
      b.click(By.cssSelector(".pending-table tbody tr .ui-chkbox-box"));
      b.click(By.id("pending:approve"));
      b.click(By.id("confirm-yes"));
      b.waitForText("1 held deletion approved");
      b.ajaxDone();
      b.visible(By.id("pending-empty"));
      b.wait.until(
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
      assertTrue(b.driver.findElement(By.id("pending:approve-all")).getText().contains("(0)"));
      assertFalse(b.driver.findElement(By.id("pending:table")).getText().contains(heldName));
      b.screenshot("12-pending-decided");

      // The admin API agrees: nothing is pending any more.
      assertTrue(pendingIds(t).isEmpty());

      // The user's history shows the approval by this staff account, newest first.
      b.open("/console/user.xhtml?tenant=" + t.tenantId + "&id=" + held);
      b.visible(By.id("user-name"));
      String history = b.driver.findElement(By.cssSelector(".audit-table")).getText();
      assertTrue(history.contains("deletion-approved"), history);
      assertTrue(history.contains("deletion-held"), history);
      assertTrue(history.contains("staff " + ItConfig.adminUser()), history);
      assertTrue(
          history.indexOf("deletion-approved") < history.indexOf("deletion-held"), "newest first");
      assertTrue(b.driver.findElement(By.id("account-state")).getText().startsWith("deleted"));
      b.screenshot("13-user-history");

      // The tenant page no longer warns.
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      b.visible(By.id("tenant-name"));
      assertTrue(b.driver.findElements(By.id("pending-banner")).isEmpty());
    }
  }

  private static List<String> pendingIds(TenantFixture t) {
    return admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/pending-deletions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("userId", String.class);
  }
}
