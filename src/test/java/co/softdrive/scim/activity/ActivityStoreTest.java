package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL the activity store builds, bucket widths, and the filter's parsing. */
class ActivityStoreTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void onlyTheTenantFiltersWhenNothingElseIsGiven() {
    var w = ActivityStore.where(new ActivityFilter("t1", null, null, null, " ", ""));
    assertEquals("tenant_id = ?", w.sql());
    assertEquals(List.of("t1"), w.params());
  }

  @Test
  void everyCriterionBecomesAParameterAfterTheTenant() {
    var w =
        ActivityStore.where(new ActivityFilter("t1", T, T.plusSeconds(60), 4, "Users.patch", "u1"));
    assertEquals(
        "tenant_id = ? AND at_millis >= ? AND at_millis < ? AND status >= ? AND status < ?"
            + " AND operation = ? AND resource_id = ?",
        w.sql());
    assertEquals(
        List.of("t1", T.toEpochMilli(), T.toEpochMilli() + 60_000, 400, 500, "Users.patch", "u1"),
        w.params());
  }

  @Test
  void anyFailureMeansStatusFourHundredAndAbove() {
    var w = ActivityStore.where(new ActivityFilter("t1", null, null, 0, null, null));
    assertEquals("tenant_id = ? AND status >= ?", w.sql());
    assertEquals(List.of("t1", 400), w.params());
  }

  @Test
  void bucketWidthKeepsChartsBelowOneHundredTwentyBars() {
    assertEquals(Duration.ofMinutes(1), ActivityStore.bucketWidth(T, T.plus(Duration.ofHours(1))));
    assertEquals(Duration.ofMinutes(15), ActivityStore.bucketWidth(T, T.plus(Duration.ofDays(1))));
    assertEquals(Duration.ofHours(3), ActivityStore.bucketWidth(T, T.plus(Duration.ofDays(14))));
    assertEquals(Duration.ofDays(1), ActivityStore.bucketWidth(T, T.plus(Duration.ofDays(3650))));
  }

  @Test
  void statusClassesParse() {
    assertNull(ActivityFilter.statusClassOf(" "));
    assertEquals(4, ActivityFilter.statusClassOf("4xx"));
    assertEquals(5, ActivityFilter.statusClassOf("5XX"));
    assertEquals(0, ActivityFilter.statusClassOf("errors"));
    assertThrows(IllegalArgumentException.class, () -> ActivityFilter.statusClassOf("404"));
  }

  @Test
  void longTextIsCutToItsColumn() {
    var e =
        ActivityEntry.of(
            "t",
            1,
            "sdscim_abcdef",
            "GET",
            "/Users",
            ScimOperation.classify("GET", "/Users"),
            400,
            "invalidFilter",
            "d".repeat(2000),
            "f".repeat(1000),
            12);
    assertEquals(ActivityEntry.MAX_DETAIL, e.detail().length());
    assertEquals(ActivityEntry.MAX_FILTER, e.filter().length());
    assertTrue(e.failed());
    assertEquals(4, e.statusClass());
  }
}
