package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HealthRulesTest {
  static final long MIN = 60_000L;
  static final long NOW = 1_000 * 60 * MIN;
  static final HealthRules RULES = new HealthRules(80 * MIN, 20, 10, 80 * MIN);

  private static SyncFacts facts(
      Long lastRequest, int lastStatus, Long lastSuccess, long requests, long failures) {
    Long lastFailure = lastStatus >= 400 ? lastRequest : null;
    return new SyncFacts(
        lastRequest,
        lastStatus,
        lastSuccess,
        lastFailure,
        lastStatus >= 400 ? lastStatus : 0,
        requests,
        failures);
  }

  private static HealthStatus judge(boolean suspended, long tokens, boolean used, SyncFacts f) {
    return RULES.judge(suspended, tokens, used, f, NOW).status();
  }

  @Test
  void suspendedComesFirst() {
    assertEquals(HealthStatus.SUSPENDED, judge(true, 1, true, facts(NOW - MIN, 401, null, 5, 5)));
  }

  @Test
  void noRequestAndNoTokenUseIsNeverConnected() {
    assertEquals(HealthStatus.NEVER_CONNECTED, judge(false, 1, false, SyncFacts.NONE));
    assertEquals(HealthStatus.NEVER_CONNECTED, judge(false, 0, false, SyncFacts.NONE));
  }

  @Test
  void aTokenUsedBeforeTheActivityWasPurgedIsNotNeverConnected() {
    assertEquals(HealthStatus.SILENT, judge(false, 1, true, SyncFacts.NONE));
  }

  @Test
  void aRecent401Or5xxAsTheLatestRequestIsFailing() {
    HealthRules.Verdict v =
        RULES.judge(false, 1, true, facts(NOW - MIN, 401, NOW - 2 * MIN, 3, 1), NOW);
    assertEquals(HealthStatus.FAILING, v.status());
    assertTrue(v.reason().contains("401"), v.reason());
    assertEquals(
        HealthStatus.FAILING, judge(false, 1, true, facts(NOW - MIN, 503, NOW - 2 * MIN, 3, 1)));
  }

  @Test
  void aClientErrorAsTheLatestRequestIsNotFailingByItself() {
    assertEquals(
        HealthStatus.HEALTHY, judge(false, 1, true, facts(NOW - MIN, 404, NOW - 2 * MIN, 30, 1)));
  }

  @Test
  void anOld401IsNoLongerFailingButSilent() {
    assertEquals(
        HealthStatus.SILENT,
        judge(false, 1, true, facts(NOW - 81 * MIN, 401, NOW - 100 * MIN, 0, 0)));
  }

  @Test
  void aHighErrorRateOverEnoughRequestsIsFailing() {
    assertEquals(
        HealthStatus.FAILING, judge(false, 1, true, facts(NOW - MIN, 200, NOW - MIN, 10, 2)));
    assertEquals(
        HealthStatus.HEALTHY, judge(false, 1, true, facts(NOW - MIN, 200, NOW - MIN, 10, 1)));
    // Too few requests to judge a rate.
    assertEquals(
        HealthStatus.HEALTHY, judge(false, 1, true, facts(NOW - MIN, 200, NOW - MIN, 9, 8)));
  }

  @Test
  void noSuccessForLongerThanTheSilentThresholdIsSilent() {
    assertEquals(
        HealthStatus.SILENT,
        judge(false, 1, true, facts(NOW - 81 * MIN, 200, NOW - 81 * MIN, 0, 0)));
    assertEquals(
        HealthStatus.HEALTHY,
        judge(false, 1, true, facts(NOW - 79 * MIN, 200, NOW - 79 * MIN, 4, 0)));
  }

  @Test
  void silentWithoutAnActiveTokenSaysSo() {
    HealthRules.Verdict v =
        RULES.judge(false, 0, true, facts(NOW - 90 * MIN, 200, NOW - 90 * MIN, 0, 0), NOW);
    assertEquals(HealthStatus.SILENT, v.status());
    assertTrue(v.reason().contains("no active token"), v.reason());
  }

  @Test
  void statusCodesParseBack() {
    for (HealthStatus s : HealthStatus.values()) {
      assertEquals(s, HealthStatus.parse(s.code()));
    }
    assertEquals(HealthStatus.NEVER_CONNECTED, HealthStatus.parse("never connected"));
  }
}
