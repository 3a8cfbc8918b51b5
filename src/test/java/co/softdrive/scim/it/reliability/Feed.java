package co.softdrive.scim.it.reliability;

import static co.softdrive.scim.it.TenantFixture.admin;

import co.softdrive.scim.it.ItConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads the change feed ({@code GET /api/v1/admin/events}) as the rest of Softdrive does. */
final class Feed {
  private static final int PAGE = 1000;

  private Feed() {}

  /** Every event after {@code cursor}, of every tenant, in cursor order. */
  static List<JsonObject> after(long cursor) {
    return read(cursor, null);
  }

  /** Every event of one tenant after {@code cursor}, in cursor order. */
  static List<JsonObject> ofTenant(String tenantId, long cursor) {
    return read(cursor, tenantId);
  }

  /** The cursor of the tenant's newest event (0 when it has none). */
  static long lastCursorOf(String tenantId) {
    List<JsonObject> events = ofTenant(tenantId, 0);
    return events.isEmpty() ? 0 : cursor(events.get(events.size() - 1));
  }

  static long cursor(JsonObject event) {
    return event.getJsonNumber("cursor").longValue();
  }

  /** The {@code userIds} of a membership event. */
  static List<String> userIds(JsonObject event) {
    List<String> ids = new ArrayList<>();
    for (JsonValue v : event.getJsonObject("data").getJsonArray("userIds")) {
      ids.add(((jakarta.json.JsonString) v).getString());
    }
    return ids;
  }

  private static List<JsonObject> read(long cursor, String tenantId) {
    List<JsonObject> all = new ArrayList<>();
    long after = cursor;
    while (true) {
      String body =
          admin()
              .queryParam("after", after)
              .queryParam("limit", PAGE)
              .queryParams(
                  tenantId == null ? java.util.Map.of() : java.util.Map.of("tenantId", tenantId))
              .get(ItConfig.adminBase() + "/events")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      JsonObject page;
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        page = r.readObject();
      }
      List<JsonObject> events = page.getJsonArray("events").getValuesAs(JsonObject.class);
      all.addAll(events);
      if (events.size() < PAGE) {
        return all;
      }
      after = page.getJsonNumber("nextCursor").longValue();
    }
  }
}
