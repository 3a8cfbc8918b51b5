package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.Scim.patchGroup;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Large memberships (T33 in docs/entra.md#test-vectors): thousands of member values in one PATCH
 * are applied completely, reads with {@code excludedAttributes=members} leave them out, full reads
 * return all of them. Correctness only: timing belongs to the benchmark.
 */
class GroupMembersAtScaleIT {
  static final int USERS = 10_000;
  static TenantFixture t;
  static List<String> users;

  @BeforeAll
  static void tenantWithTenThousandUsers() {
    t = TenantFixture.create("scim-scale").withoutRateLimit();
    users = Scim.createUsers(t, "scale", USERS);
  }

  private static List<String> members(String group) {
    return t.scim().get("/Groups/" + group).then().statusCode(200).extract().path("members.value");
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void oneThousandMembersAreAddedInOneOpAndRemovedInOneRequest(OpCase casing) {
    // T33: add 1,000 in one Add; remove them in one request, half as a value array (default form),
    // half as members[value eq "..."] paths (flag form).
    String group = t.createGroup(Scim.unique("t33"));
    List<String> thousand = users.subList(0, 1000);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(thousand)
                    + "}"))
        .statusCode(204);
    assertEquals(new HashSet<>(thousand), new HashSet<>(members(group)));
    List<String> ops = new ArrayList<>();
    ops.add(
        "{\"op\": \"Remove\", \"path\": \"members\", \"value\": "
            + Scim.memberValues(thousand.subList(0, 500))
            + "}");
    for (String id : thousand.subList(500, 1000)) {
      ops.add("{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + id + "\\\"]\"}");
    }
    patchGroup(t, group, casing, patch(ops.toArray(String[]::new))).statusCode(204);
    assertEquals(List.of(), members(group));
  }

  /** Not one of Entra's test vectors, so one casing only: it is the size under test here. */
  @Test
  void tenThousandMembersInOneAddAreAllStoredAndExcludedAttributesLeavesThemOut() {
    OpCase casing = OpCase.CAPITALISED;
    String name = Scim.unique("ten-thousand");
    String group = t.createGroup(name);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(users)
                    + "}"))
        .statusCode(204);
    // Without members: by id and through Entra's lookup by displayName.
    t.scim()
        .queryParam("excludedAttributes", "members")
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("id", equalTo(group))
        .body("displayName", equalTo(name))
        .body("$", not(hasKey("members")));
    t.scim()
        .queryParam("excludedAttributes", "members")
        .queryParam("filter", "displayName eq \"" + name + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0]", not(hasKey("members")));
    // In full: every member exactly once.
    List<String> members = members(group);
    assertEquals(USERS, members.size());
    assertEquals(new HashSet<>(users), new HashSet<>(members));
    // A member-filter still finds the group for one of them.
    t.scim()
        .queryParam(
            "filter",
            "members eq \"" + users.get(USERS - 1) + "\" and displayName eq \"" + name + "\"")
        .queryParam("attributes", "displayName")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0]", not(hasKey("members")));
  }
}
