package co.softdrive.scim.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Every figure of one run: scenarios (phases) with per-request-type latencies, memory, targets. */
final class Report {
  final BenchOptions options;
  final List<Phase> phases = new ArrayList<>();
  final ServerSampler sampler;
  final Instant started = Instant.now();
  final Machine machine = Machine.current();
  private final long startNanos = System.nanoTime();
  double wallSeconds;

  /** Heap retained by the server before the first scenario (after a full GC), or -1. */
  final long baselineHeapAfterGc;

  Report(BenchOptions options, ServerSampler sampler) {
    this.options = options;
    this.sampler = sampler;
    this.baselineHeapAfterGc = sampler.heapAfterFullGc();
  }

  /** Requests of every phase that got an unexpected status or no answer. */
  long errors() {
    return phases.stream().mapToLong(Phase::errors).sum();
  }

  Phase begin(String name) {
    System.err.printf(
        Locale.ROOT,
        "bench: %s started (%.0f s into the run)%n",
        name,
        (System.nanoTime() - startNanos) / 1e9);
    Phase p = new Phase(name, sampler);
    phases.add(p);
    return p;
  }

  void finish() {
    wallSeconds = (System.nanoTime() - startNanos) / 1e9;
  }

  Optional<Phase> phase(String name) {
    return phases.stream().filter(p -> p.name.equals(name)).findFirst();
  }

  /**
   * CPU seconds of one counter (the server, its JIT compiler threads, the client) over a scenario,
   * less the steps run {@linkplain Phase#paused paused}; -1 when the counter cannot be read.
   */
  private static final class CpuMeter {
    private final DoubleSupplier counter;
    private final double start;
    private double end = -1;
    private double pausedAt;
    private double paused;

    CpuMeter(DoubleSupplier counter) {
      this.counter = counter;
      this.start = counter.getAsDouble();
    }

    void pause() {
      pausedAt = counter.getAsDouble();
    }

    void resume() {
      paused += counter.getAsDouble() - pausedAt;
    }

    void end() {
      end = counter.getAsDouble();
    }

    double seconds() {
      return start < 0 || end < 0 ? -1 : end - start - paused;
    }
  }

  /** One scenario (or its set-up): request types in first-use order, facts, memory window. */
  static final class Phase {
    final String name;
    final Map<String, Latencies> types = new LinkedHashMap<>();
    final Map<String, Object> facts = new LinkedHashMap<>();
    private final ServerSampler sampler;
    private final long startNanos = System.nanoTime();
    private final long startMillis;
    private final ServerSampler.Sample memoryStart;
    private final CpuMeter serverCpu;
    private final CpuMeter compilerCpu;
    private final CpuMeter clientCpu = new CpuMeter(ServerSampler::clientCpuSeconds);
    private long endNanos;
    private long endMillis;
    private ServerSampler.Sample memoryEnd;

    /** Heap the server retains once the scenario is over (after a full GC), or -1. */
    long heapAfterGc = -1;

    Phase(String name, ServerSampler sampler) {
      this.name = name;
      this.sampler = sampler;
      this.startMillis = sampler.nowMillis();
      this.memoryStart = sampler.sample();
      this.serverCpu = new CpuMeter(sampler::cpuSeconds);
      this.compilerCpu = new CpuMeter(sampler::compilerCpuSeconds);
    }

    synchronized Latencies of(String type) {
      return types.computeIfAbsent(type, Latencies::new);
    }

    synchronized void fact(String key, Object value) {
      facts.put(key, value);
    }

    private long pausedNanos;

    /**
     * Runs a step that is not part of what the scenario measures (a full GC of the server for the
     * memory check) with the scenario's clock and its CPU figures stopped.
     */
    void paused(Runnable step) {
      long t = System.nanoTime();
      List<CpuMeter> meters = List.of(serverCpu, compilerCpu, clientCpu);
      meters.forEach(CpuMeter::pause);
      step.run();
      pausedNanos += System.nanoTime() - t;
      meters.forEach(CpuMeter::resume);
    }

