package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.feed.ChangeEvent;
import co.softdrive.scim.persistence.GroupEntity;
import java.util.List;

/** The change events of a group's writes: the group's own, and its members' in bounded batches. */
final class GroupEvents {
  /** Member ids per change event, so that one event stays a bounded size. */
  static final int IDS_PER_EVENT = 1000;

  private GroupEvents() {}

  /** A created, renamed or deleted group; {@code previousName} only for a rename. */
  static ChangeEvent group(GroupEntity group, String type, String previousName) {
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
  static void members(
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
}
