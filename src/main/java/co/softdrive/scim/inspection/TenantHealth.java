package co.softdrive.scim.inspection;

import co.softdrive.scim.activity.Cycle;
import co.softdrive.scim.activity.HealthStatus;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's connection health as the console and the admin API ({@code health}) show it.
 *
 * @param status {@code healthy}, {@code failing}, {@code silent}, {@code never_connected} or {@code
 *     suspended}
 * @param label the status in words
 * @param reason why, in a sentence
 * @param lastSuccessfulRequest the newest request answered below 400, or null
 * @param lastFailure the newest request answered 400 or above, or null
 * @param lastFailureStatus its status, 0 without failures
 * @param windowMinutes the failing window the two counts cover
 * @param recentCycles the last provisioning cycles, newest first (empty when not asked for)
 */
public record TenantHealth(
    String status,
    String label,
    String reason,
    Instant lastSuccessfulRequest,
    Instant lastFailure,
    int lastFailureStatus,
    long windowMinutes,
    long windowRequests,
    long windowFailures,
    List<Cycle> recentCycles) {

  /** The status as an enum (for sorting by urgency). */
  public HealthStatus healthStatus() {
    return HealthStatus.parse(status);
  }
}
