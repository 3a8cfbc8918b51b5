package co.softdrive.scim.it.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One request of the HTTP-edge fuzz, in one of two forms.
 *
 * <ul>
 *   <li>Relative to the SCIM base ({@code headers} null): sent with the tenant's token, {@code
 *       Accept: application/scim+json} and {@code contentType}. Stored in a corpus file as text:
 *       {@code METHOD path} on the first line, the content type (or empty) on the second, then an
 *       empty line and the body's raw bytes.
 *   <li>Raw ({@code headers} not null): sent over a socket exactly as written, the request target
 *       from the server root and every header line given. Stored as what goes on the wire: {@code
 *       METHOD target HTTP/1.1}, the header lines, an empty line, the body.
 * </ul>
 *
 * In path, headers and body, {@code {user}} and {@code {group}} stand for the ids of the test's own
 * victim resources and {@code {token}} for the tenant's token, so that a stored request replays
 * against any server.
 *
 * @param method HTTP method
 * @param path path and query, already percent-encoded, with placeholders
 * @param contentType the Content-Type header, or null for none (raw requests carry it in {@code
 *     headers})
 * @param body the body bytes, or null for none
 * @param headers a raw request's header lines ({@code Name: value}), or null
 */
record FuzzRequest(
    String method, String path, String contentType, byte[] body, List<String> headers) {
  private static final String HTTP_VERSION = " HTTP/1.1";
  private static final Pattern VALID_TOKEN =
      Pattern.compile("authorization: *bearer +\\{token\\} *", Pattern.CASE_INSENSITIVE);

  /** A request relative to the SCIM base. */
  FuzzRequest(String method, String path, String contentType, byte[] body) {
    this(method, path, contentType, body, null);
  }

  /** A request sent as written. */
  static FuzzRequest raw(String method, String target, List<String> headers, byte[] body) {
    return new FuzzRequest(method, target, null, body, List.copyOf(headers));
  }

  boolean isRaw() {
    return headers != null;
  }

  /**
   * Whether the request carries the tenant's token and nothing else as its credentials: exactly one
   * {@code Authorization} header, {@code Bearer {token}} in any case. Every other request must be
   * refused.
   */
  boolean hasValidToken() {
    if (!isRaw()) {
      return true;
    }
    List<String> authorizations =
        headers.stream().filter(h -> h.regionMatches(true, 0, "Authorization:", 0, 14)).toList();
    return authorizations.size() == 1 && VALID_TOKEN.matcher(authorizations.get(0)).matches();
  }

  /** Reads a corpus file. */
  static FuzzRequest read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int firstBreak = indexOf(bytes, 0);
    String firstLine = new String(bytes, 0, firstBreak, StandardCharsets.ISO_8859_1);
    if (firstLine.endsWith(HTTP_VERSION)) {
      String[] requestLine = firstLine.split(" ", 2);
      List<String> headers = new ArrayList<>();
      int at = firstBreak + 1;
      while (at < bytes.length && bytes[at] != '\n') {
        int end = indexOf(bytes, at);
        headers.add(new String(bytes, at, end - at, StandardCharsets.ISO_8859_1));
        at = end + 1;
      }
      byte[] body = Arrays.copyOfRange(bytes, Math.min(at + 1, bytes.length), bytes.length);
      String target = requestLine[1].substring(0, requestLine[1].length() - HTTP_VERSION.length());
      return raw(requestLine[0], target, headers, body.length == 0 ? null : body);
    }
    String[] requestLine = new String(bytes, 0, firstBreak, StandardCharsets.UTF_8).split(" ", 2);
    int secondBreak = indexOf(bytes, firstBreak + 1);
    String contentType =
        new String(bytes, firstBreak + 1, secondBreak - firstBreak - 1, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(bytes, secondBreak + 2, bytes.length);
    return new FuzzRequest(
        requestLine[0],
        requestLine[1],
        contentType.isEmpty() ? null : contentType,
        body.length == 0 && requestLine[0].equals("GET") ? null : body);
  }

  /** Writes this request into {@code directory}, named by its content hash; returns the file. */
  Path write(Path directory) throws IOException {
    byte[] head =
        isRaw()
            ? (method
                    + " "
                    + path
                    + HTTP_VERSION
                    + "\n"
                    + headers.stream().map(h -> h + "\n").collect(Collectors.joining())
                    + "\n")
                .getBytes(StandardCharsets.ISO_8859_1)
            : (method + " " + path + "\n" + (contentType == null ? "" : contentType) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + (body == null ? 0 : body.length));
    if (body != null) {
      System.arraycopy(body, 0, bytes, head.length, body.length);
    }
    Files.createDirectories(directory);
    return Files.write(directory.resolve("request-" + sha1(bytes).substring(0, 16)), bytes);
  }

  /** The ids and the token the placeholders stand for. */
  record Victims(String userId, String groupId, String token) {
    String fill(String text) {
      return text.replace("{user}", userId).replace("{group}", groupId).replace("{token}", token);
    }
  }

  /** The path with the placeholders filled in. */
  String resolvedPath(Victims victims) {
    return victims.fill(path);
  }

  /** A raw request's header lines with the placeholders filled in. */
  List<String> resolvedHeaders(Victims victims) {
    return headers.stream().map(victims::fill).toList();
  }

  /** The body with the placeholders filled in; every other byte as it was. */
  byte[] resolvedBody(Victims victims) {
    // ISO-8859-1 maps each byte to one char and back, so malformed UTF-8 survives untouched.
    String latin1 = new String(body, StandardCharsets.ISO_8859_1);
    return victims.fill(latin1).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    String shown =
        body == null
            ? ""
            : " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    String head =
        isRaw()
            ? headers.stream()
                    .map(
                        h ->
                            h.length() > 100 ? h.substring(0, 100) + "... (" + h.length() + ")" : h)
                    .limit(10)
                    .toList()
                + (headers.size() > 10 ? " and " + (headers.size() - 10) + " more" : "")
            : "[" + contentType + "]";
    return method + " " + path + " " + head + shown;
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("not a fuzz request file: no line break after byte " + from);
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
