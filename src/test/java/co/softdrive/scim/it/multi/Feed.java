package co.softdrive.scim.it.multi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The change feed ({@code GET /api/v1/admin/events}) read from the start, as a consumer does. */
final class Feed {
  static final int PAGE = 1000;

  private final List<JsonObject> events;

  private Feed(List<JsonObject> events) {
    this.events = events;
  }

  /** Every event of the deployment, page by page, passing each answer's nextCursor on. */
  static Feed readAll(EntraClient admin) {
    List<JsonObject> all = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonObject page =
          ProvisioningRun.expect(
                  admin.get("/events?after=" + after + "&limit=" + PAGE), 200, "events")
              .json();
      JsonArray batch = page.getJsonArray("events");
      if (batch.isEmpty()) {
        return new Feed(all);
      }
      batch.forEach(e -> all.add(e.asJsonObject()));
      after = page.getJsonNumber("nextCursor").longValue();
    }
  }

  int size() {
    return events.size();
  }

  /**
   * Where the cursors are not 1, 2, 3, ...: a gap (an event lost, or one that will appear later
   * below a cursor a consumer already passed) or a duplicate. Empty when the feed is whole.
   */
  List<String> gapsAndDuplicates() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long cursor = events.get(i).getJsonNumber("cursor").longValue();
      if (cursor != i + 1) {
        problems.add("position " + (i + 1) + " has cursor " + cursor);
      }
    }
    return problems;
  }

  /** For one tenant and event type: how many events name each resource id. */
  Map<String, Integer> countByResource(String tenantId, String type) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonObject e : of(tenantId, type)) {
      counts.merge(e.getString("resourceId"), 1, Integer::sum);
    }
    return counts;
  }

  /** For one group and event type: how many events name each user id in {@code data.userIds}. */
  Map<String, Integer> countByMember(String tenantId, String type, String groupId) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonObject e : of(tenantId, type)) {
      if (e.getString("resourceId").equals(groupId)) {
        for (JsonValue id : e.getJsonObject("data").getJsonArray("userIds")) {
          counts.merge(((JsonString) id).getString(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private List<JsonObject> of(String tenantId, String type) {
    return events.stream()
        .filter(e -> e.getString("tenantId").equals(tenantId) && e.getString("type").equals(type))
        .toList();
  }
}
