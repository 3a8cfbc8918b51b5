package co.softdrive.scim.it;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops, starts and kills the Liberty server the build started (for restart and crash tests), and
 * sets its trace.
 */
public final class ServerControl {
  private ServerControl() {}

  public static Path wlp() {
    return Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
  }

  public static Path serverDir() {
    return Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/scim"));
  }

  public static void stop() {
    run("stop");
  }

  public static void start() {
    run("start");
    awaitReady(180);
  }

  /**
   * Sets the running server's trace specification through a configuration override, which Liberty
   * applies without a restart, and waits until it reports the configuration updated; {@code null}
   * removes the override again (back to server.xml's specification).
   */
  public static void trace(String specification) {
    override(
        "it-trace.xml",
        specification == null
            ? null
            : "<server><logging traceSpecification=\"" + specification + "\"/></server>\n");
  }

  /**
   * Sets a server variable of the running server (MicroProfile Config reads server variables)
   * through a configuration override, like {@link #trace}; {@code null} removes it again.
   */
  public static void variable(String name, String value) {
    override(
        "it-variable-" + name + ".xml",
        value == null
            ? null
            : "<server><variable name=\"" + name + "\" value=\"" + value + "\"/></server>\n");
  }

  private static void override(String file, String content) {
    Path override = serverDir().resolve("configDropins/overrides/" + file);
    long updatesBefore = configUpdates();
    try {
      if (content == null) {
        if (!Files.deleteIfExists(override)) {
          return;
        }
      } else {
        Files.createDirectories(override.getParent());
        Files.writeString(override, content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (configUpdates() == updatesBefore) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("The server did not apply the override " + file);
      }
      sleep(200);
    }
  }

  /**
   * How many times the server has run a transaction again as a deadlock victim ({@code
   * DeadlockRetryInterceptor}'s line), in all of its messages logs; 0 if they cannot be read.
   */
  public static long deadlockVictims() {
    try {
      return messagesLogLines("chosen as a deadlock victim").size();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /**
   * The lines of the server's messages logs that contain any of {@code needles} ({@link
   * #messagesLogLines}); at most the last 40, for a failure message.
   */
  public static List<String> logLines(String... needles) {
    try {
      List<String> found = messagesLogLines(needles);
      return found.subList(Math.max(0, found.size() - 40), found.size());
    } catch (IOException | UncheckedIOException e) {
      return List.of("(messages logs not readable: " + e + ")");
    }
  }

  /**
   * The lines that contain any of {@code needles} in the current messages.log and those rolled over
   * at restarts, oldest log first.
   */
  private static List<String> messagesLogLines(String... needles) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> logs = Files.list(serverDir().resolve("logs"))) {
      for (Path log :
          logs.filter(p -> p.getFileName().toString().startsWith("messages"))
              .sorted(
                  Comparator.comparing(
                          (Path p) -> p.getFileName().toString().equals("messages.log"))
                      .thenComparing(Path::getFileName))
              .toList()) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
          lines.filter(l -> Arrays.stream(needles).anyMatch(l::contains)).forEach(found::add);
        }
      }
    }
    return found;
  }

  /**
   * The current size of messages.log, to read what the server logs after it ({@link #logSince}).
   */
  public static long logSize() {
    try {
      return Files.size(serverDir().resolve("logs/messages.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What messages.log holds after {@code offset} (from {@link #logSize}); all of it if the log was
   * rolled over since.
   */
  public static String logSince(long offset) {
    try {
      byte[] all = Files.readAllBytes(serverDir().resolve("logs/messages.log"));
      int from = offset <= all.length ? (int) offset : 0;
      return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many configuration updates (CWWKG0017I) the current messages.log reports. */
  private static long configUpdates() {
    try (Stream<String> lines =
        Files.lines(serverDir().resolve("logs/messages.log"), StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains("CWWKG0017I")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * SIGKILLs the server's JVM (no shutdown hooks, no orderly close of the database) and waits until
   * it is gone. The pid comes from the file Liberty writes on start; it must name a live java
   * process, so that a stale file never kills something else.
   */
  public static void kill() {
    ProcessHandle jvm = process();
    if (!jvm.destroyForcibly()) {
      throw new IllegalStateException("could not SIGKILL the server process " + jvm.pid());
    }
    try {
      jvm.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "server process " + jvm.pid() + " still alive after SIGKILL", e);
    }
  }

  /** The running server's JVM, from {@code wlp/usr/servers/.pid/scim.pid}. */
  public static ProcessHandle process() {
    Path pidFile = serverDir().resolveSibling(".pid").resolve(serverDir().getFileName() + ".pid");
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("no usable pid file " + pidFile, e);
    }
    ProcessHandle p =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new IllegalStateException("server process " + pid + " is not running"));
    String command = p.info().command().orElse("");
    if (!command.endsWith("java")) {
      throw new IllegalStateException(
          "pid " + pid + " from " + pidFile + " is not a JVM: " + command);
    }
    return p;
  }

  /** Polls /health/ready until it answers 200 or the time is up. */
  public static void awaitReady(int seconds) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (given().get(ItConfig.baseUrl() + "/health/ready").statusCode() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      sleep(500);
    }
    throw new IllegalStateException("Server not ready after " + seconds + " s");
  }

  private static void run(String action) {
    try {
      Process p =
          new ProcessBuilder(wlp().resolve("bin/server").toString(), action, "scim")
              .redirectErrorStream(true)
              .redirectOutput(
                  new File(
                      System.getProperty("java.io.tmpdir"), "scim-it-server-" + action + ".log"))
              .start();
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "server "
                + action
                + " failed (exit "
                + (p.isAlive() ? "timeout" : p.exitValue())
                + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run server " + action, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
