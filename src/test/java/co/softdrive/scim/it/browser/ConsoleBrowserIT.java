package co.softdrive.scim.it.browser;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The support console in a real (headless) browser: sign-in and role denial, onboarding a customer
 * end to end, inspecting a provisioned user, escaping what Entra sent, and finding a failed request
 * in the activity view. Screenshots of each main page go to target/screenshots.
 */
@ExtendWith(RequiresBrowser.class)
class ConsoleBrowserIT {
  static final String SCRIPT_NAME = "<script>window.xssFired=true</script>Eve";

  @Test
  void signInSignOutAndASupportAccountIsDeniedTheStaffPage() throws Exception {
    String support = "support-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "support-password-" + UUID.randomUUID();
    admin()
        .contentType(ContentType.JSON)
        .body(
            "{\"username\":\""
                + support
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\"support\"]}")
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    try (Browser b = new Browser()) {
      // A console page without a session goes to the sign-in page.
      b.open("/console/tenants.xhtml");
      b.visible(By.id("login:username"));
      b.screenshot("01-sign-in");

      // A wrong password is refused with a message.
      b.signIn(support, "not-the-password");
      b.waitForText("Wrong username or password");

      // The support account signs in, sees tenants but no Staff menu.
      b.signIn(support, password);
      b.visible(By.id("signed-in-user"));
      assertEquals(support, b.driver.findElement(By.id("signed-in-user")).getText());
      assertTrue(b.driver.findElements(By.id("nav-staff")).isEmpty());

      // The staff page is for admins only.
      b.open("/console/staff.xhtml");
      b.visible(By.id("console-error"));
      assertTrue(b.text().contains("Not allowed"));

      // Sign out: back on the sign-in page, and the console needs signing in again.
      b.open("/console/tenants.xhtml");
      b.click(By.id("signout:signout-button"));
      b.waitForText("You are signed out");
      b.open("/console/tenants.xhtml");
      b.visible(By.id("login:username"));
    }
  }

