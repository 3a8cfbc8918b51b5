package co.softdrive.scim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of {@link Bench}; every option has a default that runs in seconds. */
final class BenchOptions {
  static final String USAGE =
      """
      SCIM benchmark: drives any SCIM 2.0 endpoint with Microsoft Entra ID's request shapes.

        --base-url URL        SCIM base, e.g. http://127.0.0.1:39080/api/v1/automations/scim
        --token TOKEN         bearer token of one tenant (or let the tool create tenants, below)
        --admin-url URL       Softdrive admin API (default: derived from --base-url, .../api/v1/admin)
        --admin-user U        staff account for creating tenants and tokens (default admin)
        --admin-password P    its password; without --token the tool creates its own tenant
        --scenario S          initial|incremental|probes|ceiling|filter-tenants|all (default all);
                              a comma-separated list works too
        --users N             users of the initial cycle (default 1000)
        --groups M            groups of the initial cycle (default 20)
        --memberships T       memberships of the initial cycle (default 2000)
        --huge-groups H       how many "huge" groups (default max(1, M/100))
        --huge-share F        share of memberships that go to the huge groups (default 0.5)
        --batch B             members per Add PATCH in the initial cycle (default 50)
        --concurrency C       workers (default 8)
        --warmup W            users of an unmeasured initial cycle in a tenant of its own, run
                              before the scenarios so that the client's and the server's JIT
                              compilers are done (default 1000, at most --users; 0: none)
        --changes K           operations of the incremental cycle (default max(100, N/10))
        --probe-sizes LIST    group sizes for probes (default 100,10000,100000)
        --probe-requests R    requests per probe kind and size, one worker (default 200)
        --probe-bulk SIZE     members added by one PATCH in the bulk probe (default 10000)
        --tenants T           tenants for filter-tenants (default 40; needs the admin API)
        --tenant-users U      users per tenant for filter-tenants (default 200)
        --rate R              requests/second per tenant in the paced filter run (default 25)
        --duration S          seconds of each timed run: ceiling, paced, full speed (default 20)
        --server-pid PID      sample the server's RSS (/proc) and heap (jcmd, or /health/live)
        --health-url URL      heap source if it answers MicroProfile Health with heapUsedBytes
                              (default: server root + /health/live; "none" to disable)
        --json FILE           also write the figures as JSON
        --label TEXT          name of this run in the JSON and chart (e.g. derby, postgres)
        --seed N              random seed (default 42)
      """;

  String baseUrl;
  String token;
  String adminUrl;
  String adminUser = "admin";
  String adminPassword;
  List<String> scenarios = List.of("all");
  int users = 1000;
  int groups = 20;
  long memberships = 2000;
  int hugeGroups = -1;
  double hugeShare = 0.5;
  int batch = 50;
  int concurrency = 8;
  int warmup = 1000;
  int changes = -1;
  int[] probeSizes = {100, 10_000, 100_000};
  int probeRequests = 200;
  int probeBulk = 10_000;
  int tenants = 40;
  int tenantUsers = 200;
  double rate = 25;
  double durationSeconds = 20;
  long serverPid = -1;
  String healthUrl;
  String json;
  String label = "run";
  long seed = 42;
  final Map<String, String> raw = new LinkedHashMap<>();

