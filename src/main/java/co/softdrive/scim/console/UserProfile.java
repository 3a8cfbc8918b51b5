package co.softdrive.scim.console;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes support asks about, read from a user's stored JSON for the user page: title,
 * userType (core or Softdrive's extension) and the enterprise extension's fields, with the manager
 * as a reference to another user of the tenant (the stored JSON keeps a manager only when it is
 * one). Attributes that are absent are left out.
 */
public record UserProfile(List<Field> fields, Manager manager) {
  /** A labelled value. */
  public record Field(String label, String value) {}

  /** The manager: the user's id and what to show for it. */
  public record Manager(String id, String name) {}

  static final UserProfile NONE = new UserProfile(List.of(), null);

  static UserProfile of(String attributesJson) {
    if (attributesJson == null || attributesJson.isBlank()) {
      return NONE;
    }
    JsonObject user;
    try (var reader = JSON.createReader(new StringReader(attributesJson))) {
      user = reader.readObject();
    } catch (RuntimeException e) {
      return NONE;
    }
    List<Field> fields = new ArrayList<>();
    add(fields, "title", user, "title");
    add(fields, "userType", user, "userType");
    JsonObject softdrive = object(user, Schemas.SOFTDRIVE_USER);
    if (softdrive != null && !user.containsKey("userType")) {
      add(fields, "userType", softdrive, "userType");
    }
    JsonObject enterprise = object(user, Schemas.ENTERPRISE_USER);
    Manager manager = null;
    if (enterprise != null) {
      add(fields, "employeeNumber", enterprise, "employeeNumber");
      add(fields, "department", enterprise, "department");
      add(fields, "division", enterprise, "division");
      add(fields, "organization", enterprise, "organization");
      add(fields, "costCenter", enterprise, "costCenter");
      JsonObject m = object(enterprise, "manager");
      String id = m == null ? null : string(m, "value");
      if (id != null) {
        String name = string(m, "displayName");
        manager = new Manager(id, name == null ? id : name);
      }
    }
    return new UserProfile(List.copyOf(fields), manager);
  }

  /** The same profile with the manager shown as {@code name} (its userName). */
  UserProfile withManagerName(String name) {
    return manager == null ? this : new UserProfile(fields, new Manager(manager.id(), name));
  }

  private static void add(List<Field> fields, String label, JsonObject from, String name) {
    String value = string(from, name);
    if (value != null && !value.isBlank()) {
      fields.add(new Field(label, value));
    }
  }

  private static JsonObject object(JsonObject from, String name) {
    JsonValue v = from.get(name);
    return v instanceof JsonObject o ? o : null;
  }

  private static String string(JsonObject from, String name) {
    JsonValue v = from.get(name);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null || v == JsonValue.NULL || v instanceof JsonObject ? null : v.toString();
  }
}
