package co.softdrive.scim.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for the 400s the container sends before JAX-RS runs: a request URI it refuses to
 * decode ({@code %5C}, {@code %2F}, an invalid UTF-8 escape such as {@code %c0%af}). Under the SCIM
 * base the answer is a SCIM error, under the rest of the API the admin API's JSON error, elsewhere
 * a line of text: never the container's HTML page, which names its internal classes. Mapped to
 * status 400 in {@code web.xml}. Liberty's HTTP channel answers some requests without any
 * application code (headers over its size limit, a URI it cannot parse at all); those keep its
 * empty or HTML body.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {
  static final String PATH = "/errors/container";
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
    ErrorBodies.write(
        response,
        status,
        "The request could not be read: its URI or a header is malformed",
        uri.substring(Math.min(request.getContextPath().length(), uri.length())));
  }
}
