package co.softdrive.scim.provisioning;

import co.softdrive.scim.activity.ChangeLog;
import co.softdrive.scim.activity.ResourceChange;
import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.lifecycle.GroupDeletions;
import co.softdrive.scim.lifecycle.GroupPolicy;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.Groups;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.protocol.patch.PatchRequest;
import co.softdrive.scim.protocol.patch.PatchResult;
import co.softdrive.scim.protocol.schema.NormalizedResource;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.query.ListParams;
import co.softdrive.scim.query.Page;
import co.softdrive.scim.query.ResourceQueries;
import co.softdrive.scim.transaction.QuietClientErrors;
import co.softdrive.scim.transaction.RetryDeadlocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SCIM Groups of one tenant: the rules of each request, the group rows through {@link Groups}.
 * Membership changes are {@link MembershipChanges}' (O(k) for k named members; values that are not
 * users of this tenant are ignored). A write locks the group row, so concurrent changes of one
 * group serialize and none is lost.
 */
@ApplicationScoped
@QuietClientErrors
@RetryDeadlocks
public class GroupProvisioning {
  private static final Logger LOG = Logger.getLogger(GroupProvisioning.class.getName());
  static final int MAX_DISPLAY_NAME = 512;

  @Inject ProtocolComponents protocol;
  @Inject ResourceQueries queries;
  @Inject Groups groups;
  @Inject MembershipRepository memberships;
  @Inject Users users;
  @Inject Outbox outbox;
  @Inject GroupPolicy policy;
  @Inject GroupDeletions deletions;
  @Inject ChangeLog changes;

  @Transactional
  public ResourceView create(String tenantId, JsonObject body) {
    NormalizedResource n =
        protocol.normalizer().normalizeWithMembers(SchemaRegistry.GROUP_TYPE, body);
    long now = System.currentTimeMillis();
    GroupEntity group = new GroupEntity(UUID.randomUUID().toString(), tenantId, now);
    write(group, n.attributes(), now);
    if (!groups.insert(group)) {
      throw taken(group.getDisplayName());
    }
    List<ChangeEvent> events = new ArrayList<>();
    events.add(GroupEvents.group(group, EventTypes.GROUP_CREATED, null));
    MembershipChanges members = new MembershipChanges(memberships, users, group, now, events);
    if (n.memberValues() != null && !n.memberValues().isEmpty()) {
      members.add(n.memberValues());
    }
    groups.write();
    outbox.append(events);
    changes.note(ChangeWords.groupCreated(group.getDisplayName(), members.added()));
    return view(group, n.attributes());
  }

  @Transactional
  public ResourceView get(String tenantId, String id) {
    GroupEntity group = find(tenantId, id, false);
    changes.note(ResourceChange.read(group.getDisplayName()));
    return view(group, ScimJson.parseStored(group.getAttributes()));
  }

  @Transactional
  public Page<ResourceView> list(String tenantId, ListParams params) {
    Page<GroupEntity> page = queries.groups(tenantId, params);
    return new Page<>(
        page.items().stream().map(g -> view(g, ScimJson.parseStored(g.getAttributes()))).toList(),
        page.total());
  }

  @Transactional
  public ResourceView replace(String tenantId, String id, JsonObject body, String ifMatch) {
    GroupEntity group = find(tenantId, id, true);
    Preconditions.check(ifMatch, group.getVersion());
    NormalizedResource n =
        protocol.normalizer().normalizeWithMembers(SchemaRegistry.GROUP_TYPE, body);
    long now = System.currentTimeMillis();
    JsonObject before = ScimJson.parseStored(group.getAttributes());
    List<ChangeEvent> events = new ArrayList<>();
    rewrite(group, n.attributes(), now, events);
    MembershipChanges members = new MembershipChanges(memberships, users, group, now, events);
    members.replaceAll(n.memberValues() == null ? List.of() : n.memberValues());
    groups.write();
    outbox.append(events);
    changes.note(
        ChangeWords.groupUpdate(
            group.getDisplayName(), before, n.attributes(), members.added(), members.removed()));
    return view(group, n.attributes());
  }

