package co.softdrive.scim.it.reliability;

import java.util.Collection;
import java.util.stream.Collectors;

/** SCIM request bodies of the reliability tests, shaped like Entra's. */
final class Bodies {
  private Bodies() {}

  /** A PatchOp message around the given operation objects. */
  static String patch(String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations)
        + "]}";
  }

  /** One operation: {@code {"op": op, "path": path, "value": valueJson}}. */
  static String op(String op, String path, String valueJson) {
    return "{\"op\":\"" + op + "\",\"path\":\"" + path + "\",\"value\":" + valueJson + "}";
  }

  /** A JSON string literal (the tests' values need no escaping). */
  static String str(String value) {
    return "\"" + value + "\"";
  }

  /** An Add or Remove of {@code members} with these user ids ({@code [{"value": id}, ...]}). */
  static String members(String op, Collection<String> userIds) {
    return op(
        op,
        "members",
        userIds.stream()
            .map(id -> "{\"value\":\"" + id + "\"}")
            .collect(Collectors.joining(",", "[", "]")));
  }

  /** A User with this userName, active, plus further attributes given as JSON members. */
  static String user(String userName, String... members) {
    StringBuilder b =
        new StringBuilder(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"")
            .append(userName)
            .append("\",\"active\":true");
    for (String m : members) {
      b.append(',').append(m);
    }
    return b.append('}').toString();
  }
}
