package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the enterprise extension's read-only {@code manager.displayName} (RFC 7643 §4.3) of users
 * about to be returned, from the managers' own rows: one primary-key lookup for a user, one IN list
 * for a page of users, nothing when no user has a manager. The stored JSON never holds it, so a
 * manager's rename shows at the next read.
 */
final class ManagerNames {
  private ManagerNames() {}

  /** {@code users} with their managers' display names, in the same order. */
  static List<JsonObject> fill(Users directory, String tenantId, List<JsonObject> users) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonObject u : users) {
      String id = managerId(u);
      if (id != null) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return users;
    }
    Map<String, String> names = directory.displayNames(TenantId.of(tenantId), ids);
    List<JsonObject> out = new ArrayList<>(users.size());
    for (JsonObject u : users) {
      out.add(with(u, names));
    }
    return out;
  }

  /** One user with its manager's display name. */
  static JsonObject fill(Users directory, String tenantId, JsonObject user) {
    return fill(directory, tenantId, List.of(user)).get(0);
  }

  /** {@code user} with {@code manager.displayName} from {@code names}, if its manager has one. */
  static JsonObject with(JsonObject user, Map<String, String> names) {
    String id = managerId(user);
    String name = id == null ? null : names.get(id);
    if (name == null) {
      return user;
    }
    JsonObject ent = user.getJsonObject(Schemas.ENTERPRISE_USER);
    JsonObject manager =
        JSON.createObjectBuilder(ent.getJsonObject("manager")).add("displayName", name).build();
    return JSON.createObjectBuilder(user)
        .add(Schemas.ENTERPRISE_USER, JSON.createObjectBuilder(ent).add("manager", manager))
        .build();
  }

  private static String managerId(JsonObject user) {
    if (user.get(Schemas.ENTERPRISE_USER) instanceof JsonObject ent
        && ent.get("manager") instanceof JsonObject m
        && m.get("value") instanceof JsonString s
        && !s.getString().isEmpty()) {
      return s.getString();
    }
    return null;
  }
}
