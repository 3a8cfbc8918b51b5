package co.softdrive.scim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's scenarios (docs/benchmarks.md), each a bounded sequence of Entra-shaped requests
 * (docs/entra.md#provisioning-cycles and #request-shapes, R1–R13). State created by one scenario
 * (users, groups) is reused by the next; a scenario run alone creates what it needs first.
 */
final class Scenarios {
  static final String USER_SCHEMAS =
      "[\"urn:ietf:params:scim:schemas:core:2.0:User\","
          + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]";
  static final String GROUP_SCHEMAS =
      "[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
          + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"]";
  static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

  /** Users outside the probe group that single-member probes add and remove. */
  static final int PROBE_EXTRAS = 16;

  private final BenchOptions o;
  private final Report report;
  private final ScimClient scim;
  private final java.net.http.HttpClient http;
  private final Admin admin;

  /** Makes names unique per run, so that filters miss and POSTs create even on a reused tenant. */
  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  // Population of the main tenant: index -> SCIM id (null: not created or deleted).
  private String[] users = new String[0];
  private String[] groupIds = new String[0];
  private String[] groupNames = new String[0];
  private int[] groupSizes = new int[0];
  private int[] groupOffsets = new int[0];
  private int populationSize;

  Scenarios(
      BenchOptions o, Report report, ScimClient scim, java.net.http.HttpClient http, Admin admin) {
    this.o = o;
    this.report = report;
    this.scim = scim;
    this.http = http;
    this.admin = admin;
  }

  // ------------------------------------------------------------------------------ initial cycle

  /**
   * Users: filter miss then POST (R2, R4). Groups: filter then POST then Add batches (R7, R9, R11).
   */
  void initial() {
    initial("initial");
  }

  /** The initial cycle as a scenario (or phase) of another name: the benchmark's warm-up. */
  void initial(String phase) {
    Report.Phase p = report.begin(phase);
    // Heap the server retains (after a full GC) with half and with all of the users stored: a
    // server that keeps per-user state in memory grows between the two (memory target, Report).
    // The checks are paused out of the cycle's time and CPU: no request is in flight meanwhile.
    createUsers(p, o.users / 2);
    p.paused(() -> p.fact("heapAfterGcAtHalfUsers", report.sampler.heapAfterFullGc()));
    createUsers(p, o.users);
    p.paused(() -> p.fact("heapAfterGcAtAllUsers", report.sampler.heapAfterFullGc()));
    populationSize = o.users;
    Random rnd = new Random(o.seed);
    groupSizes = GroupPlan.sizes(o.groups, o.memberships, o.users, o.hugeGroups, o.hugeShare, rnd);
    groupOffsets = new int[o.groups];
    groupIds = new String[o.groups];
    groupNames = new String[o.groups];
    for (int g = 0; g < o.groups; g++) {
      groupOffsets[g] = rnd.nextInt(o.users);
      groupNames[g] = "bench-" + tag + "-g" + g;
    }
    Workers.run(
        o.concurrency, o.groups, g -> groupIds[(int) g] = createGroup(p, groupNames[(int) g]));
    // Member batches of all groups, shuffled: Entra works on several groups at once.
    List<long[]> batches = new ArrayList<>();
    for (int g = 0; g < o.groups; g++) {
      for (int from = 0; from < groupSizes[g]; from += o.batch) {
        batches.add(new long[] {g, from, Math.min(groupSizes[g], from + o.batch)});
      }
    }
    Collections.shuffle(batches, rnd);
    Workers.run(
        o.concurrency,
        batches.size(),
        b -> {
          long[] batch = batches.get((int) b);
          int g = (int) batch[0];
          if (groupIds[g] == null) {
            return;
          }
          List<String> ids = new ArrayList<>();
          for (int k = (int) batch[1]; k < batch[2]; k++) {
            String id = users[member(g, k)];
            if (id != null) {
              ids.add(id);
            }
          }
          scim.patch(
              p.of("group.patch.add-members"), "/Groups/" + groupIds[g], addMembers(ids), 204, 200);
        });
    p.fact("users", o.users);
    p.fact("groups", o.groups);
    p.fact("memberships", Arrays.stream(groupSizes).asLongStream().sum());
    p.fact("largestGroup", Arrays.stream(groupSizes).max().orElse(0));
    p.fact("batch", o.batch);
    p.fact("concurrency", o.concurrency);
    p.end();
  }

  private int member(int group, int k) {
    return (groupOffsets[group] + k) % populationSize;
  }

  /** Ensures users[0..count) exist, creating the missing ones Entra's way (filter miss, POST). */
  private void createUsers(Report.Phase p, int count) {
    int from = users.length;
    if (count <= from) {
      return;
    }
    users = Arrays.copyOf(users, count);
    Workers.run(
        o.concurrency,
        count - from,
        k -> {
          int i = from + (int) k;
          String userName = userName(i);
          ScimClient.Response miss =
              scim.get(
                  p.of("user.filter.miss"),
                  "/Users?" + ScimClient.eqFilter("userName", userName),
                  200);
          if (miss.ok() && miss.totalResults() != 0) {
            p.of("user.filter.miss")
                .unexpected("not a miss", userName + " matched " + miss.totalResults());
          }
          users[i] = scim.post(p.of("user.create"), "/Users", userBody(i, userName), 201).id();
        });
  }

  private String userName(int i) {
    return "bench-" + tag + "-u" + i + "@bench.example";
  }

  static String userBody(int i, String userName) {
    return "{\"schemas\":"
        + USER_SCHEMAS
        + ",\"externalId\":\""
        + UUID.randomUUID()
        + "\",\"userName\":\""
        + userName
        + "\",\"active\":true,\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
        + userName
        + "\"}],\"meta\":{\"resourceType\":\"User\"},\"name\":{\"formatted\":\"Given"
        + i
        + " Family"
        + i
        + "\",\"familyName\":\"Family"
        + i
        + "\",\"givenName\":\"Given"
        + i
        + "\"},\"roles\":[]}";
  }

  private String createGroup(Report.Phase p, String name) {
    String query = "/Groups?excludedAttributes=members&" + ScimClient.eqFilter("displayName", name);
    ScimClient.Response miss = scim.get(p.of("group.filter.miss"), query, 200);
    if (miss.ok() && miss.totalResults() != 0) {
      p.of("group.filter.miss").unexpected("not a miss", name + " matched");
    }
    return scim.post(p.of("group.create"), "/Groups", groupBody(name), 201).id();
  }

  static String groupBody(String name) {
    return "{\"schemas\":"
        + GROUP_SCHEMAS
        + ",\"externalId\":\""
        + UUID.randomUUID()
        + "\",\"displayName\":\""
        + name
        + "\",\"meta\":{\"resourceType\":\"Group\"}}";
  }

  static String addMembers(List<String> ids) {
    StringBuilder sb =
        new StringBuilder(
            "{" + PATCH_OP + ",\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[");
    for (int i = 0; i < ids.size(); i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"$ref\":null,\"value\":\"")
          .append(ids.get(i))
          .append("\"}");
    }
    return sb.append("]}]}").toString();
  }

  static String removeMember(String id) {
    return "{"
        + PATCH_OP
        + ",\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
        + id
        + "\"}]}]}";
  }

  static String removeMemberFlagForm(String id) {
    return "{"
        + PATCH_OP
        + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
        + id
        + "\\\"]\"}]}";
  }

  static String replace(String path, String jsonValue) {
    return "{"
        + PATCH_OP
        + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\""
        + path
        + "\",\"value\":"
        + jsonValue
        + "}]}";
  }

  /** Observed Entra attribute update (R5b, ssoready/ssoready#228): several Replace ops. */
  static String attributeUpdate(int i, int round) {
    String mail = "changed" + round + "-u" + i + "@bench.example";
    return "{\"Operations\":["
        + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"User "
        + i
        + " r"
        + round
        + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\""
        + mail
        + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Family"
        + i
        + "r"
        + round
        + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"name.formatted\",\"value\":\"Given"
        + i
        + " Family"
        + i
        + "r"
        + round
        + "\"}],"
        + PATCH_OP
        + "}";
  }

  private void ensurePopulation() {
    if (groupIds.length == 0) {
      initial();
    }
  }

  // -------------------------------------------------------------------------- incremental cycle

  /**
   * K operations in two waves. Wave 1, shuffled: attribute PATCHes (40%), deactivations (15%),
   * single member adds (15%) and removes (10%, both Entra forms), group renames (5%). Wave 2:
   * reactivations (10%), user deletes (4%), group deletes (1%). Wave 3: a GET of each deleted user
   * (404) and POSTs of existing userNames in another case (1%, 409).
   */
  void incremental() {
    ensurePopulation();
    Report.Phase p = report.begin("incremental");
    Random rnd = new Random(o.seed + 1);
    int k = o.changes;
    List<Runnable> wave1 = new ArrayList<>();
    List<Runnable> wave2 = new ArrayList<>();
    List<Integer> deactivated = new ArrayList<>();
    List<String> deleted = java.util.Collections.synchronizedList(new ArrayList<>());
    boolean[] touched = new boolean[users.length];
    for (int n = 0; n < (int) (k * 0.40); n++) {
      int i = rnd.nextInt(populationSize);
      wave1.add(() -> userPatch(p, "user.patch.attributes", i, attributeUpdate(i, 1)));
    }
    for (int n = 0; n < (int) (k * 0.15); n++) {
      int i = rnd.nextInt(populationSize);
      if (!touched[i]) {
        touched[i] = true;
        deactivated.add(i);
        wave1.add(() -> userPatch(p, "user.patch.deactivate", i, replace("active", "\"False\"")));
      }
    }
    for (int n = 0; n < (int) (k * 0.15); n++) {
      int g = rnd.nextInt(groupIds.length);
      int i = rnd.nextInt(populationSize);
      wave1.add(() -> groupPatch(p, "group.patch.add-member", g, addMembers(live(i))));
    }
    for (int n = 0; n < (int) (k * 0.10); n++) {
      int g = rnd.nextInt(groupIds.length);
      if (groupSizes[g] == 0) {
        continue;
      }
      int i = member(g, rnd.nextInt(groupSizes[g]));
      boolean flagForm = n % 2 == 1;
      wave1.add(
          () -> {
            if (users[i] != null) {
              groupPatch(
                  p,
                  flagForm ? "group.patch.remove-member-filter" : "group.patch.remove-member",
                  g,
                  flagForm ? removeMemberFlagForm(users[i]) : removeMember(users[i]));
            }
          });
    }
    for (int n = 0; n < Math.max(1, (int) (k * 0.05)); n++) {
      int g = rnd.nextInt(groupIds.length);
      String newName = "bench-" + tag + "-g" + g + "-renamed" + n;
      wave1.add(
          () -> {
            if (groupPatch(
                p, "group.patch.rename", g, replace("displayName", "\"" + newName + "\""))) {
              groupNames[g] = newName;
            }
          });
    }
    Collections.shuffle(wave1, rnd);
    for (int n = 0; n < Math.min(deactivated.size(), (int) (k * 0.10)); n++) {
      int i = deactivated.get(n);
      wave2.add(() -> userPatch(p, "user.patch.reactivate", i, replace("active", "\"True\"")));
    }
    for (int n = 0; n < (int) (k * 0.04); n++) {
      int i = rnd.nextInt(populationSize);
      if (!touched[i]) {
        touched[i] = true;
        wave2.add(
            () -> {
              String id = users[i];
              if (id != null && scim.delete(p.of("user.delete"), "/Users/" + id, 204).ok()) {
                users[i] = null;
                deleted.add(id);
              }
            });
      }
    }
    int groupDeletes = groupIds.length > 2 ? Math.max(1, (int) (k * 0.01)) : 0;
    for (int n = 0; n < Math.min(groupDeletes, groupIds.length - 1); n++) {
      int g = groupIds.length - 1 - n; // the last groups are small ones (huge ones come first)
      wave2.add(
          () -> {
            String id = groupIds[g];
            if (id != null && scim.delete(p.of("group.delete"), "/Groups/" + id, 204).ok()) {
              groupIds[g] = null;
            }
          });
    }
    Collections.shuffle(wave2, rnd);
    Workers.run(o.concurrency, wave1.size(), n -> wave1.get((int) n).run());
    Workers.run(o.concurrency, wave2.size(), n -> wave2.get((int) n).run());
    // Wave 3, the answers Entra gets in every cycle that are SCIM errors: a read of a user deleted
    // since (404) and a create of a userName that exists in another letter case (409, 1%).
    List<Runnable> wave3 = new ArrayList<>();
    for (String id : deleted) {
      wave3.add(() -> scim.get(p.of("user.get.deleted"), "/Users/" + id, 404));
    }
    for (int n = 0; n < Math.max(1, (int) (k * 0.01)); n++) {
      int i = rnd.nextInt(populationSize);
      String taken = userName(i).toUpperCase(java.util.Locale.ROOT);
      wave3.add(
          () -> {
            if (users[i] != null) {
              scim.post(p.of("user.create.conflict"), "/Users", userBody(i, taken), 409);
            }
          });
    }
    Collections.shuffle(wave3, rnd);
    Workers.run(o.concurrency, wave3.size(), n -> wave3.get((int) n).run());
    p.fact("operations", wave1.size() + wave2.size() + wave3.size());
    p.fact("concurrency", o.concurrency);
    p.end();
  }

  private List<String> live(int i) {
    return users[i] == null ? List.of() : List.of(users[i]);
  }

  private void userPatch(Report.Phase p, String type, int i, String body) {
    String id = users[i];
    if (id != null) {
      scim.patch(p.of(type), "/Users/" + id, body, 200, 204);
    }
  }

  private boolean groupPatch(Report.Phase p, String type, int g, String body) {
    String id = groupIds[g];
    return id != null && scim.patch(p.of(type), "/Groups/" + id, body, 204, 200).ok();
  }

  // ------------------------------------------------------------------------------------ probes

  /**
   * One group grown to each probe size; at each size, at low load (one worker): GET by id and by
   * displayName filter with {@code excludedAttributes=members} (R7, R8), single-member Add (R11)
   * and Remove (R12). Then one PATCH adding {@code --probe-bulk} members to a fresh group.
   */
  void probes() {
    int[] sizes = Arrays.stream(o.probeSizes).sorted().toArray();
    int largest = sizes.length == 0 ? 0 : sizes[sizes.length - 1];
    Report.Phase setup = report.begin("probes-setup");
    int needed = Math.max(largest, o.probeBulk) + PROBE_EXTRAS;
    List<String> pool = liveUsers();
    if (pool.size() < needed) {
      createUsers(setup, users.length + (needed - pool.size()));
      pool = liveUsers();
    }
    setup.fact("usersAvailable", pool.size());
    List<String> extras = pool.subList(pool.size() - PROBE_EXTRAS, pool.size());
    List<String> members = pool.subList(0, pool.size() - PROBE_EXTRAS);
    String name = "bench-" + tag + "-probe";
    String groupId = scim.post(setup.of("group.create"), "/Groups", groupBody(name), 201).id();
    Report.Phase p = report.begin("probes");
    if (groupId == null) {
      p.end();
      setup.end();
      return;
    }
    String filterQuery =
        "/Groups?excludedAttributes=members&" + ScimClient.eqFilter("displayName", name);
    List<Integer> measured = new ArrayList<>();
    int current = 0;
    for (int size : sizes) {
      if (size > members.size()) {
        break;
      }
      for (int from = current; from < size; from += 1000) {
        scim.patch(
            setup.of("group.patch.add-1000"),
            "/Groups/" + groupId,
            addMembers(members.subList(from, Math.min(size, from + 1000))),
            204,
            200);
      }
      current = size;
      measured.add(size);
      for (int r = 0; r < o.probeRequests; r++) {
        String extra = extras.get(r % PROBE_EXTRAS);
        scim.get(
            p.of("probe.get.excl@" + size),
            "/Groups/" + groupId + "?excludedAttributes=members",
            200);
        scim.get(p.of("probe.filter.excl@" + size), filterQuery, 200);
        scim.patch(
            p.of("probe.add1@" + size), "/Groups/" + groupId, addMembers(List.of(extra)), 204, 200);
        scim.patch(
            p.of("probe.remove1@" + size), "/Groups/" + groupId, removeMember(extra), 204, 200);
      }
    }
    p.fact("sizesMeasured", measured.stream().mapToInt(Integer::intValue).toArray());
    p.fact("requestsPerSize", o.probeRequests);
    if (o.probeBulk > 0 && o.probeBulk <= members.size()) {
      p.fact("bulk", o.probeBulk);
      for (int rep = 0; rep < 3; rep++) {
        String bulkId =
            scim.post(setup.of("group.create"), "/Groups", groupBody(name + "-bulk" + rep), 201)
                .id();
        if (bulkId != null) {
          scim.patch(
              p.of("group.patch.add-bulk" + o.probeBulk),
              "/Groups/" + bulkId,
              addMembers(members.subList(0, o.probeBulk)),
              204,
              200);
          scim.delete(p.of("group.delete@" + o.probeBulk), "/Groups/" + bulkId, 204);
        }
      }
    }
    p.end();
    scim.delete(setup.of("group.delete@" + current), "/Groups/" + groupId, 204);
    setup.end();
  }

  private List<String> liveUsers() {
    List<String> live = new ArrayList<>();
    for (String id : users) {
      if (id != null) {
        live.add(id);
      }
    }
    return live;
  }

  // ----------------------------------------------------------------------------------- ceiling

  /**
   * What the framework itself serves on this machine: closed loops at the same concurrency on an
   * unauthenticated health check and on the SCIM {@code ServiceProviderConfig} (JAX-RS and bearer
   * check, no database).
   */
  void ceiling() {
    Report.Phase p = report.begin("ceiling");
    ScimClient anonymous = new ScimClient(http, o.serverRoot(), null);
    Workers.runFor(
        o.concurrency,
        o.durationNanos(),
        Long.MAX_VALUE,
        i -> anonymous.get(p.of("ceiling.health-live"), "/health/live", 200).status() > 0);
    Workers.runFor(
        o.concurrency,
        o.durationNanos(),
        Long.MAX_VALUE,
        i ->
            scim.get(p.of("ceiling.serviceproviderconfig"), "/ServiceProviderConfig", 200).status()
                > 0);
    p.fact("concurrency", o.concurrency);
    p.fact("seconds", o.durationSeconds);
    p.end();
  }

  // ---------------------------------------------------------------------------- filter-tenants

  /**
   * Many tenants matching users at once (R2): each tenant at {@code --rate} requests/second (open
   * loop, latency from the due time), then all tenants at full speed with {@code --concurrency}
   * workers. One in ten lookups is Entra's random-GUID probe (a miss, R1).
   */
  void filterTenants() {
    Report.Phase setup = report.begin("filter-tenants-setup");
    List<ScimClient> clients = new ArrayList<>();
    if (admin != null) {
      for (int t = 0; t < o.tenants; t++) {
        clients.add(
            new ScimClient(http, o.baseUrl, admin.newTenantToken("bench-" + tag + "-t" + t)));
      }
    } else {
      clients.add(scim);
    }
    int tenants = clients.size();
    String[][] names = new String[tenants][o.tenantUsers];
    AtomicInteger created = new AtomicInteger();
    Workers.run(
        o.concurrency,
        (long) tenants * o.tenantUsers,
        n -> {
          int t = (int) (n / o.tenantUsers);
          int i = (int) (n % o.tenantUsers);
          String userName = "bench-" + tag + "-t" + t + "-u" + i + "@bench.example";
          if (clients
              .get(t)
              .post(setup.of("user.create"), "/Users", userBody(i, userName), 201)
              .ok()) {
            names[t][i] = userName;
            created.incrementAndGet();
          }
        });
    setup.fact("tenants", tenants);
    setup.fact("usersCreated", created.get());
    setup.end();

    Report.Phase p = report.begin("filter-tenants");
    p.fact("tenants", tenants);
    p.fact("ratePerTenant", o.rate);
    p.fact("usersPerTenant", o.tenantUsers);
    double total = o.rate * tenants;
    int threads = (int) Math.min(256, Math.max(16, total / 8));
    p.fact("pacedThreads", threads);
    Workers.paced(
        threads,
        total,
        o.durationNanos(),
        (k, due) -> {
          int t = (int) (k % tenants);
          clients.get(t).get(p.of("filter.paced"), due, "/Users?" + lookup(names[t]), 200);
        });
    Workers.runFor(
        o.concurrency,
        o.durationNanos(),
        Long.MAX_VALUE,
        i -> {
          int t = ThreadLocalRandom.current().nextInt(tenants);
          return clients
                  .get(t)
                  .get(p.of("filter.fullspeed"), "/Users?" + lookup(names[t]), 200)
                  .status()
              > 0;
        });
    p.fact("concurrency", o.concurrency);
    p.end();
  }

  private static String lookup(String[] names) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String name = names[r.nextInt(names.length)];
    if (name == null || r.nextInt(10) == 0) {
      name = UUID.randomUUID().toString();
    }
    return ScimClient.eqFilter("userName", name);
  }
}
