package co.softdrive.scim.throttle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (a source, or a source and a username) in fixed windows: the first attempt opens
 * a window of {@code windowMillis}; a key with at least {@code max} failures in its window is
 * blocked until the window ends. At most {@code maxKeys} keys are kept: when full, ended windows
 * are dropped, and if that is not enough everything is forgotten (an attacker with that many
 * addresses gains a fresh budget; the memory stays bounded). Thread-safe.
 *
 * <p>An attempt is reserved before it runs ({@link #reserve}), in one atomic step with the check:
 * failures plus attempts still running never exceed {@code max}, so at most {@code max} attempts of
 * a key fail in a window however many arrive at once. A running attempt ends as a failure ({@link
 * #fail}) or is given back ({@link #release}). A key whose running attempts fill what its failures
 * leave is <em>busy</em>, not blocked: its next attempt may run as soon as one of them ends.
 */
final class FailureWindows {
  /** A window: when it started, its failures, and its reserved attempts still running. */
  private record Window(long start, int failures, int running) {}

  /**
   * A reserved attempt: the start of its window (an attempt of an ended window changes nothing in
   * the next one).
   */
  record Slot(long windowStart) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final long windowMillis;
  private final int maxKeys;

  FailureWindows(long windowMillis, int maxKeys) {
    this.windowMillis = windowMillis;
    this.maxKeys = maxKeys;
  }

  /**
   * Reserves one attempt of {@code key} at {@code now} (milliseconds) before it runs, unless its
   * window's failures and running attempts already reach {@code max}: then nothing is counted and
   * the attempt must not run ({@link #blockedFor} tells blocked from busy).
   */
  Optional<Slot> reserve(String key, int max, long now) {
    if (windows.size() >= maxKeys && !windows.containsKey(key)) {
      forget(now);
    }
    Slot[] taken = {null};
    windows.compute(
        key,
        (k, w) -> {
          if (w == null || now - w.start() >= windowMillis) {
            taken[0] = new Slot(now);
            return new Window(now, 0, 1);
          }
          if (w.failures() + w.running() < max) {
            taken[0] = new Slot(w.start());
            return new Window(w.start(), w.failures(), w.running() + 1);
          }
          return w;
        });
    return Optional.ofNullable(taken[0]);
  }

  /**
   * Ends a reserved attempt as a failure; returns the failures of its window now (0 once the window
   * has ended: a newer window's count is not the attempt's).
   */
  int fail(String key, Slot slot) {
    Window w =
        windows.computeIfPresent(
            key,
            (k, current) ->
                current.start() == slot.windowStart()
                    ? new Window(
                        current.start(), current.failures() + 1, Math.max(0, current.running() - 1))
                    : current);
    return w != null && w.start() == slot.windowStart() ? w.failures() : 0;
  }

  /** Gives back a reserved attempt that was no failure; nothing once its window has ended. */
  void release(String key, Slot slot) {
    windows.computeIfPresent(
        key,
        (k, w) ->
            w.start() == slot.windowStart() && w.running() > 0
                ? new Window(w.start(), w.failures(), w.running() - 1)
                : w);
  }

  /**
   * Milliseconds until {@code key} is no longer blocked (it has {@code max} failures in its
   * window), or 0 when it is not blocked; running attempts do not block.
   */
  long blockedFor(String key, int max, long now) {
    Window w = windows.get(key);
    if (w == null || w.failures() < max) {
      return 0;
    }
    long left = w.start() + windowMillis - now;
    return Math.max(0, left);
  }

  int size() {
    return windows.size();
  }

  private void forget(long now) {
    windows.values().removeIf(w -> now - w.start() >= windowMillis);
    if (windows.size() >= maxKeys) {
      windows.clear();
    }
  }
}
