package co.softdrive.scim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark tool working: every scenario with tiny sizes for a few seconds against the
 * server the build starts. Asserts that figures were produced and no request failed; never a timing
 * (the machine is shared and the figures are noise at this size).
 */
class BenchSmokeIT {
  @Test
  void everyScenarioProducesFiguresWithoutErrors() throws Exception {
    Path json = Path.of("target", "bench", "smoke-it.json");
    Path png = Path.of("target", "bench", "smoke-it.png");
    // The server the build started (liberty-maven-plugin writes its pid): memory figures too.
    Path pidFile = Path.of("target", "liberty", "wlp", "usr", "servers", ".pid", "scim.pid");
    String pid = Files.isReadable(pidFile) ? Files.readString(pidFile).trim() : "0";
    // One worker: the smoke run checks the tool, not the server under concurrency.
    BenchOptions options =
        BenchOptions.parse(
            "--server-pid",
            pid,
            "--base-url",
            ItConfig.scimBase(),
            "--admin-user",
            ItConfig.adminUser(),
            "--admin-password",
            ItConfig.adminPassword(),
            "--label",
            "smoke",
            "--scenario",
            "all",
            "--users",
            "40",
            "--groups",
            "4",
            "--memberships",
            "80",
            "--batch",
            "10",
            "--concurrency",
            "1",
            "--changes",
            "30",
            "--probe-sizes",
            "5,20",
            "--probe-requests",
            "3",
            "--probe-bulk",
            "30",
            "--tenants",
            "2",
            "--tenant-users",
            "5",
            "--rate",
            "5",
            "--duration",
            "1");

    Report report = Bench.run(options);
    report.writeJson(json);
    BenchChart.render(List.of(BenchChart.read(json)), png);

    for (String scenario :
        List.of("initial", "incremental", "probes", "ceiling", "filter-tenants")) {
      Report.Phase phase =
          report.phase(scenario).orElseThrow(() -> new AssertionError(scenario + " missing"));
      assertFalse(phase.summaries().isEmpty(), scenario + " has no figures");
      assertTrue(
          phase.summaries().stream().allMatch(s -> s.count() > 0), scenario + " has empty figures");
    }
    for (Report.Phase phase : report.phases) {
      assertEquals(0, phase.errors(), phase.name + " had errors:\n" + report.text());
    }
    assertTrue(
        report.phase("initial").orElseThrow().summary("user.create").orElseThrow().count() == 40);
    JsonObject written = jakarta.json.Json.createReader(Files.newBufferedReader(json)).readObject();
    assertFalse(written.getJsonArray("scenarios").isEmpty());
    assertFalse(written.getJsonArray("targets").isEmpty());
    assertTrue(Files.size(png) > 0);
    String tables = BenchTables.markdown(List.of(BenchTables.read(json)));
    assertTrue(
        tables.contains("### initial") && tables.contains("| user.create | 40 (0) |"), tables);
    JsonObject machine = written.getJsonObject("clientMachine");
    assertTrue(
        machine.getInt("cores") > 0 && !machine.getString("java").isEmpty(), machine.toString());
    assertTrue(tables.contains("smoke: client machine "), tables);
    // The initial cycle against the ceiling endpoint of the same run, and the handshakes forced by
    // Connection: close, are printed and written (their values are never asserted).
    String text = report.text();
    assertTrue(text.contains("initial cycle / ceiling: "), text);
    assertTrue(report.ceilingRatio().orElseThrow().ratio() > 0, text);
    assertTrue(written.getJsonObject("initialToCeiling").getJsonNumber("ratio") != null);
    assertTrue(text.contains("per 1,000 requests"), text);
    assertTrue(
        report.phase("incremental").orElseThrow().summary("user.create.conflict").isPresent(),
        text);
    // The CPU figure must be read: the build always starts the server and writes its pid.
    assertFalse("0".equals(pid), "no server pid at " + pidFile);
    assertTrue(
        report.phase("initial").orElseThrow().serverCpuMsPerRequest() > 0,
        "initial cycle: server CPU per request not read");
    assertTrue(
        report.phase("initial").orElseThrow().clientCpuMsPerRequest() > 0,
        "initial cycle: the client's own CPU per request not read");
    assertTrue(text.contains("client CPU (this benchmark's process): "), text);
    // The JIT compiler's share is read from the server's threads: a server started for the build
    // is still compiling.
    assertTrue(
        report.phase("initial").orElseThrow().serverCompilerCpuSeconds() > 0,
        "initial cycle: the server's JIT compiler CPU not read");
    assertTrue(text.contains("server CPU of the JIT compiler: "), text);
    if (!"0".equals(pid)) {
      assertTrue(report.baselineHeapAfterGc > 0, "no heap figure after a full GC before the run");
      for (Report.Phase phase : report.phases) {
        assertTrue(phase.heapAfterGc > 0, phase.name + ": no heap figure after a full GC");
        assertTrue(phase.serverCpuSeconds() > 0, phase.name + ": no server CPU figure");
      }
      assertTrue(tables.contains(" ms per request)"), tables);
    }
  }
}
