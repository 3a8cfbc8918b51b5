package co.softdrive.scim.it.lifecycle;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The change feed: every change once, in order, readable by a consumer account. */
class FeedIT {

  @Test
  void everyChangeAppearsExactlyOnceInOrder() {
    TenantFixture t = TenantFixture.create("feed");
    // A provisioning story: two users, a group, members in and out, a rename, a deactivation.
    String u1 = t.createUser("u1@feed.example");
    String u2 = t.createUser("u2@feed.example");
    String g = t.createGroup("Engineering");
    LifecycleIT.addMembers(t, g, u1, u2);
    LifecycleIT.patch(
        t,
        "/Groups/" + g,
        "{\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
            + u2
            + "\"}]}]}",
        204);
    LifecycleIT.patch(
        t,
        "/Groups/" + g,
        "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"R&D\"}]}",
        204);
    LifecycleIT.patch(t, "/Users/" + u2, LifecycleIT.DEACTIVATE, 200);
    // Re-adding a member and a no-op PATCH produce no events.
    LifecycleIT.addMembers(t, g, u1);

    JsonPath feed =
        admin()
            .get(ItConfig.adminBase() + "/events?after=0&limit=1000&tenantId=" + t.tenantId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of(
            "account.created",
            "account.created",
            "group.created",
            "group.members.added",
            "group.members.removed",
            "group.renamed",
            "account.deleted"),
        feed.getList("events.type"));
    List<Long> cursors = feed.getList("events.cursor", Long.class);
    for (int i = 1; i < cursors.size(); i++) {
      assertTrue(cursors.get(i) > cursors.get(i - 1), "cursors strictly increase: " + cursors);
    }
    assertEquals(List.of(u1, u2), feed.getList("events[3].data.userIds"));
    assertEquals(List.of(u2), feed.getList("events[4].data.userIds"));
    assertEquals("Engineering", feed.getString("events[5].data.previousDisplayName"));
    assertEquals(cursors.get(cursors.size() - 1), feed.getLong("nextCursor"));
  }

  @Test
  void pagingWithNextCursorReadsEachEventOnce() {
    TenantFixture t = TenantFixture.create("feed-paging");
    for (int i = 0; i < 7; i++) {
      t.createUser("p" + i + "@feed.example");
    }
    Set<Long> seen = new HashSet<>();
    long after = 0;
    int pages = 0;
    while (true) {
      JsonPath page =
          admin()
              .get(
                  ItConfig.adminBase()
                      + "/events?limit=3&tenantId="
                      + t.tenantId
                      + "&after="
                      + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Long> cursors = page.getList("events.cursor", Long.class);
      if (cursors.isEmpty()) {
        break;
      }
      for (Long c : cursors) {
        assertTrue(seen.add(c), "cursor " + c + " seen twice");
      }
      after = page.getLong("nextCursor");
      pages++;
    }
    assertEquals(7, seen.size());
    assertEquals(3, pages);
  }

  @Test
  void aConsumerAccountReadsEventsButNothingElse() {
    String user = "consumer-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(
            Jsons.of(
                "username", user, "password", "consumer-password-1", "roles", List.of("events")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    given()
        .auth()
        .preemptive()
        .basic(user, "consumer-password-1")
        .get(ItConfig.adminBase() + "/events?after=0&limit=1")
        .then()
        .statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic(user, "consumer-password-1")
        .get(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(403);
  }

  /**
   * Writers on several threads while a consumer tails the whole feed: the consumer sees every
   * cursor from where it started to the end exactly once, without gaps and never going back, and
   * one event per acknowledged change.
   */
  @Test
  void aConsumerTailingDuringConcurrentWritesSeesEveryCursorOnceWithoutGaps() throws Exception {
    TenantFixture t = TenantFixture.create("feed-tail");
    long start =
        admin()
            .get(ItConfig.adminBase() + "/events?after=0&limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("nextCursor");
    start = latest(start);
    int writers = 6;
    int perWriter = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perWriter; i++) {
                  t.createUser("w" + writer + "-" + i + "@tail.example");
                }
              }));
    }
    List<Long> seen = new ArrayList<>();
    List<String> tenants = new ArrayList<>();
    long after = start;
    while (!allDone(done) || seen.size() < writers * perWriter) {
      JsonPath page =
          admin()
              .get(ItConfig.adminBase() + "/events?limit=7&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("events.cursor", Long.class));
      tenants.addAll(page.getList("events.tenantId", String.class));
      after = page.getLong("nextCursor");
      if (allDone(done) && page.getList("events").isEmpty()) {
        break;
      }
    }
    pool.shutdown();
    for (Future<?> f : done) {
      f.get();
    }
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(start + 1 + i, seen.get(i), "cursor " + i + " after " + start + ": " + seen);
    }
    assertEquals(writers * perWriter, tenants.stream().filter(t.tenantId::equals).count());
  }

  private static long latest(long from) {
    long after = from;
    while (true) {
      JsonPath page =
          admin()
              .get(ItConfig.adminBase() + "/events?limit=1000&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (page.getList("events").isEmpty()) {
        return after;
      }
      after = page.getLong("nextCursor");
    }
  }

  private static boolean allDone(List<Future<?>> futures) {
    return futures.stream().allMatch(Future::isDone);
  }

  @Test
  void badCursorIs400() {
    admin().get(ItConfig.adminBase() + "/events?after=abc").then().statusCode(400);
  }
}
