package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data outlives the server: stop Liberty, start it again, and find tenants, tokens, users, groups,
 * memberships and the change feed intact. (What the stored data must not hold is SecretsIT's.)
 */
class RestartIT {

  @Test
  void dataAndTokensSurviveARestart() {
    TenantFixture t = TenantFixture.create("restart");
    String user = t.createUser("survivor@contoso.example");
    String group = t.createGroup("Survivors");
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + user
                + "\"}]}]}")
        .patch("/Groups/" + group)
        .then()
        .statusCode(204);
    List<Long> cursorsBefore =
        admin()
            .get(ItConfig.adminBase() + "/events?after=0&limit=100&tenantId=" + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events.cursor", Long.class);

    ServerControl.stop();
    ServerControl.start();

    t.scim()
        .get("/Users/" + user)
        .then()
        .statusCode(200)
        .body("userName", equalTo("survivor@contoso.example"));
    t.scim().get("/Groups/" + group).then().statusCode(200).body("members.value", hasItem(user));
    admin()
        .get(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200)
        .body("users", equalTo(1));
    List<Long> cursorsAfter =
        admin()
            .get(ItConfig.adminBase() + "/events?after=0&limit=100&tenantId=" + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events.cursor", Long.class);
    assertEquals(cursorsBefore, cursorsAfter);
    // New events continue after the old ones.
    t.createUser("after-restart@contoso.example");
    List<Long> later =
        admin()
            .get(
                ItConfig.adminBase()
                    + "/events?after="
                    + cursorsAfter.get(cursorsAfter.size() - 1)
                    + "&tenantId="
                    + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events.cursor", Long.class);
    assertEquals(1, later.size());
    assertTrue(later.get(0) > cursorsAfter.get(cursorsAfter.size() - 1));
  }
}
