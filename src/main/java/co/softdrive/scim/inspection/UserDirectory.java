package co.softdrive.scim.inspection;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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

  static final Map<String, String> SORTS =
      Map.of(
          "userName", "u.userNameCi",
          "lastModified", "u.lastModified",
          "accountStateAt", "u.accountStateAt",
          "externalId", "u.externalId");

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject MembershipRepository memberships;

  @Transactional
  public long count(String tenantId, String search, State state) {
    return query(tenantId, search, state, "SELECT COUNT(u)", "", Long.class).getSingleResult();
  }

  @Transactional
  public List<UserRow> page(String tenantId, String search, State state, Slice slice) {
    String order =
        " ORDER BY "
            + SORTS.getOrDefault(String.valueOf(slice.sortField()), "u.userNameCi")
            + (slice.ascending() ? " ASC" : " DESC")
            + ", u.id";
    return query(tenantId, search, state, "SELECT u", order, UserEntity.class)
        .setFirstResult(slice.offset())
        .setMaxResults(slice.limit())
        .getResultStream()
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
        em.createNamedQuery("UserEntity.find", UserEntity.class)
            .setParameter("tenantId", tenantId)
            .setParameter("id", userId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> ScimErrors.notFound("User " + userId + " not found"));
    JsonObject attributes = ScimJson.parseStored(u.getAttributes());
    List<UserDetail.GroupRef> groups =
        memberships.groupsOf(tenantId, userId).stream()
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

  private <T> TypedQuery<T> query(
      String tenantId, String search, State state, String select, String order, Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(select).append(" FROM UserEntity u WHERE u.tenantId = :t");
    boolean searching = search != null && !search.isBlank();
    if (searching) {
      jpql.append(
          " AND (u.userNameCi LIKE :q ESCAPE '!' OR u.externalId LIKE :x ESCAPE '!'"
              + " OR EXISTS (SELECT e FROM UserEmailEntity e WHERE e.tenantId = u.tenantId"
              + " AND e.userId = u.id AND e.valueCi LIKE :q ESCAPE '!'))");
    }
    AccountState accountState =
        state == State.ACTIVE
            ? AccountState.ACTIVE
            : state == State.TOMBSTONED
                ? AccountState.DELETED
                : state == State.PENDING_DELETION ? AccountState.PENDING_DELETION : null;
    if (accountState != null) {
      jpql.append(" AND u.accountState = :state");
    }
    TypedQuery<T> q = em.createQuery(jpql + order, type).setParameter("t", tenantId);
    if (accountState != null) {
      q.setParameter("state", accountState);
    }
    if (searching) {
      q.setParameter("q", Patterns.startsWith(search));
      q.setParameter("x", Patterns.startsWithExact(search));
    }
    return q;
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
