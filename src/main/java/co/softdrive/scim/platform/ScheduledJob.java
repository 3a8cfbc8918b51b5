package co.softdrive.scim.platform;

import java.time.Duration;

/**
 * A background job, run with a fixed delay on the container's managed scheduler from the moment the
 * database schema is ready. Each capability contributes its jobs as {@code @ApplicationScoped}
 * beans of this type and the application's one scheduler ({@code app.JobScheduler}) finds them all.
 * A job that must run on one instance at a time coordinates through {@code persistence.JobLeases}
 * itself. A run that throws is logged and the job runs again at its next tick.
 */
public interface ScheduledJob {
  /** What the logs call the job. */
  String name();

  /** From the end of one run to the start of the next; read once, when the jobs start. */
  Duration interval();

  /** Before the first run; one interval unless the job says otherwise. */
  default Duration firstDelay() {
    return interval();
  }

  void run();
}
