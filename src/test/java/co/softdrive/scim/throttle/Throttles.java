package co.softdrive.scim.throttle;

import co.softdrive.scim.config.LimitsConfig;
import java.util.List;

/** An {@link AuthThrottle} without a container, for unit tests of it and of its callers. */
public final class Throttles {
  private Throttles() {}

  /** One instance alone, a staff budget of {@code staffBudget} in a 300-second window. */
  public static AuthThrottle alone(int staffBudget) {
    return alone(staffBudget, 20);
  }

  /**
   * One instance alone, budgets of {@code staffBudget} failed sign-ins and {@code bearerBudget}
   * unknown tokens in a 300-second window.
   */
  public static AuthThrottle alone(int staffBudget, int bearerBudget) {
    AuthThrottle throttle = new AuthThrottle();
    throttle.config =
        new LimitsConfig() {
          @Override
          public int staffMaxFailures() {
            return staffBudget;
          }

          @Override
          public int authMaxFailures() {
            return bearerBudget;
          }

          @Override
          public int failureWindowSeconds() {
            return 300;
          }

          @Override
          public List<String> trustedProxies() {
            return List.of();
          }
        };
    throttle.instances = new LiveInstances(); // counts 1 until a heartbeat says otherwise
    throttle.init();
    return throttle;
  }
}
