package co.softdrive.scim.staff;

import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Authorization: Basic} headers that Liberty's web security cannot read, and how to keep it
 * from failing on them.
 *
 * <p>After an application's authentication mechanism has answered, Liberty records the Basic user
 * name for its security audit: when the request's authentication type is {@code BASIC} (what
 * Liberty assumes for an application without a {@code login-config}, which Jakarta Security forbids
 * alongside a mechanism), it decodes any header starting with {@code Basic} and takes what precedes
 * the colon. A header that is not {@code Basic <canonical Base64 of user:password>} (undecodable,
 * unpadded, no colon, nothing after {@code Basic}) fails there with a NullPointerException or
 * StringIndexOutOfBoundsException: a 500 and a stack trace in {@code messages.log}, whatever the
 * mechanism answered. No servlet filter runs before this, and the header cannot be changed.
 *
 * <p>{@link #label} therefore gives such a request another authentication type, which the audit
 * leaves alone: in the message info (what Liberty reads after a success, a standard key of the
 * Servlet Container Profile of Jakarta Authentication) and in Liberty's own request attribute (what
 * it reads after a failure, set through the container's request object; there is no API for it).
 * The mechanism then answers as for any bad credentials. If the container's request ever lacks that
 * attribute, a warning says so once and failures on such headers are 500s again; {@code HttpEdgeIT}
 * would fail.
 */
final class UnreadableBasic {
  private static final Logger LOG = Logger.getLogger(UnreadableBasic.class.getName());

  /** The authentication type given to requests with an unreadable Basic header. */
  static final String LABEL = "UNREADABLE_BASIC";

  /** Liberty's private request attribute holding the authentication type its audit reads. */
  private static final String CONTAINER_AUTH_TYPE = "AUTH_TYPE";

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private UnreadableBasic() {}

  /**
   * Whether Liberty can read the {@code Authorization} header: anything not starting with {@code
   * Basic} (case-sensitive, as Liberty checks), or {@code Basic }, one space, and the canonical
   * Base64 of text holding a colon.
   */
  static boolean containerCanRead(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic")) {
      return true;
    }
    return authorization.startsWith("Basic ") && decode(authorization.substring(6)) != null;
  }

  /**
   * {@code user:password} from the Base64 part of a Basic header, or null unless it is canonical
   * Base64 of text holding a colon after a non-empty user.
   */
  static String[] credentials(String encoded) {
    String decoded = decode(encoded);
    if (decoded == null || decoded.indexOf(':') <= 0) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** The decoded text if {@code encoded} is canonical Base64 of text with a colon, else null. */
  private static String decode(String encoded) {
    if (!isCanonicalBase64(encoded)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return decoded.indexOf(':') >= 0 ? decoded : null;
  }

  /**
   * Whether {@code s} is Base64 as RFC 4648 writes it: the standard alphabet, padded to a multiple
   * of four with at most two {@code =} at the end. Liberty's decoder reads nothing else (not even
   * unpadded Base64, which Java's accepts).
   */
  static boolean isCanonicalBase64(String s) {
    int length = s.length();
    if (length == 0 || length % 4 != 0) {
      return false;
    }
    int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
    for (int i = 0; i < length - padding; i++) {
      char c = s.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!alphabet) {
        return false;
      }
    }
    return true;
  }

  /** Gives the request an authentication type that Liberty's audit leaves alone (see above). */
  static void label(HttpServletRequest request, HttpMessageContext context) {
    context.getMessageInfo().getMap().put("jakarta.servlet.http.authType", LABEL);
    context.getMessageInfo().getMap().put("javax.servlet.http.authType", LABEL);
    ServletRequest container = request;
    while (container instanceof ServletRequestWrapper wrapper) {
      container = wrapper.getRequest();
    }
    try {
      Method set =
          container.getClass().getMethod("setPrivateAttribute", String.class, Object.class);
      set.invoke(container, CONTAINER_AUTH_TYPE, LABEL);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "Cannot label a request whose Basic credentials the container cannot read ({0});"
                + " refusing such a request may end in a 500",
            e.getClass().getSimpleName());
      }
    }
  }
}
