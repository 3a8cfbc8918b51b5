package co.softdrive.scim.it.multi;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * An Entra-shaped provisioning cycle for one tenant, sent through the balancer by {@link #WORKERS}
 * parallel clients that retry like Entra ({@link EntraClient}): users created (R4 in
 * docs/entra.md#request-shapes), groups created (R9), members added in PATCHes of one to four
 * (R11), users deactivated with {@code Replace active "False"} (R5c), users deleted (R6). Each
 * phase ends before the next begins, as Entra's cycle does. Only acknowledged changes enter the
 * ledger ({@link #userIds}, {@link #members}, ...): a create whose first attempt died with the
 * instance and whose retry meets 409 is resolved by a filter lookup, as Entra matches users by
 * userName.
 *
 * <p>Actions can be attached to the n-th completed operation ({@link #at}), which is how the test
 * kills an instance mid-run.
 */
final class ProvisioningRun {
  static final int USERS = 200;
  static final int GROUPS = 8;
  static final int DEACTIVATIONS = 50;
  static final int DELETED_TOMBSTONES = 15;
  static final int DELETED_ACTIVE = 15;
  static final int WORKERS = 8;
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final EntraClient scim;
  private final EntraClient admin;
  private final String tenantId;
  private final String prefix;
  private final Map<Long, Runnable> triggers = new ConcurrentHashMap<>();
  private final AtomicLong operations = new AtomicLong();

  /** userName -> id of every user whose creation was acknowledged, in creation order of names. */
  final Map<String, String> userIds = new ConcurrentHashMap<>();

  /** displayName -> id of every acknowledged group. */
  final Map<String, String> groupIds = new ConcurrentHashMap<>();

  /** group id -> user ids whose addition was acknowledged. */
  final Map<String, Set<String>> members = new ConcurrentHashMap<>();

  final Set<String> deactivated = ConcurrentHashMap.newKeySet();
  final Set<String> deleted = ConcurrentHashMap.newKeySet();

  /** Creates and deletes whose answer was the echo of an earlier attempt that had succeeded. */
  final LongAdder echoes = new LongAdder();

  final Map<String, Long> phaseMillis = new TreeMap<>();

  ProvisioningRun(EntraClient scim, EntraClient admin, String tenantId, String prefix) {
    this.scim = scim;
    this.admin = admin;
    this.tenantId = tenantId;
    this.prefix = prefix;
  }

  /** Runs {@code action} (once) when the {@code n}-th operation completes. */
  ProvisioningRun at(long n, Runnable action) {
    triggers.put(n, action);
    return this;
  }

  long operations() {
    return operations.get();
  }

  /** Total operations the run sends (each may take several requests). */
  static long plannedOperations() {
    return USERS
        + GROUPS
        + memberPlan(USERS).size()
        + DEACTIVATIONS
        + DELETED_TOMBSTONES
        + DELETED_ACTIVE;
  }

  void run() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      names.add(String.format("%s-user-%03d@contoso.example", prefix, i));
    }
    phase("users", names, this::createUser);
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.add(prefix + "-group-" + g);
    }
    phase("groups", groups, this::createGroup);
    List<String> ids = names.stream().map(userIds::get).toList();
    phase(
        "members",
        memberPlan(USERS),
        chunk ->
            addMembers(groups.get(chunk.group()), chunk.users().stream().map(ids::get).toList()));
    phase("deactivations", ids.subList(0, DEACTIVATIONS), this::deactivate);
    List<String> tombstones = new ArrayList<>(deactivated);
    tombstones.removeAll(pendingDeletions());
    tombstones.sort(null);
    List<String> deletions = new ArrayList<>(tombstones.subList(0, DELETED_TOMBSTONES));
    deletions.addAll(ids.subList(DEACTIVATIONS, DEACTIVATIONS + DELETED_ACTIVE));
    phase("deletes", deletions, this::delete);
  }

  /** One PATCH of a group's members: which group, which users (by index). */
  record Chunk(int group, List<Integer> users) {}

  /**
   * Every user joins two different groups; each group's members arrive in PATCHes of 1, 2, 3, 4, 1,
   * 2, ... members.
   */
  static List<Chunk> memberPlan(int users) {
    List<List<Integer>> byGroup = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      byGroup.add(new ArrayList<>());
    }
    for (int i = 0; i < users; i++) {
      int first = i % GROUPS;
      byGroup.get(first).add(i);
      byGroup.get((first + 1 + (i / GROUPS) % (GROUPS - 1)) % GROUPS).add(i);
    }
    List<Chunk> chunks = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      List<Integer> all = byGroup.get(g);
      for (int from = 0, size = 1; from < all.size(); from += size, size = size % 4 + 1) {
        chunks.add(new Chunk(g, all.subList(from, Math.min(all.size(), from + size))));
      }
    }
    return chunks;
  }

  private <T> void phase(String name, List<T> items, Consumer<T> operation) {
    long start = System.currentTimeMillis();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  operation.accept(item);
                  Runnable trigger = triggers.remove(operations.incrementAndGet());
                  if (trigger != null) {
                    trigger.run();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Phase " + name + " failed", e);
    } finally {
      pool.shutdownNow();
    }
    phaseMillis.put(name, System.currentTimeMillis() - start);
  }

  private void createUser(String userName) {
    String body =
        """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId": "%s", "userName": "%s", "active": true,
         "emails": [{"primary": true, "type": "work", "value": "%s"}],
         "name": {"formatted": "Given Family", "familyName": "Family", "givenName": "Given"},
         "meta": {"resourceType": "User"}, "roles": []}
        """
            .formatted(userName.substring(0, userName.indexOf('@')), userName, userName);
    userIds.put(userName, created(scim.post("/Users", body), "/Users", "userName", userName));
  }

  private void createGroup(String displayName) {
    String body =
        """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "externalId": "%s",
         "displayName": "%s", "meta": {"resourceType": "Group"}}
        """
            .formatted(displayName, displayName);
    String id = created(scim.post("/Groups", body), "/Groups", "displayName", displayName);
    groupIds.put(displayName, id);
    members.put(id, ConcurrentHashMap.newKeySet());
  }

  /** The id of a created resource: from the 201, or found by filter when a 409 echoes our retry. */
  private String created(EntraClient.Reply reply, String path, String attribute, String value) {
    if (reply.status() == 201) {
      return reply.json().getString("id");
    }
    if (reply.status() == 409 && reply.uncertain()) {
      echoes.increment();
      String filter =
          URLEncoder.encode(attribute + " eq \"" + value + "\"", StandardCharsets.UTF_8);
      JsonObject list = expect(scim.get(path + "?filter=" + filter), 200, "lookup " + value).json();
      return list.getJsonArray("Resources").getJsonObject(0).getString("id");
    }
    throw new IllegalStateException(
        "POST " + path + " " + value + " -> " + reply.status() + " " + reply.body());
  }

  private void addMembers(String groupName, List<String> userIdsToAdd) {
    String groupId = groupIds.get(groupName);
    StringBuilder values = new StringBuilder();
    for (String id : userIdsToAdd) {
      values
          .append(values.length() == 0 ? "" : ",")
          .append("{\"value\": \"")
          .append(id)
          .append("\"}");
    }
    String body =
        "{\"schemas\": [\""
            + PATCH_OP
            + "\"], \"Operations\": [{\"op\": \"Add\", \"path\": \"members\","
            + " \"value\": ["
            + values
            + "]}]}";
    EntraClient.Reply reply = scim.patch("/Groups/" + groupId, body);
    if (reply.status() != 204 && reply.status() != 200) {
      throw new IllegalStateException(
          "PATCH members of " + groupName + " -> " + reply.status() + " " + reply.body());
    }
    members.get(groupId).addAll(userIdsToAdd);
  }

  private void deactivate(String userId) {
    String body =
        "{\"schemas\": [\""
            + PATCH_OP
            + "\"], \"Operations\": [{\"op\": \"Replace\", \"path\": \"active\","
            + " \"value\": \"False\"}]}";
    expect(scim.patch("/Users/" + userId, body), 200, "deactivate " + userId);
    deactivated.add(userId);
  }

  private void delete(String userId) {
    EntraClient.Reply reply = scim.delete("/Users/" + userId);
    if (reply.status() == 404 && reply.uncertain()) {
      echoes.increment();
    } else {
      expect(reply, 204, "delete " + userId);
    }
    deleted.add(userId);
  }

  /** The tenant's users whose deletion the guard holds (admin API). */
  List<String> pendingDeletions() {
    List<String> ids = new ArrayList<>();
    expect(
            admin.get("/tenants/" + tenantId + "/pending-deletions?limit=1000"),
            200,
            "pending deletions")
        .array()
        .forEach(v -> ids.add(v.asJsonObject().getString("userId")));
    return ids;
  }

  static EntraClient.Reply expect(EntraClient.Reply reply, int status, String what) {
    if (reply.status() != status) {
      throw new IllegalStateException(what + " -> " + reply.status() + " " + reply.body());
    }
    return reply;
  }
}
