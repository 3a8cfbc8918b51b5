package co.softdrive.scim.it.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.testing.AtOnce;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances of the production archive on one PostgreSQL database behind a load balancer
 * (docs/operations.md#several-instances), with the concurrency checks of
 * docs/reliability.md#concurrency run across both. Started by {@code .ci/multi-instance.sh}, which
 * {@code .ci/run} runs; without {@code multi.balancer.url} (a plain {@code mvn verify}) the class
 * is skipped, and that skip is not a pass: only the script's run counts.
 */
@EnabledIfSystemProperty(named = "multi.balancer.url", matches = ".+")
class MultiInstanceIT {
  private static final Logger LOG = Logger.getLogger(MultiInstanceIT.class.getName());

  static final int CLIENTS = 16;

  /**
   * Guard settings of the provisioning run's tenant: the 41st of its 200 users' deletions trips.
   */
  static final int GUARD_PERCENT = 20;

  static final int GUARD_MIN_COUNT = 10;
  static final int DELETED_BEFORE_GUARD = 40;

  /** scim.auth.cache-seconds (5) plus generous slack for a loaded machine. */
  static final int AUTH_BOUND_SECONDS = 30;

  /** How long a (re)started instance may take to become ready: about 30 s idle, minutes loaded. */
  static final int START_SECONDS = 480;

  @BeforeEach
  void bothInstancesServe() {
    Cluster.awaitAllReady(START_SECONDS);
  }

  /**
   * Entra's cycle through the balancer while one instance is SIGKILLed (and later started again on
   * a schema that a "newer release" has expanded meanwhile): the run completes, every acknowledged
   * change is present exactly once on every instance, no member is lost, the deletion guard counts
   * exactly across instances, and the feed has no gap or duplicate cursor.
   */
  @Test
  void entraProvisioningCompletesAndLosesNothingWhenAnInstanceIsKilledMidRun() throws Exception {
    TenantFixture t = TenantFixture.create("multi-entra").withoutRateLimit();
    EntraClient admin = admin(Cluster.balancer());
    ProvisioningRun.expect(
        admin.patch(
            "/tenants/" + t.tenantId,
            Jsons.of(
                "guardPercent",
                GUARD_PERCENT,
                "guardMinCount",
                GUARD_MIN_COUNT,
                "guardWindowMinutes",
                60)),
        200,
        "guard settings");
    EntraClient scim = EntraClient.scim(Cluster.balancer(), t.token);
    long planned = ProvisioningRun.plannedOperations();
    long killAt = planned * 35 / 100;
    long restartAt = planned * 60 / 100;
    Map<String, Object> figures = new TreeMap<>();
    long start = System.currentTimeMillis();
    AtomicLong restartedAt = new AtomicLong();

    // Step 1: the run; the victim dies at 35% of the operations and is started again at 60%.
    ProvisioningRun run =
        new ProvisioningRun(scim, admin, t.tenantId, "multi-" + t.tenantId.substring(0, 8));
    run.at(
            killAt,
            () -> {
              figures.put("served before the kill", scim.served());
              figures.put("killed pid", Cluster.killVictim());
              figures.put("kill at operation", killAt);
              figures.put("kill at ms", System.currentTimeMillis() - start);
            })
        .at(
            restartAt,
            () -> {
              restartedAt.set(System.currentTimeMillis());
              Cluster.restartVictim();
            });
    run.run();
    figures.put("run ms", System.currentTimeMillis() - start);
    figures.put("phases ms", run.phaseMillis);

    // Step 2: the victim is back and serves beside the survivor, although the schema is ahead.
    List<String> readiness = Cluster.awaitAllReady(START_SECONDS);
    figures.put(
        "victim ready again after restart ms", System.currentTimeMillis() - restartedAt.get());
    JsonObject victim = database(readiness.get(readiness.size() - 1));
    assertTrue(
        victim.getInt("schemaVersion") > victim.getInt("buildSchemaVersion"),
        "the restart ran on a schema a newer release had expanded: " + victim);

    // Step 3: what was acknowledged is there once, on every instance.
    Set<String> pending = new HashSet<>(run.pendingDeletions());
    assertEquals(
        ProvisioningRun.DEACTIVATIONS - DELETED_BEFORE_GUARD,
        pending.size(),
        "guard counted across instances");
    for (String instance : Cluster.instances()) {
      assertStateOn(instance, t, run);
    }

    // Step 4: the feed is whole, and tells each acknowledged change exactly once.
    Feed feed = Feed.readAll(admin);
    assertEquals(List.of(), feed.gapsAndDuplicates());
    assertEventsOnce(feed, t.tenantId, run, pending);

    figures.put("operations", run.operations());
    figures.put("requests", scim.requests.sum());
    figures.put("retries", scim.retries.sum());
    figures.put(
        "retry causes",
        scim.retryCauses.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().sum(), (a, b) -> a, TreeMap::new)));
    figures.put(
        "echoes resolved (409 after a lost create, 404 after a lost delete)", run.echoes.sum());
    figures.put("served in total", scim.served());
    figures.put("feed events", feed.size());
    figures.put(
        "checked",
        run.userIds.size()
            + " users created, "
            + run.deleted.size()
            + " deleted, "
            + run.deactivated.size()
            + " deactivated ("
            + DELETED_BEFORE_GUARD
            + " deleted, "
            + pending.size()
            + " held by the guard), "
            + run.groupIds.size()
            + " groups, "
            + run.members.values().stream().mapToInt(Set::size).sum()
            + " memberships, on "
            + Cluster.instances().size()
            + " instances");
    report("Entra run with SIGKILL", figures);
    Map<?, ?> before = (Map<?, ?>) figures.get("served before the kill");
    assertEquals(
        Cluster.instances().size(),
        before.size(),
        "both instances served before the kill: " + before);
  }

  @Test
  void sixteenClientsAddingDifferentMembersToOneGroupAtOnceEndWithAllMembers() throws Exception {
    TenantFixture t = TenantFixture.create("multi-members").withoutRateLimit();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      users.add(t.createUser("member-" + i + "@fabrikam.example"));
    }
    String group = t.createGroup("Everyone");
    EntraClient scim = EntraClient.scim(Cluster.balancer(), t.token);
    List<Integer> statuses =
        atOnce(
            i ->
                scim.patch(
                        "/Groups/" + group,
                        "{\"schemas\": [\""
                            + ProvisioningRun.PATCH_OP
                            + "\"], \"Operations\": [{\"op\": \"Add\","
                            + " \"path\": \"members\", \"value\": [{\"value\": \""
                            + users.get(i)
                            + "\"}]}]}")
                    .status());
    assertEquals(List.of(204), statuses.stream().distinct().toList());
    for (String instance : Cluster.instances()) {
      assertEquals(
          new HashSet<>(users), members(EntraClient.scim(instance, t.token), group), instance);
    }
    Map<String, Integer> added =
        Feed.readAll(admin(Cluster.balancer()))
            .countByMember(t.tenantId, "group.members.added", group);
    assertEquals(onceEach(users), added);
    report(
        "16 member adds at once", Map.of("served", scim.served(), "retries", scim.retries.sum()));
  }

  @Test
  void sixteenClientsCreatingTheSameUserNameGetOne201AndFifteen409() throws Exception {
    TenantFixture t = TenantFixture.create("multi-same-name").withoutRateLimit();
    EntraClient scim = EntraClient.scim(Cluster.balancer(), t.token);
    String body =
        "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"Same.Person@contoso.example\", \"active\": true}";
    List<EntraClient.Reply> replies = atOnce(i -> scim.post("/Users", body));
    Map<Integer, Long> byStatus =
        replies.stream()
            .collect(
                Collectors.groupingBy(
                    EntraClient.Reply::status, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(201, 1L, 409, (long) CLIENTS - 1), byStatus);
    replies.stream()
        .filter(r -> r.status() == 409)
        .forEach(r -> assertEquals("uniqueness", r.json().getString("scimType")));
    String filter =
        URLEncoder.encode("userName eq \"same.person@contoso.example\"", StandardCharsets.UTF_8);
    for (String instance : Cluster.instances()) {
      assertEquals(
          1,
          EntraClient.scim(instance, t.token)
              .get("/Users?filter=" + filter)
              .json()
              .getInt("totalResults"),
          instance);
    }
    report("16 creates of one userName", Map.of("statuses", byStatus, "served", scim.served()));
  }

  /** Each client owns one attribute and replaces it three times, all clients at once each round. */
  @Test
  void patchesRacingOnOneUserFromBothInstancesLoseNoUpdate() throws Exception {
    TenantFixture t = TenantFixture.create("multi-racing-patches").withoutRateLimit();
    String user = t.createUser("racer@contoso.example");
    EntraClient scim = EntraClient.scim(Cluster.balancer(), t.token);
    for (int round = 1; round <= 3; round++) {
      int r = round;
      List<Integer> statuses =
          atOnce(
              i ->
                  scim.patch(
                          "/Users/" + user,
                          "{\"schemas\": [\""
                              + ProvisioningRun.PATCH_OP
                              + "\"], \"Operations\": [{\"op\": \"Replace\","
                              + " \"path\": \""
                              + RacingAttributes.PATHS.get(i)
                              + "\", \"value\": \""
                              + RacingAttributes.value(r, i)
                              + "\"}]}")
                      .status());
      assertEquals(List.of(200), statuses.stream().distinct().toList(), "round " + r);
    }
    for (String instance : Cluster.instances()) {
      JsonObject resource = EntraClient.scim(instance, t.token).get("/Users/" + user).json();
      for (int i = 0; i < CLIENTS; i++) {
        assertEquals(
            RacingAttributes.value(3, i),
            RacingAttributes.read(resource, i),
            instance + " " + RacingAttributes.PATHS.get(i));
      }
    }
    report(
        "16 racing PATCHes x 3 rounds",
        Map.of("served", scim.served(), "retries", scim.retries.sum()));
  }

  /**
   * Revocation, suspension and staff changes made through one instance reach the other: at once
   * where they were made, within scim.auth.cache-seconds elsewhere for tokens, at once everywhere
   * for staff accounts (whose remembered check re-reads the account).
   */
  @Test
  void revocationSuspensionAndStaffChangesReachTheOtherInstance() {
    String one = Cluster.survivor();
    String other = Cluster.victim();
    TenantFixture t = TenantFixture.create("multi-auth");
    assertEquals(200, EntraClient.scim(one, t.token).get("/Users").status());
    assertEquals(200, EntraClient.scim(other, t.token).get("/Users").status());
    ProvisioningRun.expect(
        admin(one).delete("/tenants/" + t.tenantId + "/tokens/" + t.tokenId), 204, "revoke");
    assertEquals(
        401,
        EntraClient.scim(one, t.token).get("/Users").status(),
        "revoked at once where revoked");
    awaitStatus(other, t.token, 401);

    TenantFixture s = TenantFixture.create("multi-suspend");
    assertEquals(200, EntraClient.scim(one, s.token).get("/Users").status());
    ProvisioningRun.expect(
        admin(other).patch("/tenants/" + s.tenantId, Jsons.of("status", "suspended")),
        200,
        "suspend");
    assertEquals(
        401,
        EntraClient.scim(other, s.token).get("/Users").status(),
        "suspended at once where suspended");
    awaitStatus(one, s.token, 401);
    ProvisioningRun.expect(
        admin(one).patch("/tenants/" + s.tenantId, Jsons.of("status", "active")), 200, "resume");
    awaitStatus(other, s.token, 200);

    String name = "multi-staff-" + t.tenantId.substring(0, 8);
    String password = "first-password-" + t.tenantId;
    ProvisioningRun.expect(
        admin(one)
            .post(
                "/staff",
                Jsons.of("username", name, "password", password, "roles", List.of("support"))),
        201,
        "staff");
    assertEquals(200, EntraClient.admin(one, name, password).get("/tenants").status());
    assertEquals(200, EntraClient.admin(other, name, password).get("/tenants").status());
    ProvisioningRun.expect(
        admin(one).patch("/staff/" + name, Jsons.of("enabled", false)), 200, "disable");
    assertEquals(
        401,
        EntraClient.admin(other, name, password).get("/tenants").status(),
        "disabled at once on the other instance");
  }

  private static EntraClient admin(String url) {
    return EntraClient.admin(url, ItConfig.adminUser(), ItConfig.adminPassword());
  }

  /** Runs {@link #CLIENTS} calls released together; returns their results in order. */
  private static <T> List<T> atOnce(IntFunction<T> call) throws Exception {
    return AtOnce.run(CLIENTS, call::apply);
  }

  private static void awaitStatus(String instance, String token, int status) {
    long deadline = System.currentTimeMillis() + AUTH_BOUND_SECONDS * 1000L;
    int last;
    do {
      last = EntraClient.scim(instance, token).get("/Users").status();
      if (last == status) {
        return;
      }
      EntraClient.pause(250);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError(
        instance
            + " still answers "
            + last
            + ", not "
            + status
            + ", after "
            + AUTH_BOUND_SECONDS
            + " s");
  }

  private static void assertStateOn(String instance, TenantFixture t, ProvisioningRun run) {
    EntraClient scim = EntraClient.scim(instance, t.token);
    List<JsonObject> listed = listUsers(scim);
    Map<String, JsonObject> byId = new HashMap<>();
    listed.forEach(u -> byId.put(u.getString("id"), u));
    Set<String> expected = new HashSet<>(run.userIds.values());
    expected.removeAll(run.deleted);
    assertEquals(listed.size(), byId.size(), instance + ": no user listed twice");
    assertEquals(
        expected, byId.keySet(), instance + ": every acknowledged user, and no deleted one");
    assertEquals(
        byId.size(),
        listed.stream().map(u -> u.getString("userName").toLowerCase()).distinct().count(),
        instance + ": userNames unique");
    Set<String> inactive = new HashSet<>(run.deactivated);
    inactive.removeAll(run.deleted);
    assertEquals(
        inactive,
        byId.values().stream()
            .filter(u -> !u.getBoolean("active"))
            .map(u -> u.getString("id"))
            .collect(Collectors.toSet()),
        instance + ": exactly the deactivated users are inactive");
    for (String id : run.deleted) {
      assertEquals(404, scim.get("/Users/" + id).status(), instance + ": deleted " + id);
    }
    for (Map.Entry<String, Set<String>> group : run.members.entrySet()) {
      Set<String> want = new HashSet<>(group.getValue());
      want.removeAll(run.deleted);
      assertEquals(
          want, members(scim, group.getKey()), instance + ": members of " + group.getKey());
    }
  }

  private static void assertEventsOnce(
      Feed feed, String tenantId, ProvisioningRun run, Set<String> pending) {
    assertEquals(onceEach(run.userIds.values()), feed.countByResource(tenantId, "account.created"));
    assertEquals(onceEach(run.groupIds.values()), feed.countByResource(tenantId, "group.created"));
    for (Map.Entry<String, Set<String>> group : run.members.entrySet()) {
      assertEquals(
          onceEach(group.getValue()),
          feed.countByMember(tenantId, "group.members.added", group.getKey()));
    }
    Set<String> accountsDeleted = new HashSet<>(run.deactivated);
    accountsDeleted.removeAll(pending);
    accountsDeleted.addAll(run.deleted);
    assertEquals(onceEach(accountsDeleted), feed.countByResource(tenantId, "account.deleted"));
    assertEquals(onceEach(run.deleted), feed.countByResource(tenantId, "account.purged"));
  }

  private static Map<String, Integer> onceEach(java.util.Collection<String> ids) {
    Map<String, Integer> once = new HashMap<>();
    ids.forEach(id -> once.put(id, 1));
    return once;
  }

  private static List<JsonObject> listUsers(EntraClient scim) {
    List<JsonObject> users = new ArrayList<>();
    int total;
    do {
      JsonObject page =
          ProvisioningRun.expect(
                  scim.get(
                      "/Users?attributes=userName,active&count=200&startIndex="
                          + (users.size() + 1)),
                  200,
                  "list")
              .json();
      total = page.getInt("totalResults");
      if (page.getJsonArray("Resources").isEmpty()) {
        break;
      }
      page.getJsonArray("Resources").forEach(u -> users.add(u.asJsonObject()));
    } while (users.size() < total);
    return users;
  }

  private static Set<String> members(EntraClient scim, String group) {
    JsonObject g =
        ProvisioningRun.expect(scim.get("/Groups/" + group), 200, "group " + group).json();
    Set<String> ids = new HashSet<>();
    if (g.containsKey("members")) {
      g.getJsonArray("members").forEach(m -> ids.add(m.asJsonObject().getString("value")));
    }
    return ids;
  }

  private static JsonObject database(String readiness) {
    JsonObject health = Json.createReader(new StringReader(readiness)).readObject();
    return health.getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals("database"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  /** Prints the figures and appends them to {@code multi.figures} (the script shows that file). */
  private static void report(String what, Map<String, ?> figures) {
    String line = "[multi-instance] " + what + ": " + figures;
    LOG.info(line);
    String file = System.getProperty("multi.figures");
    if (file != null) {
      try {
        Files.writeString(
            Path.of(file),
            line + System.lineSeparator(),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
