package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.activity.ChangeLog;
import co.softdrive.scim.activity.ResourceChange;
import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.lifecycle.AccountLifecycle;
import co.softdrive.scim.lifecycle.UserPurge;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.persistence.DuplicateKeyException;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.UserValueRepository;
import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.protocol.patch.PatchRequest;
import co.softdrive.scim.protocol.patch.PatchResult;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.query.ListParams;
import co.softdrive.scim.query.Page;
import co.softdrive.scim.query.ResourceQueries;
import co.softdrive.scim.transaction.QuietClientErrors;
import co.softdrive.scim.transaction.RetryDeadlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SCIM Users of one tenant: one transaction per request (RFC 7644 §3.3, §3.4.1, §3.5, §3.6). {@code
 * active=false} turns the user into a tombstone (its Softdrive account is deleted, the SCIM record
 * stays and still answers GET and filters); {@code active=true} restores it; DELETE purges the
 * record.
 */
@ApplicationScoped
@QuietClientErrors
@RetryDeadlocks
public class UserProvisioning {
  private static final Logger LOG = Logger.getLogger(UserProvisioning.class.getName());

  @Inject ProtocolComponents protocol;
  @Inject ResourceQueries queries;
  @Inject Users users;
  @Inject UserRecords records;
  @Inject MembershipRepository memberships;
  @Inject UserValueRepository values;
  @Inject AccountLifecycle lifecycle;
  @Inject UserPurge purge;
  @Inject Outbox outbox;
  @Inject ChangeLog changes;

  @Transactional
  public ResourceView create(String tenantId, JsonObject body, Actor actor) {
    JsonObject attributes = protocol.normalizer().normalize(SchemaRegistry.USER_TYPE, body);
    long now = System.currentTimeMillis();
    UserEntity user = new UserEntity(UUID.randomUUID().toString(), tenantId, now);
    // No count before the insert: the unique index decides, a concurrent create included.
    UserRecords.Stored stored = records.write(user, attributes, now, false);
    attributes = stored.attributes();
    List<ChangeEvent> events = new ArrayList<>();
    lifecycle.created(user, actor, now, events);
    try {
      users.insert(TenantId.of(tenantId), user, stored.emails());
    } catch (DuplicateKeyException e) {
      throw UserRecords.taken(user.getUserName());
    }
    values.insert(TenantId.of(tenantId), user.getId(), UserValues.of(attributes));
    outbox.append(events);
    changes.note(
        ResourceChange.of(
            user.getUserName(),
            ResourceChange.CREATED,
            user.isActive() ? "created" : "created inactive (no account)"));
    LOG.log(Level.FINE, "Tenant {0}: created user {1}", new Object[] {tenantId, user.getId()});
    return view(user, managerName(tenantId, attributes), JsonValue.EMPTY_JSON_ARRAY);
  }

  @Transactional
  public ResourceView get(String tenantId, String id) {
    UserEntity user = find(tenantId, id, false);
    changes.note(ResourceChange.read(user.getUserName()));
    return view(
        user,
        managerName(tenantId, ScimJson.parseStored(user.getAttributes())),
        groups(tenantId, id));
  }

  @Transactional
  public Page<ResourceView> list(String tenantId, ListParams params) {
    Page<UserEntity> page = queries.users(tenantId, params);
    List<JsonObject> attributes =
        ManagerNames.fill(
            users,
            tenantId,
            page.items().stream().map(u -> ScimJson.parseStored(u.getAttributes())).toList());
    List<ResourceView> views = new ArrayList<>(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      views.add(view(page.items().get(i), attributes.get(i), null));
    }
    return new Page<>(views, page.total());
  }

  @Transactional
  public ResourceView replace(
      String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    // The groups for the answer are read before the user's row is locked: a membership change of
    // the same user holds its new group_member rows and then waits for that row (the foreign key),
    // so reading memberships while holding it deadlocked. A user update changes no membership.
    JsonArray groups = groups(tenantId, id);
    UserEntity user = find(tenantId, id, true);
    Preconditions.check(ifMatch, user.getVersion());
    JsonObject attributes = protocol.normalizer().normalize(SchemaRegistry.USER_TYPE, body);
    return update(user, ScimJson.parseStored(user.getAttributes()), attributes, groups, actor);
  }

