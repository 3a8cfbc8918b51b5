package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.json.ResourceView;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** {@code If-None-Match} on reads (RFC 7644 §3.14): an unchanged resource answers 304. */
final class Conditional {
  private Conditional() {}

  static boolean notModified(String ifNoneMatch, ResourceView view) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String current = "\"" + view.version() + "\"";
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(current)) {
        return true;
      }
    }
    return false;
  }

  static Response notModifiedResponse(ResourceView view) {
    return Response.notModified(EntityTag.valueOf(view.etag())).build();
  }
}
