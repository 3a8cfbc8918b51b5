package co.softdrive.scim.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Activity log settings (defaults and meaning in META-INF/microprofile-config.properties). */
@ApplicationScoped
public class ActivityConfig {
  @Inject
  @ConfigProperty(name = "scim.activity.retention-days", defaultValue = "14")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "scim.activity.queue-capacity", defaultValue = "20000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "scim.activity.flush-millis", defaultValue = "1000")
  long flushMillis;

  @Inject
  @ConfigProperty(name = "scim.activity.purge-interval-minutes", defaultValue = "60")
  long purgeIntervalMinutes;

  public int retentionDays() {
    return Math.max(1, retentionDays);
  }

  public int queueCapacity() {
    return Math.max(100, queueCapacity);
  }

  public long flushMillis() {
    return Math.max(50, flushMillis);
  }

  public long purgeIntervalMinutes() {
    return Math.max(1, purgeIntervalMinutes);
  }
}
