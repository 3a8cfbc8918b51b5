package co.softdrive.scim.it.interop;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import co.softdrive.scim.it.TenantFixture;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read-only references RFC 7643 advertises are filled from the referenced user: a group's
 * {@code members[].display} (§4.2) and a user's enterprise {@code manager.displayName} (§4.3), at
 * read time (a rename shows at once), and only when asked for.
 */
class ReferencedNamesIT {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("referenced-names").withoutRateLimit();
  }

  private static String user(String displayName, String extra) {
    return t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"userName\":\"u-"
                + UUID.randomUUID()
                + "\",\"displayName\":\""
                + displayName
                + "\""
                + extra
                + "}")
        .post("/Users")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void rename(String userId, String displayName) {
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
                + displayName
                + "\"}]}")
        .patch("/Users/" + userId)
        .then()
        .statusCode(200);
  }

  @Test
  void membersDisplayIsTheMembersDisplayNameWhenAskedFor() {
    String ann = user("Ann", "");
    String group =
        t.scim()
            .contentType("application/scim+json")
            .body(
                "{\"displayName\":\"g-"
                    + UUID.randomUUID()
                    + "\",\"members\":[{\"value\":\""
                    + ann
                    + "\",\"display\":\"ignored\"}]}")
            .post("/Groups")
            .then()
            .statusCode(201)
            .body("members[0].value", equalTo(ann))
            .body("members[0].display", equalTo("Ann"))
            .extract()
            .path("id");

    rename(ann, "Anna");
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members[0].display", equalTo("Anna"));
    t.scim()
        .queryParam("attributes", "members.value")
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members[0].value", equalTo(ann))
        .body("members[0]", not(hasKey("display")));
    t.scim()
        .queryParam("excludedAttributes", "members.display")
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members[0]", not(hasKey("display")));
    t.scim()
        .queryParam("filter", "id eq \"" + group + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("Resources[0].members[0].display", equalTo("Anna"));
  }

  @Test
  void managerDisplayNameIsTheManagersDisplayNameAndIsNeverStored() {
    String boss = user("Boss", "");
    String report =
        user(
            "Report",
            ",\""
                + ENTERPRISE
                + "\":{\"manager\":{\"value\":\""
                + boss
                + "\",\"displayName\":\"sent by the client\"}}");
    t.scim()
        .get("/Users/" + report)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(boss))
        .body("'" + ENTERPRISE + "'.manager.displayName", equalTo("Boss"));

    rename(boss, "Big Boss");
    t.scim()
        .queryParam("filter", "id eq \"" + report + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("Resources[0].'" + ENTERPRISE + "'.manager.displayName", equalTo("Big Boss"));
  }
}
