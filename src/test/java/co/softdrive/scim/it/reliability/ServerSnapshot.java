package co.softdrive.scim.it.reliability;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One tenant's users and group members as the server returns them, read after a test's load. */
final class ServerSnapshot {
  private static final int PAGE = 200;

  /** Every user of the tenant by userName. */
  final Map<String, JsonObject> usersByName = new HashMap<>();

  /** Member ids per group id. */
  final Map<String, Set<String>> members = new HashMap<>();

  static ServerSnapshot read(Http http, List<String> groupIds) throws IOException {
    ServerSnapshot s = new ServerSnapshot();
    for (int start = 1; ; start += PAGE) {
      JsonObject page =
          expect200(http.send("GET", "/Users?startIndex=" + start + "&count=" + PAGE, null));
      List<JsonObject> resources =
          page.containsKey("Resources")
              ? page.getJsonArray("Resources").getValuesAs(JsonObject.class)
              : List.of();
      resources.forEach(u -> s.usersByName.put(u.getString("userName"), u));
      if (resources.isEmpty() || start + resources.size() > page.getInt("totalResults")) {
        break;
      }
    }
    for (String group : groupIds) {
      s.members.put(group, memberIds(expect200(http.send("GET", "/Groups/" + group, null))));
    }
    return s;
  }

  static Set<String> memberIds(JsonObject group) {
    Set<String> ids = new HashSet<>();
    if (group.containsKey("members")) {
      for (JsonValue m : group.getJsonArray("members")) {
        ids.add(m.asJsonObject().getString("value"));
      }
    }
    return ids;
  }

  private static JsonObject expect200(Http.Reply reply) {
    if (reply.status() != 200) {
      throw new AssertionError("reading the server's state: " + reply);
    }
    return reply.json();
  }
}
