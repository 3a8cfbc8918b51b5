package co.softdrive.scim.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for the errors the container answers itself, mapped in {@code web.xml}: never the
 * container's HTML page, which names its internal classes.
 *
 * <ul>
 *   <li>400, sent before JAX-RS runs for a request URI the container refuses to decode ({@code
 *       %5C}, {@code %2F}, an invalid UTF-8 escape such as {@code %c0%af}): under the SCIM base a
 *       SCIM error, under the rest of the API the admin API's JSON error, elsewhere a line of text.
 *   <li>403, 404 and 500 (a console page the staff role does not allow, no such page, a failure no
 *       code caught): the same JSON errors under the API; elsewhere the console's error page, which
 *       says it in plain words inside the console layout ({@code error.xhtml}).
 * </ul>
 *
 * <p>Liberty's HTTP channel answers some requests without any application code (headers over its
 * size limit, a URI it cannot parse at all); those keep its empty or HTML body.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {
  static final String PATH = "/errors/container";
  static final String CONSOLE_PAGE = "/error.xhtml";
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
        && !RequestPaths.isApplicationRequestUri(path)) {
      try {
        request.getRequestDispatcher(CONSOLE_PAGE).forward(request, response);
        return;
      } catch (ServletException | RuntimeException e) {
        // The console page itself failed: the line of text below says enough.
      }
    }
    ErrorBodies.write(response, status, detail(status), path);
  }

  static String detail(int status) {
    return switch (status) {
      case HttpServletResponse.SC_BAD_REQUEST ->
          "The request could not be read: its URI or a header is malformed";
      case HttpServletResponse.SC_FORBIDDEN -> "Not allowed for this staff role";
      case HttpServletResponse.SC_NOT_FOUND -> "No such resource";
      default -> "The request failed";
    };
  }
}
