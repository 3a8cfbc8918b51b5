package co.softdrive.scim.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints the Markdown tables of docs/benchmarks.md from one or more JSON files of {@link Bench}
 * runs, side by side (for example Derby and PostgreSQL): one table per scenario with count and
 * errors, throughput and p50/p95/p99/max per request type and run, each run's wall time and memory
 * under it, then every run's targets.
 *
 * <p>{@code mvn -Pbench exec:java -Dbench.main=co.softdrive.scim.bench.BenchTables
 * -Dbench.args="docs/bench/derby-100k.json docs/bench/postgres-100k.json"}
 */
public final class BenchTables {
  private BenchTables() {}

  public static void main(String[] args) throws IOException {
    List<JsonObject> runs = new ArrayList<>();
    for (String file : BenchChart.words(args)) {
      runs.add(read(Path.of(file)));
    }
    if (runs.isEmpty()) {
      System.err.println("usage: BenchTables run1.json [run2.json ...]");
      return;
    }
    System.out.print(markdown(runs));
  }

  static JsonObject read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file);
        JsonReader jr = Json.createReader(r)) {
      return jr.readObject();
    }
  }

  static String markdown(List<JsonObject> runs) {
    StringBuilder sb = new StringBuilder();
    Set<String> scenarios = new LinkedHashSet<>();
    for (JsonObject run : runs) {
      for (JsonValue s : run.getJsonArray("scenarios")) {
        scenarios.add(s.asJsonObject().getString("name"));
      }
    }
    for (JsonObject run : runs) {
      JsonObject m = run.getJsonObject("clientMachine");
      if (m != null) {
        sb.append(
            fmt(
                "%s: client machine %s, %d cores, %s, %s, Java %s.  %n",
                run.getString("label"),
                m.getString("cpu"),
                m.getInt("cores"),
                mib(m, "memoryBytes"),
                m.getString("os"),
                m.getString("java")));
      }
    }
    sb.append('\n');
    for (String scenario : scenarios) {
      sb.append("### ").append(scenario).append("\n\n| request |");
      StringBuilder rule = new StringBuilder("|---|");
      for (JsonObject run : runs) {
        String l = run.getString("label");
        sb.append(fmt(" %s: n (errors) | %s: req/s | %s: p50 / p95 / p99 / max ms |", l, l, l));
        rule.append("--:|--:|--:|");
      }
      sb.append('\n').append(rule).append('\n');
      Map<String, Map<String, JsonObject>> byType = new LinkedHashMap<>();
      for (JsonObject run : runs) {
        scenario(run, scenario)
            .ifPresent(
                s -> {
                  for (JsonValue q : s.getJsonArray("requests")) {
                    JsonObject r = q.asJsonObject();
                    byType
                        .computeIfAbsent(r.getString("type"), k -> new LinkedHashMap<>())
                        .put(run.getString("label"), r);
                  }
                });
      }
      byType.forEach(
          (type, perRun) -> {
            sb.append("| ").append(type).append(" |");
            for (JsonObject run : runs) {
              JsonObject r = perRun.get(run.getString("label"));
              sb.append(
                  r == null
                      ? " | | |"
                      : fmt(
                          " %d (%d) | %.1f | %.1f / %.1f / %.1f / %.0f |",
                          r.getInt("count"),
                          r.getInt("errors"),
                          num(r, "throughput"),
                          num(r, "p50Ms"),
                          num(r, "p95Ms"),
                          num(r, "p99Ms"),
                          num(r, "maxMs")));
            }
            sb.append('\n');
          });
      sb.append('\n');
      for (JsonObject run : runs) {
        scenario(run, scenario)
            .ifPresent(
                s -> {
                  JsonObject m = s.getJsonObject("memory");
                  sb.append(
                      fmt(
                          "%s: wall %.1f s, heap max %s, after full GC %s, RSS max %s",
                          run.getString("label"),
                          num(s, "wallSeconds"),
                          mib(m, "heapMaxBytes"),
                          mib(m, "heapAfterGcBytes"),
                          mib(m, "rssMaxBytes")));
                  JsonObject cpu = s.getJsonObject("serverCpu");
                  if (cpu != null && num(cpu, "seconds") >= 0) {
                    sb.append(
                        fmt(
                            ", server CPU %.1f s (%.2f ms per request)",
                            num(cpu, "seconds"), num(cpu, "msPerRequest")));
                  }
                  s.getJsonObject("facts")
                      .forEach((k, v) -> sb.append(", ").append(k).append('=').append(text(v)));
                  sb.append(".  \n");
                });
      }
      sb.append('\n');
    }
    sb.append("### Targets\n\n| run | target | measured | holds |\n|---|---|---|---|\n");
    for (JsonObject run : runs) {
      for (JsonValue t : run.getJsonArray("targets")) {
        JsonObject o = t.asJsonObject();
        JsonValue holds = o.get("holds");
        sb.append(
            fmt(
                "| %s | %s | %s | %s |%n",
                run.getString("label"),
                o.getString("name"),
                o.getString("measured"),
                holds == JsonValue.TRUE ? "yes" : holds == JsonValue.FALSE ? "**no**" : "(info)"));
      }
    }
    return sb.toString();
  }

  private static java.util.Optional<JsonObject> scenario(JsonObject run, String name) {
    return run.getJsonArray("scenarios").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("name").equals(name))
        .findFirst();
  }

  private static double num(JsonObject o, String key) {
    return o.containsKey(key) && o.get(key) instanceof jakarta.json.JsonNumber n
        ? n.doubleValue()
        : -1;
  }

  private static String mib(JsonObject o, String key) {
    double v = num(o, key);
    return v < 0 ? "n/a" : fmt("%.0f MiB", v / 1048576.0);
  }

  private static String text(JsonValue v) {
    return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
