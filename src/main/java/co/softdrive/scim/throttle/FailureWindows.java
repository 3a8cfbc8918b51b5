package co.softdrive.scim.throttle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (a source, or a source and a username) in fixed windows: the first failure opens
 * a window of {@code windowMillis}; a key with at least {@code max} failures in its window is
 * blocked until the window ends. At most {@code maxKeys} keys are kept: when full, ended windows
 * are dropped, and if that is not enough everything is forgotten (an attacker with that many
 * addresses gains a fresh budget; the memory stays bounded). Thread-safe.
 *
 * <p>Counting a failure after the fact ({@link #fail}) lets concurrent attempts all pass the check
 * before any of them is counted. {@link #reserve} counts an attempt before it runs instead, in one
 * atomic step with the check, so that at most {@code max} attempts of a key run in a window however
 * many arrive at once; one that turns out not to be a failure is given back ({@link #release}).
 */
final class FailureWindows {
  /** A window: when it started, and its failures (with the reserved attempts still running). */
  private record Window(long start, int failures) {}

  /** A reserved attempt: the start of its window, and the window's count with it. */
  record Slot(long windowStart, int count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final long windowMillis;
  private final int maxKeys;

  FailureWindows(long windowMillis, int maxKeys) {
    this.windowMillis = windowMillis;
    this.maxKeys = maxKeys;
  }

  /** Counts one failure of {@code key} at {@code now} (milliseconds); returns its count now. */
  int fail(String key, long now) {
    if (windows.size() >= maxKeys && !windows.containsKey(key)) {
      forget(now);
    }
    return windows
        .compute(
            key,
            (k, w) ->
                w == null || now - w.start() >= windowMillis
                    ? new Window(now, 1)
                    : new Window(w.start(), w.failures() + 1))
        .failures();
  }

  /**
   * Counts one attempt of {@code key} at {@code now} before it runs, unless its window already
   * holds {@code max}: then nothing is counted and the attempt must not run.
   */
  Optional<Slot> reserve(String key, int max, long now) {
    if (windows.size() >= maxKeys && !windows.containsKey(key)) {
      forget(now);
    }
    Slot[] taken = {null};
    windows.compute(
        key,
        (k, w) -> {
          Window next =
              w == null || now - w.start() >= windowMillis
                  ? new Window(now, 1)
                  : w.failures() < max ? new Window(w.start(), w.failures() + 1) : w;
          if (next != w) {
            taken[0] = new Slot(next.start(), next.failures());
          }
          return next;
        });
    return Optional.ofNullable(taken[0]);
  }

  /**
   * Gives back a reserved attempt that was no failure; nothing once its window has ended (a newer
   * window's count is not the attempt's).
   */
  void release(String key, Slot slot) {
    windows.computeIfPresent(
        key,
        (k, w) ->
            w.start() == slot.windowStart() && w.failures() > 0
                ? new Window(w.start(), w.failures() - 1)
                : w);
  }

  /** Milliseconds until {@code key} is no longer blocked, or 0 when it is not blocked. */
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