    void end() {
      endNanos = System.nanoTime();
      serverCpu.end();
      compilerCpu.end();
      clientCpu.end();
      memoryEnd = sampler.sample();
      endMillis = sampler.nowMillis();
      heapAfterGc = sampler.heapAfterFullGc();
    }

    double wallSeconds() {
      return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos - pausedNanos) / 1e9;
    }

    /** CPU seconds the server process used during the scenario, or -1 if unknown. */
    double serverCpuSeconds() {
      return serverCpu.seconds();
    }

    /** Server CPU per request of the scenario in milliseconds, or -1 if unknown. */
    double serverCpuMsPerRequest() {
      return perRequest(serverCpuSeconds());
    }

    /**
     * CPU seconds the server's JIT compiler threads used during the scenario (part of {@link
     * #serverCpuSeconds()}), or -1 if unknown.
     */
    double serverCompilerCpuSeconds() {
      return compilerCpu.seconds();
    }

    /**
     * Server CPU per request without the JIT compiler's threads, in milliseconds, or -1 if unknown:
     * what the requests cost once the server's code is compiled.
     */
    double serverCpuMsPerRequestWithoutCompiler() {
      double compiler = serverCompilerCpuSeconds();
      return serverCpuSeconds() < 0 || compiler < 0
          ? -1
          : perRequest(serverCpuSeconds() - compiler);
    }

    /**
     * CPU seconds this benchmark's own process (the client) used during the scenario, or -1 if
     * unknown: on a machine shared with the server it is CPU the server did not get.
     */
    double clientCpuSeconds() {
      return clientCpu.seconds();
    }

    double clientCpuMsPerRequest() {
      return perRequest(clientCpuSeconds());
    }

    private double perRequest(double cpuSeconds) {
      long n = requests();
      return cpuSeconds < 0 || n == 0 ? -1 : cpuSeconds * 1000 / n;
    }

    /** Answers of the scenario that closed their connection ({@code Connection: close}). */
    synchronized long closedConnections() {
      return types.values().stream().mapToLong(Latencies::closedConnections).sum();
    }

    synchronized long requests() {
      return types.values().stream().mapToLong(Latencies::count).sum();
    }

    /** Requests per second of the whole scenario: every request over its wall time. */
    double throughput() {
      double wall = wallSeconds();
      return wall <= 0 ? 0 : requests() / wall;
    }

    long errors() {
      return summaries().stream().mapToLong(Latencies.Summary::errors).sum();
    }

    synchronized List<Latencies.Summary> summaries() {
      return types.values().stream().map(Latencies::summary).toList();
    }

    Optional<Latencies.Summary> summary(String type) {
      return summaries().stream().filter(s -> s.type().equals(type)).findFirst();
    }

    long maxRss() {
      return sampler.between(startMillis, endMillis).stream()
          .mapToLong(ServerSampler.Sample::rssBytes)
          .max()
          .orElse(-1);
    }

