package co.softdrive.scim.throttle;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills at {@code perSecond}, and each
 * request takes one. Rate and capacity are passed on every call because they change (a tenant's
 * setting, the number of live instances); the bucket keeps only its level. Thread-safe.
 */
final class TokenBucket {
  private static final double NANOS = 1_000_000_000d;

  private double tokens;
  private long last;

  /** A full bucket at {@code now} (nanoseconds); its capacity comes with the first take. */
  TokenBucket(long now) {
    this.tokens = Double.POSITIVE_INFINITY;
    this.last = now;
  }

  /**
   * Takes one token if there is one.
   *
   * @param now a monotonic time in nanoseconds ({@link System#nanoTime()})
   * @return 0 when a token was taken, else the nanoseconds until one will be there
   */
  synchronized long take(long now, double perSecond, double capacity) {
    tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perSecond / NANOS);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * NANOS));
  }
}
