package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.persistence.ActivityLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Filters as the log's criteria, entries as rows, bucket widths, and the filter's parsing. */
class ActivityStoreTest {
  static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void onlyTheTenantFiltersWhenNothingElseIsGiven() {
    assertEquals(
        new ActivityLog.Criteria(null, null, null, null, null, null),
        ActivityStore.criteria(new ActivityFilter("t1", null, null, null, " ", "")));
  }

  @Test
  void aStatusClassIsItsHundredAndTheTimeRangeIsInMillis() {
    assertEquals(
        new ActivityLog.Criteria(
            T.toEpochMilli(), T.toEpochMilli() + 60_000, 400, 500, "Users.patch", "u1"),
        ActivityStore.criteria(
            new ActivityFilter("t1", T, T.plusSeconds(60), 4, "Users.patch", "u1")));
  }

  @Test
  void anyFailureMeansStatusFourHundredAndAbove() {
    assertEquals(
        new ActivityLog.Criteria(null, null, 400, null, null, null),
        ActivityStore.criteria(new ActivityFilter("t1", null, null, 0, null, null)));
  }

  @Test
  void anEntryAndItsRowMapBothWays() {
    var entry =
        ActivityEntry.of(
                "t1",
                5,
                "sdscim_abc",
                "PATCH",
                "/Groups/g1",
                ScimOperation.classify("PATCH", "/Groups/g1"),
                200,
                null,
                null,
                null,
                7)
            .withChange(new ResourceChange("Sales", ResourceChange.UPDATED, "members +2", 2, 0));
    var row = ActivityStore.row(entry);
    assertEquals("Sales", row.resourceName());
    assertEquals(2, row.membersAdded());
    assertEquals(0, row.membersRemoved());
    assertEquals(entry, ActivityStore.entry(row));

    var read = entry.withChange(ResourceChange.read("Sales"));
    assertNull(ActivityStore.row(read).membersAdded(), "a read counts no memberships");
    assertEquals(read, ActivityStore.entry(ActivityStore.row(read)));

    var plain = entry.withChange(null);
    assertNull(ActivityStore.row(plain).resourceName());
    assertNull(ActivityStore.entry(ActivityStore.row(plain)).change());
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
