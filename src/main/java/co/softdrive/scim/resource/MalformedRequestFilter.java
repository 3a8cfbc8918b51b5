package co.softdrive.scim.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses with a 400, before JAX-RS runs, what JAX-RS (RESTEasy) would fail on with a 500 or an
 * HTML page, and answers in the API's error format (see {@link ErrorBodies#write}):
 *
 * <ul>
 *   <li>a request URL that is not a URI: a malformed escape in the query ({@code ?filter=%zz},
 *       {@code ?a=%}), a character a URI may not hold ({@code "}, {@code |}, {@code ^}, {@code
 *       {}}), a Host header that is no host ({@code a b}). RESTEasy parses the URL only when
 *       something first reads the query parameters, and then throws {@code
 *       IllegalArgumentException}. It is checked here exactly as RESTEasy builds it.
 *   <li>a media type in {@code Content-Type} or {@code Accept} whose quality value {@code q} is no
 *       number ({@code application/json;q=abc}): RESTEasy throws while matching the resource.
 *   <li>a {@code Content-Type} or an {@code Accept} element that is no media type ({@code ;;;}),
 *       and a path whose percent-escapes are no UTF-8 ({@code %c0%af}): RESTEasy answers 400
 *       itself, but logs a warning with a stack trace for every such request.
 * </ul>
 */
@WebFilter(
    // Every path, not only /api/v1/*: Liberty hands some misspelt paths (/api;=/>v1/...) to JAX-RS
    // all the same.
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class MalformedRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String problem = problem(req);
    if (problem != null) {
      ErrorBodies.write(
          res,
          HttpServletResponse.SC_BAD_REQUEST,
          ContainerErrorPage.INVALID_SYNTAX,
          problem,
          req.getRequestURI().substring(req.getContextPath().length()));
      return;
    }
    chain.doFilter(req, res);
  }

  private static String problem(HttpServletRequest req) {
    if (!escapesAreUtf8(req.getRequestURI())) {
      return "The request path holds a percent-encoding that is not UTF-8";
    }
    StringBuffer url = req.getRequestURL();
    String query = req.getQueryString();
    if (query != null && !query.isEmpty()) {
      url.append('?').append(query);
    }
    try {
      URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      return "The request URL is not a valid URI (RFC 3986): a malformed percent-encoding, a"
          + " character that must be percent-encoded, or an invalid Host header";
    }
    String contentType = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null) {
      MediaType type;
      try {
        type = MediaType.valueOf(contentType);
      } catch (IllegalArgumentException e) {
        return "The Content-Type header is not a media type";
      }
      if (!hasNumericQuality(type)) {
        return "The Content-Type header has a quality value (q) that is not a number";
      }
    }
    String accept = req.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && !accept.isBlank()) {
      // Split as RESTEasy splits it: an empty element in the middle is refused, a trailing one
      // (String.split drops it) is not.
      for (String range : accept.split(",")) {
        MediaType type;
        try {
          type = MediaType.valueOf(range.strip());
        } catch (IllegalArgumentException e) {
          return "The Accept header holds something that is not a media type";
        }
        if (!hasNumericQuality(type)) {
          return "The Accept header has a quality value (q) that is not a number";
        }
      }
    }
    return null;
  }

  /** Whether every run of percent-escapes in {@code uri} decodes as UTF-8, as RESTEasy needs. */
  static boolean escapesAreUtf8(String uri) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer run = ByteBuffer.allocate(uri.length());
    for (int i = 0; i <= uri.length(); i++) {
      boolean escape =
          i + 2 < uri.length()
              && uri.charAt(i) == '%'
              && Character.digit(uri.charAt(i + 1), 16) >= 0
              && Character.digit(uri.charAt(i + 2), 16) >= 0;
      if (escape) {
        run.put((byte) Integer.parseInt(uri.substring(i + 1, i + 3), 16));
        i += 2;
        continue;
      }
      if (run.position() > 0) {
        try {
          utf8.decode(run.flip());
        } catch (CharacterCodingException e) {
          return false;
        }
        run.clear();
      }
    }
    return true;
  }

  /** Whether {@code q}, if present, reads as RESTEasy reads it ({@code Float.valueOf}). */
  private static boolean hasNumericQuality(MediaType type) {
    String q = type.getParameters().get("q");
    if (q == null) {
      return true;
    }
    try {
      Float.valueOf(q);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
