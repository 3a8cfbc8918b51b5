package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.DuplicateKeyException;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A user's record as it is stored: what a SCIM body becomes before it is written (no password, no
 * manager outside the tenant, limits checked, a free userName) and the indexed columns and e-mail
 * rows copied from it. Used by {@link UserProvisioning} for create, replace and PATCH alike.
 */
@ApplicationScoped
class UserRecords {
  private static final Logger LOG = Logger.getLogger(UserRecords.class.getName());
  static final int MAX_INDEXED_LENGTH = 512;

  /** A user's attributes as stored, and the e-mail rows copied from them. */
  record Stored(JsonObject attributes, List<Users.Email> emails) {}

  @Inject Users users;

  /**
   * Copies attributes and indexed columns into the entity, checks uniqueness and the manager
   * reference, applies the account-state rule for {@code active}. Returns the attributes as stored
   * and the e-mail rows they index.
   */
  Stored write(UserEntity user, JsonObject attributes, long now, boolean checkUserNameFree) {
    // Softdrive signs people in through SSO: a password Entra may send is never stored or returned.
    attributes = withoutPassword(attributes);
    attributes = checkManager(user.getTenantId(), user.getId(), attributes);
    UserColumns c = UserColumns.of(attributes);
    if (c.userName() == null || c.userName().isBlank()) {
      throw ScimBadRequest.invalidValue("userName is required and must not be empty");
    }
    limit("userName", c.userName());
    limit("externalId", c.externalId());
    if (checkUserNameFree) {
      ensureUserNameFree(user, c.userName());
    }
    user.setIndexed(
        c.userName(),
        c.externalId(),
        c.displayNameCi(),
        c.givenNameCi(),
        c.familyNameCi(),
        c.employeeNumberCi(),
        c.userTypeCi(),
        c.managerId(),
        c.active());
    user.setDisplayName(
        attributes.get("displayName") instanceof jakarta.json.JsonString s ? s.getString() : null);
    user.setAttributes(attributes.toString(), now);
    return new Stored(attributes, emailRows(c));
  }

  /** A manager must be a user of the same tenant; any other id is dropped (and logged). */
  private JsonObject checkManager(String tenantId, String userId, JsonObject attributes) {
    if (!(attributes.get(Schemas.ENTERPRISE_USER) instanceof JsonObject ent)
        || !(ent.get("manager") instanceof JsonObject manager)) {
      return attributes;
    }
    String managerId = manager.getString("value", "");
    boolean known =
        !managerId.isEmpty()
            && !managerId.equals(userId)
            && !users.existing(TenantId.of(tenantId), List.of(managerId)).isEmpty();
    if (known) {
      return attributes;
    }
    if (!managerId.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Tenant {0}: ignoring manager reference of user {1}: not a user of this tenant",
          new Object[] {tenantId, userId});
    }
    JsonObjectBuilder e = JSON.createObjectBuilder(ent).remove("manager");
    JsonObjectBuilder b = JSON.createObjectBuilder(attributes);
    JsonObject newEnt = e.build();
    if (newEnt.isEmpty()) {
      b.remove(Schemas.ENTERPRISE_USER);
      return withoutSchema(b.build(), Schemas.ENTERPRISE_USER);
    }
    return b.add(Schemas.ENTERPRISE_USER, newEnt).build();
  }

  private static JsonObject withoutSchema(JsonObject attributes, String urn) {
    if (!(attributes.get("schemas") instanceof jakarta.json.JsonArray schemas)) {
      return attributes;
    }
    JsonArrayBuilder kept = JSON.createArrayBuilder();
    for (JsonValue v : schemas) {
      if (!(v instanceof jakarta.json.JsonString s && s.getString().equalsIgnoreCase(urn))) {
        kept.add(v);
      }
    }
    return JSON.createObjectBuilder(attributes).add("schemas", kept).build();
  }

  private void ensureUserNameFree(UserEntity user, String userName) {
    if (users.userNameTakenByAnother(TenantId.of(user.getTenantId()), user, userName)) {
      throw taken(userName);
    }
  }

  static RuntimeException taken(String userName) {
    return ScimErrors.uniqueness(
        "userName \""
            + userName
            + "\" is already taken in this tenant (userNames are compared after NFKC"
            + " normalization and case folding)");
  }

  /** Flushes so that a concurrent insert of the same userName fails here as 409, not at commit. */
  void flushUnique(String userName) {
    try {
      users.flush();
    } catch (DuplicateKeyException e) {
      throw taken(userName);
    }
  }

  /** The e-mails that are indexed: values up to {@value #MAX_INDEXED_LENGTH} characters. */
  private static List<Users.Email> emailRows(UserColumns c) {
    List<Users.Email> rows = new ArrayList<>(c.emails().size());
    for (UserColumns.Email e : c.emails()) {
      if (e.valueCi().length() <= MAX_INDEXED_LENGTH) {
        rows.add(new Users.Email(e.valueCi(), shortType(e.typeCi()), e.primary(), e.displayCi()));
      }
    }
    return rows;
  }

  private static String shortType(String type) {
    return type == null || type.length() <= 64 ? type : type.substring(0, 64);
  }

  private static void limit(String attribute, String value) {
    if (value != null && value.length() > MAX_INDEXED_LENGTH) {
      throw ScimBadRequest.invalidValue(
          attribute + " must be at most " + MAX_INDEXED_LENGTH + " characters");
    }
  }

  /**
   * Drops {@code password} before anything is stored: Softdrive signs people in through SSO and
   * does not manage passwords, so a password Entra may send (RFC 7643 §4.1.1) is neither kept nor
   * returned ({@code returned: never}). Applies to POST, PUT and PATCH alike.
   */
  static JsonObject withoutPassword(JsonObject attributes) {
    String key = null;
    for (String k : attributes.keySet()) {
      if (k.equalsIgnoreCase("password")) {
        key = k;
      }
    }
    return key == null ? attributes : JSON.createObjectBuilder(attributes).remove(key).build();
  }
}
