package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.Scim.patchGroup;
import static co.softdrive.scim.it.scim.Scim.patchUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tenant isolation on the SCIM API (PRODUCT.md "Another tenant's ids answer 404"): tenant B's token
 * aimed at tenant A's users and groups reads, changes and deletes nothing, and A's ids cannot be
 * linked into B's data as members or managers.
 */
class TenantIsolationIT {
  static TenantFixture a;
  static TenantFixture b;

  @BeforeAll
  static void twoTenants() {
    a = TenantFixture.create("scim-iso-a");
    b = TenantFixture.create("scim-iso-b");
  }

  private static void notFound(ValidatableResponse r) {
    r.statusCode(404).body("schemas", hasItem(ERROR)).body("status", equalTo("404"));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void tenantBCannotReadChangeOrDeleteTenantAsUser(OpCase casing) {
    String userName = Scim.unique("alice") + "@a.example";
    String userA = a.createUser(userName);
    String etag = a.scim().get("/Users/" + userA).then().statusCode(200).extract().header("ETag");
    notFound(b.scim().get("/Users/" + userA).then());
    notFound(b.scim().contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"hijacked\"}").put("/Users/" + userA).then());
    notFound(patchUser(b, userA, casing, patch("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}")));
    notFound(b.scim().delete("/Users/" + userA).then());
    b.scim().queryParam("filter", "userName eq \"" + userName + "\"").get("/Users").then()
        .statusCode(200).body("totalResults", equalTo(0));
    b.scim().queryParam("filter", "id eq \"" + userA + "\"").get("/Users").then()
        .statusCode(200).body("totalResults", equalTo(0));
    // A is unchanged: same version, still active, same name.
    a.scim().get("/Users/" + userA).then()
        .statusCode(200).header("ETag", equalTo(etag)).body("userName", equalTo(userName)).body("active", equalTo(true));
    // B may create a user with the same userName: uniqueness is per tenant.
    b.createUser(userName);
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void tenantBCannotReadChangeOrDeleteTenantAsGroup(OpCase casing) {
    String name = Scim.unique("group-a");
    String groupA = a.createGroup(name);
    String member = a.createUser(Scim.unique("member-a"));
    patchGroup(a, groupA, casing, patch("{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"value\": \"" + member + "\"}]}"))
        .statusCode(204);
    String etag = a.scim().get("/Groups/" + groupA).then().statusCode(200).extract().header("ETag");
    notFound(b.scim().get("/Groups/" + groupA).then());
    notFound(b.scim().contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + Scim.GROUP + "\"],\"displayName\":\"hijacked\"}").put("/Groups/" + groupA).then());
    notFound(patchGroup(b, groupA, casing, patch("{\"op\": \"Remove\", \"path\": \"members\"}")));
    notFound(b.scim().delete("/Groups/" + groupA).then());
    b.scim().queryParam("filter", "displayName eq \"" + name + "\"").get("/Groups").then()
        .statusCode(200).body("totalResults", equalTo(0));
    b.scim().queryParam("filter", "members eq \"" + member + "\"").get("/Groups").then()
        .statusCode(200).body("totalResults", equalTo(0));
    a.scim().get("/Groups/" + groupA).then()
        .statusCode(200).header("ETag", equalTo(etag)).body("displayName", equalTo(name))
        .body("members.value", equalTo(List.of(member)));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void tenantAsUserIdAddedToTenantBsGroupIsIgnored(OpCase casing) {
    String userA = a.createUser(Scim.unique("foreign-member"));
    String userB = b.createUser(Scim.unique("own-member"));
    String groupB = b.createGroup(Scim.unique("group-b"));
    patchGroup(b, groupB, casing, patch("{\"op\": \"Add\", \"path\": \"members\", \"value\": "
            + Scim.memberValues(List.of(userA, userB)) + "}"))
        .statusCode(204);
    b.scim().get("/Groups/" + groupB).then().statusCode(200).body("members.value", equalTo(List.of(userB)));
    a.scim().get("/Users/" + userA).then().statusCode(200).body("$", not(hasKey("groups")));
    // Nor through PUT or POST.
    b.scim().contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + Scim.GROUP + "\"],\"displayName\":\"" + Scim.unique("posted") + "\",\"members\":"
            + Scim.memberValues(List.of(userA)) + "}")
        .post("/Groups").then().statusCode(201).body("members", equalTo(List.of()));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void tenantAsUserSetAsManagerInTenantBIsNotLinked(OpCase casing) {
    String managerA = a.createUser(Scim.unique("foreign-manager"));
    String userB = b.createUser(Scim.unique("employee"));
    patchUser(b, userB, casing, patch("{\"op\": \"Add\", \"path\": \"" + ENTERPRISE + ":manager\", \"value\": \"" + managerA + "\"}"))
        .statusCode(200);
    b.scim().get("/Users/" + userB).then().statusCode(200).body("'" + ENTERPRISE + "'.manager", equalTo(null));
    b.scim().queryParam("filter", "manager eq \"" + managerA + "\"").get("/Users").then()
        .statusCode(200).body("totalResults", equalTo(0));
    a.scim().queryParam("filter", "manager eq \"" + managerA + "\"").get("/Users").then()
        .statusCode(200).body("totalResults", equalTo(0));
    // On create too.
    String created =
        b.scim().contentType(SCIM_JSON_UTF8)
            .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + Scim.unique("created") + "\",\"" + ENTERPRISE
                + "\":{\"department\":\"D\",\"manager\":{\"value\":\"" + managerA + "\"}}}")
            .post("/Users").then().statusCode(201).extract().path("id");
    b.scim().get("/Users/" + created).then().statusCode(200)
        .body("'" + ENTERPRISE + "'.department", equalTo("D"))
        .body("'" + ENTERPRISE + "'.manager", equalTo(null));
  }
}
