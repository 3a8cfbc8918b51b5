package co.softdrive.scim.activity;

/**
 * One recorded SCIM request. Strings are cut to their column sizes by {@link #of}, after any
 * secret-shaped text a client put into them is redacted ({@link SecretRedactor}); nothing here is a
 * body, a token or a secret.
 */
public record ActivityEntry(
    String id,
    String tenantId,
    long atMillis,
    String tokenPrefix,
    String method,
    String path,
    String operation,
    String resourceType,
    String resourceId,
    int status,
    String scimType,
    String detail,
    String filter,
    int latencyMs,
    ResourceChange change) {
  static final int MAX_PATH = 300;
  static final int MAX_DETAIL = 500;
  public static final int MAX_FILTER = 200;
  static final int MAX_NAME = 300;
  static final int MAX_SUMMARY = 300;

  /** An entry with every text cut to what its column holds. */
  public static ActivityEntry of(
      String tenantId,
      long atMillis,
      String tokenPrefix,
      String method,
      String path,
      ScimOperation op,
      int status,
      String scimType,
      String detail,
      String filter,
      long latencyMs) {
    return new ActivityEntry(
        java.util.UUID.randomUUID().toString(),
        tenantId,
        atMillis,
        cut(tokenPrefix, 20),
        cut(method, 10),
        cut(SecretRedactor.redact(path), MAX_PATH),
        op.operation(),
        op.resourceType(),
        cut(SecretRedactor.redact(op.resourceId()), 64),
        status,
        cut(scimType, 40),
        cut(SecretRedactor.redact(detail), MAX_DETAIL),
        cut(SecretRedactor.redact(filter), MAX_FILTER),
        (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMs)),
        null);
  }

  /**
   * The same entry with what the request changed (null: nothing noted), its texts redacted and cut
   * to their columns.
   */
  public ActivityEntry withChange(ResourceChange c) {
    ResourceChange kept =
        c == null
            ? null
            : new ResourceChange(
                cut(SecretRedactor.redact(c.resourceName()), MAX_NAME),
                c.kind(),
                cut(SecretRedactor.redact(c.summary()), MAX_SUMMARY),
                c.membersAdded(),
                c.membersRemoved());
    return new ActivityEntry(
        id,
        tenantId,
        atMillis,
        tokenPrefix,
        method,
        path,
        operation,
        resourceType,
        resourceId,
        status,
        scimType,
        detail,
        filter,
        latencyMs,
        kept);
  }

  /** The HTTP status class: 2 for 2xx, 4 for 4xx, ... */
  public int statusClass() {
    return status / 100;
  }

  public boolean failed() {
    return status >= 400;
  }

  static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
