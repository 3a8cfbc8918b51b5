package co.softdrive.scim.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (a source, or a source and a username) in fixed windows: the first failure opens
 * a window of {@code windowMillis}; a key with at least {@code max} failures in its window is
 * blocked until the window ends. At most {@code maxKeys} keys are kept: when full, ended windows
 * are dropped, and if that is not enough everything is forgotten (an attacker with that many
 * addresses gains a fresh budget; the memory stays bounded). Thread-safe.
 */
final class FailureWindows {
  private record Window(long start, int failures) {}

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
