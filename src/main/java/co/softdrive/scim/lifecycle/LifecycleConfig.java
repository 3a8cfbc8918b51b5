package co.softdrive.scim.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Lifecycle defaults; each tenant may override the guard thresholds and retention. */
@ApplicationScoped
public class LifecycleConfig {
  @Inject
  @ConfigProperty(name = "scim.guard.percent", defaultValue = "20")
  int guardPercent;

  @Inject
  @ConfigProperty(name = "scim.guard.min-count", defaultValue = "25")
  int guardMinCount;

  @Inject
  @ConfigProperty(name = "scim.guard.window-minutes", defaultValue = "60")
  int guardWindowMinutes;

  @Inject
  @ConfigProperty(name = "scim.lifecycle.purge-interval-minutes", defaultValue = "60")
  int purgeIntervalMinutes;

  public int guardPercent() {
    return guardPercent;
  }

  public int guardMinCount() {
    return guardMinCount;
  }

  public int guardWindowMinutes() {
    return guardWindowMinutes;
  }

  public int purgeIntervalMinutes() {
    return purgeIntervalMinutes;
  }
}