  @Test
  void onboardACustomerGenerateATokenUseItThenRevokeIt() throws Exception {
    String name = "Browser Contoso " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));

      // Create the tenant from the tenants list.
      b.click(By.id("tenants:new-tenant"));
      b.type(By.id("create:name"), name);
      b.click(By.id("create:create-button"));
      b.visible(By.id("tenant-name"));
      assertTrue(b.text().contains(name));
      assertTrue(b.text().contains("No token yet"));

      // Generate a token: the secret is shown once, with the Tenant URL and the Entra steps.
      b.type(By.id("generate:account"), "entra-provisioning");
      b.click(By.id("generate:generate-button"));
      String secret = b.visible(By.id("token-secret")).getAttribute("value");
      String tenantUrl = b.driver.findElement(By.id("tenant-url")).getAttribute("value");
      assertTrue(secret.startsWith("sdscim_"), secret);
      assertEquals(ItConfig.scimBase(), tenantUrl);
      assertTrue(b.text().contains("Test Connection"));
      assertTrue(b.text().contains("Provision on Demand"));
      assertTrue(b.text().contains("softdrive:2.0:User:userType"));
      b.screenshot("03-token-dialog");

      // The token works against the SCIM API.
      given()
          .header("Authorization", "Bearer " + secret)
          .get(tenantUrl + "/Users")
          .then()
          .statusCode(200);

      // Closing the dialog forgets the secret.
      b.click(By.cssSelector("[id='secret-panel:secret-dialog'] .ui-dialog-titlebar-close"));
      b.ajaxDone();
      assertTrue(b.driver.findElements(By.id("token-secret")).isEmpty());
      b.screenshot("04-tenant");

      // Revoke with confirmation; the token stops working at once.
      b.click(By.cssSelector(".revoke-button"));
      b.click(By.id("confirm-yes"));
      b.waitForText("revoked; it stops working at once");
      given()
          .header("Authorization", "Bearer " + secret)
          .get(tenantUrl + "/Users")
          .then()
          .statusCode(401);

      // The tenants list finds it by name.
      b.open("/console/tenants.xhtml");
      b.type(By.id("tenants:search"), name.substring(8));
      b.waitForRows(".tenants-table", 1, name);
      b.screenshot("02-tenants");
    }
  }

  @Test
  void findAProvisionedUserSeeItsStateAndWhatEntraSentRenderedAsText() throws Exception {
    TenantFixture t = TenantFixture.create("browser-users");
    String id =
        t.scim()
            .contentType("application/scim+json")
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"eve@contoso.example\",\"externalId\":\"ext-eve\","
                    + "\"displayName\":\""
                    + SCRIPT_NAME.replace("\"", "\\\"")
                    + "\",\"active\":true,"
                    + "\"emails\":[{\"value\":\"eve.work@contoso.example\",\"type\":\"work\",\"primary\":true}]}")
            .post("/Users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // Entra deactivates her: the account goes, the tombstone stays.
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}")
        .patch("/Users/" + id)
        .then()
        .statusCode(200);
    t.createUser("zed@contoso.example"); // so that the search visibly narrows the list
    String groupId = t.createGroup("Sales <b>EMEA</b>");
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + id
                + "\"}]}]}")
        .patch("/Groups/" + groupId)
        .then()
        .statusCode(204);

    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));
      b.open("/console/users.xhtml?tenant=" + t.tenantId);
      // Search by the start of the e-mail address.
      b.type(By.id("users:search"), "eve.work@");
      b.waitForRows(".users-table", 1, "eve@contoso.example");
      // The script is text in the list, never executed.
      assertEquals(SCRIPT_NAME, b.driver.findElement(By.cssSelector(".display-name")).getText());
      b.screenshot("05-users");

      b.click(By.cssSelector(".user-link"));
      b.visible(By.id("user-name"));
      assertEquals("eve@contoso.example", b.driver.findElement(By.id("user-name")).getText());
      assertEquals(SCRIPT_NAME, b.driver.findElement(By.id("display-name")).getText());
      assertTrue(b.driver.findElement(By.id("account-state")).getText().startsWith("deleted"));
      assertTrue(b.text().contains("Sales <b>EMEA</b>"));
      assertTrue(b.driver.findElement(By.id("attributes")).getText().contains("ext-eve"));
      // Its history: the create and the deactivating PATCH (activity is written about once a
      // second).
      waitForActivity(b, "Users.patch");
      assertNull(((JavascriptExecutor) b.driver).executeScript("return window.xssFired;"));
      assertFalse(b.driver.getPageSource().contains("<script>window.xssFired"));
      b.screenshot("06-user");

      // The group and its members.
      b.open("/console/group.xhtml?tenant=" + t.tenantId + "&id=" + groupId);
      b.waitForText("eve@contoso.example");
      b.screenshot("07-group");
      b.open("/console/groups.xhtml?tenant=" + t.tenantId);
      b.waitForText("Sales <b>EMEA</b>");
    }
  }

  @Test
  void aFailedRequestShowsInTheActivityViewWithItsReason() throws Exception {
    TenantFixture t = TenantFixture.create("browser-activity");
    t.createUser("ada@contoso.example");
    t.scim().queryParam("filter", "favoriteColor eq \"ada\"").get("/Users").then().statusCode(400);
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));
      long deadline = System.currentTimeMillis() + 20_000;
      do {
        b.open("/console/activity.xhtml?tenant=" + t.tenantId + "&status=errors");
        b.visible(By.id("activity:table"));
      } while (!b.text().contains("invalidFilter") && System.currentTimeMillis() < deadline);
      String rows = b.driver.findElement(By.id("activity:table")).getText();
      assertTrue(rows.contains("invalidFilter"), rows);
      assertTrue(rows.contains("400"));
      assertTrue(rows.contains("favoriteColor eq"), "the filter Entra sent is shown");
      assertFalse(rows.contains("Users.create"), "only failures are listed");
      b.visible(By.cssSelector("#activity\\:requests-chart canvas"));
      b.screenshot("08-activity");

      b.open("/console/staff.xhtml");
      b.visible(By.id("accounts:table"));
      b.screenshot("09-staff");
    }
  }

  private static void waitForActivity(Browser b, String operation) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!b.text().contains(operation) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      b.driver.navigate().refresh();
    }
    assertTrue(b.text().contains(operation), "no " + operation + " in the user's history");
  }
}