  static BenchOptions parse(String... args) {
    BenchOptions o = new BenchOptions();
    List<String> list = new ArrayList<>();
    for (String a : args) {
      // exec:java passes -Dbench.args as one string: split on blanks.
      list.addAll(Arrays.asList(a.trim().split("\\s+")));
    }
    list.removeIf(String::isEmpty);
    for (int i = 0; i < list.size(); i++) {
      String key = list.get(i);
      if (key.equals("--help") || key.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      String value;
      int eq = key.indexOf('=');
      if (eq > 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else {
        if (i + 1 >= list.size()) {
          throw new IllegalArgumentException("missing value after " + key + "\n" + USAGE);
        }
        value = list.get(++i);
      }
      o.raw.put(key, key.contains("password") || key.equals("--token") ? "***" : value);
      switch (key) {
        case "--base-url" -> o.baseUrl = stripSlash(value);
        case "--token" -> o.token = value;
        case "--admin-url" -> o.adminUrl = stripSlash(value);
        case "--admin-user" -> o.adminUser = value;
        case "--admin-password" -> o.adminPassword = value;
        case "--scenario" -> o.scenarios = List.of(value.split(","));
        case "--users" -> o.users = Integer.parseInt(value);
        case "--groups" -> o.groups = Integer.parseInt(value);
        case "--memberships" -> o.memberships = Long.parseLong(value);
        case "--huge-groups" -> o.hugeGroups = Integer.parseInt(value);
        case "--huge-share" -> o.hugeShare = Double.parseDouble(value);
        case "--batch" -> o.batch = Integer.parseInt(value);
        case "--concurrency" -> o.concurrency = Integer.parseInt(value);
        case "--warmup" -> o.warmup = Integer.parseInt(value);
        case "--changes" -> o.changes = Integer.parseInt(value);
        case "--probe-sizes" ->
            o.probeSizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--probe-requests" -> o.probeRequests = Integer.parseInt(value);
        case "--probe-bulk" -> o.probeBulk = Integer.parseInt(value);
        case "--tenants" -> o.tenants = Integer.parseInt(value);
        case "--tenant-users" -> o.tenantUsers = Integer.parseInt(value);
        case "--rate" -> o.rate = Double.parseDouble(value);
        case "--duration" -> o.durationSeconds = Double.parseDouble(value);
        case "--server-pid" -> o.serverPid = Long.parseLong(value);
        case "--health-url" -> o.healthUrl = value;
        case "--json" -> o.json = value;
        case "--label" -> o.label = value;
        case "--seed" -> o.seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
      }
    }
    if (o.baseUrl == null) {
      throw new IllegalArgumentException("--base-url is required\n" + USAGE);
    }
    if (o.token == null && o.adminPassword == null) {
      throw new IllegalArgumentException("give --token or --admin-password\n" + USAGE);
    }
    if (o.adminUrl == null) {
      o.adminUrl = o.serverRoot() + "/api/v1/admin";
    }
    if (o.healthUrl == null) {
      o.healthUrl = o.serverRoot() + "/health/live";
    }
    if (o.hugeGroups < 0) {
      o.hugeGroups = defaultHugeGroups(o.groups);
    }
    if (o.changes < 0) {
      o.changes = Math.max(100, o.users / 10);
    }
    if (o.users < 1 || o.groups < 1 || o.batch < 1 || o.concurrency < 1) {
      throw new IllegalArgumentException(
          "--users, --groups, --batch and --concurrency must be >= 1");
    }
    return o;
  }

  /**
   * The options of the warm-up: an initial cycle of {@code warmup} users (at most {@code users})
   * with groups and memberships in the same proportion, and no server to sample.
   */
  BenchOptions warmUp() {
    BenchOptions w = new BenchOptions();
    w.baseUrl = baseUrl;
    w.adminUrl = adminUrl;
    w.healthUrl = "none";
    w.users = Math.min(warmup, users);
    w.groups = Math.max(1, (int) ((long) groups * w.users / users));
    w.memberships = memberships * w.users / users;
    w.hugeGroups = defaultHugeGroups(w.groups);
    w.hugeShare = hugeShare;
    w.batch = batch;
    w.concurrency = concurrency;
    w.seed = seed;
    return w;
  }

  /** One group in a hundred is "huge", at least one. */
  private static int defaultHugeGroups(int groups) {
    return Math.max(1, groups / 100);
  }

  boolean wants(String scenario) {
    return scenarios.contains("all") || scenarios.contains(scenario);
  }

  /** Scheme, host and port of the base URL: where the server's own endpoints live. */
  String serverRoot() {
    java.net.URI u = java.net.URI.create(baseUrl);
    return u.getScheme() + "://" + u.getAuthority();
  }

  long durationNanos() {
    return (long) (durationSeconds * 1e9);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
