package co.softdrive.scim.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the server's memory every two seconds: resident set size from {@code /proc/<pid>/status}
 * and used heap either from MicroProfile Health data {@code heapUsedBytes} (Softdrive's liveness
 * check publishes it) or, for any other JVM server, from {@code jcmd <pid> GC.heap_info}.
 */
final class ServerSampler {
  private static final long INTERVAL_MS = 2000;
  private static final long MAX_SAMPLES = 24L * 3600 * 1000 / INTERVAL_MS;
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  record Sample(long atMillis, long rssBytes, long heapBytes) {}

  private final long pid;
  private final String healthUrl;
  private final HttpClient http;
  private final List<Sample> samples = new ArrayList<>();
  private final long t0 = System.currentTimeMillis();
  private volatile boolean stopped;
  private Thread thread;
  private boolean healthWorks = true;

  ServerSampler(long pid, String healthUrl, HttpClient http) {
    this.pid = pid;
    this.healthUrl = "none".equals(healthUrl) ? null : healthUrl;
    this.http = http;
  }

  void start() {
    thread =
        new Thread(
            () -> {
              for (long i = 0; i < MAX_SAMPLES && !stopped; i++) {
                sample();
                try {
                  Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Takes one sample now and returns it. */
  synchronized Sample sample() {
    Sample s = new Sample(System.currentTimeMillis() - t0, rss(), heap());
    samples.add(s);
    return s;
  }

  synchronized List<Sample> between(long fromMillis, long toMillis) {
    return samples.stream()
        .filter(s -> s.atMillis() >= fromMillis && s.atMillis() <= toMillis)
        .toList();
  }

  /**
   * CPU time the server process has used so far (user + system, {@code /proc/<pid>/stat}, in
   * seconds), or -1 without {@code --server-pid} or off Linux. A database server in other processes
   * (PostgreSQL) is not included.
   */
  double cpuSeconds() {
    return cpuSecondsOf(pid);
  }

  /** CPU time this benchmark's own process has used so far, as {@link #cpuSeconds()}. */
  static double clientCpuSeconds() {
    return cpuSecondsOf(ProcessHandle.current().pid());
  }

  private static double cpuSecondsOf(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / 100.0;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * CPU time the server's JIT compiler threads have used so far, in seconds, or -1 as {@link
   * #cpuSeconds()}: part of {@link #cpuSeconds()} that a long-running server stops paying once its
   * code is compiled, but that a run of a few minutes after start-up still does (a fifth to a
   * quarter of the server's CPU in the initial cycle, docs/benchmarks.md).
   */
  double compilerCpuSeconds() {
    if (pid <= 0) {
      return -1;
    }
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      long ticks = 0;
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          if (isCompilerThread(command(stat))) {
            ticks += ticks(stat);
          }
        } catch (java.io.IOException ended) {
          // a thread that ended between the listing and the read
        }
      }
      return ticks / 100.0;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Whether a thread's name (as {@code /proc} keeps it, 15 characters) is a JIT compiler's:
   * HotSpot's {@code C1 CompilerThread0}, {@code C2 CompilerThread0}, OpenJ9's {@code JIT
   * Compilation Thread-000}.
   */
  static boolean isCompilerThread(String name) {
    return name.startsWith("C1 CompilerThre")
        || name.startsWith("C2 CompilerThre")
        || name.startsWith("JIT Compilation");
  }

  /**
   * The command (thread name) of a {@code /proc/.../stat} line: between the first "(" and the last
   * ")".
   */
  static String command(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /**
   * User plus system time of a {@code /proc/.../stat} line in clock ticks (USER_HZ, 100 on Linux):
   * after "(comm)", state is field 3, utime field 14 and stime field 15.
   */
  static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  long nowMillis() {
    return System.currentTimeMillis() - t0;
  }

  synchronized List<Sample> all() {
    return List.copyOf(samples);
  }

  private long rss() {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (Exception e) {
      // the process is gone or not ours to read: no figure
    }
    return -1;
  }

  private long heap() {
    long h = healthWorks ? healthHeap() : -1;
    if (h >= 0) {
      return h;
    }
    healthWorks = false;
    return pid > 0 ? jcmdHeap() : -1;
  }

  private long healthHeap() {
    if (healthUrl == null) {
      return -1;
    }
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonObject health = Json.createReader(new StringReader(r.body())).readObject();
      for (JsonValue check : health.getJsonArray("checks")) {
        JsonObject data = check.asJsonObject().getJsonObject("data");
        if (data != null && data.containsKey("heapUsedBytes")) {
          return data.getJsonNumber("heapUsedBytes").longValue();
        }
      }
    } catch (Exception e) {
      // not a MicroProfile Health endpoint with heap data
    }
    return -1;
  }

  /**
   * Runs a full GC in the server ({@code jcmd <pid> GC.run}, which honours {@code
   * -XX:+ExplicitGCInvokesConcurrent} only if set) and returns the heap still used: what the server
   * retains, as opposed to garbage not yet collected. -1 without {@code --server-pid} or when jcmd
   * cannot attach (another user's JVM, or not a HotSpot JVM).
   */
  long heapAfterFullGc() {
    if (pid <= 0) {
      return -1;
    }
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        return -1;
      }
    } catch (Exception e) {
      return -1;
    }
    return jcmdHeap();
  }

  private long jcmdHeap() {
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return heapUsed(out);
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * Used heap from {@code jcmd <pid> GC.heap_info}: the sum of its "total NK, used NK" lines, one
   * for G1 ({@code garbage-first heap}) and one per generation for the parallel and serial
   * collectors ({@code PSYoungGen} and {@code ParOldGen}); -1 if there is none.
   */
  static long heapUsed(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    long used = -1;
    while (m.find()) {
      used = Math.max(used, 0) + Long.parseLong(m.group(1)) * 1024;
    }
    return used;
  }
}
