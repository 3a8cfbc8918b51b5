package co.softdrive.scim.staff;

import co.softdrive.scim.protocol.error.ErrorJson;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers {@link StaffAuthenticationMechanism} writes itself: the admin API's JSON errors (401,
 * 429, 503), Faces' ajax redirect, and the console's page for a database outage.
 */
final class StaffAnswers {
  static final String UNAVAILABLE_PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self' data:;"
          + " frame-ancestors 'none'";

  static final String REALM = "Softdrive SCIM staff";

  /** As the service's other 503s tell clients ({@code resource.ErrorBodies}). */
  static final long RETRY_AFTER_SECONDS = 5;

  private StaffAnswers() {}

  static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    return error(response, context, 401, "unauthorized", detail);
  }

  static AuthenticationStatus tooManyRequests(
      HttpServletResponse response, HttpMessageContext context, long retryAfterSeconds) {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    return error(
        response,
        context,
        429,
        "too_many_requests",
        "Too many failed sign-ins for this account from your address; retry after "
            + retryAfterSeconds
            + " s");
  }

  /** The admin API's 503 while the database is unavailable: retry, whatever the credentials. */
  static AuthenticationStatus unavailable(
      HttpServletResponse response, HttpMessageContext context) {
    response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    return error(
        response,
        context,
        503,
        "service_unavailable",
        "The service is temporarily unavailable; retry later");
  }

  /**
   * The console's 503 page, {@code unavailable.html}, in the console's style. Written here rather
   * than rendered by Faces: Faces reads the session, which Liberty refuses to an anonymous request
   * once a staff member owns it, and the staff member cannot be authorised without the database.
   */
  static AuthenticationStatus unavailablePage(
      HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(503);
    response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    // Its stylesheet may load; the default policy for answers that are no page forbids it.
    response.setHeader("Content-Security-Policy", UNAVAILABLE_PAGE_POLICY);
    response.setHeader("Cache-Control", "no-store");
    try {
      response.setContentType("text/html;charset=UTF-8");
      response
          .getWriter()
          .write(UnavailablePage.HTML.replace("{context}", request.getContextPath()));
      response.flushBuffer();
    } catch (IOException e) {
      // The client went away; nothing else to tell it.
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** Faces' redirect for an ajax request, which PrimeFaces follows. */
  static AuthenticationStatus partialRedirect(
      HttpServletResponse response, HttpMessageContext context, String url) {
    String attribute = url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    try {
      response.setContentType("text/xml;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + attribute
                  + "\"/></partial-response>");
    } catch (IOException e) {
      return context.responseUnauthorized();
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** A JSON error like the admin API's own; never echoes the credentials. */
  private static AuthenticationStatus error(
      HttpServletResponse response,
      HttpMessageContext context,
      int status,
      String error,
      String detail) {
    try {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(ErrorJson.admin(status, error, detail));
    } catch (IOException e) {
      // The client went away; nothing else to tell it.
      return context.responseUnauthorized();
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** {@code unavailable.html}, read once when first needed. */
  private static final class UnavailablePage {
    static final String HTML = read();

    private static String read() {
      InputStream in = StaffAnswers.class.getResourceAsStream("unavailable.html");
      if (in == null) {
        throw new IllegalStateException("unavailable.html is missing from the build");
      }
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
