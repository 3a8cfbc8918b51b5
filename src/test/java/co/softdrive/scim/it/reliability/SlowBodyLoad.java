package co.softdrive.scim.it.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded slow-body load against the server on loopback: {@code connections} sockets each send
 * the head of a POST announcing {@code Content-Length: 1000}, then one byte of the body every
 * {@code interval}, and never finish. Meanwhile the server's thread count is sampled from {@code
 * /proc/<pid>/status} and a normal request is timed once a second. It stops by itself after {@code
 * duration} (or when the server has closed every connection) and closes everything it opened. One
 * selector thread drives all sockets.
 */
final class SlowBodyLoad {
  static final int BODY_LENGTH = 1000;

  /** What happened to one trickling connection: when the server answered and when it closed. */
  record Connection(long answeredMillis, String statusLine, long closedMillis) {}

  /** The figures of one run. */
  record Result(
      List<Connection> connections,
      int threadsBefore,
      int maxThreads,
      List<Long> probeMillis,
      int probeFailures) {

    long closedByServer() {
      return connections.stream().filter(c -> c.closedMillis() >= 0).count();
    }

    long maxClosedMillis() {
      return connections.stream().mapToLong(Connection::closedMillis).max().orElse(-1);
    }

    long maxProbeMillis() {
      return probeMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    Map<String, Integer> statusLines() {
      Map<String, Integer> counts = new TreeMap<>();
      connections.forEach(c -> counts.merge(String.valueOf(c.statusLine()), 1, Integer::sum));
      return counts;
    }

    @Override
    public String toString() {
      return connections.size()
          + " trickling connections: server threads "
          + threadsBefore
          + " -> max "
          + maxThreads
          + "; normal request max "
          + maxProbeMillis()
          + " ms over "
          + probeMillis.size()
          + " probes ("
          + probeFailures
          + " failed); closed by the server: "
          + closedByServer()
          + " (last after "
          + maxClosedMillis()
          + " ms); answers "
          + statusLines();
    }
  }

  private SlowBodyLoad() {}

  /**
   * @param head the request head up to (not including) the blank line; Content-Length is added
   * @param probe a normal request, timed once a second; returns false when it failed
   */
  static Result run(
      int port,
      String head,
      int connections,
      Duration interval,
      Duration duration,
      long serverPid,
      Supplier<Boolean> probe)
      throws IOException, InterruptedException {
    int threadsBefore = threads(serverPid);
    AtomicInteger maxThreads = new AtomicInteger(threadsBefore);
    List<Long> probeMillis = new CopyOnWriteArrayList<>();
    AtomicInteger probeFailures = new AtomicInteger();
    ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
    samplers.scheduleAtFixedRate(
        () -> maxThreads.accumulateAndGet(threads(serverPid), Math::max),
        0,
        200,
        TimeUnit.MILLISECONDS);
    samplers.scheduleWithFixedDelay(
        () -> {
          long t0 = System.nanoTime();
          boolean ok = probe.get();
          probeMillis.add((System.nanoTime() - t0) / 1_000_000);
          if (!ok) {
            probeFailures.incrementAndGet();
          }
        },
        500,
        1000,
        TimeUnit.MILLISECONDS);
    byte[] requestHead =
        (head + "\r\nContent-Length: " + BODY_LENGTH + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    List<Trickler> tricklers = new ArrayList<>();
    long start = System.nanoTime();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < connections; i++) {
        SocketChannel channel =
            SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.write(ByteBuffer.wrap(requestHead));
        channel.write(ByteBuffer.wrap(new byte[] {'{'}));
        channel.configureBlocking(false);
        Trickler t = new Trickler(channel, start);
        channel.register(selector, SelectionKey.OP_READ, t);
        tricklers.add(t);
      }
      long end = start + duration.toNanos();
      long nextByte = System.nanoTime() + interval.toNanos();
      while (System.nanoTime() < end && tricklers.stream().anyMatch(t -> t.closedMillis < 0)) {
        long waitMillis = Math.max(1, (Math.min(nextByte, end) - System.nanoTime()) / 1_000_000);
        selector.select(waitMillis);
        for (SelectionKey key : selector.selectedKeys()) {
          ((Trickler) key.attachment()).read(key);
        }
        selector.selectedKeys().clear();
        if (System.nanoTime() >= nextByte) {
          tricklers.forEach(Trickler::oneMoreByte);
          nextByte += interval.toNanos();
        }
      }
    } finally {
      tricklers.forEach(Trickler::close);
      samplers.shutdownNow();
      samplers.awaitTermination(10, TimeUnit.SECONDS);
    }
    return new Result(
        tricklers.stream().map(Trickler::outcome).toList(),
        threadsBefore,
        maxThreads.get(),
        List.copyOf(probeMillis),
        probeFailures.get());
  }

  /** The number of threads of a process, from {@code /proc/<pid>/status}; -1 when unreadable. */
  static int threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring(8).strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone or this is not Linux
    }
    return -1;
  }

  /** A normal request for the probe: true when it answered {@code expected} within 30 s. */
  static boolean answers(String url, String token, int expected) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return PROBE.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == expected;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final class Trickler {
    private final SocketChannel channel;
    private final long start;
    private final StringBuilder answer = new StringBuilder();
    private int sent = 1;
    private long answeredMillis = -1;
    private long closedMillis = -1;

    Trickler(SocketChannel channel, long start) {
      this.channel = channel;
      this.start = start;
    }

    void read(SelectionKey key) {
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      try {
        int n = channel.read(buffer);
        if (n > 0 && answeredMillis < 0) {
          answeredMillis = elapsed();
        }
        if (n > 0 && answer.length() < 200) {
          answer.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        }
        if (n < 0) {
          closed(key);
        }
      } catch (IOException e) {
        closed(key); // reset by the server
      }
    }

    void oneMoreByte() {
      if (closedMillis >= 0 || sent >= BODY_LENGTH - 1) {
        return; // never complete the body
      }
      try {
        channel.write(ByteBuffer.wrap(new byte[] {' '}));
        sent++;
      } catch (IOException e) {
        // the server closed it; the selector reports that
      }
    }

    Connection outcome() {
      int eol = answer.indexOf("\r\n");
      String status =
          eol < 0 ? (answer.length() == 0 ? null : answer.toString()) : answer.substring(0, eol);
      return new Connection(answeredMillis, status, closedMillis);
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // closing only
      }
    }

    private void closed(SelectionKey key) {
      closedMillis = elapsed();
      key.cancel();
      close();
    }

    private long elapsed() {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }
}
