package co.softdrive.scim.it.lifecycle;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.TenantFixture;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery to a receiver on loopback: retries until accepted, signed, in order; targets
 * inside the network are refused unless allowed; failures are described in coarse words.
 */
class WebhookIT {

  @Test
  void deliveryRetriesUntilTheReceiverAcceptsAndSignaturesVerify() throws Exception {
    TenantFixture t = TenantFixture.create("webhook");
    AtomicInteger calls = new AtomicInteger();
    List<String> accepted = new CopyOnWriteArrayList<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          // The first two deliveries fail; the receiver accepts from the third on.
          int status = calls.incrementAndGet() <= 2 ? 503 : 200;
          if (status == 200) {
            accepted.add(body);
            signatures.add(exchange.getRequestHeaders().getFirst("X-Softdrive-Signature"));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      var created =
          admin()
              .contentType(ContentType.JSON)
              .body(Jsons.of("url", url, "tenantId", t.tenantId))
              .post(ItConfig.adminBase() + "/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath();
      String secret = created.getString("secret");
      String webhookId = created.getString("id");
      String u1 = t.createUser("w1@hook.example");
      String u2 = t.createUser("w2@hook.example");

      long deadline = System.currentTimeMillis() + 30_000;
      while (totalEvents(accepted) < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(calls.get() >= 3, "the failed deliveries were retried: " + calls.get());
      assertEquals(2, totalEvents(accepted), "both events arrived: " + accepted);
      // Events arrive in order, and every accepted body carries a valid signature.
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < accepted.size(); i++) {
        JsonPath body = JsonPath.from(accepted.get(i));
        ids.append(body.getList("events.resourceId"));
        String[] parts = signatures.get(i).split(",");
        String ts = parts[0].substring(2);
        assertEquals(hmac(secret, ts + "." + accepted.get(i)), parts[1].substring(3));
      }
      assertTrue(ids.toString().indexOf(u1) < ids.toString().indexOf(u2), ids.toString());
      // The endpoint's state shows success after the retries.
      admin()
          .get(ItConfig.adminBase() + "/webhooks/" + webhookId)
          .then()
          .statusCode(200)
          .body("failedAttempts", org.hamcrest.Matchers.equalTo(0))
          .body("lastSuccessAt", org.hamcrest.Matchers.notNullValue());
      admin().delete(ItConfig.adminBase() + "/webhooks/" + webhookId).then().statusCode(204);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void targetsInsideTheNetworkAndCredentialsInTheUrlAreRefused() {
    // The reported repro: the cloud metadata address, and a URL carrying a user name and password.
    // The test server allows 127.0.0.1/32 and ::1 only (scim.webhooks.allowed-networks).
    refused("http://169.254.169.254/", "link-local");
    refused("http://user:pw@127.0.0.1:1/", "user name or password");
    refused("http://10.0.0.1/hook", "private");
    refused("http://127.0.0.2:1/", "loopback");
    refused("http://[::ffff:169.254.169.254]/", "link-local");
    refused("http://[fe80::1]/", "link-local");
    refused("http://100.64.0.1/", "carrier-grade NAT");
    refused("http://0.0.0.0:1/", "unspecified");
    refused("http://2130706433/", "a.b.c.d in decimal");
    refused("http://0x7f.1/", "a.b.c.d in decimal");
    refused("gopher://127.0.0.1:1/", "http or https");
    String listing =
        admin().get(ItConfig.adminBase() + "/webhooks").then().statusCode(200).extract().asString();
    assertFalse(listing.contains("pw@"), listing);
    assertFalse(listing.contains("169.254.169.254"), listing);
  }

  @Test
  void aFailedDeliveryIsDescribedInCoarseWords() throws Exception {
    TenantFixture t = TenantFixture.create("webhook-closed");
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String webhookId =
        admin()
            .contentType(ContentType.JSON)
            .body(Jsons.of("url", "http://127.0.0.1:" + closed + "/hook", "tenantId", t.tenantId))
            .post(ItConfig.adminBase() + "/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      t.createUser("closed@hook.example");
      long deadline = System.currentTimeMillis() + 30_000;
      JsonPath state;
      do {
        Thread.sleep(200);
        state = admin().get(ItConfig.adminBase() + "/webhooks/" + webhookId).jsonPath();
      } while (state.getInt("failedAttempts") == 0 && System.currentTimeMillis() < deadline);
      // A closed port and a filtered one read the same: no socket wording, no exception text.
      assertEquals("connection failed", state.getString("lastError"));
    } finally {
      admin().delete(ItConfig.adminBase() + "/webhooks/" + webhookId).then().statusCode(204);
    }
  }

  private static void refused(String url, String detail) {
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("url", url))
        .post(ItConfig.adminBase() + "/webhooks")
        .then()
        .statusCode(400)
        .body("detail", containsString(detail));
  }

  @Test
  void webhookUrlMustBeHttp() {
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("url", "ftp://example.org/x"))
        .post(ItConfig.adminBase() + "/webhooks")
        .then()
        .statusCode(400);
  }

  private static int totalEvents(List<String> bodies) {
    int n = 0;
    for (String b : bodies) {
      n += JsonPath.from(b).getList("events").size();
    }
    return n;
  }

  private static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
