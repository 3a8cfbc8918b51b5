package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.GROUP;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static co.softdrive.scim.it.scim.Scim.memberValues;
import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.CREATED_IN_B;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.EMPTY;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.NOT_FOUND;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.NOT_LINKED;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.NOT_SUPPORTED;
import static co.softdrive.scim.it.scim.TenantIsolationIT.Expect.OWN_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import co.softdrive.scim.it.IsolationMatrix;
import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation on the SCIM API as a matrix: another tenant's ids answer 404
 * (docs/reliability.md#tenant-isolation). Each row is one request that tenant B's token aims at
 * tenant A's ids, names, filters or ETags, or that names A's ids inside B's own resources, with the
 * outcome it must get. After every row, A's users and groups (full JSON and ETags, one by one and
 * as lists) are exactly as before; after every write into B, nothing of B refers to an id of A. A
 * new endpoint or method gets its rows here; the table is written to {@code
 * target/reliability/scim-isolation-matrix.md}.
 */
class TenantIsolationIT {
  static World w;

  /** A as it was set up; no row may change it. */
  static String tenantA;

  @BeforeAll
  static void twoTenants() {
    w = new World();
    tenantA = w.snapshotOfA();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("matrix")
  void tenantBGetsNothingOfTenantAAndChangesNothingOfIt(Row row) {
    Response response = row.send().apply(w);
    row.expect().check(row, response, w);
    assertEquals(tenantA, w.snapshotOfA(), "tenant A changed by: " + row);
  }

  @AfterAll
  static void writeTheMatrix() {
    IsolationMatrix.write(
        "scim-isolation-matrix.md",
        List.of("Method", "Endpoint", "Tenant B's token sends", "Expected"),
        matrix()
            .map(
                r -> List.of(r.method(), "`" + r.endpoint() + "`", r.variant(), r.expect().meaning))
            .toList());
  }

  /** What a row must get. Every check also requires that no name or id of A is in the body. */
  enum Expect {
    NOT_FOUND("404 SCIM error") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(404, r.statusCode(), row + ": " + r.asString());
        assertTrue(r.jsonPath().getList("schemas").contains(ERROR), row + ": not a SCIM error");
        w.assertNoNameOfA(row, r);
      }
    },
    EMPTY("200, totalResults 0") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(200, r.statusCode(), row + ": " + r.asString());
        assertEquals(0, r.jsonPath().getInt("totalResults"), row + ": " + r.asString());
        w.assertNothingOfA(row, r);
      }
    },
    OWN_ONLY("200, only B's resources") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(200, r.statusCode(), row + ": " + r.asString());
        assertTrue(
            r.jsonPath().getInt("totalResults") > 0, row + ": B's own resources are missing");
        w.assertNothingOfA(row, r);
      }
    },
    CREATED_IN_B("201 in B (uniqueness is per tenant)") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(201, r.statusCode(), row + ": " + r.asString());
        w.assertNoIdOfA(row, r);
        w.assertNothingOfBRefersToA(row);
      }
    },
    NOT_LINKED("2xx, A's ids ignored") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(2, r.statusCode() / 100, row + ": " + r.asString());
        w.assertNoIdOfA(row, r);
        w.assertNothingOfBRefersToA(row);
      }
    },
    NOT_SUPPORTED("501 SCIM error (not supported)") {
      @Override
      void check(Row row, Response r, World w) {
        assertEquals(501, r.statusCode(), row + ": " + r.asString());
        assertTrue(r.jsonPath().getList("schemas").contains(ERROR), row + ": not a SCIM error");
        w.assertNothingOfA(row, r);
      }
    };

    final String meaning;

    Expect(String meaning) {
      this.meaning = meaning;
    }

    abstract void check(Row row, Response response, World w);
  }

  /** One request of tenant B and what it must get. */
  record Row(
      String method,
      String endpoint,
      String variant,
      Expect expect,
      Function<World, Response> send) {
    @Override
    public String toString() {
      return method + " " + endpoint + ": " + variant + " -> " + expect.meaning;
    }
  }

  private static Row row(
      String method,
      String endpoint,
      String variant,
      Expect expect,
      Function<World, Response> send) {
    return new Row(method, endpoint, variant, expect, send);
  }

  static Stream<Row> matrix() {
    return Stream.of(
        // One user of A, by id.
        row("GET", "/Users/{id}", "A's user id", NOT_FOUND, w -> w.b().get("/Users/" + w.alice)),
        row(
            "GET",
            "/Users/{id}",
            "A's user id, attributes=userName,emails",
            NOT_FOUND,
            w -> w.b().queryParam("attributes", "userName,emails").get("/Users/" + w.alice)),
        row(
            "GET",
            "/Users/{id}",
            "A's user id, excludedAttributes=groups",
            NOT_FOUND,
            w -> w.b().queryParam("excludedAttributes", "groups").get("/Users/" + w.alice)),
        row(
            "GET",
            "/Users/{id}",
            "A's user id, If-None-Match: A's ETag",
            NOT_FOUND,
            w -> w.b().header("If-None-Match", w.aliceEtag).get("/Users/" + w.alice)),
        row(
            "GET",
            "/Users/{id}",
            "A's user id, If-None-Match: *",
            NOT_FOUND,
            w -> w.b().header("If-None-Match", "*").get("/Users/" + w.alice)),
        row("GET", "/Users/{id}", "A's group id", NOT_FOUND, w -> w.b().get("/Users/" + w.group)),
        row(
            "PUT",
            "/Users/{id}",
            "A's user id",
            NOT_FOUND,
            w -> w.json(w.user("hijacked-" + w.u, null)).put("/Users/" + w.alice)),
        row(
            "PUT",
            "/Users/{id}",
            "A's user id, If-Match: A's ETag",
            NOT_FOUND,
            w ->
                w.json(w.user("hijacked-" + w.u, null))
                    .header("If-Match", w.aliceEtag)
                    .put("/Users/" + w.alice)),
        row(
            "PATCH",
            "/Users/{id}",
            "A's user id, replace active (capitalised op)",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
                    .patch("/Users/" + w.alice)),
        row(
            "PATCH",
            "/Users/{id}",
            "A's user id, replace userName (lowercase op)",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.LOWERCASE,
                        "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"hijacked\"}")
                    .patch("/Users/" + w.alice)),
        row(
            "PATCH",
            "/Users/{id}",
            "A's user id, add manager = B's user",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.managerOp("Add", w.bob))
                    .patch("/Users/" + w.alice)),
        row(
            "PATCH",
            "/Users/{id}",
            "A's user id, If-Match: A's ETag",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"x\"}")
                    .header("If-Match", w.aliceEtag)
                    .patch("/Users/" + w.alice)),
        row(
            "PATCH",
            "/Users/{id}",
            "A's user id, attributes=userName",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"x\"}")
                    .queryParam("attributes", "userName")
                    .patch("/Users/" + w.alice)),
        row(
            "DELETE",
            "/Users/{id}",
            "A's user id",
            NOT_FOUND,
            w -> w.b().delete("/Users/" + w.alice)),
        row(
            "DELETE",
            "/Users/{id}",
            "A's user id, If-Match: A's ETag",
            NOT_FOUND,
            w -> w.b().header("If-Match", w.aliceEtag).delete("/Users/" + w.alice)),
        row(
            "DELETE",
            "/Users/{id}",
            "A's group id",
            NOT_FOUND,
            w -> w.b().delete("/Users/" + w.group)),

        // One group of A, by id.
        row("GET", "/Groups/{id}", "A's group id", NOT_FOUND, w -> w.b().get("/Groups/" + w.group)),
        row(
            "GET",
            "/Groups/{id}",
            "A's group id, attributes=members",
            NOT_FOUND,
            w -> w.b().queryParam("attributes", "members").get("/Groups/" + w.group)),
        row(
            "GET",
            "/Groups/{id}",
            "A's group id, excludedAttributes=members",
            NOT_FOUND,
            w -> w.b().queryParam("excludedAttributes", "members").get("/Groups/" + w.group)),
        row(
            "GET",
            "/Groups/{id}",
            "A's group id, If-None-Match: A's ETag",
            NOT_FOUND,
            w -> w.b().header("If-None-Match", w.groupEtag).get("/Groups/" + w.group)),
        row("GET", "/Groups/{id}", "A's user id", NOT_FOUND, w -> w.b().get("/Groups/" + w.alice)),
        row(
            "PUT",
            "/Groups/{id}",
            "A's group id, members = B's user",
            NOT_FOUND,
            w ->
                w.json(w.group("hijacked-" + w.u, null, List.of(w.bob))).put("/Groups/" + w.group)),
        row(
            "PUT",
            "/Groups/{id}",
            "A's group id, If-Match: A's ETag",
            NOT_FOUND,
            w ->
                w.json(w.group("hijacked-" + w.u, null, List.of()))
                    .header("If-Match", w.groupEtag)
                    .put("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, add member = B's user (capitalised op)",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Add", List.of(w.bob)))
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, add member = B's user (lowercase op)",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.LOWERCASE, w.membersOp("Add", List.of(w.bob)))
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, remove members[value eq A's user]",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Remove\",\"path\":\"members[value eq \\\""
                            + w.alice
                            + "\\\"]\"}")
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, remove all members",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.CAPITALISED, "{\"op\":\"Remove\",\"path\":\"members\"}")
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, replace displayName",
            NOT_FOUND,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"x\"}")
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, If-Match: A's ETag",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Add", List.of(w.bob)))
                    .header("If-Match", w.groupEtag)
                    .patch("/Groups/" + w.group)),
        row(
            "PATCH",
            "/Groups/{id}",
            "A's group id, attributes=members",
            NOT_FOUND,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Add", List.of(w.bob)))
                    .queryParam("attributes", "members")
                    .patch("/Groups/" + w.group)),
        row(
            "DELETE",
            "/Groups/{id}",
            "A's group id",
            NOT_FOUND,
            w -> w.b().delete("/Groups/" + w.group)),
        row(
            "DELETE",
            "/Groups/{id}",
            "A's group id, If-Match: A's ETag",
            NOT_FOUND,
            w -> w.b().header("If-Match", w.groupEtag).delete("/Groups/" + w.group)),

        // Users of A by list filters.
        row(
            "GET",
            "/Users",
            "filter userName eq A's",
            EMPTY,
            w -> w.list("/Users", "userName eq \"" + w.aliceName + "\"")),
        row(
            "GET",
            "/Users",
            "filter userName eq A's (other case), count=0",
            EMPTY,
            w ->
                w.b()
                    .queryParam("filter", "userName eq \"" + w.aliceName.toUpperCase() + "\"")
                    .queryParam("count", 0)
                    .get("/Users")),
        row(
            "GET",
            "/Users",
            "filter externalId eq A's",
            EMPTY,
            w -> w.list("/Users", "externalId eq \"" + w.aliceExternal + "\"")),
        row(
            "GET",
            "/Users",
            "filter id eq A's",
            EMPTY,
            w -> w.list("/Users", "id eq \"" + w.alice + "\"")),
        row(
            "GET",
            "/Users",
            "filter displayName eq A's",
            EMPTY,
            w -> w.list("/Users", "displayName eq \"" + w.aliceDisplay + "\"")),
        row(
            "GET",
            "/Users",
            "filter emails[type eq \"work\" and value eq A's]",
            EMPTY,
            w ->
                w.list("/Users", "emails[type eq \"work\" and value eq \"" + w.aliceEmail + "\"]")),
        row(
            "GET",
            "/Users",
            "filter emails.value co A's",
            EMPTY,
            w -> w.list("/Users", "emails.value co \"" + w.u + "\"")),
        row(
            "GET",
            "/Users",
            "filter userName sw A's prefix",
            EMPTY,
            w -> w.list("/Users", "userName sw \"alice-" + w.u + "\"")),
        row(
            "GET",
            "/Users",
            "filter manager eq A's manager (legacy R16)",
            EMPTY,
            w -> w.list("/Users", "manager eq \"" + w.manager + "\"")),
        row(
            "GET",
            "/Users",
            "filter enterprise manager.value eq A's manager",
            EMPTY,
            w -> w.list("/Users", ENTERPRISE + ":manager.value eq \"" + w.manager + "\"")),
        row(
            "GET",
            "/Users",
            "filter id eq A's and manager eq A's manager, attributes=id",
            EMPTY,
            w ->
                w.b()
                    .queryParam(
                        "filter", "id eq \"" + w.alice + "\" and manager eq \"" + w.manager + "\"")
                    .queryParam("attributes", "id")
                    .get("/Users")),
        row(
            "GET",
            "/Users",
            "filter id eq A's or userName eq A's manager",
            EMPTY,
            w ->
                w.list(
                    "/Users",
                    "id eq \"" + w.alice + "\" or userName eq \"" + w.managerName + "\"")),
        row(
            "GET",
            "/Users",
            "filter not (id ne A's)",
            EMPTY,
            w -> w.list("/Users", "not (id ne \"" + w.alice + "\")")),
        row(
            "GET",
            "/Users",
            "no filter, sortBy=userName, count=200",
            OWN_ONLY,
            w -> w.b().queryParam("sortBy", "userName").queryParam("count", 200).get("/Users")),
        row(
            "GET",
            "/Users",
            "filter userName pr, attributes=userName,externalId",
            OWN_ONLY,
            w ->
                w.b()
                    .queryParam("filter", "userName pr")
                    .queryParam("attributes", "userName,externalId")
                    .get("/Users")),
        row(
            "GET",
            "/Users",
            "filter meta.lastModified gt 2000, excludedAttributes=emails",
            OWN_ONLY,
            w ->
                w.b()
                    .queryParam("filter", "meta.lastModified gt \"2000-01-01T00:00:00Z\"")
                    .queryParam("excludedAttributes", "emails")
                    .get("/Users")),

        // Groups of A by list filters.
        row(
            "GET",
            "/Groups",
            "filter displayName eq A's",
            EMPTY,
            w -> w.list("/Groups", "displayName eq \"" + w.groupName + "\"")),
        row(
            "GET",
            "/Groups",
            "filter externalId eq A's",
            EMPTY,
            w -> w.list("/Groups", "externalId eq \"" + w.groupExternal + "\"")),
        row(
            "GET",
            "/Groups",
            "filter id eq A's",
            EMPTY,
            w -> w.list("/Groups", "id eq \"" + w.group + "\"")),
        row(
            "GET",
            "/Groups",
            "filter members[value eq A's user]",
            EMPTY,
            w -> w.list("/Groups", "members[value eq \"" + w.alice + "\"]")),
        row(
            "GET",
            "/Groups",
            "filter members eq A's user",
            EMPTY,
            w -> w.list("/Groups", "members eq \"" + w.alice + "\"")),
        row(
            "GET",
            "/Groups",
            "filter members.value eq A's user, attributes=members",
            EMPTY,
            w ->
                w.b()
                    .queryParam("filter", "members.value eq \"" + w.alice + "\"")
                    .queryParam("attributes", "members")
                    .get("/Groups")),
        row(
            "GET",
            "/Groups",
            "filter displayName sw A's prefix",
            EMPTY,
            w -> w.list("/Groups", "displayName sw \"group-a-" + w.u + "\"")),
        row(
            "GET",
            "/Groups",
            "no filter, attributes=members",
            OWN_ONLY,
            w -> w.b().queryParam("attributes", "members").get("/Groups")),
        row(
            "GET",
            "/Groups",
            "no filter, excludedAttributes=members",
            OWN_ONLY,
            w -> w.b().queryParam("excludedAttributes", "members").get("/Groups")),

        // POST .search (RFC 7644 §3.4.3).
        row(
            "POST",
            "/Users/.search",
            "filter userName eq A's",
            EMPTY,
            w -> w.search("/Users", "\"filter\":\"userName eq \\\"" + w.aliceName + "\\\"\"")),
        row(
            "POST",
            "/Users/.search",
            "filter id eq A's, attributes [userName]",
            EMPTY,
            w ->
                w.search(
                    "/Users",
                    "\"filter\":\"id eq \\\"" + w.alice + "\\\"\",\"attributes\":[\"userName\"]")),
        row(
            "POST",
            "/Users/.search",
            "filter externalId eq A's, excludedAttributes [emails]",
            EMPTY,
            w ->
                w.search(
                    "/Users",
                    "\"filter\":\"externalId eq \\\""
                        + w.aliceExternal
                        + "\\\"\",\"excludedAttributes\":[\"emails\"]")),
        row(
            "POST",
            "/Users/.search",
            "filter manager eq A's manager",
            EMPTY,
            w -> w.search("/Users", "\"filter\":\"manager eq \\\"" + w.manager + "\\\"\"")),
        row(
            "POST",
            "/Users/.search",
            "no filter, count 200",
            OWN_ONLY,
            w -> w.search("/Users", "\"count\":200")),
        row(
            "POST",
            "/Groups/.search",
            "filter displayName eq A's",
            EMPTY,
            w -> w.search("/Groups", "\"filter\":\"displayName eq \\\"" + w.groupName + "\\\"\"")),
        row(
            "POST",
            "/Groups/.search",
            "filter members[value eq A's user]",
            EMPTY,
            w -> w.search("/Groups", "\"filter\":\"members[value eq \\\"" + w.alice + "\\\"]\"")),
        row(
            "POST",
            "/Groups/.search",
            "no filter, attributes [members]",
            OWN_ONLY,
            w -> w.search("/Groups", "\"attributes\":[\"members\"]")),
        row(
            "POST",
            "/.search",
            "filter userName eq A's (root search is not offered)",
            NOT_SUPPORTED,
            w -> w.search("", "\"filter\":\"userName eq \\\"" + w.aliceName + "\\\"\"")),

        // Uniqueness is per tenant: B may use A's names; the copy is removed again afterwards.
        row(
            "POST",
            "/Users",
            "A's userName and externalId",
            CREATED_IN_B,
            w ->
                w.createInBAndRemove(
                    "/Users",
                    w.user(w.aliceName, w.aliceExternal),
                    "userName eq \"" + w.aliceName + "\"")),
        row(
            "POST",
            "/Groups",
            "A's displayName and externalId",
            CREATED_IN_B,
            w ->
                w.createInBAndRemove(
                    "/Groups",
                    w.group(w.groupName, w.groupExternal, List.of()),
                    "displayName eq \"" + w.groupName + "\"")),

        // A's ids named inside B's own resources: never linked.
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, add members A's users + B's user (capitalised op)",
            NOT_LINKED,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED, w.membersOp("Add", List.of(w.alice, w.manager, w.bob)))
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, add member A's user (lowercase op)",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.LOWERCASE, w.membersOp("Add", List.of(w.alice)))
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, replace members with A's user + B's user",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Replace", List.of(w.alice, w.bob)))
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, remove members[value eq A's user]",
            NOT_LINKED,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Remove\",\"path\":\"members[value eq \\\""
                            + w.alice
                            + "\\\"]\"}")
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, remove members value array [A's user] (Entra form)",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Remove", List.of(w.alice)))
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PATCH",
            "/Groups/{id}",
            "B's group, add A's user, attributes=members",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.membersOp("Add", List.of(w.alice)))
                    .queryParam("attributes", "members")
                    .patch("/Groups/" + w.bGroup)),
        row(
            "PUT",
            "/Groups/{id}",
            "B's group, members A's user + B's user",
            NOT_LINKED,
            w ->
                w.json(w.group(w.bGroupName, null, List.of(w.alice, w.bob)))
                    .put("/Groups/" + w.bGroup)),
        row(
            "POST",
            "/Groups",
            "new group in B, members A's users",
            NOT_LINKED,
            w ->
                w.json(w.group("b-posted-" + UUID.randomUUID(), null, List.of(w.alice, w.manager)))
                    .post("/Groups")),
        row(
            "PATCH",
            "/Users/{id}",
            "B's user, add manager = A's user (string value)",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.CAPITALISED, w.managerOp("Add", w.manager))
                    .patch("/Users/" + w.bob)),
        row(
            "PATCH",
            "/Users/{id}",
            "B's user, replace manager = A's user (lowercase op)",
            NOT_LINKED,
            w ->
                w.patchBody(OpCase.LOWERCASE, w.managerOp("Replace", w.alice))
                    .patch("/Users/" + w.bob)),
        row(
            "PATCH",
            "/Users/{id}",
            "B's user, add path manager = [{$ref, value: A's user}]",
            NOT_LINKED,
            w ->
                w.patchBody(
                        OpCase.CAPITALISED,
                        "{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\""
                            + w.manager
                            + "\"}]}")
                    .patch("/Users/" + w.bob)),
        row(
            "PUT",
            "/Users/{id}",
            "B's user, manager = A's user",
            NOT_LINKED,
            w -> w.json(w.userWithManager(w.bobName, w.manager)).put("/Users/" + w.bob)),
        row(
            "POST",
            "/Users",
            "new user in B, manager = A's user",
            NOT_LINKED,
            w ->
                w.json(w.userWithManager("b-posted-" + UUID.randomUUID(), w.manager))
                    .post("/Users")));
  }

  /** Tenant A with users, a manager link and a group; tenant B with its own of each. */
  static final class World {
    final String u = UUID.randomUUID().toString();
    final TenantFixture a = TenantFixture.create("iso-matrix-a");
    final TenantFixture b = TenantFixture.create("iso-matrix-b");
    final String aliceName = "alice-" + u + "@a.example";
    final String aliceExternal = "ext-alice-" + u;
    final String aliceDisplay = "Alice " + u;
    final String aliceEmail = "alice-" + u + "@mail.a.example";
    final String managerName = "manager-" + u + "@a.example";
    final String groupName = "group-a-" + u;
    final String groupExternal = "ext-group-a-" + u;
    final String bobName = "bob-" + u + "@b.example";
    final String bGroupName = "group-b-" + u;
    final String manager;
    final String alice;
    final String group;
    final String aliceEtag;
    final String groupEtag;
    final String bob;
    final String bGroup;

    World() {
      manager = a.createUser(managerName);
      alice =
          created(
              a.scim()
                  .contentType(SCIM_JSON_UTF8)
                  .body(
                      """
              {"schemas": ["%s", "%s"], "userName": "%s", "externalId": "%s", "displayName": "%s", "active": true,
               "emails": [{"type": "work", "primary": true, "value": "%s"}],
               "%s": {"employeeNumber": "%s", "manager": {"value": "%s"}}}
              """
                          .formatted(
                              USER,
                              ENTERPRISE,
                              aliceName,
                              aliceExternal,
                              aliceDisplay,
                              aliceEmail,
                              ENTERPRISE,
                              u,
                              manager))
                  .post("/Users"));
      group =
          created(
              a.scim()
                  .contentType(SCIM_JSON_UTF8)
                  .body(group(groupName, groupExternal, List.of(alice, manager)))
                  .post("/Groups"));
      aliceEtag = a.scim().get("/Users/" + alice).then().statusCode(200).extract().header("ETag");
      groupEtag = a.scim().get("/Groups/" + group).then().statusCode(200).extract().header("ETag");
      String bobManager = b.createUser("bob-manager-" + u + "@b.example");
      bob =
          created(
              b.scim()
                  .contentType(SCIM_JSON_UTF8)
                  .body(userWithManager(bobName, bobManager))
                  .post("/Users"));
      bGroup =
          created(
              b.scim()
                  .contentType(SCIM_JSON_UTF8)
                  .body(group(bGroupName, null, List.of(bob)))
                  .post("/Groups"));
    }

    private static String created(Response r) {
      assertEquals(201, r.statusCode(), r.asString());
      return r.path("id");
    }

    RequestSpecification b() {
      return b.scim();
    }

    RequestSpecification json(String body) {
      return b().contentType(SCIM_JSON_UTF8).body(body);
    }

    RequestSpecification patchBody(OpCase casing, String operation) {
      return json(casing.apply(patch(operation)));
    }

    Response list(String path, String filter) {
      return b().queryParam("filter", filter).get(path);
    }

    Response search(String path, String members) {
      return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
              + members
              + "}")
          .post(path + "/.search");
    }

    /** POSTs into B, checks that B's filter finds exactly that copy, then deletes it. */
    Response createInBAndRemove(String path, String body, String filter) {
      Response r = json(body).post(path);
      String id = r.path("id");
      assertEquals(
          List.of(id),
          list(path, filter).jsonPath().getList("Resources.id"),
          "B finds only its own copy");
      assertEquals(204, b().delete(path + "/" + id).statusCode());
      return r;
    }

    String user(String userName, String externalId) {
      return "{\"schemas\":[\""
          + USER
          + "\"],\"userName\":\""
          + userName
          + "\""
          + (externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"")
          + ",\"active\":true}";
    }

    String userWithManager(String userName, String managerId) {
      return "{\"schemas\":[\""
          + USER
          + "\",\""
          + ENTERPRISE
          + "\"],\"userName\":\""
          + userName
          + "\",\"active\":true,\""
          + ENTERPRISE
          + "\":{\"department\":\"D\",\"manager\":{\"value\":\""
          + managerId
          + "\"}}}";
    }

    String group(String displayName, String externalId, List<String> members) {
      return "{\"schemas\":[\""
          + GROUP
          + "\"],\"displayName\":\""
          + displayName
          + "\""
          + (externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"")
          + ",\"members\":"
          + memberValues(members)
          + "}";
    }

    String membersOp(String op, List<String> ids) {
      return "{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":" + memberValues(ids) + "}";
    }

    String managerOp(String op, String id) {
      return "{\"op\":\""
          + op
          + "\",\"path\":\""
          + ENTERPRISE
          + ":manager\",\"value\":\""
          + id
          + "\"}";
    }

    /** A's users and groups as A sees them: lists, each resource, and each ETag. */
    String snapshotOfA() {
      StringBuilder s = new StringBuilder();
      s.append(
          a.scim()
              .queryParam("count", 200)
              .get("/Users")
              .then()
              .statusCode(200)
              .extract()
              .asString());
      s.append(
          a.scim()
              .queryParam("count", 200)
              .get("/Groups")
              .then()
              .statusCode(200)
              .extract()
              .asString());
      for (String path : List.of("/Users/" + alice, "/Users/" + manager, "/Groups/" + group)) {
        Response r = a.scim().get(path);
        s.append('\n')
            .append(r.statusCode())
            .append(' ')
            .append(r.header("ETag"))
            .append(' ')
            .append(r.asString());
      }
      return s.toString();
    }

    /** B's users and groups (lists and B's own user with its groups) name no id of A. */
    void assertNothingOfBRefersToA(Row row) {
      for (String path : List.of("/Users?count=200", "/Groups?count=200", "/Users/" + bob)) {
        Response r = b().urlEncodingEnabled(false).get(path);
        assertEquals(200, r.statusCode(), row + ": " + path);
        assertNoIdOfA(row, r);
      }
    }

    void assertNothingOfA(Row row, Response r) {
      assertNoNameOfA(row, r);
      assertNoIdOfA(row, r);
    }

    void assertNoNameOfA(Row row, Response r) {
      String body = r.asString();
      for (String name :
          List.of(
              aliceName,
              aliceExternal,
              aliceDisplay,
              aliceEmail,
              managerName,
              groupName,
              groupExternal)) {
        assertFalse(
            body.toLowerCase().contains(name.toLowerCase()), row + ": A's " + name + " in " + body);
      }
    }

    void assertNoIdOfA(Row row, Response r) {
      String body = r.asString();
      for (String id : List.of(alice, manager, group)) {
        if (body.contains(id)) {
          fail(row + ": A's id " + id + " in " + JsonPath.from(body).prettify());
        }
      }
    }
  }
}
