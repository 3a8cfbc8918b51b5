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
    long errors = report.phases.stream().mapToLong(Report.Phase::errors).sum();
    if (errors > 0) {
      throw new IllegalStateException(errors + " request(s) failed; see the error samples above");
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
