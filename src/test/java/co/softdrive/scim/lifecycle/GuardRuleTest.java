package co.softdrive.scim.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GuardRuleTest {
  static Stream<Arguments> rows() {
    return Stream.of(
        // deletions, base, percent, minCount, trips
        Arguments.of(25, 1000, 20, 25, false), // at the absolute threshold, not above
        Arguments.of(26, 1000, 20, 25, false), // above 25 but only 2.6%
        Arguments.of(201, 1000, 20, 25, true), // above 25 and above 20%
        Arguments.of(200, 1000, 20, 25, false), // exactly 20% is not "more than"
        Arguments.of(26, 100, 20, 25, true), // small tenant: 26% and more than 25
        Arguments.of(10, 20, 20, 25, false), // half the tenant but only 10 accounts
        Arguments.of(4, 10, 20, 3, true),
        Arguments.of(3, 10, 20, 3, false),
        Arguments.of(1, 1, 0, 0, true)); // thresholds of zero hold every deletion
  }

  @ParameterizedTest
  @MethodSource("rows")
  void guardTripsOnlyWhenBothThresholdsAreExceeded(
      long deletions, long base, int percent, int minCount, boolean trips) {
    assertEquals(trips, GuardRule.trips(deletions, base, percent, minCount));
  }

  /**
   * Counting active accounts only up to activeNeeded gives the same answer as counting them all.
   */
  @ParameterizedTest
  @MethodSource("rows")
  void activeNeededIsTheSmallestActiveCountThatDoesNotTripThePercentage(
      long deletions, long base, int percent, int minCount, boolean trips) {
    long deleted = deletions - 1;
    long needed = GuardRule.activeNeeded(deletions, deleted, percent);
    if (percent > 0 && needed > 0) {
      assertEquals(
          deletions > minCount,
          GuardRule.trips(deletions, needed - 1 + deleted, percent, minCount));
      assertEquals(false, GuardRule.trips(deletions, needed + deleted, percent, minCount));
    }
    long active = Math.max(0, base - deleted);
    boolean lazily = deletions > minCount && (needed > 0 && Math.min(active, needed) < needed);
    assertEquals(GuardRule.trips(deletions, active + deleted, percent, minCount), lazily);
  }
}
