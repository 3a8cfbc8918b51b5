package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.activity.ChangeLog;
import co.softdrive.scim.activity.ResourceChange;
import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.audit.GroupDeletions;
import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.lifecycle.GroupPolicy;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.protocol.patch.MemberChange;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SCIM Groups of one tenant. Membership changes are applied in the database in O(k) for k named
 * members: a member value that is not a user of this tenant (a nested group, an unknown or foreign
 * id) is ignored and logged, never failing the request; re-adding a member is a no-op. A PATCH
 * locks the group row, so concurrent membership changes of one group serialize and none is lost.
 */
@ApplicationScoped
@QuietClientErrors
@RetryDeadlocks
public class GroupProvisioning {
  private static final Logger LOG = Logger.getLogger(GroupProvisioning.class.getName());
  static final int MAX_DISPLAY_NAME = 512;

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject ProtocolComponents protocol;
  @Inject ResourceQueries queries;
  @Inject MembershipRepository memberships;
  @Inject Outbox outbox;
  @Inject GroupPolicy policy;
  @Inject GroupDeletions deletions;
  @Inject ChangeLog changes;

  /** Member ids per change event, so that one event stays a bounded size. */
  static final int IDS_PER_EVENT = 1000;

  @Transactional
  public ResourceView create(String tenantId, JsonObject body) {
    NormalizedResource n =
        protocol.normalizer().normalizeWithMembers(SchemaRegistry.GROUP_TYPE, body);
    long now = System.currentTimeMillis();
    GroupEntity group = new GroupEntity(UUID.randomUUID().toString(), tenantId, now);
    write(group, n.attributes(), now);
    em.persist(group);
    flushUnique(group.getDisplayName());
    List<ChangeEvent> events = new ArrayList<>();
    events.add(groupEvent(group, EventTypes.GROUP_CREATED, null));
    int added = 0;
    if (n.memberValues() != null && !n.memberValues().isEmpty()) {
      List<String> ids = add(group, n.memberValues(), now);
      added = ids.size();
      memberEvents(group, EventTypes.MEMBERS_ADDED, ids, events);
    }
    em.flush();
    outbox.append(events);
    changes.note(ChangeWords.groupCreated(group.getDisplayName(), added));
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
    String oldName = group.getDisplayName();
    JsonObject before = ScimJson.parseStored(group.getAttributes());
    write(group, n.attributes(), now);
    List<ChangeEvent> events = new ArrayList<>();
    if (!oldName.equals(group.getDisplayName())) {
      flushUnique(group.getDisplayName());
      events.add(groupEvent(group, EventTypes.GROUP_RENAMED, oldName));
    }
    int[] counts =
        replaceAll(group, n.memberValues() == null ? List.of() : n.memberValues(), now, events);
    em.flush();
    outbox.append(events);
    changes.note(
        ChangeWords.groupUpdate(
            group.getDisplayName(), before, n.attributes(), counts[0], counts[1]));
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
      String oldName = group.getDisplayName();
      write(group, result.resource(), now);
      attributes = result.resource();
      if (!oldName.equals(group.getDisplayName())) {
        flushUnique(group.getDisplayName());
        events.add(groupEvent(group, EventTypes.GROUP_RENAMED, oldName));
      }
    }
    int added = 0;
    int removed = 0;
    for (MemberChange change : result.memberChanges()) {
      switch (change.kind()) {
        case ADD -> {
          List<String> ids = add(group, change.values(), now);
          added += ids.size();
          memberEvents(group, EventTypes.MEMBERS_ADDED, ids, events);
        }
        case REMOVE -> {
          List<String> ids = remove(group, change.values(), now);
          removed += ids.size();
          memberEvents(group, EventTypes.MEMBERS_REMOVED, ids, events);
        }
        case REMOVE_ALL -> {
          List<String> ids = removeAll(group, now);
          removed += ids.size();
          memberEvents(group, EventTypes.MEMBERS_REMOVED, ids, events);
        }
        case REPLACE_ALL -> {
          int[] counts = replaceAll(group, change.values(), now, events);
          added += counts[0];
          removed += counts[1];
        }
      }
    }
    em.flush();
    outbox.append(events);
    changes.note(
        ChangeWords.groupUpdate(group.getDisplayName(), current, attributes, added, removed));
    return view(group, attributes);
  }

  @Transactional
  public void delete(String tenantId, String id, String ifMatch, Actor actor) {
    GroupEntity group = find(tenantId, id, true);
    Preconditions.check(ifMatch, group.getVersion());
    List<ChangeEvent> events = new ArrayList<>();
    deletions.record(group, actor, policy.of(tenantId), System.currentTimeMillis());
    int deactivated = policy.beforeGroupDeleted(group, actor, events);
    memberships.deleteAll(tenantId, id);
    em.remove(group);
    changes.note(
        ChangeWords.groupDeleted(group.getDisplayName(), group.getMemberCount(), deactivated));
    events.add(groupEvent(group, EventTypes.GROUP_DELETED, null));
    outbox.append(events);
    LOG.log(Level.FINE, "Tenant {0}: deleted group {1}", new Object[] {tenantId, id});
  }

  /** One page of member ids (keyset paging), for streaming a group's members. */
  public List<String> memberPage(String tenantId, String groupId, String after, int size) {
    return memberships.page(tenantId, groupId, after, size);
  }

  /**
   * One page of members with their display names (the users' {@code displayName}, RFC 7643 §4.2
   * {@code members.display}), read in the same query as the page; for when a client is returned
   * {@code members.display}.
   */
  public List<MembershipRepository.Member> memberPageWithDisplayNames(
      String tenantId, String groupId, String after, int size) {
    return memberships.pageWithDisplayNames(tenantId, groupId, after, size);
  }

  GroupEntity find(String tenantId, String id, boolean forUpdate) {
    var query =
        em.createNamedQuery("GroupEntity.find", GroupEntity.class)
            .setParameter("tenantId", tenantId)
            .setParameter("id", id);
    if (forUpdate) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ScimErrors.notFound("Group " + id + " not found"));
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
    ensureDisplayNameFree(group, displayName);
    group.setIndexed(displayName, externalId);
    group.setAttributes(attributes.toString(), now);
  }

  private void ensureDisplayNameFree(GroupEntity group, String displayName) {
    if (UniqueNames.takenByAnother(
        em,
        "GroupEntity.countByDisplayNameKey",
        group.getTenantId(),
        group.getId(),
        group.getDisplayNameKey(),
        displayName)) {
      throw taken(displayName);
    }
  }

  private void flushUnique(String displayName) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw taken(displayName);
    }
  }

  private static RuntimeException taken(String displayName) {
    return ScimErrors.uniqueness(
        "displayName \""
            + displayName
            + "\" is already taken by another group in this tenant (displayNames are compared"
            + " after NFKC normalization and case folding)");
  }

  private List<String> add(GroupEntity group, Collection<String> values, long now) {
    Set<String> wanted = new LinkedHashSet<>(values);
    String tenantId = group.getTenantId();
    Set<String> users = memberships.existingUsers(tenantId, wanted);
    if (users.size() < wanted.size()) {
      LOG.log(
          Level.INFO,
          "Tenant {0}: group {1}: ignored {2} member value(s) that are not users of this tenant"
              + " (nested groups are not provisioned)",
          new Object[] {tenantId, group.getId(), wanted.size() - users.size()});
    }
    Set<String> already = memberships.existingMembers(tenantId, group.getId(), users);
    List<String> added = new ArrayList<>();
    for (String id : wanted) {
      if (users.contains(id) && !already.contains(id)) {
        added.add(id);
      }
    }
    memberships.insert(tenantId, group.getId(), added, now);
    if (!added.isEmpty()) {
      group.addToMemberCount(added.size(), now);
    }
    return added;
  }

  private List<String> remove(GroupEntity group, Collection<String> values, long now) {
    List<String> removed =
        memberships.delete(group.getTenantId(), group.getId(), new LinkedHashSet<>(values));
    if (!removed.isEmpty()) {
      group.addToMemberCount(-removed.size(), now);
    }
    return removed;
  }

  private List<String> removeAll(GroupEntity group, long now) {
    List<String> all = allMembers(group);
    int removed = memberships.deleteAll(group.getTenantId(), group.getId());
    if (removed > 0) {
      group.addToMemberCount(-removed, now);
    }
    return all;
  }

  private List<String> allMembers(GroupEntity group) {
    List<String> all = new ArrayList<>();
    String after = null;
    List<String> page;
    do {
      page = memberships.page(group.getTenantId(), group.getId(), after, 1000);
      all.addAll(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == 1000);
    return all;
  }

  /** Returns {added, removed}. */
  private int[] replaceAll(
      GroupEntity group, Collection<String> values, long now, List<ChangeEvent> events) {
    Set<String> wanted = new LinkedHashSet<>(values);
    // One pass over the current members tells both who goes and who stays.
    Set<String> keep = new java.util.HashSet<>();
    List<String> drop = new ArrayList<>();
    for (String id : allMembers(group)) {
      (wanted.contains(id) ? keep : drop).add(id);
    }
    List<String> removed = remove(group, drop, now);
    memberEvents(group, EventTypes.MEMBERS_REMOVED, removed, events);
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      if (!keep.contains(id)) {
        missing.add(id);
      }
    }
    List<String> added = add(group, missing, now);
    memberEvents(group, EventTypes.MEMBERS_ADDED, added, events);
    return new int[] {added.size(), removed.size()};
  }

  private static ChangeEvent groupEvent(GroupEntity group, String type, String previousName) {
    var data = JSON.createObjectBuilder().add("displayName", group.getDisplayName());
    if (group.getExternalId() != null) {
      data.add("externalId", group.getExternalId());
    }
    if (previousName != null) {
      data.add("previousDisplayName", previousName);
    }
    return new ChangeEvent(group.getTenantId(), type, "Group", group.getId(), data.build());
  }

  /** One event per {@link #IDS_PER_EVENT} member ids; none when nothing changed. */
  private static void memberEvents(
      GroupEntity group, String type, List<String> userIds, List<ChangeEvent> events) {
    for (int i = 0; i < userIds.size(); i += IDS_PER_EVENT) {
      var ids = JSON.createArrayBuilder();
      userIds.subList(i, Math.min(userIds.size(), i + IDS_PER_EVENT)).forEach(ids::add);
      events.add(
          new ChangeEvent(
              group.getTenantId(),
              type,
              "Group",
              group.getId(),
              JSON.createObjectBuilder()
                  .add("displayName", group.getDisplayName())
                  .add("userIds", ids)
                  .build()));
    }
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
