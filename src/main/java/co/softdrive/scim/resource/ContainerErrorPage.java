package co.softdrive.scim.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The error page for the errors the container answers itself, mapped in {@code web.xml}: never the
 * container's HTML page, which names its internal classes and exceptions.
 *
 * <ul>
 *   <li>400, sent before JAX-RS runs for a request URI the container refuses to hand on ({@code
 *       %5C}, {@code %2F}, an invalid UTF-8 escape such as {@code %c0%af}): under the SCIM base a
 *       SCIM error with scimType {@code invalidSyntax}, under the rest of the API the admin API's
 *       JSON error, elsewhere a line of text.
 *   <li>403, 404, 405 and 500 (a console page the staff role does not allow, no such page, a method
 *       a servlet does not take, a failure no code caught): the same JSON errors under the API;
 *       elsewhere, for a console address or a browser (it accepts {@code text/html}), the console's
 *       error page, which says it in plain words inside the console layout ({@code error.xhtml}),
 *       and for any other client a line of text.
 * </ul>
 *
 * <p>Liberty answers some requests before it chooses the application (a URI it cannot decode,
 * headers over its limits, a request line it cannot parse): those keep its own answer, listed in
 * docs/reliability.md.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {
  static final String PATH = "/errors/container";
  static final String CONSOLE_PAGE = "/error.xhtml";

  /** The scimType of a request the container could not read. */
  static final String INVALID_SYNTAX = "invalidSyntax";

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : HttpServletResponse.SC_BAD_REQUEST;
    String uri =
        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s ? s : "";
    String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    if (status != HttpServletResponse.SC_BAD_REQUEST
        && !RequestPaths.isApplicationRequestUri(path)
        && wantsPage(request, path)) {
      try {
        request.getRequestDispatcher(CONSOLE_PAGE).forward(request, response);
        return;
      } catch (ServletException | RuntimeException e) {
        // The console page itself failed: the line of text below says enough.
      }
    }
    switch (status) {
      case HttpServletResponse.SC_NOT_FOUND ->
          ErrorBodies.write(response, status, notFoundDetail(request), path);
      case HttpServletResponse.SC_METHOD_NOT_ALLOWED ->
          ErrorBodies.write(response, status, "This method is not allowed here", path);
      case HttpServletResponse.SC_FORBIDDEN ->
          ErrorBodies.write(response, status, "Not allowed for this staff role", path);
      case HttpServletResponse.SC_BAD_REQUEST ->
          ErrorBodies.write(
              response,
              status,
              INVALID_SYNTAX,
              "The request could not be read: its URI or a header is malformed",
              path);
      default -> ErrorBodies.write(response, status, "The request failed", path);
    }
  }

  /**
   * Whether the console's page is the answer: a console address, or a browser (it asks for HTML); a
   * program that misspells an API path ({@code /API/v1/...}) gets the line of text, not a page of
   * markup.
   */
  private static boolean wantsPage(HttpServletRequest request, String path) {
    String accept = request.getHeader("Accept");
    return path.startsWith("/console/")
        || path.endsWith(".xhtml")
        || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
  }

  /**
   * What a 404 says: the application's own message when it sent the error itself ({@code
   * responseSendError(404, "No such tenant")}), never the container's, which names its exception.
   */
  private static String notFoundDetail(HttpServletRequest request) {
    boolean container = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
    return !container
            && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m
            && !m.isBlank()
        ? m
        : "No resource at this path";
  }
}
