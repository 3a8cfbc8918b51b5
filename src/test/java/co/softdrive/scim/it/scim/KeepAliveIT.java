package co.softdrive.scim.it.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.TenantFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SCIM errors keep the connection open (docs/entra.md#connections): after a 404 and after a 409 the
 * same socket serves the next request, and the answers carry no {@code Connection: close}. Entra
 * gets such answers in every cycle; a closed connection costs it a new TCP and TLS handshake.
 */
class KeepAliveIT {
  private static final String BASE = "/api/v1/automations/scim";
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-keepalive");
  }

  @Test
  void notFoundAndConflictLeaveTheConnectionOpen() throws IOException {
    String userName = "keepalive-" + UUID.randomUUID() + "@example.com";
    String user =
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
            + userName
            + "\",\"active\":true}";
    try (Connection c = new Connection()) {
      Answer missing = c.send("GET", BASE + "/Users/" + UUID.randomUUID(), null);
      assertEquals(404, missing.status(), missing.body());
      assertOpen(missing);

      Answer created = c.send("POST", BASE + "/Users", user);
      assertEquals(201, created.status(), created.body());
      assertOpen(created);

      Answer conflict = c.send("POST", BASE + "/Users", user.replace("keepalive-", "KEEPALIVE-"));
      assertEquals(409, conflict.status(), conflict.body());
      assertTrue(conflict.body().contains("uniqueness"), conflict.body());
      assertOpen(conflict);

      Answer groupMissing = c.send("GET", BASE + "/Groups/" + UUID.randomUUID(), null);
      assertEquals(404, groupMissing.status(), groupMissing.body());
      assertOpen(groupMissing);

      // The socket is still the one the first request went over.
      Answer config = c.send("GET", BASE + "/ServiceProviderConfig", null);
      assertEquals(200, config.status(), config.body());
      assertEquals(5, c.requests);
    }
  }

  private static void assertOpen(Answer a) {
    String connection = a.headers().getOrDefault("connection", "");
    assertNotEquals("close", connection.toLowerCase(Locale.ROOT), a.headers().toString());
  }

  record Answer(int status, Map<String, String> headers, String body) {}

  /** One keep-alive HTTP/1.1 connection; every answer must have a Content-Length. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;
    int requests;

    Connection() throws IOException {
      socket.connect(
          new InetSocketAddress("127.0.0.1", Integer.getInteger("it.http.port", 9080)), 10_000);
      socket.setSoTimeout(30_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    Answer send(String method, String target, String body) throws IOException {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1\r\n");
      head.append("Authorization: Bearer ").append(t.token).append("\r\n");
      if (body != null) {
        head.append("Content-Type: application/scim+json\r\n");
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      head.append("\r\n");
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
      } catch (IOException e) {
        throw new IOException("request " + (requests + 1) + " could not be sent: " + e, e);
      }
      requests++;
      return read();
    }

    private Answer read() throws IOException {
      String statusLine = line();
      if (statusLine == null) {
        throw new IOException("the server closed the connection before answer " + requests);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String l = line(); l != null && !l.isEmpty(); l = line()) {
        int colon = l.indexOf(':');
        headers.put(
            l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Answer(
          Integer.parseInt(statusLine.split(" ")[1]),
          headers,
          new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int c; (c = in.read()) >= 0; ) {
        if (c == '\n') {
          String s = b.toString(StandardCharsets.ISO_8859_1);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
