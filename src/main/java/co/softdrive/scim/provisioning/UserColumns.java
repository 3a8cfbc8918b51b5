package co.softdrive.scim.provisioning;

import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of a canonical User that are copied into indexed columns and side tables, so that
 * filters, uniqueness and sorting run in the database.
 */
record UserColumns(
    String userName,
    String externalId,
    String displayNameCi,
    String givenNameCi,
    String familyNameCi,
    String employeeNumberCi,
    String userTypeCi,
    String managerId,
    boolean active,
    List<Email> emails) {

  /** One e-mail row: lower-cased value, type and display. */
  record Email(String valueCi, String typeCi, boolean primary, String displayCi) {}

  static UserColumns of(JsonObject user) {
    JsonObject name = object(user, "name");
    JsonObject enterprise = object(user, Schemas.ENTERPRISE_USER);
    JsonObject softdrive = object(user, Schemas.SOFTDRIVE_USER);
    JsonObject manager = enterprise == null ? null : object(enterprise, "manager");
    List<Email> emails = new ArrayList<>();
    JsonValue ev = user.get("emails");
    if (ev instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonObject e && string(e, "value") != null) {
          emails.add(
              new Email(
                  lower(string(e, "value")),
                  lower(string(e, "type")),
                  e.get("primary") == JsonValue.TRUE,
                  lower(string(e, "display"))));
        }
      }
    }
    return new UserColumns(
        string(user, "userName"),
        string(user, "externalId"),
        lower(string(user, "displayName")),
        lower(name == null ? null : string(name, "givenName")),
        lower(name == null ? null : string(name, "familyName")),
        shorter(lower(enterprise == null ? null : string(enterprise, "employeeNumber")), 256),
        shorter(lower(softdrive == null ? null : string(softdrive, "userType")), 256),
        manager == null ? null : emptyToNull(string(manager, "value")),
        user.get("active") != JsonValue.FALSE,
        emails);
  }

  private static JsonObject object(JsonObject o, String key) {
    return o.get(key) instanceof JsonObject j ? j : null;
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String lower(String s) {
    return s == null ? null : truncate(s.toLowerCase(Locale.ROOT));
  }

  /** Index columns hold at most 512 characters; longer values are still stored in full in JSON. */
  private static String truncate(String s) {
    return shorter(s, 512);
  }

  /**
   * At most {@code max} characters: employee_number_ci and user_type_ci hold 256 (a longer value
   * was a 500 on PUT/PATCH and a false 409 on POST, found by HttpEdgeFuzzIT).
   */
  private static String shorter(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
