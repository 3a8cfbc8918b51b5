package co.softdrive.scim.provisioning;

import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.feed.EventTypes;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.patch.MemberChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The membership changes of one write of one group (locked by the caller), applied in the database
 * in O(k) for k named members: a member value that is not a user of this tenant (a nested group, an
 * unknown or foreign id) is ignored and logged, never failing the request; re-adding a member or
 * removing a non-member is a no-op. Keeps the group's member count in step, counts what was added
 * and removed, and collects the change events in the order of the changes.
 */
final class MembershipChanges {
  private static final Logger LOG = Logger.getLogger(MembershipChanges.class.getName());

  /** Member ids read per page when every member is needed. */
  private static final int PAGE = 1000;

  private final MembershipRepository memberships;
  private final Users users;
  private final GroupEntity group;
  private final TenantId tenant;
  private final long now;
  private final List<ChangeEvent> events;
  private int added;
  private int removed;

  MembershipChanges(
      MembershipRepository memberships,
      Users users,
      GroupEntity group,
      long now,
      List<ChangeEvent> events) {
    this.memberships = memberships;
    this.users = users;
    this.group = group;
    this.tenant = TenantId.of(group.getTenantId());
    this.now = now;
    this.events = events;
  }

  /** The member operations of a PATCH, in order (RFC 7644 §3.5.2). */
  void apply(List<MemberChange> changes) {
    for (MemberChange change : changes) {
      switch (change.kind()) {
        case ADD -> add(change.values());
        case REMOVE -> remove(change.values());
        case REMOVE_ALL -> removeAll();
        case REPLACE_ALL -> replaceAll(change.values());
      }
    }
  }

  void add(Collection<String> values) {
    List<String> ids = insert(values);
    added += ids.size();
    GroupEvents.members(group, EventTypes.MEMBERS_ADDED, ids, events);
  }

  void remove(Collection<String> values) {
    List<String> ids = delete(values);
    removed += ids.size();
    GroupEvents.members(group, EventTypes.MEMBERS_REMOVED, ids, events);
  }

  void removeAll() {
    List<String> all = allMembers();
    int deleted = memberships.deleteAll(tenant, group.getId());
    if (deleted > 0) {
      group.addToMemberCount(-deleted, now);
    }
    removed += all.size();
    GroupEvents.members(group, EventTypes.MEMBERS_REMOVED, all, events);
  }

  /** The members become exactly {@code values}: who goes is removed, who is missing added. */
  void replaceAll(Collection<String> values) {
    Set<String> wanted = new LinkedHashSet<>(values);
    // One pass over the current members tells both who goes and who stays.
    Set<String> keep = new HashSet<>();
    List<String> drop = new ArrayList<>();
    for (String id : allMembers()) {
      (wanted.contains(id) ? keep : drop).add(id);
    }
    remove(drop);
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      if (!keep.contains(id)) {
        missing.add(id);
      }
    }
    add(missing);
  }

  int added() {
    return added;
  }

  int removed() {
    return removed;
  }

  private List<String> insert(Collection<String> values) {
    Set<String> wanted = new LinkedHashSet<>(values);
    Set<String> known = users.existing(tenant, wanted);
    if (known.size() < wanted.size()) {
      LOG.log(
          Level.INFO,
          "Tenant {0}: group {1}: ignored {2} member value(s) that are not users of this tenant"
              + " (nested groups are not provisioned)",
          new Object[] {tenant.value(), group.getId(), wanted.size() - known.size()});
    }
    Set<String> already = memberships.existingMembers(tenant, group.getId(), known);
    List<String> ids = new ArrayList<>();
    for (String id : wanted) {
      if (known.contains(id) && !already.contains(id)) {
        ids.add(id);
      }
    }
    memberships.insert(tenant, group.getId(), ids, now);
    if (!ids.isEmpty()) {
      group.addToMemberCount(ids.size(), now);
    }
    return ids;
  }

  private List<String> delete(Collection<String> values) {
    List<String> ids = memberships.delete(tenant, group.getId(), new LinkedHashSet<>(values));
    if (!ids.isEmpty()) {
      group.addToMemberCount(-ids.size(), now);
    }
    return ids;
  }

  private List<String> allMembers() {
    List<String> all = new ArrayList<>();
    String after = null;
    List<String> page;
    do {
      page = memberships.page(tenant, group.getId(), after, PAGE);
      all.addAll(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == PAGE);
    return all;
  }
}
