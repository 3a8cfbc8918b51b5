package co.softdrive.scim.activity;

import java.util.List;

/**
 * What one SCIM request changed, as the provisioning services know it when they answer: the name of
 * the user or group (userName or displayName), the kind of change the provisioning cycles count,
 * and a summary in words for people. The summary names attributes and lifecycle transitions only
 * ({@code active true → false}, {@code title, department changed}, {@code members +3 −1}, {@code
 * account deleted (held by the guard)}), never the value of an attribute other than {@code active}.
 *
 * @param resourceName userName or displayName; null when the request named no resource
 * @param kind one of {@link #KINDS}; null for reads
 * @param summary what changed in words; null for reads
 * @param membersAdded memberships added (groups), 0 otherwise
 * @param membersRemoved memberships removed (groups), 0 otherwise
 */
public record ResourceChange(
    String resourceName, String kind, String summary, int membersAdded, int membersRemoved) {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String DEACTIVATED = "deactivated";
  public static final String HELD = "held";
  public static final String RESTORED = "restored";
  public static final String DELETED = "deleted";
  public static final String UNCHANGED = "unchanged";

  /** Every kind, as stored in {@code scim_activity.change_kind}. */
  public static final List<String> KINDS =
      List.of(CREATED, UPDATED, DEACTIVATED, HELD, RESTORED, DELETED, UNCHANGED);

  /** A read that named a resource: its name, nothing changed. */
  public static ResourceChange read(String resourceName) {
    return new ResourceChange(resourceName, null, null, 0, 0);
  }

  public static ResourceChange of(String resourceName, String kind, String summary) {
    return new ResourceChange(resourceName, kind, summary, 0, 0);
  }
}
