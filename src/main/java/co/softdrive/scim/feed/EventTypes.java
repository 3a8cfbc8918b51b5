package co.softdrive.scim.feed;

/** The event types of the change feed. */
public final class EventTypes {
  public static final String ACCOUNT_CREATED = "account.created";
  public static final String ACCOUNT_UPDATED = "account.updated";
  public static final String ACCOUNT_DELETED = "account.deleted";
  public static final String ACCOUNT_RESTORED = "account.restored";
  public static final String ACCOUNT_PURGED = "account.purged";
  public static final String GROUP_CREATED = "group.created";
  public static final String GROUP_RENAMED = "group.renamed";
  public static final String GROUP_DELETED = "group.deleted";
  public static final String MEMBERS_ADDED = "group.members.added";
  public static final String MEMBERS_REMOVED = "group.members.removed";

  private EventTypes() {}
}
