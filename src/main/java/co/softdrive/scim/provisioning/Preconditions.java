package co.softdrive.scim.provisioning;

import co.softdrive.scim.protocol.error.ScimErrors;

/** {@code If-Match} on writes (RFC 7644 §3.14): a stale ETag answers 412. */
final class Preconditions {
  private Preconditions() {}

  static void check(String ifMatch, long version) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return;
    }
    String current = "\"" + version + "\"";
    for (String tag : ifMatch.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(current)) {
        return;
      }
    }
    throw ScimErrors.preconditionFailed(
        "The resource has changed (version W/" + current + "); read it again and retry");
  }
}
