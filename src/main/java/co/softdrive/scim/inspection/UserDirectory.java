package co.softdrive.scim.inspection;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.UserReadModel;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's users for the console: search by the start of userName or e-mail (case-insensitive) or
 * externalId (exact case), filter by account state, sort, page in the database.
 */
@ApplicationScoped
@QuietClientErrors
public class UserDirectory {
  /** Account-state filters: all, active accounts, tombstones, deletions held by the guard. */
  public enum State {
    ALL,
    ACTIVE,
    TOMBSTONED,
    PENDING_DELETION
  }

  static final Map<String, UserReadModel.Sort> SORTS =
      Map.of(
          "userName", UserReadModel.Sort.USER_NAME,
          "lastModified", UserReadModel.Sort.LAST_MODIFIED,
          "accountStateAt", UserReadModel.Sort.ACCOUNT_STATE_AT,
          "externalId", UserReadModel.Sort.EXTERNAL_ID);

  @Inject UserReadModel users;
  @Inject MembershipRepository memberships;

  @Transactional
  public long count(String tenantId, String search, State state) {
    return TenantIds.of(tenantId).map(t -> users.count(t, search, accountState(state))).orElse(0L);
  }

  @Transactional
  public List<UserRow> page(String tenantId, String search, State state, Slice slice) {
    UserReadModel.Sort sort =
        SORTS.getOrDefault(String.valueOf(slice.sortField()), UserReadModel.Sort.USER_NAME);
    return TenantIds.of(tenantId)
        .map(
            t ->
                users.page(
                    t,
                    search,
                    accountState(state),
                    sort,
                    slice.ascending(),
                    slice.offset(),
                    slice.limit()))
        .orElse(List.of())
        .stream()
        .map(
            u ->
                new UserRow(
                    u.getId(),
                    u.getUserName(),
                    displayName(ScimJson.parseStored(u.getAttributes())),
                    u.getExternalId(),
                    u.isActive(),
                    u.getAccountState().name(),
                    Instant.ofEpochMilli(u.getAccountStateAt()),
                    Instant.ofEpochMilli(u.getLastModified())))
        .toList();
  }

  @Transactional
  public UserDetail get(String tenantId, String userId) {
    UserEntity u =
        TenantIds.of(tenantId)
            .flatMap(t -> users.find(t, userId))
            .orElseThrow(() -> ScimErrors.notFound("User " + userId + " not found"));
    JsonObject attributes = ScimJson.parseStored(u.getAttributes());
    List<UserDetail.GroupRef> groups =
        memberships.groupsOf(TenantId.of(tenantId), userId).stream()
            .map(row -> new UserDetail.GroupRef((String) row[0], (String) row[1]))
            .toList();
    return new UserDetail(
        u.getId(),
        u.getUserName(),
        displayName(attributes),
        u.getExternalId(),
        u.isActive(),
        u.getAccountState().name(),
        Instant.ofEpochMilli(u.getAccountStateAt()),
        Instant.ofEpochMilli(u.getCreatedAt()),
        Instant.ofEpochMilli(u.getLastModified()),
        u.getVersion(),
        pretty(attributes),
        groups);
  }

  /** The account state a filter asks for; null for all. */
  static AccountState accountState(State state) {
    return switch (state == null ? State.ALL : state) {
      case ALL -> null;
      case ACTIVE -> AccountState.ACTIVE;
      case TOMBSTONED -> AccountState.DELETED;
      case PENDING_DELETION -> AccountState.PENDING_DELETION;
    };
  }

  static String displayName(JsonObject attributes) {
    return attributes.get("displayName") instanceof JsonString s ? s.getString() : null;
  }

  /** Indented JSON for the detail view. */
  static String pretty(JsonObject json) {
    StringWriter out = new StringWriter();
    try (JsonWriter w =
        JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      w.writeObject(json);
    }
    return out.toString().strip();
  }
}
