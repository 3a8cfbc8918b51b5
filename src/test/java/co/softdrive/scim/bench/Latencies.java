package co.softdrive.scim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies and errors of one request type. Percentiles are exact (nearest rank over the sorted
 * array of every latency), which is affordable for the few hundred thousand requests of a run.
 */
final class Latencies {
  private static final int MAX_ERROR_SAMPLES = 5;

  final String type;
  private long[] nanos = new long[256];
  private int count;
  private long errors;
  private long closedConnections;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;
  private final Map<String, Long> errorKinds = new TreeMap<>();
  private final List<String> errorSamples = new ArrayList<>();

  Latencies(String type) {
    this.type = type;
  }

  /** One request that started (or was due) at {@code start} and ended at {@code end}. */
  synchronized void record(long start, long end, String errorKind, String errorDetail) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = end - start;
    firstStart = Math.min(firstStart, start);
    lastEnd = Math.max(lastEnd, end);
    if (errorKind != null) {
      errors++;
      errorKinds.merge(errorKind, 1L, Long::sum);
      if (errorSamples.size() < MAX_ERROR_SAMPLES) {
        errorSamples.add(errorKind + ": " + errorDetail);
      }
    }
  }

  /**
   * An answer that carried {@code Connection: close}: the server ended the connection, so the
   * client's next request opens a new one (a TCP handshake, and a TLS one over HTTPS).
   */
  synchronized void closedConnection() {
    closedConnections++;
  }

  synchronized long closedConnections() {
    return closedConnections;
  }

  /** Requests recorded so far (without sorting anything). */
  synchronized int count() {
    return count;
  }

  /** A response that had the right status but the wrong content (e.g. a "miss" that matched). */
  synchronized void unexpected(String errorKind, String errorDetail) {
    errors++;
    errorKinds.merge(errorKind, 1L, Long::sum);
    if (errorSamples.size() < MAX_ERROR_SAMPLES) {
      errorSamples.add(errorKind + ": " + errorDetail);
    }
  }

  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double seconds = count == 0 ? 0 : Math.max(1e-9, (lastEnd - firstStart) / 1e9);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new Summary(
        type,
        count,
        errors,
        seconds,
        count == 0 ? 0 : count / seconds,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
        ms(count == 0 ? 0 : sorted[count - 1]),
        count == 0 ? 0 : sum / count / 1e6,
        Map.copyOf(errorKinds),
        List.copyOf(errorSamples));
  }

  /** Nearest-rank percentile of a sorted array. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Figures of one request type. Latencies in milliseconds, throughput in requests/second. */
  record Summary(
      String type,
      long count,
      long errors,
      double seconds,
      double throughput,
      double p50,
      double p95,
      double p99,
      double max,
      double mean,
      Map<String, Long> errorKinds,
      List<String> errorSamples) {}
}
