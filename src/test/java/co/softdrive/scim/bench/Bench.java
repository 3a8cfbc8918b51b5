package co.softdrive.scim.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * Entry point of the SCIM benchmark (docs/benchmarks.md). {@code mvn -Pbench test-compile exec:java
 * -Dbench.args="--base-url ... --admin-password ... --scenario all --json target/bench.json"};
 * {@code --help} lists every option.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return;
    }
    Report report = run(options);
    System.out.println(report.text());
    if (options.json != null) {
      report.writeJson(Path.of(options.json));
      System.out.println("JSON written to " + options.json);
    }
    long errors = report.errors();
    if (errors > 0) {
      throw new IllegalStateException(errors + " request(s) failed; see the error samples above");
    }
  }

  /**
   * An initial cycle that is not measured, in a tenant of its own (or the given token's, under
   * names of its own): the first thousands of requests of a fresh JVM, client or server, are
   * compiled while they run, which would otherwise count as the first scenario's CPU and time.
   */
  private static void warmUp(BenchOptions o, HttpClient http, Admin admin) {
    BenchOptions w = o.warmUp();
    String token =
        o.token != null
            ? o.token
            : admin.newTenantToken("bench-warmup-" + System.currentTimeMillis());
    Report report = new Report(w, new ServerSampler(-1, "none", http));
    new Scenarios(w, report, new ScimClient(http, o.baseUrl, token), http, admin)
        .initial("warm-up");
    long errors = report.errors();
    if (errors > 0) {
      throw new IllegalStateException(errors + " request(s) of the warm-up failed");
    }
  }

  /** Runs the selected scenarios and returns every figure. */
  static Report run(BenchOptions o) {
    HttpClient http = ScimClient.newHttpClient();
    ServerSampler sampler = new ServerSampler(o.serverPid, o.healthUrl, http);
    sampler.start();
    Report report = new Report(o, sampler);
    try {
      Admin admin =
          o.adminPassword == null
              ? null
              : new Admin(http, o.adminUrl, o.adminUser, o.adminPassword);
      if (o.warmup > 0) {
        warmUp(o, http, admin);
      }
      String token =
          o.token != null ? o.token : admin.newTenantToken("bench-" + System.currentTimeMillis());
      Scenarios s = new Scenarios(o, report, new ScimClient(http, o.baseUrl, token), http, admin);
      if (o.wants("initial")) {
        s.initial();
      }
      if (o.wants("incremental")) {
        s.incremental();
      }
      if (o.wants("probes")) {
        s.probes();
      }
      if (o.wants("ceiling")) {
        s.ceiling();
      }
      if (o.wants("filter-tenants")) {
        s.filterTenants();
      }
    } finally {
      report.finish();
      sampler.stop();
    }
    return report;
  }
}
