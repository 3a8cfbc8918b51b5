package co.softdrive.scim.it.multi;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The instances under test as {@code .ci/multi-instance.sh} started them from the production
 * archive, described by system properties:
 *
 * <ul>
 *   <li>{@code multi.balancer.url}: the load balancer in front of them;
 *   <li>{@code multi.instance.urls}: each instance directly, comma-separated, the victim last;
 *   <li>{@code multi.victim.pidfile}: the Liberty PID file of the instance the run kills;
 *   <li>{@code multi.victim.restart}: a shell command that starts that instance again.
 * </ul>
 */
final class Cluster {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private Cluster() {}

  static String balancer() {
    return System.getProperty("multi.balancer.url");
  }

  static List<String> instances() {
    return Arrays.asList(System.getProperty("multi.instance.urls", "").split(","));
  }

  static String victim() {
    List<String> all = instances();
    return all.get(all.size() - 1);
  }

  static String survivor() {
    return instances().get(0);
  }

  /** SIGKILL of the victim's JVM (no shutdown hooks, no graceful stop); returns its PID. */
  static long killVictim() {
    long pid;
    try {
      pid =
          Long.parseLong(
              Files.readString(Path.of(System.getProperty("multi.victim.pidfile"))).strip());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the victim's PID file", e);
    }
    ProcessHandle victim =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid));
    if (!victim.destroyForcibly()) {
      throw new IllegalStateException("Could not SIGKILL " + pid);
    }
    victim.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    return pid;
  }

  /** Starts the victim again in the background (the command returns once Liberty is launched). */
  static Process restartVictim() {
    try {
      return new ProcessBuilder("bash", "-c", System.getProperty("multi.victim.restart"))
          .redirectErrorStream(true)
          .redirectOutput(
              new File(System.getProperty("java.io.tmpdir"), "multi-victim-restart.log"))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot restart the victim", e);
    }
  }

  /** The readiness document of one instance, or null while it does not answer 200. */
  static String readiness(String instance) {
    HttpResponse<String> r = readinessResponse(instance);
    return r != null && r.statusCode() == 200 ? r.body() : null;
  }

  private static HttpResponse<String> readinessResponse(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url + "/health/ready"))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until every instance reports ready and the balancer sends requests to each of them again
   * (its health checks take a restarted instance back after a few seconds); returns the instances'
   * readiness documents.
   */
  static List<String> awaitAllReady(int seconds) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    for (String url : instances()) {
      while (readiness(url) == null) {
        check(deadline, url + " not ready after " + seconds + " s");
        EntraClient.pause(500);
      }
    }
    Set<String> served = new HashSet<>();
    HttpResponse<String> last = null;
    while (served.size() < instances().size()) {
      check(
          deadline,
          "the balancer used only " + served + " after " + seconds + " s; last answer " + last);
      last = readinessResponse(balancer());
      if (last != null) {
        last.headers().firstValue("X-Served-By").ifPresent(served::add);
      }
      EntraClient.pause(100);
    }
    return instances().stream().map(Cluster::readiness).toList();
  }

  private static void check(long deadline, String failure) {
    if (System.currentTimeMillis() > deadline) {
      throw new IllegalStateException(failure);
    }
  }
}
