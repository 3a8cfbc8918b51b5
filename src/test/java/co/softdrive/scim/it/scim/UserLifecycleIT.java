package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.TenantFixture.admin;
import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.Scim.patchUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Softdrive's lifecycle on Entra's wire (docs/entra.md#lifecycle): test vectors T19, T20 and T38
 * (docs/entra.md#test-vectors). {@code PATCH active=false} deletes the Softdrive account but keeps
 * a SCIM tombstone that still answers GET by id and by filter with {@code active:false}; {@code
 * active=true} on the same id restores it; DELETE purges (404 afterwards, also for a second
 * DELETE).
 *
 * <p>The Softdrive account itself is not visible over SCIM or the admin API yet (the lifecycle and
 * feed work will expose it); what Entra can observe is asserted here.
 */
class UserLifecycleIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-lifecycle");
  }

  /** Every disable form of R5c (docs/entra.md), each with every enable form, in both op casings. */
  static Stream<Arguments> forms() {
    String[][] pairs = {
      {
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}",
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"True\"}"
      },
      {
        "{\"op\": \"replace\", \"path\": \"active\", \"value\": false}",
        "{\"op\": \"replace\", \"path\": \"active\", \"value\": true}"
      },
      {
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"false\"}",
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"true\"}"
      },
      {
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"FALSE\"}",
        "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"TRUE\"}"
      },
      {
        "{\"op\": \"replace\", \"value\": {\"active\": false}}",
        "{\"op\": \"replace\", \"value\": {\"active\": true}}"
      }
    };
    Stream.Builder<Arguments> b = Stream.builder();
    for (OpCase casing : OpCase.values()) {
      for (String[] p : pairs) {
        b.add(Arguments.of(casing, p[0], p[1]));
      }
    }
    return b.build();
  }

  private static long tenantUserCount() {
    return ((Number)
            admin()
                .get(ItConfig.adminBase() + "/tenants/" + t.tenantId)
                .then()
                .statusCode(200)
                .extract()
                .path("users"))
        .longValue();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void deactivateKeepsATombstoneThatReactivatesAndDeletePurgesIt(
      OpCase casing, String disable, String enable) {
    String userName = "Test_User_" + UUID.randomUUID();
    String id =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                Scim.r4CreateUser(
                    userName, UUID.randomUUID().toString(), Scim.unique("mail") + "@testuser.com"))
            .post("/Users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    long users = tenantUserCount();

    // T19: deprovision answers 200 with the user (never 404) ...
    patchUser(t, id, casing, patch(disable))
        .statusCode(200)
        .body("id", equalTo(id))
        .body("active", equalTo(false));
    // ... and the tombstone still answers GET by id and filters, with active:false.
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("userName", equalTo(userName));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id))
        .body("Resources[0].active", equalTo(false));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\" and active eq false")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\" and active eq true")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    assertEquals(users, tenantUserCount(), "the SCIM record is kept as a tombstone");
    // Repeating the deprovision is harmless; the tombstone can still be updated (Entra keeps
    // syncing).
    patchUser(t, id, casing, patch(disable)).statusCode(200).body("active", equalTo(false));
    patchUser(
            t,
            id,
            casing,
            patch("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Gone\"}"))
        .statusCode(200)
        .body("active", equalTo(false))
        .body("displayName", equalTo("Gone"));
    // The userName stays taken while the tombstone exists: no duplicate can be created.
    t.createUserResponse(userName).statusCode(409).body("scimType", equalTo("uniqueness"));

    // T20 / T38: active=true on the same id restores the account.
    patchUser(t, id, casing, patch(enable)).statusCode(200).body("active", equalTo(true));
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(true))
        .body("displayName", equalTo("Gone"));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\" and active eq true")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1));

    // Deactivate again, then DELETE purges the tombstone: 404 afterwards, second DELETE 404 too.
    patchUser(t, id, casing, patch(disable)).statusCode(200).body("active", equalTo(false));
    t.scim().delete("/Users/" + id).then().statusCode(204);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(404)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("404"));
    t.scim()
        .queryParam("filter", "userName eq \"" + userName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    patchUser(t, id, casing, patch(enable)).statusCode(404);
    t.scim().delete("/Users/" + id).then().statusCode(404);
    assertEquals(users - 1, tenantUserCount());
  }
}
