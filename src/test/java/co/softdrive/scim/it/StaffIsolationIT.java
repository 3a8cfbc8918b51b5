package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ConsoleClient.Page;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation on the staff surfaces, as a matrix (docs/reliability.md "Tenant isolation"). A
 * staff account may act on any tenant by design; isolation here means that a URL scoped to tenant A
 * never reveals or changes tenant B's rows when it names B's token, user or group: the admin API
 * answers 404 or nothing of B, and a console page of A shows not-found or nothing of B. After every
 * row, B's tokens, pending deletions, audit trail, user and group are as before. The table is
 * written to {@code target/reliability/staff-isolation-matrix.md}.
 */
class StaffIsolationIT {
  static World w;

  /** B as it was set up; no row may change it. */
  static String tenantB;

  @BeforeAll
  static void twoTenants() {
    w = new World();
    tenantB = w.snapshotOfB();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("matrix")
  void aUrlOfTenantANamingTenantBsRowsRevealsAndChangesNothingOfB(Row row) {
    Result result = row.send().apply(w);
    row.expect().check(row, result, w);
    assertEquals(tenantB, w.snapshotOfB(), "tenant B changed by: " + row);
  }

  /** The same URLs scoped to B do show B's rows: the markers the matrix looks for are real. */
  @Test
  void theSameUrlsScopedToTenantBShowItsRows() {
    Map<String, String> shows =
        Map.of(
            "/console/user.xhtml?tenant={B}&id={userOfB}", w.bUserName,
            "/console/group.xhtml?tenant={B}&id={groupOfB}", w.bGroupName,
            "/console/pending.xhtml?tenant={B}", w.bUserName,
            "/console/users.xhtml?tenant={B}", w.bUserName,
            "/console/groups.xhtml?tenant={B}", w.bGroupName,
            "/console/tenant.xhtml?id={B}", w.bTokenPrefix,
            "/console/activity.xhtml?tenant={B}&resource={userOfB}", w.bTokenPrefix);
    shows.forEach(
        (page, marker) -> {
          Page p = w.console.get(w.resolve(page));
          assertEquals(200, p.status(), page);
          assertTrue(p.body().contains(marker), page + " shows " + marker);
        });
    assertTrue(
        w.searchUsers("{B}", w.bUserName).body().contains(w.bUserName),
        "B's console search finds B's user");
    String b = ItConfig.adminBase() + "/tenants/" + w.b.tenantId;
    admin().get(b + "/tokens/" + w.b.tokenId).then().statusCode(200);
    assertTrue(admin().get(b + "/audit?userId=" + w.bUser).asString().contains(w.bUser));
    assertTrue(admin().get(b + "/pending-deletions").asString().contains(w.bUser));
    assertTrue(admin().get(b + "/deactivations").asString().contains(w.bUser));
    assertTrue(
        admin().get(b + "/activity?resourceId=" + w.bUser).jsonPath().getLong("totalResults") > 0);
    assertTrue(
        admin()
            .get(ItConfig.adminBase() + "/events?tenantId=" + w.b.tenantId)
            .asString()
            .contains(w.bUser));
  }

  @AfterAll
  static void writeTheMatrix() {
    IsolationMatrix.write(
        "staff-isolation-matrix.md",
        List.of("Surface", "Method", "URL (A's scope, B's ids)", "Request", "Expected"),
        matrix()
            .map(
                r ->
                    List.of(
                        r.surface(),
                        r.method(),
                        "`" + r.target() + "`",
                        r.detail(),
                        r.expect().meaning))
            .toList());
  }

  /** What a staff request got. */
  record Result(int status, String body) {}

  /** What a row must get; every check also requires that nothing of B is in the answer. */
  enum Expect {
    NOT_FOUND("404, nothing of B") {
      @Override
      void check(Row row, Result r, World w) {
        assertEquals(404, r.status(), row + ": " + r.body());
        w.assertNothingOfB(row, r);
      }
    },
    NOTHING_OF_B("200, nothing of B") {
      @Override
      void check(Row row, Result r, World w) {
        assertEquals(200, r.status(), row + ": " + r.body());
        w.assertNothingOfB(row, r);
      }
    },
    EMPTY("200, empty list") {
      @Override
      void check(Row row, Result r, World w) {
        assertEquals(200, r.status(), row + ": " + r.body());
        assertTrue(
            r.body().strip().equals("[]") || r.body().contains("\"totalResults\":0"),
            row + ": " + r.body());
        w.assertNothingOfB(row, r);
      }
    },
    DECIDED_NONE("200, 0 decided") {
      @Override
      void check(Row row, Result r, World w) {
        assertEquals(200, r.status(), row + ": " + r.body());
        assertTrue(r.body().matches("\\{\"(approved|rejected)\":0}"), row + ": " + r.body());
      }
    };

    final String meaning;

    Expect(String meaning) {
      this.meaning = meaning;
    }

    abstract void check(Row row, Result result, World w);
  }

  /** One staff request in tenant A's scope naming B's rows. */
  record Row(
      String surface,
      String method,
      String target,
      String detail,
      Expect expect,
      Function<World, Result> send) {
    @Override
    public String toString() {
      return surface + " " + method + " " + target + " " + detail + " -> " + expect.meaning;
    }
  }

  private static Row api(String method, String target, Expect expect) {
    return new Row("admin API", method, target, "", expect, w -> w.api(method, target, null));
  }

  private static Row decide(String target, String body, String detail) {
    return new Row(
        "admin API", "POST", target, detail, Expect.DECIDED_NONE, w -> w.api("POST", target, body));
  }

  private static Row page(String target, Expect expect) {
    return new Row("console", "GET", target, "", expect, w -> w.page(target));
  }

  static Stream<Row> matrix() {
    String heldOfB = "{\"userIds\":[\"{userOfB}\"]}";
    return Stream.of(
        api("GET", "/tenants/{A}/tokens/{tokenOfB}", Expect.NOT_FOUND),
        api("DELETE", "/tenants/{A}/tokens/{tokenOfB}", Expect.NOT_FOUND),
        api("GET", "/tenants/{A}/tokens", Expect.NOTHING_OF_B),
        api("GET", "/tenants/{A}/users/{userOfB}", Expect.NOT_FOUND),
        api("GET", "/tenants/{A}/groups/{groupOfB}", Expect.NOT_FOUND),
        api("GET", "/tenants/{A}/audit?userId={userOfB}", Expect.EMPTY),
        api("GET", "/tenants/{A}/audit", Expect.NOTHING_OF_B),
        api("GET", "/tenants/{A}/pending-deletions", Expect.NOTHING_OF_B),
        decide("/tenants/{A}/pending-deletions/approve", heldOfB, "B's held deletion by id"),
        decide("/tenants/{A}/pending-deletions/reject", heldOfB, "B's held deletion by id"),
        decide("/tenants/{A}/pending-deletions/approve", "", "no body (all of A's)"),
        decide("/tenants/{A}/pending-deletions/reject", "", "no body (all of A's)"),
        api("GET", "/tenants/{A}/activity?resourceId={userOfB}", Expect.EMPTY),
        api("GET", "/tenants/{A}/activity", Expect.NOTHING_OF_B),
        api("GET", "/events?tenantId={A}&after=0&limit=1000", Expect.NOTHING_OF_B),
        api("GET", "/tenants/{A}/deactivations?hours=336", Expect.NOTHING_OF_B),
        api("GET", "/tenants/{A}/purged-users?userName=held-", Expect.EMPTY),
        api("GET", "/tenants/{A}/deleted-groups", Expect.EMPTY),
        api("GET", "/tenants/{A}/deleted-groups/{groupOfB}", Expect.NOT_FOUND),
        page("/console/user.xhtml?tenant={A}&id={userOfB}", Expect.NOT_FOUND),
        page(
            "/console/user.xhtml?tenant={A}&id={userOfB}&before=9223372036854775807",
            Expect.NOT_FOUND),
        page("/console/group.xhtml?tenant={A}&id={groupOfB}", Expect.NOT_FOUND),
        page("/console/activity.xhtml?tenant={A}&resource={userOfB}", Expect.NOTHING_OF_B),
        page("/console/activity.xhtml?tenant={A}&status=errors", Expect.NOTHING_OF_B),
        page("/console/users.xhtml?tenant={A}", Expect.NOTHING_OF_B),
        page("/console/users.xhtml?tenant={A}&state=PENDING_DELETION", Expect.NOTHING_OF_B),
        page("/console/groups.xhtml?tenant={A}", Expect.NOTHING_OF_B),
        page("/console/pending.xhtml?tenant={A}", Expect.NOTHING_OF_B),
        page("/console/tenant.xhtml?id={A}", Expect.NOTHING_OF_B),
        new Row(
            "console",
            "POST",
            "/console/users.xhtml?tenant={A}",
            "ajax search for B's userName",
            Expect.NOTHING_OF_B,
            w -> w.searchUsers("{A}", w.bUserName)));
  }

  /**
   * Tenant A with a user and a group; tenant B with a user whose deletion the guard holds, a group,
   * a token with recorded activity, and the audit trail and events all that made.
   */
  static final class World {
    final String u = UUID.randomUUID().toString();
    final TenantFixture a = TenantFixture.create("staff-iso-a");
    final TenantFixture b = TenantFixture.create("staff-iso-b");
    final String bUserName = "held-" + u + "@b.example";
    final String bGroupName = "group-b-" + u;
    final String bTokenPrefix = b.token.substring(0, 13);
    final String bUser;
    final String bGroup;
    final ConsoleClient console =
        ConsoleClient.signedIn(ItConfig.adminUser(), ItConfig.adminPassword());

    World() {
      a.createGroup("group-a-" + u);
      a.scim().get("/Users/" + a.createUser("a-" + u + "@a.example")).then().statusCode(200);
      // The guard holds B's first deactivation: a pending deletion of B.
      admin()
          .contentType(ContentType.JSON)
          .body(Jsons.of("guardPercent", 1, "guardMinCount", 0, "guardWindowMinutes", 60))
          .patch(ItConfig.adminBase() + "/tenants/" + b.tenantId)
          .then()
          .statusCode(200);
      bUser = b.createUser(bUserName);
      b.createUser("kept-" + u + "@b.example");
      bGroup = b.createGroup(bGroupName);
      b.scim()
          .contentType("application/scim+json")
          .body(
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                  + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]}")
          .patch("/Users/" + bUser)
          .then()
          .statusCode(200);
      admin()
          .get(ItConfig.adminBase() + "/tenants/" + b.tenantId + "/pending-deletions")
          .then()
          .statusCode(200)
          .body("userId", org.hamcrest.Matchers.hasItem(bUser));
      b.scim().get("/Users/" + bUser).then().statusCode(200);
      awaitActivity(b.tenantId, bUser);
    }

    /** Activity is written in the background: wait until B's request about its user is recorded. */
    private static void awaitActivity(String tenantId, String resourceId) {
      long deadline = System.currentTimeMillis() + 60_000;
      String url =
          ItConfig.adminBase() + "/tenants/" + tenantId + "/activity?resourceId=" + resourceId;
      while (admin().get(url).jsonPath().getLong("totalResults") == 0) {
        assertTrue(
            System.currentTimeMillis() < deadline, "activity of " + resourceId + " recorded");
        ServerControl.sleep(200);
      }
    }

    String resolve(String template) {
      return template
          .replace("{A}", a.tenantId)
          .replace("{B}", b.tenantId)
          .replace("{tokenOfB}", b.tokenId)
          .replace("{userOfB}", bUser)
          .replace("{groupOfB}", bGroup);
    }

    Result api(String method, String target, String body) {
      var request = admin();
      if (body != null) {
        request.contentType(ContentType.JSON).body(resolve(body));
      }
      Response r = request.request(method, ItConfig.adminBase() + resolve(target));
      return new Result(r.statusCode(), r.asString());
    }

    Result page(String target) {
      Page p = console.get(resolve(target));
      return new Result(p.status(), p.body());
    }

    /** Types a search into the users page of a tenant; returns the table it renders. */
    Result searchUsers(String tenant, String search) {
      Page users = console.get(resolve("/console/users.xhtml?tenant=" + tenant));
      Page table =
          console.fire(
              users, "users:search", "keyup", "users:table", Map.of("users:search", search));
      return new Result(table.status(), table.body());
    }

    /** B's rows as staff and B see them (not its activity, which every request adds to). */
    String snapshotOfB() {
      String api = ItConfig.adminBase() + "/tenants/" + b.tenantId;
      return String.join(
          "\n",
          admin().get(api + "/pending-deletions").asString(),
          admin().get(api + "/audit").asString(),
          tokens(admin().get(api + "/tokens")),
          admin()
              .get(ItConfig.adminBase() + "/events?tenantId=" + b.tenantId + "&limit=1000")
              .asString(),
          scim(b.scim().get("/Users/" + bUser)),
          scim(b.scim().get("/Groups/" + bGroup)));
    }

    /** Ids and statuses, not last use (B's own requests in the snapshot move it). */
    private static String tokens(Response r) {
      return r.jsonPath().getList("id") + " " + r.jsonPath().getList("status");
    }

    private static String scim(Response r) {
      return r.statusCode() + " " + r.header("ETag") + " " + r.asString();
    }

    /** No name of B, and no id of B that the request did not itself name. */
    void assertNothingOfB(Row row, Result r) {
      for (String name : List.of(bUserName, bGroupName, bTokenPrefix, b.tenantName)) {
        assertFalse(r.body().contains(name), row + ": shows " + name + " of B");
      }
      String sent = resolve(row.target());
      for (String id : List.of(b.tenantId, b.tokenId, bUser, bGroup)) {
        assertFalse(!sent.contains(id) && r.body().contains(id), row + ": shows " + id + " of B");
      }
    }
  }
}