    long maxHeap() {
      return sampler.between(startMillis, endMillis).stream()
          .mapToLong(ServerSampler.Sample::heapBytes)
          .max()
          .orElse(-1);
    }
  }

  /** A benchmark target and whether this run meets it; {@code null} holds = not measured. */
  record Target(String name, String measured, Boolean holds) {}

  List<Target> targets() {
    List<Target> t = new ArrayList<>();
    phase("initial")
        .ifPresent(
            p ->
                t.add(
                    new Target(
                        "initial cycle under 5 minutes, zero errors ("
                            + p.facts.get("users")
                            + " users, "
                            + p.facts.get("groups")
                            + " groups, "
                            + p.facts.get("memberships")
                            + " memberships)",
                        fmt("%.1f s, %d errors", p.wallSeconds(), p.errors()),
                        p.wallSeconds() < 300 && p.errors() == 0)));
    phase("probes")
        .ifPresent(
            p -> {
              int[] sizes = (int[]) p.facts.getOrDefault("sizesMeasured", new int[0]);
              if (sizes.length >= 2) {
                int small = sizes[0];
                int large = sizes[sizes.length - 1];
                for (String kind : List.of("get.excl", "add1", "remove1")) {
                  var a = p.summary("probe." + kind + "@" + small);
                  var b = p.summary("probe." + kind + "@" + large);
                  if (a.isPresent() && b.isPresent()) {
                    double ratio50 = b.get().p50() / a.get().p50();
                    double ratio99 = b.get().p99() / a.get().p99();
                    t.add(
                        new Target(
                            "probe "
                                + kind
                                + " at "
                                + large
                                + " members within 20% of "
                                + small
                                + " members (p50) and p99 < 20 ms",
                            fmt(
                                "p50 %.2f vs %.2f ms (x%.2f), p99 %.2f vs %.2f ms (x%.2f)",
                                b.get().p50(),
                                a.get().p50(),
                                ratio50,
                                b.get().p99(),
                                a.get().p99(),
                                ratio99),
                            ratio50 <= 1.2 && b.get().p99() < 20 && b.get().errors() == 0));
                  }
                }
              }
              p.types.keySet().stream()
                  .filter(k -> k.startsWith("group.patch.add-bulk"))
                  .findFirst()
                  .flatMap(p::summary)
                  .ifPresent(
                      s ->
                          t.add(
                              new Target(
                                  "one PATCH adding " + p.facts.get("bulk") + " members under 2 s",
                                  fmt(
                                      "max %.0f ms, p50 %.0f ms over %d",
                                      s.max(), s.p50(), s.count()),
                                  s.max() < 2000 && s.errors() == 0)));
            });
    phase("filter-tenants")
        .ifPresent(
            p -> {
              p.summary("filter.paced")
                  .ifPresent(
                      s ->
                          t.add(
                              new Target(
                                  "userName eq filter at "
                                      + p.facts.get("ratePerTenant")
                                      + " req/s x "
                                      + p.facts.get("tenants")
                                      + " tenants: p99 < 25 ms",
                                  fmt(
                                      "p99 %.1f ms, %.0f req/s achieved, %d errors",
                                      s.p99(), s.throughput(), s.errors()),
                                  s.p99() < 25 && s.errors() == 0)));
              var full = p.summary("filter.fullspeed");
              var ceiling =
                  phase("ceiling")
                      .flatMap(
                          c ->
                              c.summaries().stream()
                                  .max((x, y) -> Double.compare(x.throughput(), y.throughput())));
              if (full.isPresent() && ceiling.isPresent()) {
                double ratio = full.get().throughput() / ceiling.get().throughput();
                t.add(
                    new Target(
                        "userName eq filter at full speed >= 40% of the ceiling endpoint",
                        fmt(
                            "%.0f vs %.0f req/s (%s) = %.0f%%",
                            full.get().throughput(),
                            ceiling.get().throughput(),
                            ceiling.get().type(),
                            ratio * 100),
                        ratio >= 0.4));
              }
            });
    ceilingRatio()
        .ifPresent(
            r ->
                t.add(
                    new Target(
                        "initial cycle >= 35% of the ceiling endpoint (requests/s, same run)",
                        fmt(
                            "%.0f vs %.0f req/s (%s) = %.0f%%",
                            r.initial(), r.ceiling(), r.ceilingType(), r.ratio() * 100),
                        r.ratio() >= 0.35)));
    long firstHeap = phases.isEmpty() ? -1 : phases.get(0).maxHeap();
    long maxHeap = phases.stream().mapToLong(Phase::maxHeap).max().orElse(-1);
    long firstRss =
        phases.isEmpty()
            ? -1
            : phases.get(0).memoryEnd == null ? -1 : phases.get(0).memoryEnd.rssBytes();
    long lastRss =
        phases.isEmpty()
            ? -1
            : phases.get(phases.size() - 1).memoryEnd == null
                ? -1
                : phases.get(phases.size() - 1).memoryEnd.rssBytes();
    phase("initial")
        .ifPresent(
            p -> {
              long half =
                  ((Number) p.facts.getOrDefault("heapAfterGcAtHalfUsers", -1L)).longValue();
              long all = ((Number) p.facts.getOrDefault("heapAfterGcAtAllUsers", -1L)).longValue();
              int users = options.users - options.users / 2;
              if (half > 0 && all > 0 && users > 0) {
                double perUser = (all - half) / (double) users;
                t.add(
                    new Target(
                        "memory flat: heap retained after a full GC grows < 64 bytes per stored user"
                            + " (between half and all of the initial cycle's users)",
                        fmt(
                            "%s with %d users, %s with %d: %+.0f bytes per user added",
                            mib(half), options.users / 2, mib(all), options.users, perUser),
                        perUser < 64));
              }
            });
    if (maxHeap > 0 || lastRss > 0) {
      t.add(
          new Target(
              "memory flat (heap capped at -Xmx512m; RSS after the first vs the last scenario)",
              fmt(
                  "heap max %s (first scenario %s); RSS %s -> %s",
                  mib(maxHeap), mib(firstHeap), mib(firstRss), mib(lastRss)),
              null));
    }
    return t;
  }

  /**
   * The initial cycle's requests per second (all its requests over its wall time) against the
   * ceiling scenario's {@code /ServiceProviderConfig} rate (JAX-RS and the bearer check, no
   * database) of the same run: how much of what the framework serves on this machine the Entra
   * cycle reaches, a figure that compares between machines.
   */
  Optional<CeilingRatio> ceilingRatio() {
    var initial = phase("initial");
    var ceiling = phase("ceiling").flatMap(c -> c.summary("ceiling.serviceproviderconfig"));
    if (initial.isEmpty() || ceiling.isEmpty() || ceiling.get().throughput() <= 0) {
      return Optional.empty();
    }
    double cycle = initial.get().throughput();
    return Optional.of(
        new CeilingRatio(
            cycle,
            ceiling.get().throughput(),
            ceiling.get().type(),
            cycle / ceiling.get().throughput()));
  }

  record CeilingRatio(double initial, double ceiling, String ceilingType, double ratio) {}

  // ---------------------------------------------------------------------------------- text

  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        fmt("%nSCIM benchmark %s against %s (%s)%n", options.label, options.baseUrl, started));
    sb.append(fmt("client machine: %s%n", machine.text()));
    for (Phase p : phases) {
      sb.append(fmt("%n== %s: %.1f s wall", p.name, p.wallSeconds()));
      if (!p.facts.isEmpty()) {
        sb.append("  ").append(factsText(p.facts));
      }
      sb.append(
          fmt(
              "%n%-34s %8s %6s %9s %9s %9s %9s %9s%n",
              "request", "count", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
      for (Latencies.Summary s : p.summaries()) {
        sb.append(
            fmt(
                "%-34s %8d %6d %9.1f %9.2f %9.2f %9.2f %9.1f%n",
                s.type(),
                s.count(),
                s.errors(),
                s.throughput(),
                s.p50(),
                s.p95(),
                s.p99(),
                s.max()));
        for (String e : s.errorSamples()) {
          sb.append("    ! ").append(e).append('\n');
        }
      }
      sb.append(
          fmt(
              "memory: heap max %s, after full GC %s, RSS start %s, max %s, end %s%n",
              mib(p.maxHeap()),
              mib(p.heapAfterGc),
              mib(p.memoryStart.rssBytes()),
              mib(p.maxRss()),
              mib(p.memoryEnd == null ? -1 : p.memoryEnd.rssBytes())));
      if (p.serverCpuSeconds() >= 0) {
        sb.append(
            fmt(
                "server CPU: %.1f s, %.2f ms per request%n",
                p.serverCpuSeconds(), p.serverCpuMsPerRequest()));
        if (p.serverCompilerCpuSeconds() >= 0) {
          sb.append(
              fmt(
                  "server CPU of the JIT compiler: %.1f s (%.0f%%); without it %.2f ms per"
                      + " request%n",
                  p.serverCompilerCpuSeconds(),
                  p.serverCpuSeconds() > 0
                      ? 100 * p.serverCompilerCpuSeconds() / p.serverCpuSeconds()
                      : 0,
                  p.serverCpuMsPerRequestWithoutCompiler()));
        }
      } else {
        sb.append("server CPU: not read (pass --server-pid)\n");
      }
      if (p.clientCpuSeconds() >= 0) {
        sb.append(
            fmt(
                "client CPU (this benchmark's process): %.1f s, %.2f ms per request%n",
                p.clientCpuSeconds(), p.clientCpuMsPerRequest()));
      }
      sb.append(
          fmt(
              "handshakes: %d answers closed their connection (Connection: close), %.1f per 1,000"
                  + " requests; %.1f requests/s over the scenario%n",
              p.closedConnections(),
              p.requests() == 0 ? 0 : p.closedConnections() * 1000.0 / p.requests(),
              p.throughput()));
    }
    ceilingRatio()
        .ifPresent(
            r ->
                sb.append(
                    fmt(
                        "%ninitial cycle / ceiling: %.0f / %.0f req/s = %.1f%% (%s, same run)%n",
                        r.initial(), r.ceiling(), r.ratio() * 100, r.ceilingType())));
    sb.append(fmt("%nwhole run: %.1f s wall%n%nTargets:%n", wallSeconds));
    for (Target t : targets()) {
      sb.append(
          fmt(
              "  [%s] %s: %s%n",
              t.holds() == null ? "info" : t.holds() ? "HOLDS" : "MISSED", t.name(), t.measured()));
    }
    return sb.toString();
  }

  private static String factsText(Map<String, Object> facts) {
    StringBuilder sb = new StringBuilder();
    facts.forEach(
        (k, v) ->
            sb.append(k)
                .append('=')
                .append(v instanceof int[] a ? java.util.Arrays.toString(a) : v)
                .append(' '));
    return sb.toString().trim();
  }

  // ---------------------------------------------------------------------------------- JSON

  JsonObject json() {
    JsonObjectBuilder config = Json.createObjectBuilder();
    options.raw.forEach(config::add);
    config
        .add("users", options.users)
        .add("groups", options.groups)
        .add("memberships", options.memberships)
        .add("hugeGroups", options.hugeGroups)
        .add("hugeShare", options.hugeShare)
        .add("batch", options.batch)
        .add("concurrency", options.concurrency)
        .add("changes", options.changes)
        .add("tenants", options.tenants)
        .add("tenantUsers", options.tenantUsers)
        .add("ratePerTenant", options.rate)
        .add("durationSeconds", options.durationSeconds)
        .add("seed", options.seed);
    JsonArrayBuilder phasesJson = Json.createArrayBuilder();
    for (Phase p : phases) {
      JsonArrayBuilder requests = Json.createArrayBuilder();
      for (Latencies.Summary s : p.summaries()) {
        JsonObjectBuilder kinds = Json.createObjectBuilder();
        s.errorKinds().forEach(kinds::add);
        JsonArrayBuilder samples = Json.createArrayBuilder();
        s.errorSamples().forEach(samples::add);
        requests.add(
            Json.createObjectBuilder()
                .add("type", s.type())
                .add("count", s.count())
                .add("errors", s.errors())
                .add("seconds", round(s.seconds()))
                .add("throughput", round(s.throughput()))
                .add("p50Ms", round(s.p50()))
                .add("p95Ms", round(s.p95()))
                .add("p99Ms", round(s.p99()))
                .add("maxMs", round(s.max()))
                .add("meanMs", round(s.mean()))
                .add("errorKinds", kinds)
                .add("errorSamples", samples));
      }
      JsonObjectBuilder facts = Json.createObjectBuilder();
      p.facts.forEach(
          (k, v) ->
              facts.add(
                  k, v instanceof int[] a ? java.util.Arrays.toString(a) : String.valueOf(v)));
      phasesJson.add(
          Json.createObjectBuilder()
              .add("name", p.name)
              .add("wallSeconds", round(p.wallSeconds()))
              .add("errors", p.errors())
              .add("requests", p.requests())
              .add("throughput", round(p.throughput()))
              .add("closedConnections", p.closedConnections())
              .add("facts", facts)
              .add("requests", requests)
              .add(
                  "memory",
                  Json.createObjectBuilder()
                      .add("heapMaxBytes", p.maxHeap())
                      .add("heapAfterGcBytes", p.heapAfterGc)
                      .add("rssStartBytes", p.memoryStart.rssBytes())
                      .add("rssMaxBytes", p.maxRss())
                      .add("rssEndBytes", p.memoryEnd == null ? -1 : p.memoryEnd.rssBytes()))
              .add(
                  "serverCpu",
                  Json.createObjectBuilder()
                      .add("seconds", round(p.serverCpuSeconds()))
                      .add("msPerRequest", round(p.serverCpuMsPerRequest()))
                      .add("compilerSeconds", round(p.serverCompilerCpuSeconds()))
                      .add(
                          "msPerRequestWithoutCompiler",
                          round(p.serverCpuMsPerRequestWithoutCompiler())))
              .add(
                  "clientCpu",
                  Json.createObjectBuilder()
                      .add("seconds", round(p.clientCpuSeconds()))
                      .add("msPerRequest", round(p.clientCpuMsPerRequest()))));
    }
    JsonArrayBuilder samples = Json.createArrayBuilder();
    for (ServerSampler.Sample s : sampler.all()) {
      samples.add(Json.createArrayBuilder().add(s.atMillis()).add(s.rssBytes()).add(s.heapBytes()));
    }
    JsonArrayBuilder targets = Json.createArrayBuilder();
    for (Target t : targets()) {
      JsonObjectBuilder o =
          Json.createObjectBuilder().add("name", t.name()).add("measured", t.measured());
      if (t.holds() == null) {
        o.addNull("holds");
      } else {
        o.add("holds", t.holds());
      }
      targets.add(o);
    }
    return Json.createObjectBuilder()
        .add("tool", "softdrive-scim bench")
        .add("label", options.label)
        .add("baseUrl", options.baseUrl)
        .add("startedAt", started.toString())
        .add("clientMachine", machine.json())
        .add("wallSeconds", round(wallSeconds))
        .add("baselineHeapAfterGcBytes", baselineHeapAfterGc)
        .add("config", config)
        .add("scenarios", phasesJson)
        .add("memorySamples", samples)
        .add("targets", targets)
        .add(
            "initialToCeiling",
            ceilingRatio()
                .map(
                    r ->
                        (jakarta.json.JsonValue)
                            Json.createObjectBuilder()
                                .add("initialRequestsPerSecond", round(r.initial()))
                                .add("ceilingRequestsPerSecond", round(r.ceiling()))
                                .add("ceilingType", r.ceilingType())
                                .add("ratio", round(r.ratio()))
                                .build())
                .orElse(jakarta.json.JsonValue.NULL))
        .build();
  }

  void writeJson(Path file) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(w)) {
      g.write(json());
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, w.toString());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static String mib(long bytes) {
    return bytes < 0 ? "n/a" : fmt("%.0f MiB", bytes / 1048576.0);
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
