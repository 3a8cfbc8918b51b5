package co.softdrive.scim.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the server under test: the request line and headers go out byte
 * for byte as written, which no HTTP client library does (they normalise or refuse paths such as
 * {@code /a/../b}, {@code %zz} or a backslash, and duplicate or huge headers). Strings are written
 * as ISO-8859-1, one byte per character, so any byte can be sent. One request per connection
 * ({@code Connection: close}).
 */
public final class RawHttp {
  private static final int TIMEOUT_MILLIS = 30_000;

  private RawHttp() {}

  /** A response: status, headers (names in lower case, values in order) and body bytes. */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object, or null when it is none. */
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(text()))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      String shown = text();
      return status
          + " "
          + header("Content-Type")
          + " "
          + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
    }
  }

  /** {@code GET target} with these header lines ({@code "Name: value"}). */
  public static Response get(String target, String... headers) throws IOException {
    return send("GET", target, List.of(headers), null);
  }

  /**
   * Sends one request. {@code Host} comes first unless {@code headers} has one, {@code
   * Content-Length} is added for a body, {@code Connection: close} last. When the server closes the
   * connection before the request is written (it may answer an oversized header at once), its
   * answer is read all the same.
   *
   * @param target the request target exactly as it goes on the request line
   * @param headers header lines, {@code "Name: value"}, sent in order
   * @param body the body, or null for none
   * @throws IOException when the connection fails without any answer
   */
  public static Response send(String method, String target, List<String> headers, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
      head.append("Host: 127.0.0.1:").append(port()).append("\r\n");
    }
    headers.forEach(h -> head.append(h).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      IOException writeFailure = null;
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        writeFailure = e;
      }
      byte[] answer = readAll(socket.getInputStream());
      if (answer.length == 0 && writeFailure != null) {
        throw writeFailure;
      }
      return parse(answer);
    }
  }

  private static int port() {
    return Integer.getInteger("it.http.port", 9080);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // A reset after the answer (the server closing on an unread request body) ends it.
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] answer) throws IOException {
    int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IOException(
          "not an HTTP response: " + new String(answer, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : Arrays.asList(lines).subList(1, lines.length)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
    }
    byte[] body = Arrays.copyOfRange(answer, end + 4, answer.length);
    List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
    if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
      body = dechunk(body);
    }
    return new Response(Integer.parseInt(statusLine[1]), headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, crlf, at);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = size.indexOf(';');
      int length =
          Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (length == 0) {
        break;
      }
      int from = lineEnd + 2;
      int to = Math.min(from + length, chunked.length);
      out.write(chunked, from, to - from);
      at = to + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