  /** Applies a PATCH; returns the group as it is afterwards. */
  @Transactional
  public ResourceView patch(String tenantId, String id, JsonObject body, String ifMatch) {
    PatchRequest request = protocol.parsePatch(body);
    GroupEntity group = find(tenantId, id, true);
    Preconditions.check(ifMatch, group.getVersion());
    JsonObject current = ScimJson.parseStored(group.getAttributes());
    PatchResult result = protocol.patchEngine().apply(SchemaRegistry.GROUP_TYPE, current, request);
    long now = System.currentTimeMillis();
    JsonObject attributes = current;
    List<ChangeEvent> events = new ArrayList<>();
    if (result.modified() && !result.resource().equals(current)) {
      rewrite(group, result.resource(), now, events);
      attributes = result.resource();
    }
    MembershipChanges members = new MembershipChanges(memberships, users, group, now, events);
    members.apply(result.memberChanges());
    groups.write();
    outbox.append(events);
    changes.note(
        ChangeWords.groupUpdate(
            group.getDisplayName(), current, attributes, members.added(), members.removed()));
    return view(group, attributes);
  }

  @Transactional
  public void delete(String tenantId, String id, String ifMatch, Actor actor) {
    GroupEntity group = find(tenantId, id, true);
    Preconditions.check(ifMatch, group.getVersion());
    List<ChangeEvent> events = new ArrayList<>();
    deletions.record(group, actor, policy.of(tenantId), System.currentTimeMillis());
    int deactivated = policy.beforeGroupDeleted(group, actor, events);
    groups.delete(TenantId.of(tenantId), group);
    changes.note(
        ChangeWords.groupDeleted(group.getDisplayName(), group.getMemberCount(), deactivated));
    events.add(GroupEvents.group(group, EventTypes.GROUP_DELETED, null));
    outbox.append(events);
    LOG.log(Level.FINE, "Tenant {0}: deleted group {1}", new Object[] {tenantId, id});
  }

  /** One page of member ids (keyset paging), for streaming a group's members. */
  public List<String> memberPage(String tenantId, String groupId, String after, int size) {
    return memberships.page(TenantId.of(tenantId), groupId, after, size);
  }

  /**
   * One page of members with their display names (the users' {@code displayName}, RFC 7643 §4.2
   * {@code members.display}), read in the same query as the page; for when a client is returned
   * {@code members.display}.
   */
  public List<MembershipRepository.Member> memberPageWithDisplayNames(
      String tenantId, String groupId, String after, int size) {
    return memberships.pageWithDisplayNames(TenantId.of(tenantId), groupId, after, size);
  }

  GroupEntity find(String tenantId, String id, boolean forUpdate) {
    TenantId tenant = TenantId.of(tenantId);
    return (forUpdate ? groups.lock(tenant, id) : groups.find(tenant, id))
        .orElseThrow(() -> ScimErrors.notFound("Group " + id + " not found"));
  }

  /**
   * Writes new attributes onto a locked group; a new displayName is written at once, so that the
   * unique index judges it, and announced.
   */
  private void rewrite(
      GroupEntity group, JsonObject attributes, long now, List<ChangeEvent> events) {
    String oldName = group.getDisplayName();
    write(group, attributes, now);
    if (!oldName.equals(group.getDisplayName())) {
      if (!groups.rename(group)) {
        throw taken(group.getDisplayName());
      }
      events.add(GroupEvents.group(group, EventTypes.GROUP_RENAMED, oldName));
    }
  }

  private void write(GroupEntity group, JsonObject attributes, long now) {
    String displayName =
        attributes.get("displayName") instanceof JsonString s ? s.getString() : null;
    if (displayName == null || displayName.isBlank()) {
      throw ScimBadRequest.invalidValue("displayName is required and must not be empty");
    }
    if (displayName.length() > MAX_DISPLAY_NAME) {
      throw ScimBadRequest.invalidValue(
          "displayName must be at most " + MAX_DISPLAY_NAME + " characters");
    }
    String externalId = attributes.get("externalId") instanceof JsonString s ? s.getString() : null;
    if (externalId != null && externalId.length() > MAX_DISPLAY_NAME) {
      throw ScimBadRequest.invalidValue("externalId must be at most 512 characters");
    }
    if (groups.nameTaken(TenantId.of(group.getTenantId()), group, displayName)) {
      throw taken(displayName);
    }
    group.setIndexed(displayName, externalId);
    group.setAttributes(attributes.toString(), now);
  }

  private static RuntimeException taken(String displayName) {
    return ScimErrors.uniqueness(
        "displayName \""
            + displayName
            + "\" is already taken by another group in this tenant (displayNames are compared"
            + " after NFKC normalization and case folding)");
  }

  static ResourceView view(GroupEntity g, JsonObject attributes) {
    return new ResourceView(
        g.getId(),
        "Group",
        attributes,
        g.getCreatedAt(),
        g.getLastModified(),
        g.getVersion(),
        null);
  }
}
