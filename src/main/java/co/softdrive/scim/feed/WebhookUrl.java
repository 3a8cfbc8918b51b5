package co.softdrive.scim.feed;

import co.softdrive.scim.platform.IpBlock;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A webhook URL taken apart for delivery: an absolute {@code http} or {@code https} URL without
 * user name or password, whose host is a DNS name, an IPv4 address in dotted-decimal form or an
 * IPv6 address in brackets. Other spellings of IPv4 addresses ({@code http://2130706433/}, {@code
 * http://0x7f.1/}, {@code http://0177.0.0.1/}) are refused: resolvers disagree about them, so a
 * check and a connection could see different addresses.
 *
 * @param host the host as written (an IPv6 address in brackets)
 * @param literal the address when the host is an IP literal, else null (a name to resolve)
 */
record WebhookUrl(URI uri, boolean https, String host, int port, byte[] literal) {
  private static final String HOST_FORMS =
      "url host must be a DNS name, an IPv4 address written a.b.c.d in decimal, or an IPv6"
          + " address in brackets";

  /**
   * @throws ScimBadRequest ({@code invalidValue}) naming what is wrong with the URL
   */
  static WebhookUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw ScimBadRequest.invalidValue("url is required");
    }
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw ScimBadRequest.invalidValue("url is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (!(scheme.equals("https") || scheme.equals("http")) || authority == null) {
      throw ScimBadRequest.invalidValue("url must be an absolute http or https URL");
    }
    if (authority.contains("@")) {
      throw ScimBadRequest.invalidValue(
          "url must not contain a user name or password (user:password@); receivers verify the"
              + " X-Softdrive-Signature header instead");
    }
    boolean https = scheme.equals("https");
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw ScimBadRequest.invalidValue("url port must be between 1 and 65535");
    }
    if (authority.startsWith("[")) {
      String inner = authority.substring(1, Math.max(1, authority.indexOf(']')));
      if (inner.contains("%")) {
        throw ScimBadRequest.invalidValue("url must not name an IPv6 zone (%...)");
      }
      byte[] address = IpBlock.literal(inner).orElseThrow(() -> invalidHost());
      return new WebhookUrl(uri, https, "[" + inner + "]", port, address);
    }
    String host = uri.getHost();
    String name = host != null ? host : authority.replaceFirst(":[0-9]*$", "");
    if (endsInNumber(name)) {
      Optional<byte[]> address = IpBlock.literal(name);
      if (address.isEmpty() || !IpBlock.text(address.get()).equals(name)) {
        throw invalidHost();
      }
      return new WebhookUrl(uri, https, name, port, address.get());
    }
    if (host == null) {
      throw invalidHost();
    }
    return new WebhookUrl(uri, https, host, port, null);
  }

  /**
   * The URL without user name and password, for showing and for stored URLs from before they were
   * refused. Works on text, so even a URL that no longer parses is shown without them.
   */
  static String withoutUserInfo(String url) {
    if (url == null) {
      return null;
    }
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? url : url.substring(0, start) + url.substring(at + 1);
  }

  /** The {@code Host} header: the host, and the port unless it is the scheme's default. */
  String hostHeader() {
    return port == (https ? 443 : 80) ? host : host + ":" + port;
  }

  /** The request target: the path (at least "/") and the query. */
  String target() {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /**
   * Whether the last label is a number (decimal, or hex with 0x): such a host is an IPv4 address to
   * every browser and to the C resolver, never a DNS name (WHATWG URL, "ends in a number").
   */
  private static boolean endsInNumber(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = h.substring(h.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (last.isEmpty()) {
      return false;
    }
    if (last.startsWith("0x")) {
      return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
    return last.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static ScimBadRequest invalidHost() {
    return ScimBadRequest.invalidValue(HOST_FORMS);
  }
}
