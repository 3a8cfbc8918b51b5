package co.softdrive.scim.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The response headers that depend on the request, on every answer of the application (console
 * pages, SCIM, the admin API).
 *
 * <ul>
 *   <li>{@code Cache-Control: no-store} on everything but the console's stylesheets, scripts and
 *       images: a page or an answer is never kept by a browser or a proxy, so <em>Back</em> after
 *       <em>Sign out</em> shows no data and an issued token is never cached.
 *   <li>{@code Strict-Transport-Security} on HTTPS requests.
 * </ul>
 *
 * <p>The headers every answer carries whatever the request ({@code X-Content-Type-Options}, {@code
 * X-Frame-Options}, {@code Referrer-Policy}, and a {@code Content-Security-Policy} that forbids
 * everything, for answers that are no page) are set by the HTTP endpoint itself ({@code
 * server.xml}, {@code headers}), so they also reach answers no filter sees: the authentication
 * mechanism's 401 and redirects, the container's error pages, {@code /health} and {@code /metrics}.
 * Console pages get their own policy from PrimeFaces ({@code primefaces.CSP} in {@code web.xml}:
 * scripts only from this origin or with the page's nonce).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String RESOURCES = "/jakarta.faces.resource/";
  static final String HSTS = "max-age=31536000";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!isStatic(req.getServletPath())) {
      res.setHeader("Cache-Control", "no-store");
    }
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(req, res);
  }

  /** Stylesheets, scripts and images, which carry no data and may be cached. */
  static boolean isStatic(String servletPath) {
    return servletPath != null
        && (servletPath.startsWith(RESOURCES) || servletPath.equals("/favicon.ico"));
  }
}
