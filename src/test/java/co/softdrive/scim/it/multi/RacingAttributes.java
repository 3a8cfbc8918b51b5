package co.softdrive.scim.it.multi;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Sixteen single-valued user attributes, one per racing client: a lost update shows as an attribute
 * that does not hold its client's last value.
 */
final class RacingAttributes {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final List<String> PATHS =
      List.of(
          "displayName",
          "nickName",
          "title",
          "userType",
          "preferredLanguage",
          "locale",
          "timezone",
          "name.givenName",
          "name.familyName",
          "name.middleName",
          "name.honorificPrefix",
          "name.honorificSuffix",
          ENTERPRISE + ":employeeNumber",
          ENTERPRISE + ":costCenter",
          ENTERPRISE + ":organization",
          ENTERPRISE + ":department");

  private RacingAttributes() {}

  static String value(int round, int client) {
    return "round-" + round + "-client-" + client;
  }

  /** The value of client {@code i}'s attribute in a User resource, or null. */
  static String read(JsonObject user, int i) {
    String path = PATHS.get(i);
    JsonObject holder = user;
    String attribute = path;
    if (path.startsWith(ENTERPRISE)) {
      holder = user.getJsonObject(ENTERPRISE);
      attribute = path.substring(ENTERPRISE.length() + 1);
    } else if (path.startsWith("name.")) {
      holder = user.getJsonObject("name");
      attribute = path.substring("name.".length());
    }
    return holder == null ? null : holder.getString(attribute, null);
  }
}
