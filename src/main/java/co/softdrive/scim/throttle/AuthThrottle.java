package co.softdrive.scim.throttle;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failed-authentication budgets, per instance: unknown bearer tokens per source ({@code
 * scim.limits.auth.max-failures}) and failed staff sign-ins per source and username ({@code
 * scim.limits.auth.staff-max-failures}), each within {@code scim.limits.auth.window-seconds}, each
 * attempt taking its slot before it is checked ({@link Attempt}) and waiting briefly when the
 * checks in flight hold the slots the failures leave. With N live instances each allows its share
 * (max / N, at least 1), so a source spread over all instances gets the configured budget in total.
 * Callers decide what a blocked source may still do (see the package documentation); this class
 * counts, answers, and logs a warning once per window when a source reaches its budget.
 */
@ApplicationScoped
public class AuthThrottle {
  private static final Logger LOG = Logger.getLogger(AuthThrottle.class.getName());

  /** Sources (or source and username pairs) remembered per budget, at most. */
  static final int MAX_TRACKED = 100_000;

  /**
   * How long an attempt waits for a check of its key to finish when the running checks fill what
   * the failures leave of the budget (a check is one token lookup or password hash).
   */
  static final long BUSY_WAIT_MILLIS = 2_000;

  /** Usernames are cut to this length in keys (valid ones are at most 100 characters). */
  static final int MAX_USERNAME_KEY = 100;

  @Inject LimitsConfig config;
  @Inject LiveInstances instances;
  @Inject ThrottleMetrics metrics;

  private ClientAddress clients;
  private FailureWindows bearer;
  private FailureWindows staff;

  @PostConstruct
  void init() {
    clients = new ClientAddress(config.trustedProxies());
    long window = config.failureWindowSeconds() * 1000L;
    bearer = new FailureWindows(window, MAX_TRACKED);
    staff = new FailureWindows(window, MAX_TRACKED);
  }

  /** The address a request comes from, as {@link ClientAddress} decides it. */
  public String source(HttpServletRequest request) {
    return clients.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  /**
   * Takes one of the unknown tokens {@code source} may present in the window, before its token is
   * checked: however many requests arrive at once, at most the budget's worth of unknown tokens are
   * looked up. When checks still running fill what the failures leave of the budget, it waits up to
   * {@value #BUSY_WAIT_MILLIS} ms for one of them to end rather than refusing a token that may well
   * be valid. The caller says how it ended ({@link Attempt#failed} for a missing, malformed or
   * unknown token, {@link Attempt#release} otherwise); when the budget is spent, {@link
   * Attempt#blocked} says how long to wait, and only tokens this instance already knows may be
   * checked.
   */
  public Attempt bearerAttempt(String source) {
    int budget = share(config.authMaxFailures());
    return attempt(
        bearer,
        source,
        budget,
        "{0} unknown bearer tokens from {1}: it gets 429 until its window ends",
        budget,
        source);
  }

  /** The 429 for a source over its bearer budget; counted in {@code scim.throttled}. */
  public ScimException refuseBearer(long retryAfterSeconds) {
    metrics.count(ThrottleMetrics.Reason.BEARER_FAILURES);
    return ScimErrors.tooManyRequests(
        "Too many failed authentications from your address; retry after "
            + retryAfterSeconds
            + " s",
        retryAfterSeconds);
  }

  /**
   * Takes one of the failed sign-ins {@code username} may have from {@code source} in the window,
   * before the password is checked: however many attempts arrive at once, at most the budget's
   * worth are checked. The caller says how it ended ({@link Attempt#failed} or {@link
   * Attempt#release}); when none is left, {@link Attempt#blocked} says how long to wait.
   */
  public Attempt staffAttempt(String source, String username) {
    int budget = share(config.staffMaxFailures());
    return attempt(
        staff,
        staffKey(source, username),
        budget,
        "{0} failed sign-ins for {1} from {2}: they get 429 until the window ends",
        budget,
        username,
        source);
  }

  private static Attempt attempt(
      FailureWindows windows, String key, int budget, String warning, Object... arguments) {
    long deadline = System.nanoTime() + BUSY_WAIT_MILLIS * 1_000_000L;
    for (long pause = 1; ; pause = Math.min(2 * pause, 16)) {
      long now = now();
      Optional<FailureWindows.Slot> slot = windows.reserve(key, budget, now);
      if (slot.isPresent()) {
        return new Attempt(
            windows, key, slot.get(), OptionalLong.empty(), budget, warning, arguments);
      }
      OptionalLong blocked = blocked(windows.blockedFor(key, budget, now));
      if (blocked.isPresent() || System.nanoTime() - deadline >= 0 || !sleep(pause)) {
        // Blocked, or busy for too long: wait at least a second (the window may have just ended).
        return new Attempt(
            windows, key, null, OptionalLong.of(blocked.orElse(1)), budget, warning, arguments);
      }
    }
  }

  /** Sleeps; false when interrupted (the interrupt is kept for the caller). */
  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * An authentication attempt holding one slot of its failure budget, or refused for want of one:
   * checked atomically with the count ({@link FailureWindows#reserve}), so that parallel attempts
   * get no more checks than sequential ones.
   */
  public static final class Attempt {
    /** No slot and not blocked: for a credential that needs no budget (one already known). */
    public static final Attempt NONE =
        new Attempt(null, null, null, OptionalLong.empty(), 0, null, new Object[0]);

    private final FailureWindows windows;
    private final String key;
    private final FailureWindows.Slot slot;
    private final OptionalLong blocked;
    private final int budget;
    private final String warning;
    private final Object[] arguments;

    private Attempt(
        FailureWindows windows,
        String key,
        FailureWindows.Slot slot,
        OptionalLong blocked,
        int budget,
        String warning,
        Object[] arguments) {
      this.windows = windows;
      this.key = key;
      this.slot = slot;
      this.blocked = blocked;
      this.budget = budget;
      this.warning = warning;
      this.arguments = arguments;
    }

    /** Seconds to wait when the budget is spent: the credentials must not be checked then. */
    public OptionalLong blocked() {
      return blocked;
    }

    /** The credentials were wrong (or missing, unknown, disabled): counted as a failure. */
    public void failed() {
      if (slot != null && windows.fail(key, slot) == budget) {
        LOG.log(Level.WARNING, warning, arguments);
      }
    }

    /** The credentials were right, or could not be checked: the slot is given back. */
    public void release() {
      if (slot != null) {
        windows.release(key, slot);
      }
    }
  }

  /** Counts a staff sign-in refused with 429 in {@code scim.throttled}. */
  public void staffRefused() {
    metrics.count(ThrottleMetrics.Reason.STAFF_FAILURES);
  }

  private int share(int max) {
    int live = instances.count();
    return Math.max(1, (max + live - 1) / live);
  }

  private static String staffKey(String source, String username) {
    String user = username == null ? "" : username;
    return source + " " + user.substring(0, Math.min(user.length(), MAX_USERNAME_KEY));
  }

  private static OptionalLong blocked(long millis) {
    return millis <= 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (millis + 999) / 1000));
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
