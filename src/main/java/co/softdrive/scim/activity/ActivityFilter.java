package co.softdrive.scim.activity;

import java.time.Instant;

/**
 * What the console and the admin API ask of the activity log of one tenant. Null fields do not
 * filter. {@code statusClass} is 2, 3, 4 or 5 ("4xx"), or 0 for "any failure" (400 and above).
 */
public record ActivityFilter(
    String tenantId,
    Instant from,
    Instant to,
    Integer statusClass,
    String operation,
    String resourceId) {

  public ActivityFilter {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenantId is required");
    }
    operation = blankToNull(operation);
    resourceId = blankToNull(resourceId);
  }

  /** Parses "2xx", "4xx", "5xx", "errors" (any 4xx or 5xx); null or blank for any status. */
  public static Integer statusClassOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("errors") || t.equals("failed")) {
      return 0;
    }
    if (t.matches("[1-5]xx")) {
      return t.charAt(0) - '0';
    }
    throw new IllegalArgumentException("status must be 2xx, 3xx, 4xx, 5xx or errors");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
