package co.softdrive.scim.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Thresholds of tenant health and provisioning cycles (defaults and meaning in
 * META-INF/microprofile-config.properties and docs/operations.md, <em>Tenant health</em>).
 */
@ApplicationScoped
public class HealthConfig {
  @Inject
  @ConfigProperty(name = "scim.health.failing-window-minutes", defaultValue = "80")
  int failingWindowMinutes;

  @Inject
  @ConfigProperty(name = "scim.health.error-rate-percent", defaultValue = "20")
  int errorRatePercent;

  @Inject
  @ConfigProperty(name = "scim.health.error-rate-min-requests", defaultValue = "10")
  int errorRateMinRequests;

  @Inject
  @ConfigProperty(name = "scim.health.silent-after-seconds", defaultValue = "4800")
  long silentAfterSeconds;

  @Inject
  @ConfigProperty(name = "scim.health.cycle-gap-minutes", defaultValue = "10")
  int cycleGapMinutes;

  @Inject
  @ConfigProperty(name = "scim.health.cycle-window-hours", defaultValue = "24")
  int cycleWindowHours;

  @Inject
  @ConfigProperty(name = "scim.health.cycles-shown", defaultValue = "5")
  int cyclesShown;

  /** The rules in plain values, for {@link HealthRules}. */
  public HealthRules rules() {
    return new HealthRules(
        Math.max(1, failingWindowMinutes) * 60_000L,
        Math.max(1, Math.min(100, errorRatePercent)),
        Math.max(1, errorRateMinRequests),
        Math.max(1, silentAfterSeconds) * 1000L);
  }

  public long cycleGapMillis() {
    return Math.max(1, cycleGapMinutes) * 60_000L;
  }

  public long cycleWindowMillis() {
    return Math.max(1, Math.min(24 * 14, cycleWindowHours)) * 3_600_000L;
  }

  public int cyclesShown() {
    return Math.max(1, Math.min(50, cyclesShown));
  }
}
