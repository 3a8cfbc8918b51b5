package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.GROUP;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.Scim.patchGroup;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /Groups with Entra's request bodies R9–R12 (docs/entra.md#request-shapes): test vectors T25–T32
 * and T34 (docs/entra.md#test-vectors). PATCH tests run with both op casings.
 */
class GroupsIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-groups");
  }

  private static List<String> members(String groupId) {
    return t.scim()
        .get("/Groups/" + groupId)
        .then()
        .statusCode(200)
        .extract()
        .path("members.value");
  }

  private static String newGroup() {
    return t.createGroup(Scim.unique("group"));
  }

  @Test
  void documentedAndObservedCreateGroupBodiesAre201WithIdDisplayNameAndExternalId() {
    // T25 (R9)
    String name = Scim.unique("displayName");
    String externalId = UUID.randomUUID().toString();
    ExtractableResponse<Response> r =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.r9CreateGroup(name, externalId))
            .post("/Groups")
            .then()
            .statusCode(201)
            .contentType(startsWith("application/scim+json"))
            .body("schemas", hasItem(GROUP))
            .body("id", notNullValue())
            .body("displayName", equalTo(name))
            .body("externalId", equalTo(externalId))
            .body("meta.resourceType", equalTo("Group"))
            .extract();
    assertEquals(r.header("ETag"), r.path("meta.version"));
    String observed = Scim.unique("Org Admin");
    String id =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.r9CreateGroupObserved(observed, "0899060-370e-46a-bc5f-3aas207ed41d"))
            .post("/Groups")
            .then()
            .statusCode(201)
            .body("displayName", equalTo(observed))
            .body("externalId", equalTo("0899060-370e-46a-bc5f-3aas207ed41d"))
            .body("members", empty())
            .extract()
            .path("id");
    t.scim().get("/Groups/" + id).then().statusCode(200).body("displayName", equalTo(observed));
  }

  @Test
  void duplicateDisplayNameIgnoringCaseIs409Uniqueness() {
    String name = Scim.unique("dup-group");
    t.createGroup(name);
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(Scim.r9CreateGroup(name.toUpperCase(), "x"))
        .post("/Groups")
        .then()
        .statusCode(409)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("409"))
        .body("scimType", equalTo("uniqueness"));
  }

  @Test
  void groupWithoutDisplayNameIs400() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"schemas\":[\"" + GROUP + "\"]}")
        .post("/Groups")
        .then()
        .statusCode(400)
        .body("status", equalTo("400"))
        .body("schemas", hasItem(ERROR));
  }

  @Test
  void findByDisplayNameWithExcludedMembersReturnsExactlyOneGroupWithoutMembers() {
    // T26 (R7, R8)
    String name = Scim.unique("find-me");
    String id = t.createGroup(name);
    t.createGroup(name + "-not-me");
    String user = t.createUser(Scim.unique("member"));
    patchGroup(
            t,
            id,
            OpCase.CAPITALISED,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"value\": \""
                    + user
                    + "\"}]}"))
        .statusCode(204);
    t.scim()
        .queryParam("excludedAttributes", "members")
        .queryParam("filter", "displayName eq \"" + name + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources", hasSize(1))
        .body("Resources[0].id", equalTo(id))
        .body("Resources[0].displayName", equalTo(name))
        .body("Resources[0]", not(hasKey("members")));
    t.scim()
        .queryParam("excludedAttributes", "members")
        .get("/Groups/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("$", not(hasKey("members")));
    // Without excludedAttributes the members are there; filters by externalId and members work too.
    t.scim()
        .get("/Groups/" + id)
        .then()
        .statusCode(200)
        .body("members.value", equalTo(List.of(user)));
    t.scim()
        .queryParam("filter", "members eq \"" + user + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
    t.scim()
        .queryParam("filter", "displayName eq \"" + name.toUpperCase() + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1));
  }

  @Test
  void findGroupByExternalId() {
    String externalId = UUID.randomUUID().toString();
    String id =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.r9CreateGroup(Scim.unique("ext"), externalId))
            .post("/Groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    t.scim()
        .queryParam("filter", "externalId eq \"" + externalId + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void addingMembersWithNullRefIsAdditiveAndIdempotent(OpCase casing) {
    // T27 (R11)
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t27"), 2);
    String add =
        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\n"
            + " \"Operations\": [{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
            + u.get(0)
            + "\"},{\"$ref\": null, \"value\": \""
            + u.get(1)
            + "\"}]}]}";
    patchGroup(t, group, casing, add).statusCode(204);
    patchGroup(t, group, casing, add).statusCode(204);
    List<String> members = members(group);
    assertEquals(2, members.size(), members.toString());
    assertEquals(java.util.Set.copyOf(u), java.util.Set.copyOf(members));
    // The user sees the group too.
    t.scim().get("/Users/" + u.get(0)).then().statusCode(200).body("groups.value", hasItem(group));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void twoAddOperationsInOneRequestAddBoth(OpCase casing) {
    // T28
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t28"), 4);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u.subList(0, 2))
                    + "}"))
        .statusCode(204);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
                    + u.get(2)
                    + "\"}]}",
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
                    + u.get(3)
                    + "\"}]}"))
        .statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members.value", containsInAnyOrder(u.toArray()));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void removeWithAValueArrayRemovesOnlyThatMember(OpCase casing) {
    // T29 (R12 default form, Q3)
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t29"), 4);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    patchGroup(
            t,
            group,
            casing,
            "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\n"
                + " \"Operations\": [{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \""
                + u.get(0)
                + "\"}]}]}")
        .statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members.value", containsInAnyOrder(u.get(1), u.get(2), u.get(3)));
    // Removing a non-member (again) is a silent success.
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
                    + u.get(0)
                    + "\"}]}"))
        .statusCode(204);
    assertEquals(3, members(group).size());
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void removeWithAValueFilterPathRemovesOnlyThatMember(OpCase casing) {
    // T30 (R12 flag form, Q4)
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t30"), 3);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    patchGroup(
            t,
            group,
            casing,
            "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\n"
                + " \"Operations\": [{\"op\": \"remove\", \"path\": \"members[value eq \\\""
                + u.get(1)
                + "\\\"]\"}]}")
        .statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members.value", containsInAnyOrder(u.get(0), u.get(2)));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void renamingWithAPathLeavesMembersUnchanged(OpCase casing) {
    // T31 (R10)
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t31"), 2);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    String renamed = UUID.randomUUID() + "updatedDisplayName";
    patchGroup(
            t,
            group,
            casing,
            "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\n"
                + " \"Operations\": [{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \""
                + renamed
                + "\"}]}")
        .statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("displayName", equalTo(renamed))
        .body("members.value", containsInAnyOrder(u.toArray()));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void renamingWithoutAPathLeavesMembersUnchanged(OpCase casing) {
    // T32 (Q11)
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t32"), 2);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    String renamed = Scim.unique("renamed2");
    patchGroup(
            t,
            group,
            casing,
            patch("{\"op\": \"replace\", \"value\": {\"displayName\": \"" + renamed + "\"}}"))
        .statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("displayName", equalTo(renamed))
        .body("members.value", containsInAnyOrder(u.toArray()));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void memberValuesThatAreNotUsersOfTheTenantAreIgnoredAndThePatchSucceeds(OpCase casing) {
    // Q12: nested group ids and unknown ids are ignored, the known user is still added.
    String group = newGroup();
    String nested = newGroup();
    String user = t.createUser(Scim.unique("real"));
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(List.of(nested, UUID.randomUUID().toString(), user))
                    + "}"))
        .statusCode(204);
    assertEquals(List.of(user), members(group));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void removeMembersWithoutValueOrFilterEmptiesTheGroup(OpCase casing) {
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("rm-all"), 3);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    patchGroup(t, group, casing, patch("{\"op\": \"remove\", \"path\": \"members\"}"))
        .statusCode(204);
    assertEquals(List.of(), members(group));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void deletingAGroupLeavesItsMemberUsersActive(OpCase casing) {
    // T34: no cascade into users.
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("t34"), 3);
    patchGroup(
            t,
            group,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    t.scim().delete("/Groups/" + group).then().statusCode(204);
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(404)
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("404"));
    t.scim().delete("/Groups/" + group).then().statusCode(404);
    patchGroup(
            t,
            group,
            casing,
            patch("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"x\"}"))
        .statusCode(404);
    for (String id : u) {
      t.scim()
          .get("/Users/" + id)
          .then()
          .statusCode(200)
          .body("active", equalTo(true))
          .body("$", not(hasKey("groups")));
    }
  }

  @Test
  void deletingAUserRemovesItFromItsGroups() {
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("purge-member"), 2);
    patchGroup(
            t,
            group,
            OpCase.LOWERCASE,
            patch(
                "{\"op\": \"add\", \"path\": \"members\", \"value\": "
                    + Scim.memberValues(u)
                    + "}"))
        .statusCode(204);
    t.scim().delete("/Users/" + u.get(0)).then().statusCode(204);
    assertEquals(List.of(u.get(1)), members(group));
  }

  @Test
  void putReplacesTheGroupIncludingItsMembers() {
    String group = newGroup();
    List<String> u = Scim.createUsers(t, Scim.unique("put-group"), 3);
    String name = Scim.unique("put-name");
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            "{\"schemas\":[\""
                + GROUP
                + "\"],\"displayName\":\""
                + name
                + "\",\"members\":"
                + Scim.memberValues(u.subList(0, 2))
                + "}")
        .put("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("displayName", equalTo(name));
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .body("members.value", containsInAnyOrder(u.get(0), u.get(1)));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void staleIfMatchOnAGroupPatchIs412AndChangesNothing(OpCase casing) {
    String group = newGroup();
    String etag = t.scim().get("/Groups/" + group).then().statusCode(200).extract().header("ETag");
    t.scim().header("If-None-Match", etag).get("/Groups/" + group).then().statusCode(304);
    String next =
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .header("If-Match", etag)
            .body(
                casing.apply(
                    patch(
                        "{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \""
                            + Scim.unique("v2")
                            + "\"}")))
            .patch("/Groups/" + group)
            .then()
            .statusCode(204)
            .extract()
            .header("ETag");
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .header("If-Match", etag)
        .body(
            casing.apply(
                patch("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"v3\"}")))
        .patch("/Groups/" + group)
        .then()
        .statusCode(412)
        .body("status", equalTo("412"));
    t.scim()
        .get("/Groups/" + group)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(next))
        .body("displayName", not(equalTo("v3")));
  }
}
