package co.softdrive.scim.it;

import java.util.ArrayList;
import java.util.List;

/**
 * An Entra-shaped provisioning run against one tenant: users created, one updated, one deactivated,
 * one deleted, a group created with members and then patched, as Entra's cycles send them.
 */
public final class EntraRun {
  public final List<String> userIds = new ArrayList<>();
  public final List<String> userNames = new ArrayList<>();
  public String groupId;

  private EntraRun() {}

  /**
   * Creates {@code users} users (prefix + i + "@contoso.example"), a group "groupName" with the
   * first three as members, patches the first user's title, deactivates the second, removes the
   * third from the group and adds the fourth, and deletes the last user.
   */
  public static EntraRun run(TenantFixture t, String prefix, String groupName, int users) {
    EntraRun r = new EntraRun();
    for (int i = 0; i < users; i++) {
      String name = prefix + i + "@contoso.example";
      r.userNames.add(name);
      r.userIds.add(t.createUser(name));
    }
    r.groupId =
        t.scim()
            .contentType("application/scim+json")
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                    + groupName
                    + "\",\"members\":[{\"value\":\""
                    + r.userIds.get(0)
                    + "\"},{\"value\":\""
                    + r.userIds.get(1)
                    + "\"},{\"value\":\""
                    + r.userIds.get(2)
                    + "\"}]}")
            .post("/Groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    patch(t, "/Users/" + r.userIds.get(0), "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"CTO\"}");
    patch(
        t,
        "/Users/" + r.userIds.get(1),
        "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
    patch(
        t,
        "/Groups/" + r.groupId,
        "{\"op\":\"Remove\",\"path\":\"members[value eq \\\""
            + r.userIds.get(2)
            + "\\\"]\"},{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
            + r.userIds.get(3)
            + "\"}]}");
    t.scim().delete("/Users/" + r.userIds.get(users - 1)).then().statusCode(204);
    return r;
  }

  public static void patch(TenantFixture t, String path, String operations) {
    int expected = path.startsWith("/Groups") ? 204 : 200;
    var response =
        t.scim()
            .contentType("application/scim+json")
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":["
                    + operations
                    + "]}")
            .patch(path)
            .then();
    int status = response.extract().statusCode();
    if (status != 200 && status != 204) {
      throw new AssertionError(
          "PATCH " + path + " answered " + status + " (expected " + expected + ")");
    }
  }
}
