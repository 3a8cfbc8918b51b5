package co.softdrive.scim.resource;

import co.softdrive.scim.config.ScimPaths;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request points, however its path is spelled: matrix parameters dropped ({@code
 * automations;x=1}), percent-encodings decoded, empty and {@code .} segments dropped, {@code ..}
 * resolved. The choices made from a path (which error body to write, which path the activity log
 * records, whether to ask for a token before JAX-RS matches a resource) use this form, so that an
 * odd spelling of a SCIM path is treated as the SCIM path it reaches. Whether a SCIM resource needs
 * a token does not depend on the path at all (see {@link ScimApi}).
 */
final class RequestPaths {
  /** The SCIM base below the JAX-RS application path. */
  private static final List<String> SCIM_BASE = List.of(ScimPaths.SCIM.split("/"));

  /** The JAX-RS application path below the context root ({@code app.ScimApplication}). */
  private static final List<String> APPLICATION = List.of(ScimPaths.APPLICATION.split("/"));

  private RequestPaths() {}

  /** Whether the request is under the SCIM base. */
  static boolean isScim(UriInfo uri) {
    return startsWith(segments(uri), SCIM_BASE);
  }

  /** The path below the SCIM base with a leading slash ({@code /Users/2819c223}), or {@code /}. */
  static String belowScimBase(UriInfo uri) {
    List<String> segments = segments(uri);
    List<String> rest =
        startsWith(segments, SCIM_BASE)
            ? segments.subList(SCIM_BASE.size(), segments.size())
            : segments;
    return "/" + String.join("/", rest);
  }

  /**
   * Whether a raw request path below the context root ({@code HttpServletRequest.getRequestURI()}
   * less the context path) is under the SCIM base; for code that runs where JAX-RS never did.
   */
  static boolean isScimRequestUri(String rawPath) {
    List<String> base = new ArrayList<>(APPLICATION);
    base.addAll(SCIM_BASE);
    return startsWith(rawSegments(rawPath), base);
  }

  /** Whether a raw request path below the context root is under the JAX-RS application path. */
  static boolean isApplicationRequestUri(String rawPath) {
    return startsWith(rawSegments(rawPath), APPLICATION);
  }

  private static List<String> segments(UriInfo uri) {
    // Decoded, without their matrix parameters: what JAX-RS matches resources against.
    List<String> segments =
        resolve(uri.getPathSegments(true).stream().map(PathSegment::getPath).toList());
    // RESTEasy strips the application path only when the request spells it exactly: for
    // /api;x=1/v1/... its path still starts with api/v1 (and no resource matches it).
    return startsWith(segments, APPLICATION)
        ? segments.subList(APPLICATION.size(), segments.size())
        : segments;
  }

  private static List<String> rawSegments(String rawPath) {
    List<String> decoded = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      int matrix = segment.indexOf(';');
      decoded.add(decode(matrix < 0 ? segment : segment.substring(0, matrix)));
    }
    return resolve(decoded);
  }

  private static List<String> resolve(List<String> segments) {
    List<String> out = new ArrayList<>();
    for (String s : segments) {
      if (s.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean startsWith(List<String> segments, List<String> prefix) {
    return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
  }

  /** Percent-decodes as UTF-8; a malformed escape is kept as it is written. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      int hi = s.charAt(i) == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (lo >= 0) {
        escaped.write(hi * 16 + lo);
        i += 2;
        continue;
      }
      out.append(escaped.toString(StandardCharsets.UTF_8));
      escaped.reset();
      out.append(s.charAt(i));
    }
    return out.append(escaped.toString(StandardCharsets.UTF_8)).toString();
  }
}
