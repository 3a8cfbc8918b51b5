package co.softdrive.scim.activity;

/**
 * Decides a tenant's health from what the service recorded, first rule that applies:
 *
 * <ol>
 *   <li>{@code suspended}: staff suspended the tenant.
 *   <li>{@code never_connected}: no request was ever recorded and no token of the tenant was ever
 *       used.
 *   <li>{@code failing}: within the failing window (default 80 minutes, two of Entra's cycles) the
 *       newest request was answered 401 (rejected token) or 5xx, or at least {@code
 *       errorRateMinRequests} requests (default 10) were answered with an error rate of {@code
 *       errorRatePercent} (default 20 %) or more.
 *   <li>{@code silent}: no request succeeded for longer than {@code silentAfter} (default 80
 *       minutes, more than two of Entra's 40-minute cycles), although the tenant has an active
 *       token; without an active token Entra cannot connect at all, which is also silent.
 *   <li>{@code healthy} otherwise.
 * </ol>
 *
 * @param failingWindowMillis how far back "recent" failures reach
 * @param errorRatePercent the error rate that makes a tenant failing
 * @param errorRateMinRequests the fewest requests the error rate is judged on
 * @param silentAfterMillis the longest time without a successful request
 */
public record HealthRules(
    long failingWindowMillis,
    int errorRatePercent,
    int errorRateMinRequests,
    long silentAfterMillis) {

  /** A verdict: the status and why, in words. */
  public record Verdict(HealthStatus status, String reason) {}

  public Verdict judge(
      boolean suspended, long activeTokens, boolean tokenEverUsed, SyncFacts f, long now) {
    if (suspended) {
      return new Verdict(HealthStatus.SUSPENDED, "Staff suspended this tenant: Entra gets 403.");
    }
    if (f.lastRequest() == null && !tokenEverUsed) {
      return new Verdict(
          HealthStatus.NEVER_CONNECTED,
          activeTokens == 0
              ? "No request yet, and no active token: generate one for the Entra app."
              : "No request yet: Entra has not connected with this tenant's token.");
    }
    long windowStart = now - failingWindowMillis;
    if (f.lastRequest() != null
        && f.lastRequest() >= windowStart
        && (f.lastRequestStatus() == 401 || f.lastRequestStatus() >= 500)) {
      return new Verdict(
          HealthStatus.FAILING,
          f.lastRequestStatus() == 401
              ? "The latest request was rejected (401): the token Entra uses is revoked, expired"
                  + " or wrong."
              : "The latest request failed with " + f.lastRequestStatus() + " (server error).");
    }
    if (f.windowRequests() >= errorRateMinRequests
        && f.windowFailures() * 100 >= (long) errorRatePercent * f.windowRequests()) {
      long rate = Math.round(f.windowFailures() * 100.0 / f.windowRequests());
      return new Verdict(
          HealthStatus.FAILING,
          rate
              + " % of the last "
              + minutes(failingWindowMillis)
              + " minutes' "
              + f.windowRequests()
              + " requests failed.");
    }
    if (f.lastSuccess() == null || now - f.lastSuccess() > silentAfterMillis) {
      String since =
          f.lastSuccess() == null
              ? "No request has succeeded yet"
              : "No request has succeeded for more than " + minutes(silentAfterMillis) + " minutes";
      return new Verdict(
          HealthStatus.SILENT,
          activeTokens == 0
              ? since + ", and the tenant has no active token."
              : since + " although a token is active: check the provisioning job in Entra.");
    }
    return new Verdict(HealthStatus.HEALTHY, "Entra's requests succeed.");
  }

  private static long minutes(long millis) {
    return Math.max(1, Math.round(millis / 60_000.0));
  }
}
