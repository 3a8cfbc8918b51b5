package co.softdrive.scim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.activity.ActivityBucket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error wording, the requests chart's axes and how a window is fitted to its requests. */
class ConsoleErrorsAndChartsTest {
  static final Instant TO = Instant.parse("2026-03-02T12:00:00Z");

  @Test
  void aMissingAndABadParameterAreNamedInPlainWords() {
    String both = ViewParameterErrors.describe(List.of("tenant"), List.of("state"));
    assertTrue(both.contains("It lacks the \u2018tenant\u2019 parameter."), both);
    assertTrue(both.contains("The value of \u2018state\u2019 is not one this page can use."), both);
    assertTrue(
        ViewParameterErrors.describe(List.of("tenant", "id"), List.of())
            .startsWith("It lacks the \u2018tenant\u2019 and \u2018id\u2019 parameters."));
    assertTrue(!both.contains("j_id") && !both.contains("Validation Error"), both);
  }

  @Test
  void containerErrorsAreSaidInWords() {
    assertEquals("Not allowed", ConsoleError.titleOf(403));
    assertEquals("No such page", ConsoleError.titleOf(404));
    assertEquals("Something went wrong on our side", ConsoleError.titleOf(500));
    assertTrue(ConsoleError.messageOf(403).contains("staff role"));
  }

  @Test
  void failuresHaveTheirOwnAxisBesideTheSuccesses() {
    List<ActivityBucket> buckets =
        List.of(new ActivityBucket(TO.minusSeconds(900), 1105, 6, 3, 40, 200));
    JsonObject chart =
        Json.createReader(new StringReader(ChartJson.requests(buckets, Duration.ofMinutes(15))))
            .readObject();
    var sets = chart.getJsonObject("data").getJsonArray("datasets");
    assertEquals("y", sets.getJsonObject(0).getString("yAxisID"));
    assertEquals("y1", sets.getJsonObject(1).getString("yAxisID"));
    assertEquals("y1", sets.getJsonObject(2).getString("yAxisID"));
    assertEquals(
        sets.getJsonObject(1).getString("stack"), sets.getJsonObject(2).getString("stack"));
    JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
    assertEquals("right", scales.getJsonObject("y1").getString("position"));
    assertEquals("Failed", scales.getJsonObject("y1").getJsonObject("title").getString("text"));
  }

  @Test
  void aWindowWhoseRequestsAllCameAtTheEndIsFittedToThem() {
    Instant from = TO.minus(Duration.ofHours(24));
    List<ActivityBucket> buckets = new ArrayList<>();
    for (int i = 0; i < 96; i++) {
      Instant start = from.plus(Duration.ofMinutes(15L * i));
      buckets.add(new ActivityBucket(start, i == 95 ? 1105 : 0, 0, i == 95 ? 9 : 0, 10, 10));
    }
    assertEquals(from.plus(Duration.ofMinutes(15L * 94)), ChartJson.fittedStart(buckets, from, TO));

    // Requests spread over the window, or none at all: the window stays.
    buckets.set(10, new ActivityBucket(buckets.get(10).start(), 5, 0, 0, 10, 10));
    assertNull(ChartJson.fittedStart(buckets, from, TO));
    List<ActivityBucket> none =
        buckets.stream().map(b -> new ActivityBucket(b.start(), 0, 0, 0, 0, 0)).toList();
    assertNull(ChartJson.fittedStart(none, from, TO));
  }

  @Test
  void countsHaveThousandsSeparatorsAndPagersTotals() {
    assertEquals("1,105", new Layout().count(1105));
    assertTrue(Layout.PAGER.startsWith("{CurrentPageReport}"));
    assertTrue(Layout.PAGER_REPORT.contains("{totalRecords}"));
  }

  @Test
  void enterpriseAttributesAndUserTypeBecomeFieldsAndTheManagerAReference() {
    UserProfile p =
        UserProfile.of(
            """
            {"userName":"ada","title":"Engineer",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
               {"department":"R&D","employeeNumber":"701","manager":{"value":"m-1"}},
             "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User":{"userType":"Contractor"}}
            """);
    assertEquals(
        List.of(
            new UserProfile.Field("title", "Engineer"),
            new UserProfile.Field("userType", "Contractor"),
            new UserProfile.Field("employeeNumber", "701"),
            new UserProfile.Field("department", "R&D")),
        p.fields());
    assertEquals(new UserProfile.Manager("m-1", "m-1"), p.manager());
    assertEquals("grace", p.withManagerName("grace").manager().name());
    assertEquals(UserProfile.NONE, UserProfile.of("not json"));
    assertNull(UserProfile.of("{\"userName\":\"x\"}").manager());
  }
}
