package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CyclesTest {
  static final long MIN = 60_000L;
  static final long GAP = 10 * MIN;

  private static Cycle.Minute minute(long first, long last, long requests, long created) {
    return new Cycle.Minute(first, last, requests, created, 0, 0, 0, 0, 0);
  }

  @Test
  void noRequestsNoCycles() {
    assertEquals(List.of(), Cycles.group(List.of(), GAP, 5));
  }

  @Test
  void minutesCloserThanTheGapAreOneCycleAndTheirCountsAdd() {
    List<Cycle> cycles =
        Cycles.group(
            List.of(
                minute(0, 50_000, 10, 4),
                new Cycle.Minute(MIN, MIN + 30_000, 5, 1, 2, 3, 1, 7, 2),
                minute(10 * MIN + 30_000, 10 * MIN + 40_000, 1, 0)),
            GAP,
            5);
    assertEquals(1, cycles.size());
    Cycle c = cycles.get(0);
    assertEquals(Instant.ofEpochMilli(0), c.start());
    assertEquals(Instant.ofEpochMilli(10 * MIN + 40_000), c.end());
    assertEquals(16, c.requests());
    assertEquals(5, c.usersCreated());
    assertEquals(2, c.usersUpdated());
    assertEquals(3, c.usersDeactivated());
    assertEquals(1, c.usersDeleted());
    assertEquals(7, c.membershipChanges());
    assertEquals(2, c.failures());
  }

  @Test
  void aPauseLongerThanTheGapStartsANewCycleNewestFirst() {
    // Entra: a cycle at 0, the next about 40 minutes later, a third 40 minutes after that.
    List<Cycle> cycles =
        Cycles.group(
            List.of(
                minute(0, 20_000, 3, 3),
                minute(40 * MIN, 41 * MIN, 2, 0),
                minute(80 * MIN, 80 * MIN + 1, 1, 1)),
            GAP,
            5);
    assertEquals(3, cycles.size());
    assertEquals(Instant.ofEpochMilli(80 * MIN), cycles.get(0).start());
    assertEquals(Instant.ofEpochMilli(40 * MIN), cycles.get(1).start());
    assertEquals(3, cycles.get(2).usersCreated());
  }

  @Test
  void thePauseIsMeasuredFromTheLastRequestOfTheCycle() {
    // 10 minutes exactly after the last request still belongs; one millisecond more does not.
    List<Cycle> same =
        Cycles.group(
            List.of(minute(0, 5_000, 1, 0), minute(GAP + 5_000, GAP + 5_000, 1, 0)), GAP, 5);
    assertEquals(1, same.size());
    List<Cycle> apart =
        Cycles.group(
            List.of(minute(0, 5_000, 1, 0), minute(GAP + 5_001, GAP + 5_001, 1, 0)), GAP, 5);
    assertEquals(2, apart.size());
  }

  @Test
  void onlyTheNewestLimitAreReturned() {
    List<Cycle> cycles =
        Cycles.group(
            List.of(
                minute(0, 0, 1, 0),
                minute(30 * MIN, 30 * MIN, 1, 0),
                minute(60 * MIN, 60 * MIN, 1, 0)),
            GAP,
            2);
    assertEquals(2, cycles.size());
    assertEquals(Instant.ofEpochMilli(60 * MIN), cycles.get(0).start());
  }
}
