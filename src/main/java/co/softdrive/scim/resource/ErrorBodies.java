package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ErrorJson;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes error responses: SCIM error bodies (RFC 7644 §3.12, {@code status} as a string) under the
 * SCIM base, plain JSON under the admin API, from JAX-RS and from the servlet layer in front of it.
 * 429 and 503 carry {@code Retry-After}: the error's own when it has one, else {@value
 * #DEFAULT_RETRY_AFTER_SECONDS} seconds.
 */
public final class ErrorBodies {
  static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

  private ErrorBodies() {}

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
    Response.ResponseBuilder response =
        Response.status(status)
            .type(contentType(scim))
            .entity(new ErrorBody(status, scimType, detail, body(status, scimType, detail, scim)));
    if (scim && status == 401) {
      response.header("WWW-Authenticate", ErrorJson.BEARER_CHALLENGE);
    }
    if (status == 429 || status == 503) {
      response.header("Retry-After", Long.toString(retryAfterSeconds));
    }
    return response.build();
  }

  private static String body(int status, String scimType, String detail, boolean scim) {
    return scim
        ? ErrorJson.scim(status, scimType, detail)
        : ErrorJson.admin(status, scimType != null ? scimType : reason(status), detail);
  }

  private static String contentType(boolean scim) {
    return scim ? MediaTypes.SCIM_JSON_UTF8 : MediaTypes.JSON_UTF8;
  }

  /**
   * Writes an error where JAX-RS does not run (a servlet filter or error page): a SCIM error under
   * the SCIM base, the admin API's JSON error under the rest of the API, a line of text elsewhere.
   *
   * @param rawPath the request URI below the context root, as the client wrote it
   */
  static void write(HttpServletResponse response, int status, String detail, String rawPath)
      throws IOException {
    write(response, status, null, detail, rawPath);
  }

  /**
   * As {@link #write(HttpServletResponse, int, String, String)}, with a SCIM {@code scimType} (the
   * admin API's {@code error}); null for none.
   */
  static void write(
      HttpServletResponse response, int status, String scimType, String detail, String rawPath)
      throws IOException {
    if (RequestPaths.isApplicationRequestUri(rawPath)) {
      copy(of(status, scimType, detail, RequestPaths.isScimRequestUri(rawPath)), response);
    } else {
      response.setStatus(status);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(status + " " + detail + "\n");
    }
  }

  /**
   * Writes {@code e} where JAX-RS does not run, as {@link #of(ScimException, boolean)} answers it.
   */
  static void write(HttpServletResponse response, ScimException e, boolean scim)
      throws IOException {
    copy(of(e, scim), response);
  }

  private static void copy(Response error, HttpServletResponse response) throws IOException {
    response.setStatus(error.getStatus());
    error
        .getStringHeaders()
        .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    byte[] body = String.valueOf(error.getEntity()).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String reason(int status) {
    Response.Status s = Response.Status.fromStatusCode(status);
    return s == null
        ? "error"
        : s.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
  }
}
