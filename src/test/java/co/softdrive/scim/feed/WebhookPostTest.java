package co.softdrive.scim.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pinned POST against a receiver on loopback. */
class WebhookPostTest {
  private HttpServer receiver;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/ok",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              exchange.getRequestHeaders().getFirst("Host")
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Test")
                  + " "
                  + body);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.createContext(
        "/redirect",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void connectsToTheCheckedAddressAndNamesTheHostOnlyInTheHostHeader() throws Exception {
    // The name is never resolved by the client: rebinding it after the check changes nothing.
    WebhookUrl url = WebhookUrl.parse("http://hooks.example.com:" + port() + "/ok?a=1");
    int status =
        WebhookPost.send(
            url,
            List.of(InetAddress.getLoopbackAddress()),
            Map.of("X-Test", "yes"),
            "{\"events\":[]}".getBytes(StandardCharsets.UTF_8));
    assertEquals(204, status);
    assertEquals(List.of("hooks.example.com:" + port() + " /ok?a=1 yes {\"events\":[]}"), seen);
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    WebhookUrl url = WebhookUrl.parse("http://127.0.0.1:" + port() + "/redirect");
    assertEquals(
        302,
        WebhookPost.send(url, List.of(InetAddress.getLoopbackAddress()), Map.of(), new byte[0]));
  }

  @Test
  void aClosedPortReadsAsConnectionFailedWithoutTheSocketsWords() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertEquals("connection failed", failure(closed));
  }

  @Test
  void aReceiverThatIsNotHttpReadsAsConnectionFailed() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (var c = s.accept()) {
                  c.getOutputStream().write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                  // the test reads the outcome from the client
                }
              });
      t.start();
      assertEquals("connection failed", failure(s.getLocalPort()));
      t.join(5_000);
    }
  }

  /** What a POST to this loopback port failed with. */
  private static String failure(int port) {
    WebhookUrl url = WebhookUrl.parse("http://127.0.0.1:" + port + "/");
    return assertThrows(
            WebhookPost.Failure.class,
            () ->
                WebhookPost.send(
                    url, List.of(InetAddress.getLoopbackAddress()), Map.of(), new byte[0]))
        .getMessage();
  }

  private int port() {
    return receiver.getAddress().getPort();
  }
}
