package co.softdrive.scim.resource;

import co.softdrive.scim.config.ScimPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tolerates a doubled or trailing slash under the SCIM base ({@code .../scim//Users}, {@code
 * .../Users/}): an admin may paste the Tenant URL with a trailing slash, and Entra appends {@code
 * /Users} to it (docs/entra.md#q18-doubled-or-trailing-slash).
 */
@WebFilter(urlPatterns = "/" + ScimPaths.APPLICATION + "/" + ScimPaths.AUTOMATIONS + "/*")
public class PathNormalizingFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    String path = uri.substring(context.length());
    String normalized = normalize(path);
    if (normalized.equals(path)) {
      chain.doFilter(req, res);
      return;
    }
    String query = req.getQueryString();
    req.getRequestDispatcher(query == null ? normalized : normalized + "?" + query)
        .forward(req, res);
  }

  static String normalize(String path) {
    if (!path.contains("//") && !path.endsWith("/")) {
      return path;
    }
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' || b.length() == 0 || b.charAt(b.length() - 1) != '/') {
        b.append(c);
      }
    }
    while (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }
}
