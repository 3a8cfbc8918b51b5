package co.softdrive.scim.activity;

/**
 * What the activity log says of a tenant's connection at one moment, read by {@link
 * SyncStore#facts}: epoch millis, null when there is no such request.
 *
 * @param lastRequest the newest request
 * @param lastRequestStatus its HTTP status (0 without requests)
 * @param lastSuccess the newest request answered below 400
 * @param lastFailure the newest request answered 400 or above
 * @param lastFailureStatus its HTTP status (0 without failures)
 * @param windowRequests requests in the failing window
 * @param windowFailures failed requests in the failing window
 */
public record SyncFacts(
    Long lastRequest,
    int lastRequestStatus,
    Long lastSuccess,
    Long lastFailure,
    int lastFailureStatus,
    long windowRequests,
    long windowFailures) {
  public static final SyncFacts NONE = new SyncFacts(null, 0, null, null, 0, 0, 0);
}
