package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimException;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * Writes error responses: SCIM error bodies (RFC 7644 §3.12, {@code status} as a string) under the
 * SCIM base, plain JSON under the admin API. 429 and 503 carry {@code Retry-After}: the error's own
 * when it has one, else {@value #DEFAULT_RETRY_AFTER_SECONDS} seconds.
 */
public final class ErrorBodies {
  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

  private ErrorBodies() {}

  public static boolean isScimPath(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.startsWith("automations/scim") || p.startsWith("api/v1/automations/scim");
  }

  public static Response of(ScimException e, boolean scim) {
    return of(
        e.status(),
        e.scimType().orElse(null),
        e.detail(),
        scim,
        e.retryAfterSeconds().orElse(DEFAULT_RETRY_AFTER_SECONDS));
  }

  public static Response of(int status, String scimType, String detail, boolean scim) {
    return of(status, scimType, detail, scim, DEFAULT_RETRY_AFTER_SECONDS);
  }

  private static Response of(
      int status, String scimType, String detail, boolean scim, long retryAfterSeconds) {
    JsonObjectBuilder body = JSON.createObjectBuilder();
    Response.ResponseBuilder response = Response.status(status);
    if (scim) {
      body.add("schemas", JSON.createArrayBuilder().add(ERROR_SCHEMA));
      body.add("status", Integer.toString(status));
      if (scimType != null) {
        body.add("scimType", scimType);
      }
      if (detail != null) {
        body.add("detail", detail);
      }
      response.type(MediaTypes.SCIM_JSON_UTF8);
      if (status == 401) {
        response.header("WWW-Authenticate", "Bearer realm=\"softdrive-scim\"");
      }
    } else {
      body.add("status", status);
      body.add("error", scimType != null ? scimType : reason(status));
      if (detail != null) {
        body.add("detail", detail);
      }
      response.type(MediaTypes.JSON_UTF8);
    }
    if (status == 429 || status == 503) {
      response.header("Retry-After", Long.toString(retryAfterSeconds));
    }
    return response.entity(body.build().toString()).build();
  }

  private static String reason(int status) {
    Response.Status s = Response.Status.fromStatusCode(status);
    return s == null
        ? "error"
        : s.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
  }
}
