package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ConsoleClient.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A console form posted without PrimeFaces' CSP nonce (a browser with JavaScript off, a plain HTTP
 * client) is refused like an expired form: nothing of it is done and the page comes back with a
 * message saying why, never a 500 (console.UnsignedPostbacks).
 */
class UnsignedPostbackIT {
  static final String REFUSED = "security token, so nothing was done";

  @Test
  void aSignInWithoutTheNonceIsRefusedWithTheSignInFormAgain() {
    ConsoleClient client = new ConsoleClient();
    for (String password : new String[] {"wrong-" + UUID.randomUUID(), ItConfig.adminPassword()}) {
      Page form = client.get("/login.xhtml");
      Page after = client.submitWithoutScript(form, "login", signIn(password));
      assertEquals(200, after.status(), after.body());
      assertEquals("/login.xhtml", after.path(), "the sign-in form again, not a console page");
      assertRefused(after);
    }
    assertEquals(
        "/login.xhtml",
        client.get("/console/tenants.xhtml").path(),
        "the refused sign-in did not sign the client in");
    // The page it was sent back to works as usual (its script adds the nonce).
    assertTrue(
        client
            .signIn(ItConfig.adminUser(), ItConfig.adminPassword())
            .path()
            .startsWith("/console/"));
  }

  @Test
  void aTenantFormWithoutTheNonceChangesNothingAndShowsTheTenantPageAgain() {
    TenantFixture t = TenantFixture.create("unsigned");
    ConsoleClient console = ConsoleClient.signedIn(ItConfig.adminUser(), ItConfig.adminPassword());
    Page page = console.get("/console/tenant.xhtml?id=" + t.tenantId);
    assertEquals(200, page.status());

    Page after =
        console.submitWithoutScript(
            page, "tenant", Map.of("tenant:name", "renamed-" + t.tenantName, "tenant:rename", ""));

    assertEquals(200, after.status(), after.body());
    assertEquals("/console/tenant.xhtml", after.path());
    assertTrue(after.body().contains(t.tenantName), "the same tenant's page: " + after.body());
    assertRefused(after);
    assertEquals(
        t.tenantName,
        admin()
            .get(ItConfig.adminBase() + "/tenants/" + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .path("name"),
        "the rename was not carried out");
  }

  private static Map<String, String> signIn(String password) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login:next", "");
    fields.put("login:username", ItConfig.adminUser());
    fields.put("login:password", password);
    fields.put("login:submit", "");
    return fields;
  }

  private static void assertRefused(Page page) {
    assertTrue(page.body().contains(REFUSED), "the page says why: " + page.body());
    assertFalse(page.body().contains("CspException"), page.body());
  }
}