  @Transactional
  public ResourceView patch(
      String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    PatchRequest request = protocol.parsePatch(body);
    // The groups for the answer are read before the user's row is locked: a membership change of
    // the same user holds its new group_member rows and then waits for that row (the foreign key),
    // so reading memberships while holding it deadlocked. A user update changes no membership.
    JsonArray groups = groups(tenantId, id);
    UserEntity user = find(tenantId, id, true);
    Preconditions.check(ifMatch, user.getVersion());
    JsonObject current = ScimJson.parseStored(user.getAttributes());
    PatchResult result = protocol.patchEngine().apply(SchemaRegistry.USER_TYPE, current, request);
    if (!result.modified() || result.resource().equals(current)) {
      changes.note(ResourceChange.of(user.getUserName(), ResourceChange.UNCHANGED, "no change"));
      return view(user, managerName(tenantId, current), groups);
    }
    return update(user, current, result.resource(), groups, actor);
  }

  /** Writes new attributes of an existing user, then applies the lifecycle rules. */
  private ResourceView update(
      UserEntity user, JsonObject before, JsonObject newAttributes, JsonArray groups, Actor actor) {
    long now = System.currentTimeMillis();
    String oldUserName = user.getUserName();
    String oldAttributes = user.getAttributes();
    boolean wasActive = user.isActive();
    AccountState oldState = user.getAccountState();
    lifecycle.beforeUpdate(user, UserColumns.of(newAttributes).active());
    UserRecords.Stored stored = records.write(user, newAttributes, now, true);
    JsonObject attributes = stored.attributes();
    if (!oldUserName.equals(user.getUserName())) {
      records.flushUnique(user.getUserName());
    }
    users.replaceEmails(TenantId.of(user.getTenantId()), user.getId(), stored.emails());
    values.replace(
        TenantId.of(user.getTenantId()),
        user.getId(),
        UserValues.of(before),
        UserValues.of(attributes));
    List<ChangeEvent> events = new ArrayList<>();
    lifecycle.updated(user, !oldAttributes.equals(user.getAttributes()), actor, now, events);
    users.flush();
    outbox.append(events);
    changes.note(
        ChangeWords.userUpdate(
            user.getUserName(),
            before,
            attributes,
            wasActive,
            user.isActive(),
            oldState,
            user.getAccountState()));
    return view(user, managerName(user.getTenantId(), attributes), groups);
  }

  /** The attributes to return: with the manager's display name (never stored). */
  private JsonObject managerName(String tenantId, JsonObject attributes) {
    return ManagerNames.fill(users, tenantId, attributes);
  }

  @Transactional
  public void delete(String tenantId, String id, String ifMatch, Actor actor) {
    UserEntity user = find(tenantId, id, true);
    Preconditions.check(ifMatch, user.getVersion());
    String transition = ChangeWords.transition(user.getAccountState(), AccountState.DELETED);
    changes.note(
        ResourceChange.of(
            user.getUserName(),
            ResourceChange.DELETED,
            "record deleted" + (transition == null ? "" : "; " + transition)));
    purge.purge(user, actor, "DELETE from provisioning");
  }

  /** The user of this tenant, or 404; locked for update when {@code forUpdate}. */
  UserEntity find(String tenantId, String id, boolean forUpdate) {
    return users
        .find(TenantId.of(tenantId), id, forUpdate)
        .orElseThrow(() -> ScimErrors.notFound("User " + id + " not found"));
  }

  private JsonArray groups(String tenantId, String userId) {
    JsonArrayBuilder b = JSON.createArrayBuilder();
    for (Object[] row : memberships.groupsOf(TenantId.of(tenantId), userId)) {
      b.add(
          JSON.createObjectBuilder()
              .add("value", (String) row[0])
              .add("display", (String) row[1])
              .add("type", "direct"));
    }
    return b.build();
  }

  static ResourceView view(UserEntity u, JsonObject attributes, jakarta.json.JsonArray groups) {
    return new ResourceView(
        u.getId(),
        "User",
        attributes,
        u.getCreatedAt(),
        u.getLastModified(),
        u.getVersion(),
        groups);
  }
}
