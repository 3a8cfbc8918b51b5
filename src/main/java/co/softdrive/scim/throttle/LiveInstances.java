package co.softdrive.scim.throttle;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.persistence.InstanceHeartbeats;
import co.softdrive.scim.persistence.JobLeases;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * How many instances share the database right now, so that each can enforce its share of a
 * deployment-wide limit without a database write per request. Every instance upserts its row in
 * {@code instance_heartbeat} every {@code scim.limits.rate.heartbeat-seconds} ({@link
 * HeartbeatJob}) and counts the rows seen within {@value #MISSED_BEATS} intervals; rows older than
 * that are deleted, so a crashed instance stops counting after at most that long. On a clean stop
 * the row is deleted at once. Until the first beat, and while the database does not answer, the
 * last count stands (1 at start). The count is the gauge {@code scim.instances.live}. The rows are
 * {@link InstanceHeartbeats}'.
 */
@ApplicationScoped
public class LiveInstances {
  private static final Logger LOG = Logger.getLogger(LiveInstances.class.getName());

  /** An instance is live when its last beat is at most this many intervals old. */
  static final int MISSED_BEATS = 3;

  @Inject InstanceHeartbeats heartbeats;

  @Inject LimitsConfig config;

  private volatile int live = 1;
  private volatile boolean failing;

  /** The live instances, this one included (at least 1). */
  @Gauge(
      name = "scim.instances.live",
      unit = MetricUnits.NONE,
      absolute = true,
      description = "Instances sharing the database (by heartbeat), this one included")
  public int count() {
    return live;
  }

  /** Records this instance's heartbeat and recounts; never throws. */
  public void beat() {
    long ttl = MISSED_BEATS * config.heartbeatSeconds() * 1000L;
    try {
      int counted = heartbeats.beat(JobLeases.INSTANCE, System.currentTimeMillis(), ttl);
      if (counted != live) {
        LOG.log(Level.INFO, "{0} live instance(s) share the limits", counted);
      }
      live = counted;
      failing = false;
    } catch (SQLException e) {
      if (!failing) {
        LOG.log(
            Level.WARNING,
            "Instance heartbeat failed ({0}); keeping the count {1}",
            new Object[] {e.getMessage(), live});
      }
      failing = true;
    }
  }

  @PreDestroy
  void leave() {
    try {
      heartbeats.leave(JobLeases.INSTANCE);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Could not remove this instance's heartbeat; it expires by itself", e);
    }
  }
}
