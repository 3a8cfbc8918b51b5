package co.softdrive.scim.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for the errors the container sends itself, mapped in {@code web.xml}: the 400 for
 * a request URI it refuses to hand on ({@code %5C}, {@code %2F}, an invalid UTF-8 escape such as
 * {@code %c0%af}; scimType {@code invalidSyntax}), the 404 for a path nothing serves outside
 * JAX-RS, the 405 for a method a servlet does not take. Under the SCIM base the answer is a SCIM
 * error, under the rest of the API the admin API's JSON error, elsewhere a line of text: never the
 * container's HTML page, which names its internal classes and exceptions. Liberty answers some
 * requests before it chooses the application (a URI it cannot decode, headers over its limits, a
 * request line it cannot parse): those keep its own answer, listed in docs/reliability.md.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {
  static final String PATH = "/errors/container";

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
    switch (status) {
      case HttpServletResponse.SC_NOT_FOUND ->
          ErrorBodies.write(response, status, notFoundDetail(request), path);
      case HttpServletResponse.SC_METHOD_NOT_ALLOWED ->
          ErrorBodies.write(response, status, "This method is not allowed here", path);
      default ->
          ErrorBodies.write(
              response,
              status,
              status == HttpServletResponse.SC_BAD_REQUEST ? INVALID_SYNTAX : null,
              "The request could not be read: its URI or a header is malformed",
              path);
    }
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
