package co.softdrive.scim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.activity.ActivityBucket;
import co.softdrive.scim.config.ScimPaths;
import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.inspection.TenantRow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The logic of the console's backing beans that needs no container. */
class ConsolePagesTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static Stream<Arguments> nextPages() {
    return Stream.of(
        Arguments.of(null, "/console/tenants.xhtml"),
        Arguments.of("/console/users.xhtml?tenant=t1", "/console/users.xhtml?tenant=t1"),
        Arguments.of("https://evil.example/console/", "/console/tenants.xhtml"),
        Arguments.of("//evil.example/console/x", "/console/tenants.xhtml"),
        Arguments.of("/console//evil.example", "/console/tenants.xhtml"),
        Arguments.of("/console/../api/v1/admin/staff", "/console/tenants.xhtml"),
        Arguments.of("/console/\\evil", "/console/tenants.xhtml"),
        Arguments.of("/console/x\r\nSet-Cookie: a=b", "/console/tenants.xhtml"),
        Arguments.of("/api/v1/admin/tenants", "/console/tenants.xhtml"));
  }

  @ParameterizedTest
  @MethodSource("nextPages")
  void signInFollowsOnlyConsolePagesOfThisApplication(String next, String expected) {
    assertEquals(expected, LoginPage.safeNext(next));
  }

  @Test
  void timesAreUtcAndAgesAreShort() {
    assertEquals("2026-03-01 12:00:00", Layout.format(NOW));
    assertEquals("\u2014", Layout.format(null));
    assertEquals("never", Layout.ago(null, NOW));
    assertEquals("42 s ago", Layout.ago(NOW.minusSeconds(42), NOW));
    assertEquals("5 min ago", Layout.ago(NOW.minusSeconds(300), NOW));
    assertEquals("3 h ago", Layout.ago(NOW.minus(Duration.ofHours(3)), NOW));
    assertEquals("1 day ago", Layout.ago(NOW.minus(Duration.ofHours(30)), NOW));
    assertEquals("9 days ago", Layout.ago(NOW.minus(Duration.ofDays(9)), NOW));
  }

  @Test
  void tenantUrlLeavesOutDefaultPorts() {
    assertEquals(
        "https://scim.softdrive.co/api/v1/automations/scim",
        ScimPaths.scimBaseUrl(
            Optional.empty(), TokenSecretDialog.origin("https", "scim.softdrive.co", 443, "")));
    assertEquals(
        "http://localhost:9080/api/v1/automations/scim",
        ScimPaths.scimBaseUrl(
            Optional.empty(), TokenSecretDialog.origin("http", "localhost", 9080, "")));
    assertEquals(
        "http://host/app/api/v1/automations/scim",
        ScimPaths.scimBaseUrl(
            Optional.empty(), TokenSecretDialog.origin("http", "host", 80, "/app")));
    assertEquals(
        "https://scim.example.test/api/v1/automations/scim",
        ScimPaths.scimBaseUrl(
            Optional.of("https://scim.example.test"),
            TokenSecretDialog.origin("http", "host", 80, "")));
  }

  @Test
  void aTableRequestBecomesADatabaseSlice() {
    Map<String, SortMeta> sort = new LinkedHashMap<>();
    sort.put("name", SortMeta.builder().field("name").order(SortOrder.DESCENDING).build());
    assertEquals(new Slice(50, 25, "name", false), PagedModel.slice(50, 25, sort));
    assertEquals(new Slice(0, 25, null, true), PagedModel.slice(0, 25, Map.of()));
    assertEquals(new Slice(0, 200, null, true), PagedModel.slice(-5, 10_000, null));
  }

  @Test
  void requestsChartStacksSuccessesAndFailuresPerBucket() {
    List<ActivityBucket> buckets =
        List.of(
            new ActivityBucket(NOW, 10, 2, 1, 30, 90),
            new ActivityBucket(NOW.plusSeconds(900), 0, 0, 0, 0, 0));
    JsonObject chart =
        Json.createReader(new StringReader(ChartJson.requests(buckets, Duration.ofMinutes(15))))
            .readObject();
    assertEquals("bar", chart.getString("type"));
    assertEquals("03-01 12:00", chart.getJsonObject("data").getJsonArray("labels").getString(0));
    var sets = chart.getJsonObject("data").getJsonArray("datasets");
    assertEquals(7, sets.getJsonObject(0).getJsonArray("data").getInt(0)); // succeeded
    assertEquals(2, sets.getJsonObject(1).getJsonArray("data").getInt(0)); // 4xx
    assertEquals(1, sets.getJsonObject(2).getJsonArray("data").getInt(0)); // 5xx
    assertTrue(
        chart
            .getJsonObject("options")
            .getJsonObject("scales")
            .getJsonObject("y")
            .getBoolean("stacked"));

    JsonObject latency =
        Json.createReader(new StringReader(ChartJson.latency(buckets, Duration.ofDays(1))))
            .readObject();
    assertEquals("line", latency.getString("type"));
    assertEquals("03-01", latency.getJsonObject("data").getJsonArray("labels").getString(0));
    assertEquals(
        90,
        latency
            .getJsonObject("data")
            .getJsonArray("datasets")
            .getJsonObject(1)
            .getJsonArray("data")
            .getInt(0));
  }

  @Test
  void errorRateIsAPercentOfTheLastDaysRequests() {
    assertEquals(0, row(0, 0).errorRatePercent());
    assertEquals(25, row(8, 2).errorRatePercent());
    assertEquals(33, row(3, 1).errorRatePercent());
  }

  @Test
  void pagesReadRecordComponentsAsReadOnlyProperties() {
    TenantRow row = row(8, 2);
    assertEquals("name", RecordELResolver.component(row, "name").getAccessor().getName());
    assertNull(RecordELResolver.component(row, "nope"));
    assertNull(RecordELResolver.component("not a record", "length"));
    assertFalse(RecordELResolver.component(row, "errors24h") == null);
    assertThrows(
        jakarta.el.PropertyNotWritableException.class,
        () -> new RecordELResolver().setValue(null, row, "name", "x"));
  }

  private static TenantRow row(long requests, long errors) {
    return new TenantRow(
        "t1", "Contoso", "active", NOW, 1, 1, 0, 0, 1, NOW, requests, errors, null);
  }
}
